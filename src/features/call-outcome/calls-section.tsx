import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { manualDraftId } from "~src/domain/calls/outcome-draft"
import { outcomeCustomerOf, outcomeDefaults, type OutcomeContext } from "~src/domain/calls/outcome-form"
import type { Customer } from "~src/domain/customers/customer.schema"
import { routeHash } from "~src/features/workspace/route"
import { send } from "~src/messaging/send"
import { useSettings } from "~src/ui/app-shell"

import { CallTimeline } from "./call-timeline"
import { agentTimeZone, OutcomeForm } from "./outcome-form"

/**
 * The workspace's "Calls" section. `#/calls/log/<customerId>`: "Log a call" from the card, for a call made
 * elsewhere (a desk phone, a mobile): the same form as at hang-up, its call fields empty to fill; its draft
 * is kept per customer like a call's.
 */
export function CallsSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const [verb, customerId] = path
  if (verb === "log" && customerId) return <LogCall key={customerId} customerId={customerId} />
  return <p className="c-muted">{t("callOutcome.page.pick")}</p>
}

function LogCall({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const settings = useSettings()
  const [customer, setCustomer] = useState<Customer | null | undefined>(undefined)
  const [saved, setSaved] = useState<CallLog | null>(null)
  useEffect(() => {
    send("customers/get", { ids: [customerId] }).then(
      (r) => setCustomer(r.customers[0] ?? null),
      () => setCustomer(null)
    )
  }, [customerId])
  const timeZone = useMemo(agentTimeZone, [])
  const context = useMemo<OutcomeContext | null>(
    () => (customer ? { callId: null, customer: outcomeCustomerOf(customer), measured: null, correctsId: null } : null),
    [customer]
  )
  const defaults = useMemo(() => outcomeDefaults(null, timeZone, Date.now()), [timeZone])

  if (customer === undefined) return null
  if (customer === null || !context) return <p className="c-error">{t("callOutcome.page.customerMissing")}</p>
  return (
    <div className="c-workspace-split" data-comptoir="log-call-page">
      <div>
        <h1>{t("callOutcome.page.title")}</h1>
        {saved ? (
          <p className="c-outcome-saved" data-comptoir="outcome-saved" data-log-id={saved.id}>
            ✓ {t("callOutcome.saved.done", { outcome: t(`callOutcome.outcome.${saved.outcome}`) })}{" "}
            <button type="button" className="c-button c-button-secondary" data-comptoir="log-another" onClick={() => setSaved(null)}>
              {t("callOutcome.page.another")}
            </button>
          </p>
        ) : (
          <OutcomeForm
            draftId={manualDraftId(customer.id)}
            context={context}
            defaults={defaults}
            summary={null}
            agentCountry={settings.defaultCountry}
            onSaved={setSaved}
            onDiscarded={() => (location.hash = routeHash(`customers/${encodeURIComponent(customer.id)}`))}
          />
        )}
        <p>
          <a href={routeHash(`customers/${encodeURIComponent(customer.id)}`)}>{t("callOutcome.page.back")}</a>
        </p>
      </div>
      <div className="c-workspace-detail">
        <CallTimeline key={saved?.id ?? "none"} customerId={customer.id} t={t} locale={i18n.language} initiallyOpen />
      </div>
    </div>
  )
}
