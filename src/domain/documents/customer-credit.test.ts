import { describe, expect, it } from "vitest"

import { applyCustomerCredit, customerCreditOf } from "./customer-credit"
import { Invoice, PaymentRecord } from "./document.schema"
import { customerRisk, recordPayment } from "./flow"
import { invoiceBalance } from "./payments"

const line = (cents: number) => [{ id: "l1", productId: null, ref: "X", label: "Gants", unit: "u", quantityMilli: 1000, unitPriceCents: cents, discountBp: 0, vatRateBp: 0 }]
const invoice = (id: string, number: string, totalInclVatCents: number, date: string, dueDate: string) =>
  Invoice.parse({ id, customerId: "c2", language: "fr", type: "invoice", status: "issued", number, date, dueDate, paymentTerms: { kind: "net", days: 30 }, lines: line(totalInclVatCents), totalExclVatCents: totalInclVatCents, totalVatCents: 0, totalInclVatCents, createdAt: 1, updatedAt: 1 })
const pay = (id: string, invoiceId: string, amountCents: number, extra: Partial<PaymentRecord> = {}) =>
  PaymentRecord.parse({ id, invoiceId, customerId: "c2", date: "2026-12-01", amountCents, method: "transfer", reference: "", createdAt: 1, ...extra })

// C-00002 of the demo: 1 300 € paid on an invoice of 1 234,08 € (65,92 € over), and an invoice of 1 765,82 € overdue.
const overpaid = invoice("i-a", "FAC-2026-00010", 123_408, "2026-11-20", "2026-12-20")
const late = invoice("i-b", "FAC-2026-00003", 176_582, "2026-09-01", "2026-10-01")
const over = pay("p-over", "i-a", 130_000, { overpaymentCents: 6_592 })
const ctx = { id: "p-credit", now: 5, by: "agent1@demo.comptoir.test", today: "2026-12-07" }

describe("the customer's credit applied to another open invoice of theirs", () => {
  it("pays the other invoice with min(credit, left to pay), dated today, from the invoice that holds it; the credit drops by as much, counted once", () => {
    const mine = { invoices: [overpaid, late], payments: [over], creditNotes: [] }
    expect(customerCreditOf(mine)).toBe(6_592)
    const r = applyCustomerCredit(late, mine, ctx)
    expect(r).toMatchObject({ ok: true, value: { invoiceId: "i-b", amountCents: 6_592, method: "credit", date: "2026-12-07", reference: "FAC-2026-00010", recordedBy: ctx.by } })
    const after = [over, ...(r.ok ? [r.value] : [])]
    expect(customerCreditOf({ ...mine, payments: after })).toBe(0)
    expect(invoiceBalance(late.totalInclVatCents, after.filter((p) => p.invoiceId === "i-b"))).toMatchObject({ remainingCents: 169_990, state: "partly-paid" })
    // The overpaid invoice keeps its history (paid, 65,92 € over); its excess is spent, not a credit any more.
    expect(invoiceBalance(overpaid.totalInclVatCents, after.filter((p) => p.invoiceId === "i-a"))).toMatchObject({ state: "paid", excessCents: 6_592 })

    const risk = (payments: PaymentRecord[]) => customerRisk({ creditLimitCents: 1_000_000, invoices: [overpaid, late], orders: [], creditNotes: [], payments, today: "2026-12-07" })
    const before = risk([over])
    const now = risk(after)
    expect(before).toMatchObject({ creditCents: 6_592, unpaidInvoicesCents: 176_582, overdueCents: 176_582, outstandingCents: 169_990 })
    // What the customer owes net is the same; the overdue invoice is chased for 65,92 € less; no credit is left to name.
    expect(now).toMatchObject({ creditCents: 0, unpaidInvoicesCents: 169_990, overdueCents: 169_990, outstandingCents: 169_990 })
    expect(now.reasons.map((x) => x.code)).not.toContain("customer-credit")
    // Nothing left to apply: asked again, it is refused.
    expect(applyCustomerCredit(late, { ...mine, payments: after }, { ...ctx, id: "p-again" })).toMatchObject({ ok: false, code: "credit-apply-none" })
  })

  it("applies no more than what is left to pay and keeps the rest as the customer's credit", () => {
    const small = invoice("i-c", "FAC-2026-00011", 4_000, "2026-12-01", "2026-12-31")
    const mine = { invoices: [overpaid, small], payments: [over, pay("p-c", "i-c", 1_000)], creditNotes: [] }
    const r = applyCustomerCredit(small, mine, ctx)
    expect(r).toMatchObject({ ok: true, value: { amountCents: 3_000, method: "credit" } })
    expect(customerCreditOf({ ...mine, payments: [...mine.payments, ...(r.ok ? [r.value] : [])] })).toBe(3_592)
    expect(applyCustomerCredit(small, { ...mine, payments: [...mine.payments, ...(r.ok ? [r.value] : [])] }, ctx)).toMatchObject({ ok: false, code: "credit-apply-paid" })
  })

  it("refuses a payment of credit beyond what the customer holds, beyond what is left to pay, or negative", () => {
    const record = (amountCents: number, availableCreditCents: number) =>
      recordPayment(late, [over], 0, { id: "p-x", date: "2026-12-07", amountCents, method: "credit", reference: "", now: 1, by: "a@x", today: "2026-12-07", availableCreditCents })
    expect(record(7_000, 6_592)).toMatchObject({ ok: false, code: "credit-apply-over-available", params: { availableCents: 6_592, amountCents: 7_000 } })
    // A credit-method payment told as a plain payment (no credit said available) is refused too.
    expect(recordPayment(late, [over], 0, { id: "p-y", date: "2026-12-07", amountCents: 100, method: "credit", reference: "", now: 1, by: "a@x" })).toMatchObject({ ok: false, code: "credit-apply-over-available" })
    expect(record(-100, 6_592)).toMatchObject({ ok: false, code: "credit-apply-negative" })
    expect(record(176_583, 500_000)).toMatchObject({ ok: false, code: "credit-apply-over-balance" })
    expect(record(6_592, 6_592).ok).toBe(true)
  })

  it("refunds no more of an overpaid invoice's excess than the customer still holds: what was applied elsewhere is not sent back too", () => {
    const applied = pay("p-applied", "i-b", 5_000, { method: "credit" })
    const mine = { invoices: [overpaid, late], payments: [over, applied], creditNotes: [] }
    const available = customerCreditOf(mine)
    expect(available).toBe(1_592)
    const refund = (amountCents: number) => recordPayment(overpaid, mine.payments, 0, { id: "p-r", date: "2026-12-07", amountCents, method: "transfer", reference: "Remboursement", now: 1, by: "a@x", today: "2026-12-07", availableCreditCents: available })
    expect(refund(-6_592)).toMatchObject({ ok: false, code: "refund-over-credit", params: { takenCents: 6_592, availableCents: 1_592 } })
    const r = refund(-1_592)
    expect(r.ok).toBe(true)
    expect(customerCreditOf({ ...mine, payments: [...mine.payments, ...(r.ok ? [r.value] : [])] })).toBe(0)
  })
})
