import type { PaymentRecord } from "./document.schema"
import { creditedByInvoice, recordPayment, type CreditNoteDoc, type InvoiceDoc, type Outcome } from "./flow"
import { appliedCreditCents, customerCreditCents, invoiceBalance } from "./payments"

/**
 * The customer's credit used on their next invoice, as Odoo's "Outstanding credits — Add" does: what they paid
 * beyond one invoice (an overpayment, a credit note on a paid invoice) pays another of theirs. It is recorded on that
 * invoice as a payment of method "credit" (no money came: it moves money already received), and the credit, counted
 * from the balances (`customerCreditCents`), drops by as much. The device and the server check it with this code.
 */
export interface CustomerDocuments {
  invoices: readonly InvoiceDoc[]
  payments: readonly PaymentRecord[]
  creditNotes: readonly CreditNoteDoc[]
}

/** The customer's credit from their issued invoices, their payments and credit notes (a payment `except` left out). */
export function customerCreditOf(mine: CustomerDocuments, except?: string): number {
  const credited = creditedByInvoice(mine.creditNotes)
  const payments = mine.payments.filter((p) => p.id !== except)
  return customerCreditCents(
    mine.invoices
      .filter((i) => i.status === "issued")
      .map((i) => ({ totalInclVatCents: i.totalInclVatCents, payments: payments.filter((p) => p.invoiceId === i.id), creditedCents: credited.get(i.id) ?? 0 }))
  )
}

/**
 * The invoices the credit still held comes from, oldest first (their excess spent in that order by earlier
 * applications): the reference of a credit applied names them, as a statement names the payment it reconciles.
 */
export function creditSources(mine: CustomerDocuments, amountCents: number): string[] {
  const credited = creditedByInvoice(mine.creditNotes)
  const issued = mine.invoices.filter((i) => i.status === "issued").sort((a, b) => a.date.localeCompare(b.date) || (a.number ?? "").localeCompare(b.number ?? ""))
  let spent = issued.reduce((sum, i) => sum + appliedCreditCents(mine.payments.filter((p) => p.invoiceId === i.id)), 0)
  const out: string[] = []
  let wanted = amountCents
  for (const i of issued) {
    let excess = invoiceBalance(i.totalInclVatCents, mine.payments.filter((p) => p.invoiceId === i.id), credited.get(i.id) ?? 0).excessCents
    const used = Math.min(spent, excess)
    spent -= used
    excess -= used
    if (excess <= 0 || wanted <= 0) continue
    if (i.number) out.push(i.number)
    wanted -= excess
  }
  return out
}

/**
 * Applies the customer's credit to an open invoice of theirs, dated today: min(credit, left to pay). Refused when
 * they hold none or the invoice has nothing left to pay.
 */
export function applyCustomerCredit(invoice: InvoiceDoc, mine: CustomerDocuments, input: { id: string; now: number; by: string; today: string }): Outcome<PaymentRecord> {
  const available = customerCreditOf(mine)
  if (available <= 0) return { ok: false, code: "credit-apply-none", message: "the customer holds no credit" }
  const credited = creditedByInvoice(mine.creditNotes).get(invoice.id) ?? 0
  const { remainingCents } = invoiceBalance(invoice.totalInclVatCents, mine.payments.filter((p) => p.invoiceId === invoice.id), credited)
  if (remainingCents <= 0) return { ok: false, code: "credit-apply-paid", message: "the invoice has nothing left to pay" }
  const amountCents = Math.min(available, remainingCents)
  const reference = creditSources(mine, amountCents).join(", ").slice(0, 120)
  return recordPayment(invoice, mine.payments, credited, { id: input.id, date: input.today, amountCents, method: "credit", reference, now: input.now, by: input.by, today: input.today, availableCreditCents: available })
}
