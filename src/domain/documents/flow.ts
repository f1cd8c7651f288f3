import type * as z from "zod"

import { CreditNote, Invoice, Order, PaymentRecord, type Quote } from "./document.schema"
import { skippedLevels, type DunningLevel } from "./dunning"
import { dueDate, todayInFrance, type PaymentTerms } from "./payment-terms"
import { daysOverdue, invoiceBalance } from "./payments"
import { assessRisk, orderNeedsOverride, type CustomerRisk, type RiskInvoice, type RiskReason, type RiskSettings } from "./risk"
import { notesForCustomer } from "./timeline"
import { computeTotals } from "./totals"
import { checkTransition, effectiveQuoteStatus, type DocumentType } from "./workflow"

/**
 * Quote to cash: the steps after the quote, as pure functions the workspace calls and the server's checks
 * share. Each returns the new record or a refusal whose `code` the UI words in the agent's language and whose
 * `message` is the same in English (the server's words in a refused change).
 */
export type QuoteDoc = z.infer<typeof Quote>
export type OrderDoc = z.infer<typeof Order>
export type InvoiceDoc = z.infer<typeof Invoice>
export type CreditNoteDoc = z.infer<typeof CreditNote>
export type AnyDoc = QuoteDoc | OrderDoc | InvoiceDoc | CreditNoteDoc

export type Refusal = { ok: false; code: string; message: string; params?: Record<string, string | number> }
export type Outcome<T> = { ok: true; value: T } | Refusal

export interface StepContext {
  /** New record id (client-generated). */
  id: string
  now: number
  /** Who acts (the signed-in user's email), written in the history. */
  by: string
  /** Today, ISO date. */
  today: string
}

function refuse(code: string, message: string, params?: Record<string, string | number>): Refusal {
  return { ok: false, code, message, ...(params ? { params } : {}) }
}

/** Moves a document along the workflow, with a history entry; an illegal move is refused with what is allowed. */
export function transition<D extends AnyDoc>(doc: D, to: string, by: string, now: number, today?: string): Outcome<D> {
  const from = doc.type === "quote" && today ? effectiveQuoteStatus(doc.status, doc.validUntil, today) : doc.status
  // A sent quote past its date is expired in everyone's eyes; the stored status moves there first.
  const steps = from !== doc.status ? [from, to] : [to]
  let current: string = doc.status
  for (const step of steps) {
    const check = checkTransition(doc.type as DocumentType, current, step)
    if (!check.ok) {
      const allowed = check.reason === "illegal-transition" && check.allowed.length ? check.allowed.join(", ") : "none"
      return refuse("illegal-transition", `${/^[aeiou]/.test(doc.type) ? "an" : "a"} ${doc.type} cannot go from ${from} to ${to} (allowed: ${allowed})`, { type: doc.type, from, to, allowed })
    }
    current = step
  }
  const history = [...doc.history, ...steps.map((s) => ({ status: s, at: now, by }))]
  return { ok: true, value: { ...doc, status: to, history, updatedAt: now } as D }
}

/** An accepted quote becomes a draft order in one click: same customer, lines, terms; the quote is its source. */
export function orderFromQuote(quote: QuoteDoc, ctx: StepContext): Outcome<OrderDoc> {
  const status = effectiveQuoteStatus(quote.status, quote.validUntil, ctx.today)
  if (status !== "accepted") return refuse("quote-not-accepted", `only an accepted quote becomes an order (this one is ${status})`, { status })
  return {
    ok: true,
    value: Order.parse({
      ...common(quote, ctx),
      type: "order",
      status: "draft",
      paymentTerms: quote.paymentTerms,
      lines: quote.lines.map((l, i) => ({ ...l, id: `${ctx.id}-l${i + 1}` }))
    })
  }
}

/** A confirmed order becomes a draft invoice: due date from the terms (the server sets both again at issue). */
export function invoiceFromOrder(order: OrderDoc, ctx: StepContext): Outcome<InvoiceDoc> {
  if (order.status !== "confirmed") return refuse("order-not-confirmed", `only a confirmed order is invoiced (this one is ${order.status})`, { status: order.status })
  return {
    ok: true,
    value: Invoice.parse({
      ...common(order, ctx),
      type: "invoice",
      status: "draft",
      notes: notesForCustomer(order),
      paymentTerms: order.paymentTerms,
      customerPoNumber: order.customerPoNumber,
      dueDate: dueDate(ctx.today, order.paymentTerms as PaymentTerms),
      lines: order.lines.map((l, i) => ({ ...l, id: `${ctx.id}-l${i + 1}` }))
    })
  }
}

/** The history entry of a customer's order number added or changed on a confirmed order (who, when, from what to what). */
export const PO_NUMBER_STEP = "po-number"

/**
 * The customer's order number typed on an order or a draft invoice: a quote's order has none until the buyer sends its
 * purchase order (by phone, by mail after the quote, often after the order was confirmed by phone), and its accounts
 * payable match the invoice on it. An order takes it until it is invoiced (its invoice then carries it), a confirmed
 * one with a history entry; an invoice only while a draft, since the server freezes a numbered invoice. An empty
 * one clears it.
 */
export function withCustomerPo<D extends OrderDoc | InvoiceDoc>(doc: D, po: string, now: number, by = ""): Outcome<D> {
  if (doc.type === "order" && doc.status === "invoiced") return refuse("po-invoiced", "the order is invoiced: its invoice carries the customer's order number, which a credit note and a new invoice would correct", { status: doc.status })
  const open = doc.status === "draft" || (doc.type === "order" && doc.status === "confirmed")
  if (!open) return refuse("po-not-draft", `the customer's order number is typed on a draft (this ${doc.type} is ${doc.status})`, { status: doc.status })
  const value = po.trim()
  if (value.length > 60) return refuse("po-too-long", `the customer's order number has at most 60 characters (${value.length} typed)`, { length: value.length })
  const customerPoNumber = value || null
  if (customerPoNumber === doc.customerPoNumber) return { ok: true, value: doc }
  // The entry keeps the number it replaced: the history then says from what to what (the server checks both).
  const history = doc.status === "draft" ? doc.history : [...doc.history, { status: PO_NUMBER_STEP, at: now, by, from: doc.customerPoNumber, to: customerPoNumber }]
  return { ok: true, value: { ...doc, customerPoNumber, history, updatedAt: now } }
}

/**
 * The draft invoice already made from a confirmed order follows a change of the order's customer number, when it
 * still carries the order's former one (one typed on the invoice itself is the agent's and stays): the invoice is
 * what the buyer matches.
 */
export function invoicesFollowingPo(before: OrderDoc, after: OrderDoc, invoices: readonly InvoiceDoc[], now: number): InvoiceDoc[] {
  if (before.customerPoNumber === after.customerPoNumber) return []
  return invoices
    .filter((i) => i.sourceId === after.id && i.status === "draft" && i.customerPoNumber === before.customerPoNumber)
    .map((i) => ({ ...i, customerPoNumber: after.customerPoNumber, updatedAt: now }))
}

type CreditLine = Pick<InvoiceDoc["lines"][number], "ref" | "label" | "unitPriceCents" | "discountBp" | "vatRateBp" | "quantityMilli" | "invoiceLineId">

/** The fields a credit line copies from the invoice line it takes back: how an older credit line is matched. */
function sameLine(a: CreditLine, b: CreditLine): boolean {
  // A row as the server stores it may lack the fields the schema defaults (a ref of "").
  return (a.ref ?? "") === (b.ref ?? "") && a.label === b.label && a.unitPriceCents === b.unitPriceCents && (a.discountBp ?? 0) === (b.discountBp ?? 0) && a.vatRateBp === b.vatRateBp
}

/**
 * Takes `lines` (credit lines, negative quantities) back from `left` (what is left to credit per invoice line id,
 * thousandths): a line naming its invoice line takes from it; an older one, naming none, from the invoice lines it
 * copies, the first with some left first. Returns what each invoice line was asked for beyond what it had left
 * (positive), and the credit lines that match no line of the invoice.
 */
function takeBack(invoice: InvoiceDoc, left: Map<string, number>, lines: readonly CreditLine[]): { over: Map<string, number>; unknown: CreditLine[] } {
  const over = new Map<string, number>()
  const unknown: CreditLine[] = []
  const take = (id: string, q: number) => {
    const has = left.get(id) ?? 0
    if (q > has) over.set(id, (over.get(id) ?? 0) + q - Math.max(has, 0))
    left.set(id, has - q)
  }
  // The lines that name their invoice line first (and copy it: a line naming one but priced otherwise is not
  // one of the invoice's); an older line then fills what they left.
  for (const l of lines) {
    if (l.invoiceLineId === undefined) continue
    const il = invoice.lines.find((x) => x.id === l.invoiceLineId)
    if (il && sameLine(il, l)) take(il.id, -l.quantityMilli)
    else unknown.push(l)
  }
  for (const l of lines) {
    if (l.invoiceLineId !== undefined) continue
    const candidates = invoice.lines.filter((il) => sameLine(il, l))
    if (candidates.length === 0) {
      unknown.push(l)
      continue
    }
    let q = -l.quantityMilli
    for (const [i, c] of candidates.entries()) {
      const part = i === candidates.length - 1 ? q : Math.min(q, Math.max(left.get(c.id) ?? 0, 0))
      if (part > 0) take(c.id, part)
      q -= part
    }
  }
  return { over, unknown }
}

/**
 * What is left to credit on each line of an invoice (thousandths, by invoice line id): its quantity less what
 * the issued credit notes of this invoice took back on it. Never below 0.
 */
export function creditableByLine(invoice: InvoiceDoc, creditNotes: readonly CreditNoteDoc[]): Map<string, number> {
  const left = new Map(invoice.lines.map((l) => [l.id, l.quantityMilli]))
  const lines = creditNotes.filter((c) => c.status === "issued" && c.correctsInvoiceId === invoice.id).flatMap((c) => c.lines)
  takeBack(invoice, left, lines)
  for (const [id, q] of left) if (q < 0) left.set(id, 0)
  return left
}

/**
 * Whether a credit note's lines fit in what its invoice has left to credit, line by line and in amount, after the
 * issued credit notes `earlier` (the workspace before it makes one or issues one, the server when it is issued).
 */
export function checkCredit(invoice: InvoiceDoc, earlier: readonly CreditNoteDoc[], creditNote: Pick<CreditNoteDoc, "lines" | "totalInclVatCents">): Refusal | null {
  const left = creditableByLine(invoice, earlier)
  const before = new Map(left)
  const { over, unknown } = takeBack(invoice, left, creditNote.lines)
  if (unknown.length) return refuse("credit-unknown-line", `a credited line is not on the invoice ("${unknown[0]!.label}")`, { label: unknown[0]!.label })
  for (const [id, extra] of over) {
    const line = invoice.lines.find((l) => l.id === id)!
    const max = (before.get(id) ?? 0) / 1000
    const asked = (extra + (before.get(id) ?? 0)) / 1000
    if (max <= 0) return refuse("credit-line-credited", `"${line.label}" is already credited in full on ${invoice.number}`, { label: line.label })
    return refuse("credit-quantity", `only ${max} of "${line.label}" ${max > 1 ? "are" : "is"} left to credit on ${invoice.number} (${line.quantityMilli / 1000} invoiced), not ${asked}`, {
      label: line.label,
      max,
      asked
    })
  }
  const already = creditedByInvoice(earlier.filter((c) => c.correctsInvoiceId === invoice.id)).get(invoice.id) ?? 0
  if (already - creditNote.totalInclVatCents > invoice.totalInclVatCents) {
    return refuse("credit-over-invoice", `the credit notes of ${invoice.number} would take back ${((already - creditNote.totalInclVatCents) / 100).toFixed(2)} € of an invoice of ${(invoice.totalInclVatCents / 100).toFixed(2)} €`, {
      invoice: invoice.totalInclVatCents,
      credited: already
    })
  }
  return null
}

/**
 * A credit note correcting an issued invoice: all that is left to credit of it, or some quantities of some
 * lines. Its quantities are negative, each line names the invoice line it takes back; what the issued credit
 * notes of the invoice (`earlier`) and this one take back never exceeds the invoice, line by line and in amount.
 */
export function creditNoteFor(
  invoice: InvoiceDoc,
  selection: "full" | readonly { lineId: string; quantityMilli: number }[],
  earlier: readonly CreditNoteDoc[],
  ctx: StepContext
): Outcome<CreditNoteDoc> {
  if (invoice.status !== "issued" || invoice.number === null) return refuse("invoice-not-issued", "only an issued invoice is corrected by a credit note")
  const left = creditableByLine(invoice, earlier)
  const picked =
    selection === "full"
      ? invoice.lines.map((l) => ({ line: l, q: left.get(l.id) ?? 0 })).filter((p) => p.q > 0)
      : selection.map((s) => ({ line: invoice.lines.find((l) => l.id === s.lineId), q: s.quantityMilli }))
  if (picked.length === 0) return refuse(selection === "full" ? "credit-over-invoice" : "credit-nothing", selection === "full" ? "the credit notes of this invoice took it all back" : "choose at least one line to credit")
  for (const p of picked) {
    if (!p.line) return refuse("credit-unknown-line", "a credited line is not on the invoice")
    const max = left.get(p.line.id) ?? 0
    if (max <= 0) return refuse("credit-line-credited", `"${p.line.label}" is already credited in full on ${invoice.number}`, { label: p.line.label })
    if (!(p.q > 0 && p.q <= max)) return refuse("credit-quantity", `credit between 0 and ${max / 1000} of "${p.line.label}"`, { label: p.line.label, max: max / 1000, asked: p.q / 1000 })
  }
  const lines = picked.map((p, i) => ({ ...p.line!, id: `${ctx.id}-l${i + 1}`, quantityMilli: -p.q, invoiceLineId: p.line!.id }))
  const totals = computeTotals(lines)
  const refused = checkCredit(invoice, earlier, { lines, totalInclVatCents: totals.totalInclVatCents })
  if (refused) return refused
  return {
    ok: true,
    value: CreditNote.parse({
      ...common(invoice, ctx),
      type: "credit-note",
      status: "draft",
      correctsInvoiceId: invoice.id,
      sourceId: invoice.id,
      lines,
      totalExclVatCents: totals.totalExclVatCents,
      totalVatCents: totals.totalVatCents,
      totalInclVatCents: totals.totalInclVatCents
    })
  }
}

function common(src: AnyDoc, ctx: StepContext) {
  const t = computeTotals(src.lines)
  return {
    id: ctx.id,
    customerId: src.customerId,
    contactId: src.contactId,
    language: src.language,
    number: null,
    date: ctx.today,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    notes: src.notes,
    salesRep: src.salesRep,
    sourceId: src.id,
    history: [{ status: "draft", at: ctx.now, by: ctx.by }],
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
}

export interface PaymentInput {
  id: string
  date: string
  amountCents: number
  method: PaymentRecord["method"]
  reference: string
  now: number
  /** Who records it. */
  by: string
  /** France's today: money is not received on a day still to come. */
  today?: string
  /** The agent said the money came before the invoice was made (a deposit, a paid pro forma), so its day stands. */
  receivedBeforeInvoice?: boolean
  /** The agent said this much of it goes beyond what is left to pay and is kept as the customer's credit. */
  overpaymentCents?: number
  /** The customer's credit available, for a payment of method "credit" (it may not apply more). */
  availableCreditCents?: number
}

/**
 * A payment against an issued invoice. More than what is left to pay is refused (a second agent recording the
 * same transfer is the usual cause) unless the agent said how much over it is: a customer who pays 1 300 € on an
 * invoice of 1 234,08 € did pay it, and the 65,92 € over are theirs, kept as their credit (`overpaymentCents`, the
 * exact excess, so that an acknowledgement made before another agent's payment no longer holds after it). A negative
 * amount corrects an earlier mistake and is allowed. A day before the
 * invoice's own date, or after today, is a slip of the date field (15/01 for 15/10, a month and day read the wrong
 * way round): it would put a receipt in the books before anything was owed, so it is refused with the days at stake,
 * unless the agent said the money did come first (a deposit, a pro forma paid before the invoice: real, if rare).
 */
export function recordPayment(invoice: InvoiceDoc, payments: readonly PaymentRecord[], creditedCents: number, input: PaymentInput): Outcome<PaymentRecord> {
  if (invoice.status !== "issued") return refuse("invoice-not-issued", "payments are recorded against issued invoices only")
  if (input.amountCents === 0) return refuse("payment-zero", "a payment of 0 records nothing")
  if (input.date < invoice.date && input.receivedBeforeInvoice !== true) return refuse("payment-before-invoice", `the invoice is dated ${invoice.date}`, { invoiceDate: invoice.date, date: input.date })
  if (input.today && input.date > input.today) return refuse("payment-in-future", `today is ${input.today}`, { today: input.today, date: input.date })
  const balance = invoiceBalance(invoice.totalInclVatCents, payments.filter((p) => p.invoiceId === invoice.id), creditedCents)
  if (input.method === "credit") {
    const refused = checkCreditApplied(input.amountCents, balance.remainingCents, input.availableCreditCents ?? 0)
    if (refused) return refused
  } else if (input.amountCents < 0 && input.availableCreditCents !== undefined) {
    const refused = checkCreditTakenBack(input.amountCents, balance.excessCents, input.availableCreditCents)
    if (refused) return refused
  }
  const excess = Math.max(0, input.amountCents - balance.remainingCents)
  const acknowledged = input.overpaymentCents ?? 0
  if (excess > 0 && acknowledged !== excess) {
    return refuse("payment-over-balance", `the invoice has ${balance.remainingCents / 100} left to pay; this payment is ${excess / 100} over it`, {
      remainingCents: balance.remainingCents,
      excessCents: excess
    })
  }
  if (excess === 0 && acknowledged !== 0) return refuse("payment-not-over", `the invoice has ${balance.remainingCents / 100} left to pay: nothing of this payment is over it`, { remainingCents: balance.remainingCents })
  return {
    ok: true,
    value: PaymentRecord.parse({
      id: input.id,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
      date: input.date,
      amountCents: input.amountCents,
      method: input.method,
      reference: input.reference,
      createdAt: input.now,
      recordedBy: input.by,
      ...(excess > 0 ? { overpaymentCents: excess } : {})
    })
  }
}

/**
 * A payment of the customer's credit (method "credit") pays at most what is left of the invoice and what the customer
 * holds: it moves money already received, so it never overpays, never goes negative, never spends a credit not there.
 */
export function checkCreditApplied(amountCents: number, remainingCents: number, availableCents: number): Refusal | null {
  if (amountCents <= 0) return refuse("credit-apply-negative", "the customer's credit is applied for a positive amount")
  if (amountCents > remainingCents) return refuse("credit-apply-over-balance", `the invoice has ${(remainingCents / 100).toFixed(2)} € left to pay; ${(amountCents / 100).toFixed(2)} € of credit would overpay it`, { remainingCents })
  if (amountCents > availableCents) {
    return refuse("credit-apply-over-available", `the customer holds ${(availableCents / 100).toFixed(2)} € of credit, not ${(amountCents / 100).toFixed(2)} €`, { availableCents, amountCents })
  }
  return null
}

/**
 * A negative payment (money sent back, or a correction) on an invoice paid beyond its total first takes back its
 * excess, the customer's credit: no more of it than the customer still holds, since what was applied to another
 * invoice already paid that one (refunding it too would count it twice).
 */
export function checkCreditTakenBack(amountCents: number, excessCents: number, availableCents: number): Refusal | null {
  const taken = Math.min(-amountCents, excessCents)
  if (taken <= availableCents) return null
  return refuse("refund-over-credit", `${(taken / 100).toFixed(2)} € of this invoice's excess would be taken back, but the customer holds ${(availableCents / 100).toFixed(2)} € of credit (the rest was applied to other invoices)`, {
    takenCents: taken,
    availableCents
  })
}

/** What credit notes take back from each invoice (positive cents), issued ones only. */
export function creditedByInvoice(creditNotes: readonly CreditNoteDoc[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const cn of creditNotes) if (cn.status === "issued") out.set(cn.correctsInvoiceId, (out.get(cn.correctsInvoiceId) ?? 0) - cn.totalInclVatCents)
  return out
}

/** The risk inputs from a customer's documents: issued invoices with their payments and credits, confirmed orders. */
export function customerRisk(
  input: {
    creditLimitCents: number | null
    invoices: readonly InvoiceDoc[]
    orders: readonly OrderDoc[]
    creditNotes: readonly CreditNoteDoc[]
    payments: readonly PaymentRecord[]
    today: string
  },
  settings?: RiskSettings
): CustomerRisk {
  const credited = creditedByInvoice(input.creditNotes)
  const invoices: RiskInvoice[] = input.invoices
    .filter((i) => i.status === "issued")
    .map((i) => ({
      issueDate: i.date,
      dueDate: i.dueDate,
      totalInclVatCents: i.totalInclVatCents,
      payments: input.payments.filter((p) => p.invoiceId === i.id),
      creditedCents: credited.get(i.id) ?? 0
    }))
  const openOrders = input.orders.filter((o) => o.status === "confirmed").map((o) => ({ totalInclVatCents: o.totalInclVatCents }))
  return assessRisk({ creditLimitCents: input.creditLimitCents, invoices, openOrders, today: input.today }, settings)
}

export type OverrideRole = "agent" | "manager" | "admin"

/**
 * Whether this order may be confirmed now: a customer over its limit (with this order) or with invoices overdue
 * beyond the threshold needs a manager's override, given by a manager or an admin with a reason.
 */
export function confirmCheck(risk: CustomerRisk, order: Pick<OrderDoc, "totalInclVatCents" | "riskOverride">): { allowed: boolean; needsOverride: boolean; reasons: RiskReason[] } {
  const need = orderNeedsOverride(risk, order.totalInclVatCents)
  if (!need.needed) return { allowed: true, needsOverride: false, reasons: [] }
  return { allowed: order.riskOverride !== null && order.riskOverride.reason.trim().length >= 3, needsOverride: true, reasons: need.reasons }
}

export function mayOverride(role: string): boolean {
  return role === "manager" || role === "admin"
}

/** A manager's override on a draft order: who, why, when (the reason is required). */
export function withOverride(order: OrderDoc, who: { email: string; role: string }, reason: string, now: number): Outcome<OrderDoc> {
  if (!mayOverride(who.role)) return refuse("override-not-manager", "only a manager or an admin may override a risk block")
  if (order.status !== "draft") return refuse("override-not-draft", "an override is given before the order is confirmed")
  const why = reason.trim()
  if (why.length < 3) return refuse("override-reason", "say why (at least 3 characters)")
  return { ok: true, value: { ...order, riskOverride: { by: who.email, reason: why.slice(0, 500), at: now }, history: [...order.history, { status: "override", at: now, by: who.email }], updatedAt: now } }
}

/** A reminder sent, logged in the invoice's history (synced like the rest of it). */
export const REMINDER_PREFIX = "reminder:"

export function withReminder(invoice: InvoiceDoc, level: DunningLevel, by: string, now: number): Outcome<InvoiceDoc> {
  if (invoice.status !== "issued") return refuse("invoice-not-issued", "only an issued invoice is reminded")
  return { ok: true, value: { ...invoice, history: [...invoice.history, { status: `${REMINDER_PREFIX}${level}`, at: now, by }], updatedAt: now } }
}

export function remindersOf(invoice: Pick<InvoiceDoc, "history">): { level: DunningLevel; at: string; by: string }[] {
  return invoice.history
    .filter((h) => h.status.startsWith(REMINDER_PREFIX))
    // Its day in France, where the invoice is dated and its lateness counted (the UTC day was the day before
    // for a reminder sent between midnight and 1 or 2 am).
    .map((h) => ({ level: h.status.slice(REMINDER_PREFIX.length) as DunningLevel, at: todayInFrance(h.at), by: h.by }))
}

/**
 * The invoice's history read for its reminders, entry by entry (null for other entries): the level, how late the
 * invoice was that day, and the levels that reminder skipped (sent directly; `skippedLevels`).
 */
export function reminderEntries(invoice: Pick<InvoiceDoc, "history" | "dueDate">): ({ level: DunningLevel; daysOverdue: number; skipped: DunningLevel[] } | null)[] {
  const sent = remindersOf(invoice)
  const skipped = skippedLevels(sent)
  let i = 0
  return invoice.history.map((h) => {
    if (!h.status.startsWith(REMINDER_PREFIX)) return null
    const r = sent[i]!
    const entry = { level: r.level, daysOverdue: daysOverdue(invoice.dueDate, r.at), skipped: skipped[i]! }
    i++
    return entry
  })
}

