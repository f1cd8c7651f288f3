import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { correctionDraftId, manualDraftId } from "~src/domain/calls/outcome-draft"
import { correctionOf, outcomeCustomerOf, outcomeDefaults, type OutcomeContext } from "~src/domain/calls/outcome-form"
import type { Customer } from "~src/domain/customers/customer.schema"
import { formatPhone } from "~src/features/customer-card/format"
import { routeHash } from "~src/features/workspace/route"
import type { ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { useSettings } from "~src/ui/app-shell"
import { formatDateTime, formatDay, uiLang } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"

import { CallTimeline } from "./call-timeline"
import { savedSentences } from "./saved-notice"
import { agentTimeZone, OutcomeForm } from "./outcome-form"

/**
 * The workspace's "Calls" section: `#/calls`, the latest calls. `#/calls/log/<customerId>`: "Log a call" from the card, for a call made
 * elsewhere (a desk phone, a mobile): the same form as at hang-up, its call fields empty to fill; its draft
 * is kept per customer like a call's.
 */
export function CallsSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const [verb, customerId] = path
  if (verb === "log" && customerId) return <LogCall key={customerId} customerId={customerId} />
  if (verb === "fix" && customerId && path[2]) return <CorrectCall key={path[2]} customerId={customerId} logId={path[2]} />
  return <CallList t={t} />
}

type RecentCall = ResponseOf<"calls/recent">["calls"][number]

/** How long a call lasted, as the timeline says it: 6:30. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`
}

/**
 * `#/calls`: the base's latest calls, any customer, newest first (each by its latest correction), as the other
 * sections list their documents: a heading, then a table. A row opens its customer (their card and timeline).
 */
function CallList({ t }: { t: ReturnType<typeof useTranslation>["t"] }) {
  const { i18n } = useTranslation()
  const settings = useSettings()
  const [calls, setCalls] = useState<RecentCall[] | null>(null)
  const [names, setNames] = useState<Readonly<Record<string, string>>>({})
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    send("calls/recent", { limit: 100 }).then(
      (r) => {
        setCalls(r.calls)
        setNames(r.names ?? {})
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e))
    )
  }, [])
  const lang = uiLang(i18n.language)
  const open = (c: RecentCall) => {
    if (c.customer) location.hash = routeHash(`customers/${encodeURIComponent(c.customer.id)}`)
  }
  return (
    <section className="c-docs" data-comptoir="calls-list">
      <h1>{t("callOutcome.list.title")}</h1>
      <p className="c-muted">{t("callOutcome.page.pick")}</p>
      {error ? <p className="c-error">{error}</p> : null}
      {calls === null && !error ? (
        <p className="c-muted">{t("callOutcome.list.loading")}</p>
      ) : calls?.length === 0 ? (
        <p className="c-empty" data-comptoir="calls-empty">
          {t("callOutcome.list.empty")}
        </p>
      ) : calls ? (
        <table className="c-table c-docs-table">
          <thead>
            <tr>
              <th>{t("callOutcome.list.when")}</th>
              <th>{t("callOutcome.list.customer")}</th>
              <th>{t("callOutcome.list.outcome")}</th>
              <th className="c-num">{t("callOutcome.list.duration")}</th>
              <th>{t("callOutcome.list.notes")}</th>
              <th>{t("callOutcome.list.agent")}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr
                key={c.log.id}
                className="c-docs-row"
                data-comptoir="call-row"
                data-log-id={c.log.id}
                data-outcome={c.log.outcome}
                tabIndex={c.customer ? 0 : undefined}
                onClick={() => open(c)}
                onKeyDown={(e) => e.key === "Enter" && open(c)}>
                <td className="c-nowrap">
                  <span aria-label={t(`callOutcome.direction.${c.log.direction}`)} title={t(`callOutcome.direction.${c.log.direction}`)}>
                    {c.log.direction === "inbound" ? "↙" : "↗"}
                  </span>{" "}
                  <time dateTime={new Date(c.log.startedAt).toISOString()}>{formatDateTime(c.log.startedAt, lang)}</time>
                </td>
                <td>
                  {c.customer ? (
                    <>
                      {c.customer.company} <span className="c-muted c-nowrap">{c.customer.code}</span>
                    </>
                  ) : (
                    <span className="c-muted">{c.log.number ? formatPhone(c.log.number, settings.defaultCountry) : t("callOutcome.list.noCustomer")}</span>
                  )}
                </td>
                <td>
                  <span className="c-chip">{t(`callOutcome.outcome.${c.log.outcome}`)}</span>
                  {c.log.correctsId ? <span className="c-muted"> · {t("callOutcome.timeline.corrected")}</span> : null}
                  {/* When it is due: a "Call back" without its time left the agent to open the customer to find it. */}
                  {c.log.callbackAt !== null ? (
                    <div className="c-muted" data-comptoir="call-row-when">
                      {t("callOutcome.timeline.callback", { at: formatDateTime(c.log.callbackAt, lang) })}
                    </div>
                  ) : c.log.appointment ? (
                    <div className="c-muted" data-comptoir="call-row-when">
                      {t("callOutcome.timeline.appointment", { date: formatDay(c.log.appointment.date, lang), time: c.log.appointment.time, rep: c.log.appointment.salesRep, place: c.log.appointment.place })}
                    </div>
                  ) : null}
                </td>
                <td className="c-num">{c.log.durationSeconds > 0 ? clock(c.log.durationSeconds) : ""}</td>
                <td>{c.log.notes}</td>
                <td className="c-muted" data-comptoir="call-agent" title={c.log.agent || undefined}>
                  {c.log.agent ? teamName(c.log.agent, names) : t("callOutcome.timeline.thisDevice")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
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
            ✓ {savedSentences(saved, t, i18n.language).join(" ")}{" "}
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
        <CallTimeline key={saved?.id ?? "none"} customerId={customer.id} contacts={customer.contacts} t={t} locale={i18n.language} initiallyOpen reveal={saved?.id ?? null} />
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
        <CallTimeline key={saved?.id ?? "none"} customerId={customerId} contacts={loaded?.customer.contacts} t={t} locale={i18n.language} initiallyOpen reveal={saved?.id ?? null} />
      </div>
    </div>
  )
}
