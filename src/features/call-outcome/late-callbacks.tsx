import { memo, useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { DRAFTS_CHANGED_KEY } from "~src/domain/calls/outcome-draft"
import { REMINDER_MARKS_KEY } from "~src/domain/calls/reminders"
import { formatPhone } from "~src/features/customer-card/format"
import { CallButton } from "~src/features/softphone/call-button"
import { send } from "~src/messaging/send"
import type { ResponseOf } from "~src/messaging/contract"
import { formatDateTime, uiLang } from "~src/ui/dates"

type Late = ResponseOf<"calls/late">["callbacks"][number]

/**
 * Call-backs whose time passed while this device was off, or before a sync brought them: listed in the dock
 * until the customer is called again (a log saved for them) or the agent puts them away. Read again when the
 * background notified one (the marks change) or a log was saved (the drafts change). Memoised: not rendered again
 * with the outcome dock when a call starts (issue #9).
 */
export const LateCallbacks = memo(function LateCallbacks({ agentCountry }: { agentCountry: string }) {
  const { t, i18n } = useTranslation()
  const [late, setLate] = useState<Late[]>([])
  const read = useCallback((dismiss?: string) => {
    send("calls/late", dismiss ? { dismiss } : {})
      .then((r) => setLate(r.callbacks))
      .catch(() => undefined)
  }, [])
  useEffect(() => {
    read()
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if ((area === "local" && REMINDER_MARKS_KEY in changes) || (area === "session" && DRAFTS_CHANGED_KEY in changes)) read()
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => chrome.storage.onChanged.removeListener(onChanged)
  }, [read])
  if (late.length === 0) return null
  return (
    <section className="c-outcome-pending" data-comptoir="callbacks-late" aria-label={t("callbacks.shown.listTitle", { count: late.length })}>
      <div className="c-section-title">{t("callbacks.shown.listTitle", { count: late.length })}</div>
      <ul>
        {late.map(({ log, customer }) => (
          <li key={log.id} data-comptoir="callback-late" data-log-id={log.id}>
            {/* One flex item, wrapping as text: as three, the notes went to a line of their own starting with "·". A
                line may end with "·", never start with one (the no-break space holds it to the word before). */}
            <span className="c-call-history-what">
              {customer?.company || (log.number ? formatPhone(log.number, agentCountry) : "?")}
              <span className="c-muted">
                {"\u00a0· "}
                {/* "due 4 Dec 2026, 09:00" in one piece: it wrapped between the month and the year. */}
                <span className="c-nowrap">{t("callbacks.shown.dueAt", { at: formatDateTime(log.callbackAt!, uiLang(i18n.language)) })}</span>
              </span>
              {log.notes ? <span className="c-muted">{`\u00a0· ${log.notes}`}</span> : null}
            </span>{" "}
            {log.number ? (
              <CallButton
                number={log.number}
                className="c-button c-button-secondary"
                // The contact only with its customer (softphone/call refuses a contact alone): one deleted since calls the number.
                onCall={() => void send("softphone/call", { number: log.number!, ...(customer ? { customerId: customer.id, ...(log.contactId ? { contactId: log.contactId } : {}) } : {}) })}>
                {t("callbacks.shown.call")}
              </CallButton>
            ) : null}{" "}
            <button type="button" className="c-button c-button-secondary" data-comptoir="callback-late-dismiss" onClick={() => read(log.id)}>
              {t("callbacks.shown.dismiss")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
})
