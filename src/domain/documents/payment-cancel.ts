import type { CustomerDocuments } from "./customer-credit"
import { PaymentRecord } from "./document.schema"
import { creditedByInvoice, type Outcome, type Refusal } from "./flow"
import { todayInFrance } from "./payment-terms"
import { appliedCreditCents, countedPayments, invoiceBalance } from "./payments"

/**
 * "Cancel this payment", as Odoo lets an accountant cancel a payment or unreconcile it: a payment typed wrong (1 000 €
 * for 100 €, the wrong invoice, a credit applied to the wrong invoice, a credit refunded by mistake) stops counting.
 * Payments are append-only rows of the sync protocol (never edited, never deleted), so the cancellation is a new
 * payment record that names the one it cancels (`cancels`), with why, who and when. Its amount is the cancelled one's
 * negated in the same method: a device that predates `cancels` still sums the right balance and credit; this code
 * counts neither of the two (`countedPayments`), so the invoice is paid on the day a payment that stays covered it.
 * The device and the server check it with this code (server/documents/issue.ts `applyPaymentRules`).
 */

export interface Canceller {
  email: string
  role: string
}

export interface CancelInput {
  /** The cancellation's own id (client-generated). */
  id: string
  /** The payment cancelled. */
  paymentId: string
  reason: string
  now: number
  /** France's today: the cancellation's date. */
  today: string
  by: Canceller
}

function refuse(code: string, message: string, params?: Record<string, string | number>): Refusal {
  return { ok: false, code, message, ...(params ? { params } : {}) }
}

/**
 * Who may cancel: a manager or an admin, any payment; an agent, only one they recorded themselves and on the day they
 * recorded it (France's day). A typo caught at once by the one who made it is mended without waiting for a manager;
 * the next day the payment may already be matched against the bank statement, reminded or exported to the books, so
 * undoing it is a manager's decision, as Odoo keeps unreconciling to its accounting rights. A payment that names no
 * recorder (recorded before it was kept) is nobody's own: a manager's.
 */
export function mayCancelPayment(payment: Pick<PaymentRecord, "recordedBy" | "createdAt">, who: Canceller, today: string): boolean {
  if (who.role === "manager" || who.role === "admin") return true
  return payment.recordedBy !== undefined && payment.recordedBy.toLowerCase() === who.email.toLowerCase() && todayInFrance(payment.createdAt) === today
}

/** The record that cancels a payment, if one does. */
export function cancellationOf<P extends Pick<PaymentRecord, "id" | "cancels">>(payments: readonly P[], paymentId: string): P | undefined {
  return payments.find((p) => p.cancels === paymentId)
}

/**
 * The customer's credit without its floor at 0: what was received beyond their invoices less what of it was applied.
 * Below 0, some credit applied to an invoice came from money no longer counted.
 */
function creditBalance(mine: CustomerDocuments): number {
  const credited = creditedByInvoice(mine.creditNotes)
  let credit = 0
  for (const i of mine.invoices) {
    if (i.status !== "issued") continue
    const own = mine.payments.filter((p) => p.invoiceId === i.id)
    credit += invoiceBalance(i.totalInclVatCents, own, credited.get(i.id) ?? 0).excessCents - appliedCreditCents(own)
  }
  return credit
}

/**
 * Whether this cancellation record may be added to the customer's documents (`mine`, without it), cancelling by `who`
 * on `today`. The server runs it on the record a device pushed, the device before writing it.
 *
 * A payment whose excess funded a credit already applied to another invoice is refused, naming that invoice, rather
 * than handled: handling it would cancel or shrink a payment on another invoice the agent is not looking at (that
 * invoice owed again, perhaps already sent as paid). The agent cancels that credit first, then this payment: two
 * steps, each seen, as Odoo asks to unreconcile the credit before cancelling the payment behind it.
 */
export function checkCancellation(record: PaymentRecord, mine: CustomerDocuments, who: Canceller, today: string): Refusal | null {
  if (!record.cancels) return refuse("payment-cancel-unknown", "a cancellation names the payment it cancels")
  if ((record.cancelReason ?? "").trim() === "") return refuse("payment-cancel-reason", "say why the payment is cancelled")
  const target = mine.payments.find((p) => p.id === record.cancels)
  if (!target || target.customerId !== record.customerId) return refuse("payment-cancel-unknown", "this payment is not among the customer's payments")
  if (target.cancels) return refuse("payment-cancel-cancellation", "a cancellation is not cancelled: record the payment again")
  const earlier = cancellationOf(mine.payments, target.id)
  if (earlier) {
    const date = earlier.date
    const by = earlier.recordedBy ?? ""
    return refuse("payment-cancel-twice", `this payment was already cancelled on ${date}${by ? ` by ${by}` : ""}`, { date, by })
  }
  const invoice = mine.invoices.find((i) => i.id === target.invoiceId)
  if (!invoice || invoice.status !== "issued") return refuse("invoice-not-issued", "payments are cancelled on issued invoices only")
  if (record.invoiceId !== target.invoiceId || record.amountCents !== -target.amountCents || record.method !== target.method) {
    return refuse("payment-cancel-mismatch", "a cancellation takes back the payment's own amount, in its method, on its invoice")
  }
  if (record.date !== today) return refuse("payment-cancel-date", `a payment is cancelled today (${today})`, { today })
  if (!mayCancelPayment(target, who, today)) {
    return refuse("payment-cancel-forbidden", "only a manager cancels a payment, or the agent who recorded it on the same day", { recordedBy: target.recordedBy ?? "" })
  }
  const before = creditBalance(mine)
  const after = creditBalance({ ...mine, payments: [...mine.payments, record] })
  if (after < 0 && after < before) {
    const spentCents = -after - Math.max(0, -before)
    const appliedTo = mine.invoices
      .filter((i) => i.id !== invoice.id && appliedCreditCents(countedPayments(mine.payments.filter((p) => p.invoiceId === i.id))) > 0)
      .map((i) => i.number ?? i.id)
      .join(", ")
    return refuse("payment-cancel-credit-spent", `${(spentCents / 100).toFixed(2)} € of this payment's credit were applied to ${appliedTo}: cancel that credit first`, { spentCents, appliedTo })
  }
  // A refund (or a correction) spent what this payment brought as surely as a credit applied elsewhere: with it
  // standing, the invoice would be owed more than its total and chased for it. Undone first, in its own step.
  const receivedBefore = receivedOn(invoice.id, mine.payments)
  const receivedAfter = receivedOn(invoice.id, [...mine.payments, record])
  if (receivedAfter < 0 && receivedAfter < receivedBefore) {
    const refundedCents = -receivedAfter - Math.max(0, -receivedBefore)
    const on = countedPayments(mine.payments.filter((p) => p.invoiceId === invoice.id && p.amountCents < 0)).map((p) => p.date).join(", ")
    return refuse("payment-cancel-refunded", `${(refundedCents / 100).toFixed(2)} € of this invoice's payments were sent back on ${on}: cancel that refund first`, { refundedCents, on })
  }
  return null
}

/**
 * The server's rule: a cancellation as the team takes it, dated the day the server receives it (`today`, Paris),
 * whatever day the device wrote, then checked as on the device. A cancellation made offline at 23:55 and pushed at
 * 00:10 is the team's fact from 00:10: refused for its date, it would sit among the options page's refused changes
 * while the agent believed it done. Re-dating it gives nobody more: who may cancel is still judged on `today`, and
 * an agent's "same day" on the day the server stored the payment, so an agent whose payment reached the server
 * before midnight is told it is now a manager's to cancel, as one who cancels online after midnight is.
 */
export function takeCancellation(record: PaymentRecord, mine: CustomerDocuments, who: Canceller, today: string): Outcome<PaymentRecord> {
  const taken = { ...record, date: today }
  const refused = checkCancellation(taken, mine, who, today)
  return refused ?? { ok: true, value: taken }
}

/** What the invoice's payments that count add up to (credit notes aside): below 0, more was sent back than received. */
function receivedOn(invoiceId: string, payments: readonly PaymentRecord[]): number {
  return countedPayments(payments.filter((p) => p.invoiceId === invoiceId)).reduce((sum, p) => sum + p.amountCents, 0)
}

/** Cancels one of the customer's payments, today, with the reason; refused with why (see `checkCancellation`). */
export function cancelPayment(mine: CustomerDocuments, input: CancelInput): Outcome<PaymentRecord> {
  const reason = input.reason.trim()
  if (reason === "") return refuse("payment-cancel-reason", "say why the payment is cancelled")
  const target = mine.payments.find((p) => p.id === input.paymentId)
  if (!target) return refuse("payment-cancel-unknown", "this payment is not among the customer's payments")
  const record = PaymentRecord.parse({
    id: input.id,
    invoiceId: target.invoiceId,
    customerId: target.customerId,
    date: input.today,
    amountCents: -target.amountCents,
    method: target.method,
    reference: target.reference,
    createdAt: input.now,
    recordedBy: input.by.email,
    cancels: target.id,
    cancelReason: reason.slice(0, 500)
  })
  const refused = checkCancellation(record, mine, input.by, input.today)
  return refused ?? { ok: true, value: record }
}
