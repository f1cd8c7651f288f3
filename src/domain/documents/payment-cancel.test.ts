import { describe, expect, it } from "vitest"

import { customerCreditOf } from "./customer-credit"
import { Invoice, PaymentRecord } from "./document.schema"
import { customerRisk } from "./flow"
import { toRows } from "./listing"
import { cancelPayment, cancellationOf, mayCancelPayment, takeCancellation } from "./payment-cancel"
import { invoiceBalance, invoiceSteps } from "./payments"

const line = (cents: number) => [{ id: "l1", productId: null, ref: "X", label: "Gants", unit: "u", quantityMilli: 1000, unitPriceCents: cents, discountBp: 0, vatRateBp: 0 }]
const invoice = (id: string, number: string, totalInclVatCents: number, date: string, dueDate: string) =>
  Invoice.parse({ id, customerId: "c2", language: "fr", type: "invoice", status: "issued", number, date, dueDate, paymentTerms: { kind: "net", days: 30 }, lines: line(totalInclVatCents), totalExclVatCents: totalInclVatCents, totalVatCents: 0, totalInclVatCents, createdAt: 1, updatedAt: 1 })
const pay = (id: string, invoiceId: string, amountCents: number, extra: Partial<PaymentRecord> = {}) =>
  PaymentRecord.parse({ id, invoiceId, customerId: "c2", date: "2026-12-01", amountCents, method: "transfer", reference: "", createdAt: Date.parse("2026-12-01T10:00:00Z"), recordedBy: "agent1@demo.comptoir.test", ...extra })

const manager = { email: "boss@demo.comptoir.test", role: "manager" }
const agent1 = { email: "agent1@demo.comptoir.test", role: "agent" }
const at = (day: string) => Date.parse(`${day}T15:00:00Z`)
const cancel = (mine: Parameters<typeof cancelPayment>[0], paymentId: string, extra: Partial<Parameters<typeof cancelPayment>[1]> = {}) =>
  cancelPayment(mine, { id: `x-${paymentId}`, paymentId, reason: "1 000 € tapés au lieu de 100 €", now: at("2026-12-07"), today: "2026-12-07", by: manager, ...extra })

// Due on 20 Dec: overdue from the 21st.
const inv = invoice("i-a", "FAC-2026-00010", 10_000, "2026-11-20", "2026-12-20")

describe("a payment cancelled", () => {
  it("is a new record naming the payment it cancels, dated today, by whom and why, its amount negated in the same method", () => {
    const mine = { invoices: [inv], payments: [pay("p1", "i-a", 10_000)], creditNotes: [] }
    expect(cancel(mine, "p1")).toEqual({
      ok: true,
      value: expect.objectContaining({ id: "x-p1", invoiceId: "i-a", customerId: "c2", cancels: "p1", cancelReason: "1 000 € tapés au lieu de 100 €", date: "2026-12-07", amountCents: -10_000, method: "transfer", recordedBy: manager.email, createdAt: at("2026-12-07") })
    })
  })

  it("no longer counts: the paid invoice is unpaid again, overdue again past its due date, chased again, and owed in the customer's risk", () => {
    const paid = pay("p1", "i-a", 10_000)
    const r = cancel({ invoices: [inv], payments: [paid], creditNotes: [] }, "p1")
    const payments = [paid, ...(r.ok ? [r.value] : [])]
    expect(invoiceBalance(inv.totalInclVatCents, payments)).toMatchObject({ state: "unpaid", remainingCents: 10_000, paidOn: null, excessCents: 0 })
    const ctx = { today: "2027-01-10", customers: new Map(), payments, creditNotes: [], schedule: { friendly: 7, firm: 15, "formal-notice": 30 } }
    expect(toRows([inv], ctx)[0]).toMatchObject({ paymentState: "unpaid", remainingCents: 10_000, daysOverdue: 21, dunning: { due: "friendly" } })
    expect(customerRisk({ creditLimitCents: 1_000_000, invoices: [inv], orders: [], creditNotes: [], payments, today: "2027-01-10" })).toMatchObject({ unpaidInvoicesCents: 10_000, overdueCents: 10_000, outstandingCents: 10_000 })
  })

  it("leaves a partly paid invoice when another payment stays, and the invoice is paid on the day the payment that stays covered it", () => {
    const wrong = pay("p1", "i-a", 10_000, { date: "2026-12-01" })
    const right = pay("p2", "i-a", 4_000, { date: "2026-12-03" })
    const r = cancel({ invoices: [inv], payments: [wrong, right], creditNotes: [] }, "p1")
    const payments = [wrong, right, ...(r.ok ? [r.value] : [])]
    expect(invoiceBalance(inv.totalInclVatCents, payments)).toMatchObject({ state: "partly-paid", remainingCents: 6_000 })
    const rest = pay("p3", "i-a", 6_000, { date: "2026-12-09" })
    expect(invoiceBalance(inv.totalInclVatCents, [...payments, rest])).toMatchObject({ state: "paid", paidOn: "2026-12-09" })
  })

  it("is told in the invoice's history as a step that takes the payment back, leaving what was left before it", () => {
    const paid = pay("p1", "i-a", 10_000, { createdAt: 10 })
    const steps = invoiceSteps(inv.totalInclVatCents, [paid, pay("x1", "i-a", -10_000, { createdAt: 20, cancels: "p1", cancelReason: "wrong invoice" })])
    expect(steps.map((s) => [s.kind === "payment" ? s.outcome : s.kind, s.remainingCents])).toEqual([
      ["paid", 0],
      ["cancelled", 10_000]
    ])
  })
})

describe("the customer's credit when a payment is cancelled", () => {
  const over = invoice("i-over", "FAC-2026-00011", 123_408, "2026-11-20", "2026-12-20")
  const late = invoice("i-late", "FAC-2026-00003", 176_582, "2026-09-01", "2026-10-01")
  const overpaid = pay("p-over", "i-over", 130_000, { overpaymentCents: 6_592 })

  it("comes back when a credit applied to the wrong invoice is cancelled, and that invoice is owed again", () => {
    const applied = pay("p-credit", "i-late", 6_592, { method: "credit", date: "2026-12-07" })
    const mine = { invoices: [over, late], payments: [overpaid, applied], creditNotes: [] }
    expect(customerCreditOf(mine)).toBe(0)
    const r = cancel(mine, "p-credit", { reason: "crédit appliqué sur la mauvaise facture" })
    expect(r).toMatchObject({ ok: true, value: { method: "credit", amountCents: -6_592, cancels: "p-credit" } })
    const payments = [...mine.payments, ...(r.ok ? [r.value] : [])]
    expect(customerCreditOf({ ...mine, payments })).toBe(6_592)
    expect(invoiceBalance(late.totalInclVatCents, payments.filter((p) => p.invoiceId === "i-late"))).toMatchObject({ state: "unpaid", remainingCents: 176_582 })
  })

  it("comes back when a refund made by mistake is cancelled", () => {
    const refund = pay("p-refund", "i-over", -6_592, { date: "2026-12-07" })
    const mine = { invoices: [over], payments: [overpaid, refund], creditNotes: [] }
    expect(customerCreditOf(mine)).toBe(0)
    const r = cancel(mine, "p-refund", { reason: "remboursé par erreur" })
    expect(r).toMatchObject({ ok: true, value: { amountCents: 6_592 } })
    expect(customerCreditOf({ ...mine, payments: [...mine.payments, ...(r.ok ? [r.value] : [])] })).toBe(6_592)
  })

  // Cancelled with its refund standing, the overpayment would leave the invoice owing more than its total (1 300.00 €
  // "left to pay" on 1 234.08 €, and chased for it): the refund spent its excess as surely as a credit applied.
  it("refuses to cancel the overpayment whose excess was refunded, saying when, until that refund is cancelled", () => {
    const refund = pay("p-refund", "i-over", -6_592, { date: "2026-12-05" })
    const mine = { invoices: [over], payments: [overpaid, refund], creditNotes: [] }
    const r = cancel(mine, "p-over")
    expect(r).toMatchObject({ ok: false, code: "payment-cancel-refunded", params: { refundedCents: 6_592, on: "2026-12-05" } })
    expect(r.ok ? "" : r.message).toBe("65.92 € of this invoice's payments were sent back on 2026-12-05: cancel that refund first")
    const undo = cancel(mine, "p-refund", { reason: "remboursé par erreur" })
    const payments = [...mine.payments, ...(undo.ok ? [undo.value] : [])]
    const done = cancel({ ...mine, payments }, "p-over")
    expect(done.ok).toBe(true)
    const all = [...payments, ...(done.ok ? [done.value] : [])]
    expect(invoiceBalance(over.totalInclVatCents, all)).toMatchObject({ state: "unpaid", remainingCents: 123_408 })
  })

  it("refuses to cancel the overpayment whose excess was applied to another invoice, naming that invoice, until that credit is cancelled", () => {
    const applied = pay("p-credit", "i-late", 5_000, { method: "credit", date: "2026-12-07" })
    const mine = { invoices: [over, late], payments: [overpaid, applied], creditNotes: [] }
    const r = cancel(mine, "p-over")
    expect(r).toMatchObject({ ok: false, code: "payment-cancel-credit-spent", params: { spentCents: 5_000, appliedTo: "FAC-2026-00003" } })
    expect(r.ok ? "" : r.message).toBe("50.00 € of this payment's credit were applied to FAC-2026-00003: cancel that credit first")
    const undo = cancel(mine, "p-credit")
    const payments = [...mine.payments, ...(undo.ok ? [undo.value] : [])]
    expect(cancel({ ...mine, payments }, "p-over").ok).toBe(true)
  })
})

describe("a cancellation refused, with the reason in words", () => {
  const paid = pay("p1", "i-a", 10_000)
  const mine = { invoices: [inv], payments: [paid], creditNotes: [] }

  it("when the reason is empty", () => {
    expect(cancel(mine, "p1", { reason: "   " })).toMatchObject({ ok: false, code: "payment-cancel-reason", message: "say why the payment is cancelled" })
  })

  it("when the payment is unknown", () => {
    expect(cancel(mine, "p-none")).toMatchObject({ ok: false, code: "payment-cancel-unknown" })
  })

  it("when the payment is already cancelled, saying by whom and when", () => {
    const first = cancel(mine, "p1")
    const again = cancel({ ...mine, payments: [paid, ...(first.ok ? [first.value] : [])] }, "p1", { id: "x-again" })
    expect(again).toMatchObject({ ok: false, code: "payment-cancel-twice", params: { by: manager.email, date: "2026-12-07" } })
    expect(cancellationOf([paid, ...(first.ok ? [first.value] : [])], "p1")?.id).toBe("x-p1")
  })

  it("when what is cancelled is itself a cancellation (a payment cancelled by mistake is recorded again)", () => {
    const first = cancel(mine, "p1")
    expect(cancel({ ...mine, payments: [paid, ...(first.ok ? [first.value] : [])] }, "x-p1")).toMatchObject({ ok: false, code: "payment-cancel-cancellation" })
  })

  it("when an agent cancels another's payment, or their own after the day they recorded it", () => {
    const recordedToday = pay("p-today", "i-a", 1_000, { createdAt: at("2026-12-07"), date: "2026-12-07" })
    const payments = [paid, recordedToday]
    expect(cancel({ ...mine, payments }, "p1", { by: agent1 })).toMatchObject({ ok: false, code: "payment-cancel-forbidden" })
    expect(cancel({ ...mine, payments }, "p-today", { by: { email: "agent2@demo.comptoir.test", role: "agent" } })).toMatchObject({ ok: false, code: "payment-cancel-forbidden" })
    expect(cancel({ ...mine, payments }, "p-today", { by: agent1 }).ok).toBe(true)
  })
})

describe("who may cancel a payment", () => {
  const recorded = pay("p1", "i-a", 10_000, { createdAt: at("2026-12-07") })
  it("a manager or an admin, any payment, any day", () => {
    expect(mayCancelPayment(recorded, manager, "2027-03-01")).toBe(true)
    expect(mayCancelPayment(recorded, { email: "root@x", role: "admin" }, "2027-03-01")).toBe(true)
  })
  it("an agent, only a payment they recorded, on the day they recorded it (France's day)", () => {
    expect(mayCancelPayment(recorded, agent1, "2026-12-07")).toBe(true)
    expect(mayCancelPayment(recorded, { ...agent1, email: "AGENT1@demo.comptoir.test" }, "2026-12-07")).toBe(true)
    expect(mayCancelPayment(recorded, agent1, "2026-12-08")).toBe(false)
    expect(mayCancelPayment({ ...recorded, recordedBy: undefined }, agent1, "2026-12-07")).toBe(false)
  })
})

// Made offline before midnight, pushed after it: the team learns it the next day, and the server dates it then.
describe("a cancellation taken by the server", () => {
  const late = (p: PaymentRecord, who = manager) => cancelPayment({ invoices: [inv], payments: [p], creditNotes: [] }, { id: `x-${p.id}`, paymentId: p.id, reason: "doublon", now: Date.parse("2026-12-07T22:55:00Z"), today: "2026-12-07", by: who })

  it("is dated the day it is taken, not the day the device wrote, and is otherwise the device's record", () => {
    const paid = pay("p1", "i-a", 10_000)
    const made = late(paid)
    expect(made.ok).toBe(true)
    const taken = takeCancellation(made.ok ? made.value : paid, { invoices: [inv], payments: [paid], creditNotes: [] }, manager, "2026-12-08")
    expect(taken).toEqual({ ok: true, value: { ...(made.ok ? made.value : {}), date: "2026-12-08" } })
  })

  it("still lets an agent cancel only a payment the server stored on the day it takes the cancellation", () => {
    // Recorded and cancelled offline on the 7th, both stored on the 8th: the agent's own, of the same day.
    const storedToday = pay("p-both", "i-a", 1_000, { createdAt: Date.parse("2026-12-08T00:10:00Z") })
    const both = late({ ...storedToday, createdAt: Date.parse("2026-12-07T22:40:00Z") }, agent1)
    expect(both.ok).toBe(true)
    expect(takeCancellation(both.ok ? both.value : storedToday, { invoices: [inv], payments: [storedToday], creditNotes: [] }, agent1, "2026-12-08")).toMatchObject({ ok: true, value: { date: "2026-12-08" } })
    // Stored on the 7th, cancelled offline that evening, taken on the 8th: a manager's call now.
    const storedBefore = pay("p-synced", "i-a", 1_000, { createdAt: Date.parse("2026-12-07T22:40:00Z") })
    const synced = late(storedBefore, agent1)
    expect(synced.ok).toBe(true)
    expect(takeCancellation(synced.ok ? synced.value : storedBefore, { invoices: [inv], payments: [storedBefore], creditNotes: [] }, agent1, "2026-12-08")).toMatchObject({ ok: false, code: "payment-cancel-forbidden" })
  })
})
