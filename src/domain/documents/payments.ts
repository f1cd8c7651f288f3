import { daysBetween } from "./payment-terms"

export interface Payment {
  /** ISO date the money was received. */
  date: string
  amountCents: number
  method: "transfer" | "card" | "cheque" | "cash" | "direct-debit" | "other"
}

export interface InvoiceBalance {
  paidCents: number
  remainingCents: number
  state: "unpaid" | "partly-paid" | "paid"
  /** The date the payments first covered the invoice, when they do. */
  paidOn: string | null
}

/**
 * What is left to pay on an issued invoice. A credit note that corrects it counts like a payment; an
 * overpayment leaves the invoice paid with nothing remaining (the excess is the customer's credit, not ours
 * to hide in a negative balance).
 */
export function invoiceBalance(totalInclVatCents: number, payments: readonly Payment[], creditedCents = 0): InvoiceBalance {
  const sorted = [...payments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let paid = creditedCents
  let paidOn: string | null = paid >= totalInclVatCents && totalInclVatCents > 0 ? (sorted[0]?.date ?? null) : null
  for (const p of sorted) {
    const before = paid
    paid += p.amountCents
    if (paidOn === null && before < totalInclVatCents && paid >= totalInclVatCents) paidOn = p.date
  }
  const remaining = Math.max(0, totalInclVatCents - paid)
  return { paidCents: paid, remainingCents: remaining, state: remaining === 0 ? "paid" : paid > 0 ? "partly-paid" : "unpaid", paidOn: remaining === 0 ? paidOn : null }
}

/** Days past due on a date (0 when not due yet). */
export function daysOverdue(dueDate: string, today: string): number {
  return Math.max(0, daysBetween(dueDate, today))
}

/** A payment as the invoice's history tells it: what was left to pay once it was recorded. */
export interface PaymentStep<P> {
  payment: P
  /** Left to pay after it (never below 0: an overpayment is the customer's credit). */
  remainingCents: number
  /** "partial": something is still due; "paid": this payment covered the invoice; "correction": a negative amount. */
  outcome: "partial" | "paid" | "correction"
}

/**
 * The payments of an invoice in the order they were recorded, each with what was left to pay after it: the credit
 * notes issued before it count as paid, later ones do not (the history says what the agent saw that day).
 */
export function paymentSteps<P extends { amountCents: number; createdAt: number }>(
  totalInclVatCents: number,
  payments: readonly P[],
  credits: readonly { at: number; cents: number }[] = []
): PaymentStep<P>[] {
  let paid = 0
  return [...payments]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((payment) => {
      const credited = credits.filter((c) => c.at <= payment.createdAt).reduce((sum, c) => sum + c.cents, 0)
      const before = Math.max(0, totalInclVatCents - credited - paid)
      paid += payment.amountCents
      const remainingCents = Math.max(0, totalInclVatCents - credited - paid)
      const outcome = payment.amountCents < 0 ? "correction" : remainingCents === 0 && before > 0 ? "paid" : "partial"
      return { payment, remainingCents, outcome }
    })
}
