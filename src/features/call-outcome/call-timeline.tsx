import { useEffect, useRef, useState } from "react"
import type { useTranslation } from "react-i18next"

import type { CallLog } from "~src/domain/calls/call-log.schema"
import { formatCents } from "~src/domain/documents/money"
import { mergeTimeline, type DocumentEvent, type DocumentEventKind, type TimelineItem } from "~src/domain/documents/timeline"
import { openDocuments } from "~src/features/invoicing/open-documents"
import { formatDateTime, formatDay, uiLang } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"
import { ContactAfter } from "~src/ui/contact-after"

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * Part of the content script (the card renders in the page panel): no zod, no message contract here. The
 * background validates the request (`calls/timeline`, `documents/timeline`); the reply's list is read entry by
 * entry (`read` keeps what it can show) and shown as text.
 */
async function readList<T>(type: "calls/timeline" | "documents/timeline", customerId: string, list: "logs" | "events", read: (raw: unknown) => T[]) {
  const reply = (await chrome.runtime.sendMessage({ type, payload: { customerId, limit: TIMELINE_LIMIT } })) as { ok: true; data: Record<string, unknown> | undefined } | { ok: false; error: string } | undefined
  if (!reply) throw new Error("no answer from the background")
  if (!reply.ok) throw new Error(reply.error)
  const raw = reply.data?.[list]
  const items = Array.isArray(raw) ? raw.flatMap(read) : []
  return { items, total: typeof reply.data?.total === "number" ? reply.data.total : items.length, data: reply.data ?? {} }
}

/** The customer's calls, with the names of the agents who logged them (by e-mail in lower case) when the background knows them. */
async function readTimeline(customerId: string): Promise<{ logs: TimelineEntry[]; total: number; names: Record<string, string> }> {
  const { items, total, data } = await readList("calls/timeline", customerId, "logs", entryOf)
  return { logs: items, total, names: namesOf(data.names) }
}

function namesOf(raw: unknown): Record<string, string> {
  if (!raw || typeof raw !== "object") return {}
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"))
}

type TimelineEntry = Pick<CallLog, "id" | "direction" | "startedAt" | "durationSeconds" | "outcome" | "notes" | "agent" | "callbackAt" | "correctsId" | "contactId"> & {
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
      contactId: typeof r.contactId === "string" ? r.contactId : null,
      appointment: a ? { date: str(a.date), time: str(a.time), salesRep: str(a.salesRep), place: str(a.place) } : null
    }
  ]
}

const EVENT_KINDS: readonly DocumentEventKind[] = ["mail-captured", "quote-sent", "quote-accepted", "quote-refused", "order-confirmed", "invoice-issued", "credit-note-issued", "payment-recorded", "payment-cancelled"]
const DOCUMENT_TYPES: readonly DocumentEvent["documentType"][] = ["quote", "order", "invoice", "credit-note"]

/** The card's timeline's documents (`documents/timeline`), read field by field as the calls are. */
async function readDocumentEvents(customerId: string): Promise<{ events: DocumentEvent[]; total: number }> {
  const { items, total } = await readList("documents/timeline", customerId, "events", eventOf)
  return { events: items, total }
}

function eventOf(raw: unknown): DocumentEvent[] {
  if (!raw || typeof raw !== "object") return []
  const r = raw as Record<string, unknown>
  const kind = EVENT_KINDS.find((k) => k === r.kind)
  const documentType = DOCUMENT_TYPES.find((k) => k === r.documentType)
  if (!kind || !documentType || typeof r.id !== "string" || typeof r.documentId !== "string" || typeof r.at !== "number" || typeof r.amountCents !== "number") return []
  const m = r.mail && typeof r.mail === "object" ? (r.mail as Record<string, unknown>) : null
  return [
    {
      id: r.id,
      kind,
      at: r.at,
      documentId: r.documentId,
      documentType,
      number: typeof r.number === "string" ? r.number : null,
      amountCents: r.amountCents,
      mail: m ? { subject: typeof m.subject === "string" ? m.subject : "", from: typeof m.from === "string" ? m.from : "" } : null
    }
  ]
}

/** The workspace's route of a document (the lists' own: credit notes are with the invoices). */
const DOCUMENT_SECTION: Record<DocumentEvent["documentType"], string> = { quote: "quotes", order: "orders", invoice: "invoices", "credit-note": "invoices" }

const TIMELINE_LIMIT = 20

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60)
  return `${m}:${String(Math.round(seconds % 60)).padStart(2, "0")}`
}

type Loaded = { items: TimelineItem<TimelineEntry>[]; more: number; documentsError?: string; names?: Readonly<Record<string, string>> }

/**
 * The customer's calls, newest first (date, outcome, notes, agent), in the card; with `documents` (the card's), in
 * one list with the steps of the customer's documents and the mails captured as orders (issue #10). Read when the
 * agent opens it, never with the card: a CRM list page shows hundreds of cards and must stay one lookup per page.
 */
export function CallTimeline({
  customerId,
  t,
  locale,
  initiallyOpen = false,
  documents = false,
  reveal = null,
  contacts = []
}: {
  customerId: string
  t: Translate
  locale: string
  initiallyOpen?: boolean
  documents?: boolean
  /** A call just logged: its entry is brought into view once read, and marked. */
  reveal?: string | null
  /** The customer's contacts: each call names the one it was with (a company's three buyers are three people). */
  contacts?: readonly ContactName[]
}) {
  const [state, setState] = useState<{ status: "idle" | "loading" | "done" | "error"; loaded: Loaded; error?: string }>({ status: "idle", loaded: { items: [], more: 0 } })
  const load = () => {
    if (state.status === "loading" || state.status === "done") return
    setState((s) => ({ ...s, status: "loading" }))
    // Both reads at once; documents that could not be read leave the calls shown, and say so.
    const docs = documents
      ? readDocumentEvents(customerId).then(
          (r) => ({ items: r.events, total: r.total, error: undefined as string | undefined }),
          (e: unknown) => ({ items: [] as DocumentEvent[], total: 0, error: e instanceof Error ? e.message : String(e) })
        )
      : Promise.resolve({ items: [] as DocumentEvent[], total: 0, error: undefined as string | undefined })
    Promise.all([readTimeline(customerId), docs]).then(
      ([calls, events]) => {
        const merged = mergeTimeline({ items: calls.logs, total: calls.total }, events, TIMELINE_LIMIT)
        setState({ status: "done", loaded: { ...merged, documentsError: events.error, names: calls.names } })
      },
      (e: unknown) => setState({ status: "error", loaded: { items: [], more: 0 }, error: e instanceof Error ? e.message : String(e) })
    )
  }
  useEffect(() => {
    if (initiallyOpen) load()
    // Once, for a card shown open (an extension page); the panel's cards wait for the agent's click.
  }, [])
  const { items, more, documentsError, names } = state.loaded
  const list = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (state.status !== "done" || !reveal) return
    const entry = [...(list.current?.querySelectorAll<HTMLElement>('[data-comptoir="call-log"]') ?? [])].find((e) => e.dataset.logId === reveal)
    // "nearest": no jump when it is already in view; no glide for an agent who asked the system for less motion.
    const still = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches
    entry?.scrollIntoView?.({ block: "nearest", behavior: still ? "auto" : "smooth" })
  }, [state.status, reveal])
  const text = documents ? "card.timeline" : "callOutcome.timeline"
  return (
    <details
      ref={list}
      className="c-timeline"
      data-comptoir="call-timeline"
      data-state={state.status}
      open={initiallyOpen || undefined}
      onClick={(e) => e.stopPropagation()}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) load()
      }}>
      <summary>{t(`${text}.title`)}</summary>
      {state.status === "loading" ? <p className="c-muted">{t(`${text}.loading`)}</p> : null}
      {state.status === "error" ? <p className="c-error">{t(`${text}.error`, { message: state.error ?? "" })}</p> : null}
      {documentsError !== undefined ? <p className="c-error">{t("card.timeline.documentsError", { message: documentsError })}</p> : null}
      {state.status === "done" && items.length === 0 ? <p className="c-muted">{t(`${text}.empty`)}</p> : null}
      {items.length > 0 ? (
        <ol className="c-timeline-list">
          {items.map((item) =>
            item.kind === "document" ? (
              <DocumentEntry key={item.event.id} event={item.event} t={t} locale={locale} />
            ) : (
              <CallEntry key={item.call.id} l={item.call} contact={contactNameOf(contacts, item.call.contactId)} customerId={customerId} names={names} t={t} locale={locale} isNew={item.call.id === reveal} />
            )
          )}
        </ol>
      ) : null}
      {more > 0 ? <p className="c-muted">{t(`${text}.more`, { count: more })}</p> : null}
    </details>
  )
}

type ContactName = { id: string; firstName: string; lastName: string }

/** The name of the contact a call was with; none for the company alone, or a contact deleted since. */
function contactNameOf(contacts: readonly ContactName[], id: string | null): string {
  const c = id === null ? undefined : contacts.find((k) => k.id === id)
  return c ? `${c.firstName} ${c.lastName}`.trim() : ""
}

function CallEntry({
  l,
  contact,
  customerId,
  names,
  t,
  locale,
  isNew
}: {
  l: TimelineEntry
  contact: string
  customerId: string
  names: Readonly<Record<string, string>> | undefined
  t: Translate
  locale: string
  isNew?: boolean
}) {
  return (
    <li data-comptoir="call-log" data-outcome={l.outcome} data-log-id={l.id} data-new={isNew ? "" : undefined} className={isNew ? "c-timeline-new" : undefined}>
      <div>
        <span>{l.direction === "inbound" ? "↙" : "↗"} </span>
        <time dateTime={new Date(l.startedAt).toISOString()}>{formatDateTime(l.startedAt, uiLang(locale))}</time>
        <ContactAfter name={contact} marker="call-log-contact" />
        <span className="c-chip">{t(`callOutcome.outcome.${l.outcome}`, { defaultValue: l.outcome })}</span>
        {l.durationSeconds > 0 ? <span className="c-muted">{clock(l.durationSeconds)}</span> : null}
        {l.correctsId ? <span className="c-muted"> · {t("callOutcome.timeline.corrected")}</span> : null}
      </div>
      {l.notes ? <div className="c-timeline-notes">{l.notes}</div> : null}
      {l.callbackAt !== null ? <div className="c-muted">{t("callOutcome.timeline.callback", { at: formatDateTime(l.callbackAt, uiLang(locale)) })}</div> : null}
      {l.appointment ? (
        <div className="c-muted">
          {t("callOutcome.timeline.appointment", { date: formatDay(l.appointment.date, uiLang(locale)), time: l.appointment.time, rep: l.appointment.salesRep, place: l.appointment.place })}
        </div>
      ) : null}
      <div className="c-timeline-foot">
        <span className="c-muted" data-comptoir="call-log-agent" title={l.agent || undefined}>
          {l.agent ? teamName(l.agent, names) : t("callOutcome.timeline.thisDevice")}
        </span>
        <CorrectButton customerId={customerId} logId={l.id} t={t} />
      </div>
    </li>
  )
}

/**
 * A document's step (or a payment, or a mail captured as an order): when, what, its number and amount; a click opens
 * the document in the workspace, where the card's documents block opens its lists.
 */
function DocumentEntry({ event: e, t, locale }: { event: DocumentEvent; t: Translate; locale: string }) {
  const lang = uiLang(locale)
  const number = e.number ?? t("card.timeline.unnumbered")
  return (
    <li data-comptoir="timeline-document" data-kind={e.kind} data-document-id={e.documentId}>
      <div>
        <span aria-hidden="true">{e.kind === "mail-captured" ? "✉" : e.kind === "payment-recorded" || e.kind === "payment-cancelled" ? "€" : "▤"} </span>
        <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, lang)}</time>
        <span className="c-chip">{t(`card.timeline.kind.${e.kind}`)}</span>
      </div>
      <div>
        <button
          type="button"
          className="c-linkish"
          data-comptoir="timeline-document-open"
          onClick={(ev) => {
            ev.stopPropagation()
            // Only the agent's own click opens a tab: in a page, the page's scripts can click for them.
            if (!ev.nativeEvent.isTrusted) return
            void openDocuments(`${DOCUMENT_SECTION[e.documentType]}/${encodeURIComponent(e.documentId)}`).catch(() => undefined)
          }}>
          {e.kind === "mail-captured"
            ? e.number
              ? t("card.timeline.becameOrder", { number: e.number })
              : t("card.timeline.becameDraftOrder")
            : t(`card.timeline.type.${e.documentType}`, { number })}
        </button>{" "}
        <span>· {formatCents(e.amountCents, lang)}</span>
      </div>
      {e.mail ? (
        <div className="c-timeline-notes c-muted" data-comptoir="timeline-mail">
          {e.mail.subject ? t("card.timeline.mailSubject", { subject: e.mail.subject }) : ""}
          {e.mail.subject && e.mail.from ? " · " : ""}
          {e.mail.from}
        </div>
      ) : null}
    </li>
  )
}

/** Opens the workspace's route (from a page: through the background; the content script cannot open extension pages). */
function openWorkspace(path: string): void {
  if (location.href.startsWith(chrome.runtime.getURL("tabs/workspace.html"))) location.hash = `#/${path}`
  else void chrome.runtime.sendMessage({ type: "workspace/open", payload: { path } }).catch(() => undefined)
}

/**
 * A button that opens a route of the workspace: from a page through `workspace/open` (the content script cannot
 * open extension pages); inside the workspace, by its own route. Only the agent's own click: in a page, the page's
 * scripts can click for them.
 */
function WorkspaceButton({ path, hook, className, children }: { path: string; hook: string; className: string; children: string }) {
  return (
    <button
      type="button"
      className={className}
      data-comptoir={hook}
      onClick={(e) => {
        e.stopPropagation()
        if (e.nativeEvent.isTrusted) openWorkspace(path)
      }}>
      {children}
    </button>
  )
}

/** "Correct" a logged call: the form opens with what was logged; saving writes a new log that supersedes it. */
function CorrectButton({ customerId, logId, t }: { customerId: string; logId: string; t: Translate }) {
  return (
    <WorkspaceButton path={`calls/fix/${encodeURIComponent(customerId)}/${encodeURIComponent(logId)}`} hook="call-log-correct" className="c-link-button">
      {t("callOutcome.action.correct")}
    </WorkspaceButton>
  )
}

/** "Log a call" for a call made elsewhere: the workspace's form for this customer. */
export function LogCallButton({ customerId, t }: { customerId: string; t: Translate }) {
  return (
    <WorkspaceButton path={`calls/log/${encodeURIComponent(customerId)}`} hook="log-call" className="c-button c-button-secondary">
      {t("callOutcome.action.logCall")}
    </WorkspaceButton>
  )
}
