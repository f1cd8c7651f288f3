import type { Customer } from "~src/domain/customers/customer.schema"
import type { CallBar } from "~src/domain/telephony/call-bar"
import type { CustomerMatch, MessageName, Reply, RequestOf, ResponseOf } from "~src/messaging/contract"

/**
 * The content script's side of the message bus, without zod: the background validates every request against the
 * contract (handler.ts) and every response before it replies, so the page only checks the shape it renders.
 * Parsing hundreds of customers with zod in the page cost ~50 ms of main-thread time per scan of a CRM list, and
 * importing the contract's schemas made them part of the content script's start-up.
 */
export class PageMessageError extends Error {
  constructor(
    readonly messageName: string,
    message: string
  ) {
    super(`${messageName}: ${message}`)
  }
}

type PageMessage =
  | "lookup/match"
  | "search/query"
  | "customers/opened"
  | "panel/view"
  | "sidepanel/open"
  | "documents/summary"
  | "workspace/open"
  | "orders/extract"
  | "softphone/bar"
  | "softphone/answer"
  | "softphone/decline"
  | "softphone/hangup"
  | "softphone/assign"

const CHECKS: { [N in PageMessage]: (data: unknown) => data is ResponseOf<N> } = {
  "lookup/match": (d): d is ResponseOf<"lookup/match"> => isRecord(d) && Array.isArray(d.matches) && d.matches.every(isMatch),
  "search/query": (d): d is ResponseOf<"search/query"> => isRecord(d) && Array.isArray(d.customers) && d.customers.every(isCustomer),
  "customers/opened": (d): d is ResponseOf<"customers/opened"> => isRecord(d) && d.ok === true,
  "panel/view": (d): d is ResponseOf<"panel/view"> => isRecord(d) && d.ok === true,
  "sidepanel/open": (d): d is ResponseOf<"sidepanel/open"> => isRecord(d) && typeof d.ok === "boolean",
  "workspace/open": (d): d is ResponseOf<"workspace/open"> => isRecord(d) && d.ok === true,
  // The card's documents block (issue #10): four counts with their sums.
  "documents/summary": (d): d is ResponseOf<"documents/summary"> =>
    isRecord(d) && ["openQuotes", "openOrders", "unpaidInvoices", "overdueInvoices"].every((k) => isRecord(d[k]) && typeof d[k].count === "number" && typeof d[k].cents === "number"),
  "orders/extract": (d): d is ResponseOf<"orders/extract"> =>
    isRecord(d) &&
    typeof d.captureId === "string" &&
    typeof d.isOrder === "boolean" &&
    (d.decision === "order" || d.decision === "ask" || d.decision === "not-order") &&
    typeof d.act === "string" &&
    typeof d.reason === "string" &&
    (d.customerCode === null || typeof d.customerCode === "string") &&
    (d.complaint === null || d.complaint === undefined || isComplaint(d.complaint)),
  // The call bar (issue #9): the softphone's state and the caller's customers.
  "softphone/bar": (d): d is ResponseOf<"softphone/bar"> => isCallBar(d),
  "softphone/answer": isOk,
  "softphone/decline": isOk,
  "softphone/hangup": isOk,
  "softphone/assign": isOk
}

/** A complaint's asks and the page to open: text the panel shows, a path it sends back to `workspace/open`. */
function isComplaint(d: unknown): boolean {
  const texts = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string")
  return (
    isRecord(d) &&
    (d.about === null || typeof d.about === "string") &&
    texts(d.invoices) &&
    texts(d.orders) &&
    Array.isArray(d.asks) &&
    d.asks.every((a) => isRecord(a) && typeof a.kind === "string" && typeof a.words === "string") &&
    (d.open === null || (isRecord(d.open) && (d.open.kind === "invoice" || d.open.kind === "customer") && typeof d.open.path === "string" && typeof d.open.label === "string"))
  )
}

function isOk(d: unknown): d is { ok: true } {
  return isRecord(d) && d.ok === true
}

export async function sendFromPage<N extends PageMessage & MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const reply = (await chrome.runtime.sendMessage({ type: name, payload })) as Reply<unknown> | undefined
  if (!reply) throw new PageMessageError(name, "no answer from the background")
  if (!reply.ok) throw new PageMessageError(name, String(reply.error))
  const check = CHECKS[name] as (data: unknown) => data is ResponseOf<N>
  if (!check(reply.data)) throw new PageMessageError(name, "malformed response")
  return reply.data
}

/** `panel/republish` (the background asks for this tab's cards again) carries an empty object. */
export function isPanelRepublish(message: unknown): boolean {
  return isRecord(message) && message.type === "panel/republish" && isRecord(message.payload)
}

/** `panel/toggle` carries an empty object. */
export function isPanelToggle(message: unknown): boolean {
  return isRecord(message) && message.type === "panel/toggle" && isRecord(message.payload)
}

/** `panel/softphone` (the background pushes the call bar to the tab in front) carries a CallBar. */
export function pushedCallBar(message: unknown): CallBar | null {
  return isRecord(message) && message.type === "panel/softphone" && isCallBar(message.payload) ? message.payload : null
}

const PHASES = new Set(["ringing-in", "ringing-out", "in-call", "ended"])
const STATES = new Set(["idle", "registering", "registered", "reconnecting", "error", ...PHASES])

/** What the call bar reads, with the types it reads them as (the background built it from a validated view). */
export function isCallBar(d: unknown): d is CallBar {
  if (!isRecord(d) || typeof d.state !== "string" || !STATES.has(d.state) || typeof d.configured !== "boolean" || typeof d.updatedAt !== "number") return false
  if (typeof d.registration !== "string" || !STATES.has(d.registration) || PHASES.has(d.registration)) return false
  if (!Array.isArray(d.candidates) || !d.candidates.every(isCustomer) || !(d.customerId === null || typeof d.customerId === "string")) return false
  const c = d.call
  return (
    c === null ||
    (isRecord(c) &&
      typeof c.id === "string" &&
      typeof c.phase === "string" &&
      PHASES.has(c.phase) &&
      (c.direction === "inbound" || c.direction === "outbound") &&
      typeof c.number === "string" &&
      typeof c.displayName === "string" &&
      typeof c.muted === "boolean" &&
      typeof c.onHold === "boolean" &&
      typeof c.startedAt === "number" &&
      (c.answeredAt === null || typeof c.answeredAt === "number") &&
      (c.endedAt === null || typeof c.endedAt === "number") &&
      (c.endReason === null || typeof c.endReason === "string"))
  )
}

const MATCH_KINDS = new Set(["email", "phone", "code", "name"])

function isMatch(m: unknown): m is CustomerMatch {
  return (
    isRecord(m) && isCustomer(m.customer) && typeof m.matchedBy === "string" && MATCH_KINDS.has(m.matchedBy) && isStrings(m.matchedValues)
  )
}

/** What the card reads, with the types it reads them as. */
function isCustomer(c: unknown): c is Customer {
  if (!isRecord(c)) return false
  return (
    typeof c.id === "string" &&
    typeof c.code === "string" &&
    typeof c.company === "string" &&
    typeof c.country === "string" &&
    typeof c.language === "string" &&
    (c.creditLimitCents === null || typeof c.creditLimitCents === "number") &&
    (c.paymentTermsDays === null || typeof c.paymentTermsDays === "number") &&
    (c.salesRep === null || typeof c.salesRep === "string") &&
    isStrings(c.tags) &&
    Array.isArray(c.addresses) &&
    c.addresses.every((a) => isRecord(a) && (a.city === undefined || typeof a.city === "string")) &&
    Array.isArray(c.contacts) &&
    c.contacts.every(
      (p) =>
        isRecord(p) &&
        typeof p.id === "string" &&
        typeof p.firstName === "string" &&
        typeof p.lastName === "string" &&
        (p.role === undefined || p.role === null || typeof p.role === "string") &&
        isStrings(p.phones) &&
        isStrings(p.emails)
    )
  )
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v)
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string")
}
