import { memo, useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { followsProposal, rankScripts } from "~src/domain/scripts/choose-script"
import { startRun, type ScriptLanguage } from "~src/domain/scripts/script-engine"
import { cardRunId, variableValues, type OverdueInvoice } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import type { SoftphoneView } from "~src/domain/telephony"
import { documentsSummary } from "~src/features/invoicing/documents-summary"
import { CALL_SETUP_MOUNT_HOLD_MS, useCallSetUp, useSoftphoneSelect } from "~src/features/softphone/use-softphone"

import { ScriptRunner } from "./script-runner"
import { closeCardScript, useAgent, useCallRun, useCardScript, useScriptLibrary } from "./use-scripts"

/**
 * The script beside the call, in the side panel, the popup and the softphone tab: shown while a call rings out,
 * is under way or has just ended after an answer (the last answers can still be clicked), for the call's customer;
 * not beside a call nobody answered (missed, busy): there was no conversation to follow. Without a call, for the
 * customer whose card asked for it ("Script" on the card).
 */
export function CallScriptPanel({ withCard = true }: { withCard?: boolean }) {
  const call = useSoftphoneSelect(scriptCallOf)
  const card = useCardScript()
  const { scripts } = useScriptLibrary()
  const agent = useAgent()
  const setUp = useCallSetUp(call)
  // Like the dock's caller card: the runner is mounted once the call's set-up no longer needs the main thread.
  const mounted = useCallSetUp(call, CALL_SETUP_MOUNT_HOLD_MS)
  if (!scripts || scripts.length === 0) return null

  const live = call?.phase === "ringing-out" || call?.phase === "in-call"
  // A call just ended keeps its script (the last answers can still be clicked) until a card asks for one; a call
  // that ended unanswered has none.
  const ended = call?.phase === "ended" && call.answeredAt !== null && !(card && withCard && card.at > (call.endedAt ?? 0))
  if (call && (live || ended)) {
    if (!mounted) return null
    const caller = call.caller
    const customer = caller?.candidates.find((c) => c.id === caller.customerId) ?? null
    return <CallRunner key={call.id} callId={call.id} direction={call.direction} customer={customer} contactId={caller?.contactId ?? null} scripts={scripts} agent={agent} ready={setUp} />
  }
  if (card && withCard) {
    return (
      <div data-comptoir="card-script">
        <CallRunner
          key={`${card.customer.id}:${card.invoice?.number ?? ""}`}
          callId={cardRunId(card.customer.id)}
          direction="outbound"
          customer={card.customer}
          contactId={card.contactId}
          invoice={card.invoice ?? null}
          scripts={scripts}
          agent={agent}
          onClose={closeCard}
        />
      </div>
    )
  }
  return null
}

/**
 * What the panel reads of the published view: the same object (no render) while none of it changes, so a mute, a
 * hold or the timer's publications leave the script alone (issue #9).
 */
function scriptCallOf(view: SoftphoneView | null) {
  const call = view?.state.call
  if (!call) return null
  const { id, direction, phase, startedAt, answeredAt, endedAt } = call
  return { id, direction, phase, startedAt, answeredAt, endedAt, caller: view.caller?.callId === id ? view.caller : null }
}

/** Memoised: the panel renders again at the call's answer (the set-up's release needs it), the runner need not. */
const CallRunner = memo(function CallRunner({
  callId,
  direction,
  customer,
  contactId,
  invoice = null,
  scripts,
  agent,
  onClose,
  ready = true
}: {
  callId: string
  direction: "inbound" | "outbound"
  customer: Customer | null
  contactId: string | null
  /** The invoice the script was opened for, if any: its facts, whatever else is overdue. */
  invoice?: OverdueInvoice | null
  scripts: CallScript[]
  agent: { name: string | null; company: string | null }
  onClose?: () => void
  /** False while an outgoing call is being set up: the overdue check (and so the run's start) waits for it. */
  ready?: boolean
}) {
  const { t, i18n } = useTranslation()
  const invoices = useOverdueInvoices(customer?.id ?? null, ready)
  const overdue = invoices === null ? null : invoices.overdue
  const overdueInvoice = invoice ?? invoices?.mostOverdue ?? null
  // The scripts proposed for this call first (direction, the customer's tags and overdue invoices), then every other one.
  const ordered = useMemo(() => {
    const ranked = rankScripts(scripts, { direction, customerTags: customer?.tags ?? [], hasOverdueInvoices: overdue === true })
    return [...ranked, ...scripts.filter((s) => !ranked.includes(s))]
  }, [scripts, direction, customer, overdue])
  const language: ScriptLanguage = customer?.language ?? (i18n.language === "fr" ? "fr" : "en")
  // The run starts once the customer's invoices are known (a moment): no script flashes before the right one.
  const started = useRef(false)
  if (overdue !== null) started.current = true
  const [run, save] = useCallRun(callId, started.current ? ordered : NO_SCRIPTS, { scriptId: ordered[0]!.id, language })
  // Overdue invoices known after the run started (the customer picked later): an untouched run follows.
  const proposal = overdue === null ? null : ordered[0]!.id
  const proposed = useRef(proposal)
  useEffect(() => {
    if (proposal === null) return
    const before = proposed.current
    proposed.current = proposal
    if (run && before !== null && followsProposal(run, before, proposal)) save(startRun(ordered[0]!, run.language))
  }, [proposal, run, ordered, save])
  // `{{greeting}}` at the agent's clock, read at each render; the values are made again when the hour has changed.
  const hour = new Date().getHours()
  const values = useMemo(
    () => variableValues({ customer, contactId, agentName: agent.name, agentCompany: agent.company, now: new Date(), overdueInvoice }),
    [customer, contactId, agent, hour, overdueInvoice]
  )
  // The customer chosen after the script started (the picker of a shared number): an untouched run starts again
  // with that customer's script and language.
  const shownFor = useRef(customer?.id ?? null)
  useEffect(() => {
    const id = customer?.id ?? null
    if (id === shownFor.current) return
    shownFor.current = id
    if (run && run.answers.length === 0 && run.path.length === 1) save(startRun(ordered[0]!, language))
  }, [customer?.id, run, ordered, language, save])
  const script = run ? ordered.find((s) => s.id === run.scriptId) : undefined
  if (!run || !script) return null
  return (
    <div className="c-script-panel">
      <div className="c-section-title">
        {/* One flex item: as two, a long company wrapped in a column of its own beside "Script d'appel". */}
        <span className="c-script-heading">
          {t("callScript.runner.title")}
          {customer ? <span className="c-muted"> · {customer.company}</span> : null}
        </span>
        {onClose ? (
          <button type="button" className="c-link-button" data-comptoir="script-close" onClick={onClose}>
            {t("callScript.runner.close")}
          </button>
        ) : null}
      </div>
      <ScriptRunner
        scripts={ordered}
        script={script}
        run={run}
        values={values}
        onRun={save}
        onScript={(id) => {
          const next = ordered.find((s) => s.id === id)
          if (next) save(startRun(next, run.language))
        }}
      />
    </div>
  )
})

const NO_SCRIPTS: CallScript[] = []
const closeCard = () => void closeCardScript()

/**
 * Whether the customer has overdue invoices (the card's documents summary), and the most overdue one (the payment
 * reminder's facts: they were gaps while the card beside showed the invoices); null while unknown. Without a
 * customer, or when the summary cannot be read, none: the call goes on with the usual scripts.
 */
function useOverdueInvoices(customerId: string | null, ready: boolean): { overdue: boolean; mostOverdue: OverdueInvoice | null } | null {
  const [known, setKnown] = useState<{ id: string; overdue: boolean; mostOverdue: OverdueInvoice | null } | null>(null)
  useEffect(() => {
    if (!customerId || !ready) return
    let live = true
    // The same request as the caller card's documents block, shared while under way.
    documentsSummary(customerId).then(
      (r) => live && setKnown({ id: customerId, overdue: r.overdueInvoices.count > 0, mostOverdue: overdueInvoiceOf(r.overdueInvoices.mostOverdue) }),
      () => live && setKnown({ id: customerId, overdue: false, mostOverdue: null })
    )
    return () => {
      live = false
    }
  }, [customerId, ready])
  if (!customerId) return NONE_OVERDUE
  return known?.id === customerId ? known : null
}

const NONE_OVERDUE = { overdue: false, mostOverdue: null }

/** The summary's most overdue invoice, read field by field (a page's messaging checks only the counts). */
function overdueInvoiceOf(v: unknown): OverdueInvoice | null {
  if (!v || typeof v !== "object") return null
  const o = v as Record<string, unknown>
  const ok = typeof o.number === "string" && typeof o.remainingCents === "number" && typeof o.dueDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(o.dueDate) && typeof o.daysOverdue === "number"
  return ok ? { number: o.number as string, remainingCents: o.remainingCents as number, dueDate: o.dueDate as string, daysOverdue: o.daysOverdue as number } : null
}
