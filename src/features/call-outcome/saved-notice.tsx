import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import type { OutcomeContext } from "~src/domain/calls/outcome-form"
import { formatDateTime, formatDayLong, uiLang } from "~src/ui/dates"
import { useSalesRepTeam } from "~src/ui/use-sales-rep-team"

import { appointmentFile } from "./appointment-download"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * What was logged, in whole sentences: the outcome the agent chose, then the reminder and the appointment when there
 * are some. It read "✓ Logged: Call back. · Reminder on …", a period then a separator, which wrapped in the narrow
 * dock as a line ending "Call back. ·".
 */
export function savedSentences(log: Pick<CallLog, "outcome" | "callbackAt" | "appointment">, t: Translate, language: string): string[] {
  const lang = uiLang(language)
  const out = [t("callOutcome.saved.done", { outcome: t(`callOutcome.outcome.${log.outcome}`) })]
  if (log.appointment) {
    const a = log.appointment
    out.push(t("callOutcome.saved.appointment", { date: formatDayLong(a.date, lang) || a.date, time: a.time, rep: a.salesRep }))
  }
  if (log.callbackAt !== null) out.push(t("callOutcome.saved.reminder", { at: formatDateTime(log.callbackAt, lang) }))
  return out
}

/** The notice under the dock's form once saved, with the appointment's calendar file to download. */
export function SavedNotice({ log, context, onClose }: { log: CallLog; context: OutcomeContext; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const [href, setHref] = useState<{ url: string; name: string } | null>(null)
  const team = useSalesRepTeam(null)
  const people = team?.people
  useEffect(() => {
    const file = appointmentFile(log, context.customer, t, people)
    if (!file) return
    const url = URL.createObjectURL(new Blob([file.text], { type: "text/calendar;charset=utf-8" }))
    setHref({ url, name: file.name })
    return () => URL.revokeObjectURL(url)
  }, [log, context, t, people])
  return (
    <p className="c-outcome-saved" data-comptoir="outcome-saved" data-log-id={log.id}>
      ✓ {savedSentences(log, t, i18n.language).join(" ")}
      {href ? (
        <>
          {" "}
          <a href={href.url} download={href.name} data-comptoir="outcome-ics">
            {t("callOutcome.saved.ics")}
          </a>
        </>
      ) : null}{" "}
      <button type="button" className="c-button c-button-secondary" onClick={onClose} aria-label={t("callOutcome.saved.close")}>
        ×
      </button>
    </p>
  )
}
