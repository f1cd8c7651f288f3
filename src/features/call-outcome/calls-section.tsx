import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { correctionDraftId, manualDraftId } from "~src/domain/calls/outcome-draft"
import { correctionOf, outcomeCustomerOf, outcomeDefaults, type OutcomeContext } from "~src/domain/calls/outcome-form"
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
  if (verb === "fix" && customerId && path[2]) return <CorrectCall key={path[2]} customerId={customerId} logId={path[2]} />
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

/**
 * `#/calls/fix/<customerId>/<logId>`: "Correct" on a timeline entry. Logs are append-only: the form opens with
 * what was logged, and saving writes a new log naming this one (`correctsId`), which the timeline, the team and
 * the webhook then show in its place. Only the latest version of a call can be corrected (the timeline's).
 */
function CorrectCall({ customerId, logId }: { customerId: string; logId: string }) {
  const { t, i18n } = useTranslation()
  const settings = useSettings()
  const timeZone = useMemo(agentTimeZone, [])
  const [loaded, setLoaded] = useState<{ customer: Customer; log: CallLog } | null | undefined>(undefined)
  const [saved, setSaved] = useState<CallLog | null>(null)
  useEffect(() => {
    Promise.all([send("customers/get", { ids: [customerId] }), send("calls/timeline", { customerId, limit: 50 })]).then(
      ([c, tl]) => {
        const customer = c.customers[0]
        const log = tl.logs.find((l) => l.id === logId)
        setLoaded(customer && log ? { customer, log } : null)
      },
      () => setLoaded(null)
    )
  }, [customerId, logId])
  const opened = useMemo(() => (loaded ? correctionOf(loaded.log, outcomeCustomerOf(loaded.customer), timeZone) : null), [loaded, timeZone])
  const back = routeHash(`customers/${encodeURIComponent(customerId)}`)

  if (loaded === undefined) return null
  return (
    <div className="c-workspace-split" data-comptoir="correct-call-page">
      <div>
        <h1>{t("callOutcome.form.correctTitle")}</h1>
        {!loaded || !opened ? (
          <p className="c-error" data-comptoir="correct-missing">
            {t("callOutcome.page.correctMissing")}
          </p>
        ) : saved ? (
          <p className="c-outcome-saved" data-comptoir="outcome-saved" data-log-id={saved.id}>
            ✓ {t("callOutcome.saved.corrected", { outcome: t(`callOutcome.outcome.${saved.outcome}`) })}
          </p>
        ) : (
          <OutcomeForm
            draftId={correctionDraftId(loaded.log.id)}
            context={opened.context}
            defaults={opened.defaults}
            summary={null}
            scripts={opened.scripts}
            agentCountry={settings.defaultCountry}
            onSaved={setSaved}
            onDiscarded={() => (location.hash = back)}
          />
        )}
        <p>
          <a href={back}>{t("callOutcome.page.back")}</a>
        </p>
      </div>
      <div className="c-workspace-detail">
        <CallTimeline key={saved?.id ?? "none"} customerId={customerId} t={t} locale={i18n.language} initiallyOpen />
      </div>
    </div>
  )
}
