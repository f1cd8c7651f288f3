import { daysBetween } from "./payment-terms"

export interface Payment {
  /** ISO date the money was received. */
  date: string
  amountCents: number
  /** "credit": the customer's credit (what they paid beyond other invoices) applied to this one: no money came. */
  method: "transfer" | "card" | "cheque" | "cash" | "direct-debit" | "other" | "credit"
  /** The record's id, which a cancellation names. */
  id?: string
  /** A cancellation: the id of the payment it cancels (neither counts, `countedPayments`). */
  cancels?: string | undefined
}

/**
 * The payments that count: a payment cancelled (a record names it in `cancels`, payment-cancel.ts) counts nowhere, nor
 * does the record that cancels it. Only the history tells them both.
 */
export function countedPayments<P extends { id?: string; cancels?: string | undefined }>(payments: readonly P[]): P[] {
  const cancelled = new Set(payments.map((p) => p.cancels).filter((id): id is string => id !== undefined))
  return payments.filter((p) => p.cancels === undefined && (p.id === undefined || !cancelled.has(p.id)))
}

export interface InvoiceBalance {
  paidCents: number
  remainingCents: number
  /**
   * Said from what the customer paid, not from what was credited: a credit note is not a payment. "credited": the
   * credit notes took back all that was not paid (nothing left, nothing paid); "unpaid" may have been credited in part.
   */
  state: "unpaid" | "partly-paid" | "paid" | "credited"
  /** The date the payments first covered the invoice, when they do (never for one settled by credit notes). */
  paidOn: string | null
  /**
   * What was received (or credited) beyond the invoice: an overpayment the agent recorded as such, or a credit note
   * on an invoice already paid. The customer's credit (a « trop-perçu »), owed back or kept for a next invoice.
   */
  excessCents: number
}

/**
 * What is left to pay on an issued invoice. A credit note that corrects it counts like a payment; an
 * overpayment leaves the invoice paid with nothing remaining (the excess is the customer's credit, not ours
 * to hide in a negative balance).
 */
export function invoiceBalance(totalInclVatCents: number, payments: readonly Payment[], creditedCents = 0): InvoiceBalance {
  const sorted = countedPayments(payments).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let paid = creditedCents
  let paidOn: string | null = paid >= totalInclVatCents && totalInclVatCents > 0 ? (sorted[0]?.date ?? null) : null
  for (const p of sorted) {
    const before = paid
    paid += p.amountCents
    if (paidOn === null && before < totalInclVatCents && paid >= totalInclVatCents) paidOn = p.date
  }
  const remaining = Math.max(0, totalInclVatCents - paid)
  const received = paid - creditedCents
  const state = remaining === 0 ? (received > 0 ? "paid" : "credited") : received > 0 ? "partly-paid" : "unpaid"
  return { paidCents: paid, remainingCents: remaining, state, paidOn: state === "paid" ? paidOn : null, excessCents: Math.max(0, paid - totalInclVatCents) }
}

/** What of these payments is the customer's credit applied (method "credit"): money received on other invoices. */
export function appliedCreditCents(payments: readonly Pick<Payment, "amountCents" | "method" | "id" | "cancels">[]): number {
  return countedPayments(payments).reduce((sum, p) => (p.method === "credit" ? sum + p.amountCents : sum), 0)
}

/**
 * The customer's credit, from the balances of their issued invoices: what was received beyond each invoice (its
 * excess) less what of it was since applied to another invoice (a payment of method "credit" there, which pays that
 * invoice). An excess applied elsewhere is so counted once, never twice. Never below 0.
 */
export function customerCreditCents(invoices: readonly { totalInclVatCents: number; payments: readonly Payment[]; creditedCents?: number }[]): number {
  let credit = 0
  for (const inv of invoices) credit += invoiceBalance(inv.totalInclVatCents, inv.payments, inv.creditedCents ?? 0).excessCents - appliedCreditCents(inv.payments)
  return Math.max(0, credit)
}

/** Days past due on a date (0 when not due yet). */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, daysBetween(dueDate, today))
}

/** A payment as the invoice's history tells it: what was left to pay once it was recorded. */
export interface PaymentStep<P> {
  kind: "payment"
  payment: P
  /** Left to pay after it (never below 0: an overpayment is the customer's credit). */
  remainingCents: number
  /**
   * "partial": something is still due; "paid": this payment covered the invoice; "refund": a negative amount that
   * takes back no more than what was received beyond the invoice (its overpaid excess, the customer's credit, sent
   * back to them: the invoice stays paid); "correction": another negative amount; "cancelled": the record that
   * cancels an earlier payment (payment-cancel.ts), which takes back what that one counted.
   */
  outcome: "partial" | "paid" | "refund" | "correction" | "cancelled"
}

/** A credit note as the invoice's history tells it: what was left to pay once it was issued. */
export interface CreditStep<C> {
  kind: "credit"
  credit: C
  remainingCents: number
  /** "partial": something is still due; "settled": nothing is left to pay after it. */
  outcome: "partial" | "settled"
}

/**
 * The payments and credit notes of an invoice in the order they were recorded (a credit note at the time it was
 * issued, before a payment recorded the same instant), each with what was left to pay after it: the history says
 * what the agent saw that day, and its last step leaves what `invoiceBalance` leaves.
 */
export function invoiceSteps<P extends { amountCents: number; createdAt: number; cancels?: string | undefined }, C extends { at: number; cents: number }>(
  totalInclVatCents: number,
  payments: readonly P[],
  credits: readonly C[] = []
): (PaymentStep<P> | CreditStep<C>)[] {
  const events = [...credits.map((c) => ({ at: c.at, credit: c })), ...payments.map((p) => ({ at: p.createdAt, payment: p }))]
  // Stable sort: credit notes first on a tie, then each kind in the order given.
  events.sort((a, b) => a.at - b.at || ("credit" in a ? 0 : 1) - ("credit" in b ? 0 : 1))
  let covered = 0
  return events.map((e) => {
    const before = Math.max(0, totalInclVatCents - covered)
    if ("credit" in e) {
      covered += e.credit.cents
      const remainingCents = Math.max(0, totalInclVatCents - covered)
      return { kind: "credit", credit: e.credit, remainingCents, outcome: remainingCents === 0 ? "settled" : "partial" }
    }
    const excessBefore = Math.max(0, covered - totalInclVatCents)
    covered += e.payment.amountCents
    const remainingCents = Math.max(0, totalInclVatCents - covered)
    const outcome = e.payment.cancels !== undefined ? "cancelled" : e.payment.amountCents < 0 ? (-e.payment.amountCents <= excessBefore ? "refund" : "correction") : remainingCents === 0 && before > 0 ? "paid" : "partial"
    return { kind: "payment", payment: e.payment, remainingCents, outcome }
  })
}

/** The payment steps alone of `invoiceSteps` (the credit notes count, untold). */
export function paymentSteps<P extends { amountCents: number; createdAt: number }>(
  totalInclVatCents: number,
  payments: readonly P[],
  credits: readonly { at: number; cents: number }[] = []
): PaymentStep<P>[] {
  return invoiceSteps(totalInclVatCents, payments, credits).filter((s): s is PaymentStep<P> => s.kind === "payment")
}
