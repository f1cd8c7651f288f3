/**
 * The customer card's timeline (issue #10): calls, the steps of the customer's documents and the mails captured as
 * orders, in one list, newest first, as a sales tool's activity feed shows them. Pure: the background reads the
 * documents store and gives `documentEvents` what it holds; the card merges them with the call logs.
 */

export type DocumentEventKind =
  | "mail-captured"
  | "quote-sent"
  | "quote-accepted"
  | "quote-refused"
  | "order-confirmed"
  | "invoice-issued"
  | "credit-note-issued"
  | "payment-recorded"
  | "payment-cancelled"

export interface DocumentEvent {
  /** Unique in the timeline (a document has several steps). */
  id: string
  kind: DocumentEventKind
  /** When it happened, ms since epoch. */
  at: number
  /** The document it opens (a payment opens its invoice; a captured mail, the order it became). */
  documentId: string
  documentType: "quote" | "order" | "invoice" | "credit-note"
  /** Null until the server numbered it. */
  number: string | null
  amountCents: number
  /** A captured mail's subject and sender, as the order's notes keep them. */
  mail: { subject: string; from: string } | null
}

type Step = { status: string; at: number }
interface DocLike {
  id: string
  type: "quote" | "order" | "invoice" | "credit-note"
  status: string
  number: string | null
  totalInclVatCents: number
  notes: string
  sourceId: string | null
  history: Step[]
  createdAt: number
  updatedAt: number
}
interface PaymentLike {
  id: string
  invoiceId: string
  amountCents: number
  createdAt: number
  /** A cancellation (payment-cancel.ts): the payment it cancels. */
  cancels?: string | undefined
}

/** The steps the timeline tells, per document type (a draft, a cancellation or an "invoiced" order are not told). */
const TOLD: Record<DocLike["type"], Partial<Record<string, DocumentEventKind>>> = {
  quote: { sent: "quote-sent", accepted: "quote-accepted", refused: "quote-refused" },
  order: { confirmed: "order-confirmed" },
  invoice: { issued: "invoice-issued" },
  "credit-note": { issued: "credit-note-issued" }
}

/**
 * Later steps of the flow first when two happen in the same millisecond (a timeline read newest first: the payment
 * above the invoice it pays, the order above the mail it came from); a call, with nothing to follow from, below.
 */
const RANK: Record<DocumentEventKind | "call", number> = {
  call: 0,
  "mail-captured": 1,
  "quote-sent": 2,
  "quote-accepted": 3,
  "quote-refused": 3,
  "order-confirmed": 4,
  "invoice-issued": 5,
  "credit-note-issued": 6,
  "payment-recorded": 7,
  "payment-cancelled": 8
}

/** The first line of a captured order's notes: "Captured from the mail “subject” (sender, webmail id)", or in French. */
export const CAPTURED_MAIL_LINE = /^(?:Captured from the mail “([\s\S]*)”|Saisie depuis le mail «\u00a0([\s\S]*)\u00a0») \(([^,()]*),/

/**
 * The notes an order hands on to its invoice: without that line, which is for us (the mail the order came from, the
 * webmail's id) and would be printed on the invoice's PDF and in its Factur-X note for the customer to read.
 */
export function notesForCustomer(order: Pick<DocLike, "sourceId" | "notes">): string {
  if (!order.sourceId?.startsWith("mail:")) return order.notes
  const [first = "", ...rest] = order.notes.split("\n")
  return CAPTURED_MAIL_LINE.test(first) ? rest.join("\n") : order.notes
}

/**
 * The subject and sender of the mail an order was captured from: `draftOrderFromReview` (orders/review.ts) writes
 * them on the notes' first line, in the customer's language. Null for an order not captured from a mail.
 */
export function capturedMailOf(order: Pick<DocLike, "sourceId" | "notes">): { subject: string; from: string } | null {
  if (!order.sourceId?.startsWith("mail:")) return null
  const first = order.notes.split("\n")[0] ?? ""
  const m = CAPTURED_MAIL_LINE.exec(first)
  if (!m) return { subject: "", from: "" }
  return { subject: (m[1] ?? m[2] ?? "").trim(), from: (m[3] ?? "").trim() }
}

/** What a customer's documents and payments tell the timeline, newest first. */
export function documentEvents(mine: { documents: readonly DocLike[]; payments: readonly PaymentLike[] }): DocumentEvent[] {
  const events: DocumentEvent[] = []
  const byId = new Map(mine.documents.map((d) => [d.id, d]))
  for (const d of mine.documents) {
    const told = TOLD[d.type]
    const base = { documentId: d.id, documentType: d.type, number: d.number, amountCents: d.totalInclVatCents, mail: null }
    const seen = new Set<string>()
    for (const step of d.history) {
      const kind = told[step.status]
      if (!kind || seen.has(step.status)) continue
      seen.add(step.status)
      events.push({ ...base, id: `${d.id}:${step.status}`, kind, at: step.at })
    }
    // A document synced without its history (older rows) still tells its present step, when it was last changed.
    const current = told[d.status]
    if (current && !seen.has(d.status)) events.push({ ...base, id: `${d.id}:${d.status}`, kind: current, at: d.updatedAt })
    const mail = d.type === "order" ? capturedMailOf(d) : null
    if (mail) events.push({ ...base, id: `${d.id}:mail`, kind: "mail-captured", at: d.createdAt, mail })
  }
  for (const p of mine.payments) {
    const invoice = byId.get(p.invoiceId)
    events.push({
      id: `payment:${p.id}`,
      // A cancellation tells the amount the payment had (its own is that amount negated, for older devices' sums).
      kind: p.cancels === undefined ? "payment-recorded" : "payment-cancelled",
      at: p.createdAt,
      documentId: p.invoiceId,
      documentType: "invoice",
      number: invoice?.number ?? null,
      amountCents: p.cancels === undefined ? p.amountCents : -p.amountCents,
      mail: null
    })
  }
  return events.sort((a, b) => newestFirst({ at: a.at, rank: RANK[a.kind], id: a.id }, { at: b.at, rank: RANK[b.kind], id: b.id }))
}

function newestFirst(a: { at: number; rank: number; id: string }, b: { at: number; rank: number; id: string }): number {
  return b.at - a.at || b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export type TimelineItem<C> = { kind: "call"; at: number; call: C } | { kind: "document"; at: number; event: DocumentEvent }

/**
 * Calls and document events in one list, newest first, cut to `limit`. Each source gave at most `limit` of its
 * newest (of `total`): the first `limit` of the merge are then exactly the customer's newest, whatever the mix.
 * `more` counts what is left out.
 */
export function mergeTimeline<C extends { id: string; startedAt: number }>(
  calls: { items: readonly C[]; total: number },
  events: { items: readonly DocumentEvent[]; total: number },
  limit: number
): { items: TimelineItem<C>[]; more: number } {
  const keyed = [
    ...calls.items.map((call) => ({ item: { kind: "call" as const, at: call.startedAt, call }, rank: RANK.call, id: `call:${call.id}` })),
    ...events.items.map((event) => ({ item: { kind: "document" as const, at: event.at, event }, rank: RANK[event.kind], id: event.id }))
  ]
  keyed.sort((a, b) => newestFirst({ at: a.item.at, rank: a.rank, id: a.id }, { at: b.item.at, rank: b.rank, id: b.id }))
  const items = keyed.slice(0, Math.max(0, limit)).map((k) => k.item)
  const total = Math.max(calls.total, calls.items.length) + Math.max(events.total, events.items.length)
  return { items, more: Math.max(0, total - items.length) }
}
