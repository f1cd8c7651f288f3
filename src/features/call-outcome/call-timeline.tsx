import { useEffect, useState } from "react"
import type { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { formatDateTime, formatDay, uiLang } from "~src/ui/dates"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * Part of the content script (the card renders in the page panel): no zod, no message contract here. The
 * background validates the request (`calls/timeline`); the reply is read field by field and shown as text.
 */
async function readTimeline(customerId: string): Promise<{ logs: TimelineEntry[]; total: number }> {
  const reply = (await chrome.runtime.sendMessage({ type: "calls/timeline", payload: { customerId, limit: 20 } })) as
    | { ok: true; data: { logs: unknown[]; total: number } }
    | { ok: false; error: string }
    | undefined
  if (!reply) throw new Error("no answer from the background")
  if (!reply.ok) throw new Error(reply.error)
  const logs = Array.isArray(reply.data?.logs) ? reply.data.logs.flatMap(entryOf) : []
  return { logs, total: typeof reply.data?.total === "number" ? reply.data.total : logs.length }
}

type TimelineEntry = Pick<CallLog, "id" | "direction" | "startedAt" | "durationSeconds" | "outcome" | "notes" | "agent" | "callbackAt" | "correctsId"> & {
  appointment: { date: string; time: string; salesRep: string; place: string } | null
}

function entryOf(raw: unknown): TimelineEntry[] {
  if (!raw || typeof raw !== "object") return []
  const r = raw as Record<string, unknown>
  const str = (v: unknown) => (typeof v === "string" ? v : "")
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null)
  const startedAt = num(r.startedAt)
  if (startedAt === null || typeof r.id !== "string") return []
  const a = r.appointment && typeof r.appointment === "object" ? (r.appointment as Record<string, unknown>) : null
  return [
    {
      id: r.id,
      direction: r.direction === "inbound" ? "inbound" : "outbound",
      startedAt,
      durationSeconds: num(r.durationSeconds) ?? 0,
      outcome: str(r.outcome) as CallLog["outcome"],
      notes: str(r.notes),
      agent: str(r.agent),
      callbackAt: num(r.callbackAt),
      correctsId: typeof r.correctsId === "string" ? r.correctsId : null,
      appointment: a ? { date: str(a.date), time: str(a.time), salesRep: str(a.salesRep), place: str(a.place) } : null
    }
  ]
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60)
  return `${m}:${String(Math.round(seconds % 60)).padStart(2, "0")}`
}

/**
 * The customer's calls, newest first (date, outcome, notes, agent), in the card. Read when the agent opens it,
 * never with the card: a CRM list page shows hundreds of cards and must stay one lookup per page.
 */
export function CallTimeline({ customerId, t, locale, initiallyOpen = false }: { customerId: string; t: Translate; locale: string; initiallyOpen?: boolean }) {
  const [state, setState] = useState<{ status: "idle" | "loading" | "done" | "error"; logs: TimelineEntry[]; total: number; error?: string }>({ status: "idle", logs: [], total: 0 })
  const load = () => {
    if (state.status === "loading" || state.status === "done") return
    setState((s) => ({ ...s, status: "loading" }))
    readTimeline(customerId).then(
      (r) => setState({ status: "done", logs: r.logs, total: r.total }),
      (e: unknown) => setState({ status: "error", logs: [], total: 0, error: e instanceof Error ? e.message : String(e) })
    )
  }
  useEffect(() => {
    if (initiallyOpen) load()
    // Once, for a card shown open (an extension page); the panel's cards wait for the agent's click.
  }, [])
  return (
    <details
      className="c-timeline"
      data-comptoir="call-timeline"
      data-state={state.status}
      open={initiallyOpen || undefined}
      onClick={(e) => e.stopPropagation()}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) load()
      }}>
      <summary>{t("callOutcome.timeline.title")}</summary>
      {state.status === "loading" ? <p className="c-muted">{t("callOutcome.timeline.loading")}</p> : null}
      {state.status === "error" ? <p className="c-error">{t("callOutcome.timeline.error", { message: state.error ?? "" })}</p> : null}
      {state.status === "done" && state.logs.length === 0 ? <p className="c-muted">{t("callOutcome.timeline.empty")}</p> : null}
      {state.logs.length > 0 ? (
        <ol className="c-timeline-list">
          {state.logs.map((l) => (
            <li key={l.id} data-comptoir="call-log" data-outcome={l.outcome} data-log-id={l.id}>
              <div>
                <span>{l.direction === "inbound" ? "↙" : "↗"} </span>
                <time dateTime={new Date(l.startedAt).toISOString()}>{formatDateTime(l.startedAt, uiLang(locale))}</time>
                <span className="c-chip">{t(`callOutcome.outcome.${l.outcome}`, { defaultValue: l.outcome })}</span>
                {l.durationSeconds > 0 ? <span className="c-muted">{clock(l.durationSeconds)}</span> : null}
                {l.correctsId ? <span className="c-muted"> · {t("callOutcome.timeline.corrected")}</span> : null}
              </div>
              {l.notes ? <div className="c-timeline-notes">{l.notes}</div> : null}
              {l.callbackAt !== null ? (
                <div className="c-muted">{t("callOutcome.timeline.callback", { at: formatDateTime(l.callbackAt, uiLang(locale)) })}</div>
              ) : null}
              {l.appointment ? (
                <div className="c-muted">
                  {t("callOutcome.timeline.appointment", { date: formatDay(l.appointment.date, uiLang(locale)), time: l.appointment.time, rep: l.appointment.salesRep, place: l.appointment.place })}
                </div>
              ) : null}
              <div className="c-timeline-foot">
                <span className="c-muted">{l.agent || t("callOutcome.timeline.thisDevice")}</span>
                <CorrectButton customerId={customerId} logId={l.id} t={t} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {state.total > state.logs.length ? <p className="c-muted">{t("callOutcome.timeline.more", { count: state.total - state.logs.length })}</p> : null}
    </details>
  )
}

/** Opens the workspace's route (from a page: through the background; the content script cannot open extension pages). */
function openWorkspace(path: string): void {
  if (location.href.startsWith(chrome.runtime.getURL("tabs/workspace.html"))) location.hash = `#/${path}`
  else void chrome.runtime.sendMessage({ type: "workspace/open", payload: { path } }).catch(() => undefined)
}

/** "Correct" a logged call: the form opens with what was logged; saving writes a new log that supersedes it. */
function CorrectButton({ customerId, logId, t }: { customerId: string; logId: string; t: Translate }) {
  return (
    <button
      type="button"
      className="c-link-button"
      data-comptoir="call-log-correct"
      onClick={(e) => {
        e.stopPropagation()
        // Only the agent's own click: in a page, the page's scripts can click for them.
        if (!e.nativeEvent.isTrusted) return
        openWorkspace(`calls/fix/${encodeURIComponent(customerId)}/${encodeURIComponent(logId)}`)
      }}>
      {t("callOutcome.action.correct")}
    </button>
  )
}

/**
 * "Log a call" for a call made elsewhere: the workspace's form for this customer. From a page (the content
 * script cannot open extension pages) through `workspace/open`; inside the workspace, by its own route.
 */
export function LogCallButton({ customerId, t }: { customerId: string; t: Translate }) {
  return (
    <button
      type="button"
      className="c-button c-button-secondary"
      data-comptoir="log-call"
      onClick={(e) => {
        e.stopPropagation()
        // Only the agent's own click: in a page, the page's scripts can click for them.
        if (!e.nativeEvent.isTrusted) return
        openWorkspace(`calls/log/${encodeURIComponent(customerId)}`)
      }}>
      {t("callOutcome.action.logCall")}
    </button>
  )
}
