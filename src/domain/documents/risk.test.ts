import { describe, expect, it } from "vitest"

import { nextReminder } from "./dunning"
import { invoiceBalance, type Payment } from "./payments"
import { assessRisk, DEFAULT_RISK_SETTINGS, orderNeedsOverride, type RiskInvoice } from "./risk"

const TODAY = "2026-12-02"
const inv = (dueDate: string, total: number, paid: { date: string; amountCents: number; method?: Payment["method"] }[] = []): RiskInvoice => ({
  issueDate: "2026-01-01",
  dueDate,
  totalInclVatCents: total,
  payments: paid.map((p) => ({ method: "transfer" as const, ...p }))
})

describe("invoice balance", () => {
  it("is paid once partial payments cover it, on the day the last one arrived", () => {
    const b = invoiceBalance(10_000, [
      { date: "2026-03-10", amountCents: 4_000, method: "transfer" },
      { date: "2026-03-01", amountCents: 3_000, method: "cheque" },
      { date: "2026-03-20", amountCents: 3_000, method: "card" }
    ])
    expect(b).toEqual({ paidCents: 10_000, remainingCents: 0, state: "paid", paidOn: "2026-03-20", excessCents: 0 })
    expect(invoiceBalance(10_000, [{ date: "2026-03-01", amountCents: 3_000, method: "cash" }]).state).toBe("partly-paid")
    // Taken back by credit notes, not paid: credited (and no payment day to count the customer late by).
    expect(invoiceBalance(10_000, [], 10_000)).toMatchObject({ state: "credited", paidOn: null })
  })
})

describe("customer risk", () => {
  it("nets the customer's credit (an overpayment) from what they owe and have on order, and says it in words", () => {
    // 1 300 € paid on 1 234,08 €: 65,92 € of theirs we hold, set against the 2 000 € invoice they still owe.
    const overpaid = inv("2026-11-01", 123_408, [{ date: "2026-10-30", amountCents: 130_000 }])
    const r = assessRisk({ creditLimitCents: 500_000, invoices: [overpaid, inv("2026-12-20", 200_000)], openOrders: [{ totalInclVatCents: 10_000 }], today: TODAY })
    expect(r).toMatchObject({ creditCents: 6_592, unpaidInvoicesCents: 200_000, outstandingCents: 203_408, headroomCents: 296_592 })
    expect(r.reasons).toContainEqual({ code: "customer-credit", creditCents: 6_592 })
    // A credit beyond what is owed is theirs to be refunded: no outstanding below 0, no headroom beyond the limit.
    const only = assessRisk({ creditLimitCents: 500_000, invoices: [overpaid], openOrders: [], today: TODAY })
    expect(only).toMatchObject({ level: "ok", outstandingCents: 0, headroomCents: 500_000, creditCents: 6_592 })
  })

  it("counts the credit once it is applied to another invoice: that invoice owes less, the credit is gone, the net owed unchanged", () => {
    const overpaid = inv("2026-11-01", 123_408, [{ date: "2026-10-30", amountCents: 130_000 }])
    // The 65,92 € applied to the 2 000 € invoice, as a payment of the customer's credit.
    const applied = inv("2026-11-20", 200_000, [{ date: "2026-12-07", amountCents: 6_592, method: "credit" }])
    const r = assessRisk({ creditLimitCents: 500_000, invoices: [overpaid, applied], openOrders: [], today: TODAY })
    expect(r).toMatchObject({ creditCents: 0, unpaidInvoicesCents: 193_408, outstandingCents: 193_408 })
    expect(r.reasons.map((x) => x.code)).not.toContain("customer-credit")
  })

  it("is ok with nothing owed under the limit", () => {
    const r = assessRisk({ creditLimitCents: 500_000, invoices: [inv("2026-12-20", 100_000)], openOrders: [], today: TODAY })
    expect(r.level).toBe("ok")
    expect(r.outstandingCents).toBe(100_000)
    expect(r.headroomCents).toBe(400_000)
  })

  it("counts open orders not yet invoiced in the outstanding and blocks over the limit", () => {
    const r = assessRisk({ creditLimitCents: 500_000, invoices: [inv("2026-12-20", 300_000)], openOrders: [{ totalInclVatCents: 250_000 }], today: TODAY })
    expect(r.outstandingCents).toBe(550_000)
    expect(r.level).toBe("blocked")
    expect(r.reasons[0]).toEqual({ code: "over-limit", outstandingCents: 550_000, limitCents: 500_000 })
  })

  it("watches a customer near the limit or with an invoice a few days overdue", () => {
    expect(assessRisk({ creditLimitCents: 100_000, invoices: [inv("2026-12-20", 85_000)], openOrders: [], today: TODAY }).reasons[0]?.code).toBe("near-limit")
    const late = assessRisk({ creditLimitCents: null, invoices: [inv("2026-11-25", 20_000, [{ date: "2026-11-20", amountCents: 5_000 }])], openOrders: [], today: TODAY })
    expect(late.level).toBe("watch")
    expect(late.reasons[0]).toEqual({ code: "overdue", overdueCents: 15_000, days: 7 })
    expect(late.reasons).toContainEqual({ code: "no-limit" })
  })

  it("blocks a customer with an invoice overdue beyond the threshold", () => {
    const r = assessRisk({ creditLimitCents: 1_000_000, invoices: [inv("2026-10-15", 20_000), inv("2026-11-28", 10_000)], openOrders: [], today: TODAY })
    expect(r.level).toBe("blocked")
    expect(r.maxDaysOverdue).toBe(48)
    expect(r.overdueInvoices).toBe(2)
    expect(r.overdueCents).toBe(30_000)
  })

  it("blocks only beyond the team's own threshold: at 45 days, an invoice 40 days late is watched, not blocked", () => {
    const team = { ...DEFAULT_RISK_SETTINGS, blockOverdueDays: 45 }
    const fortyDaysLate = { creditLimitCents: 1_000_000, invoices: [inv("2026-10-23", 20_000)], openOrders: [], today: TODAY }
    // The same invoice blocks under the default 30 days.
    expect(assessRisk(fortyDaysLate).level).toBe("blocked")
    const watched = assessRisk(fortyDaysLate, team)
    expect(watched.level).toBe("watch")
    expect(watched.reasons).toEqual([{ code: "overdue", overdueCents: 20_000, days: 40 }])
    expect(orderNeedsOverride(watched, 1_000).needed).toBe(false)
  })

  it("blocks an invoice overdue more than the team's threshold, not one exactly that late, and names the threshold", () => {
    const team = { ...DEFAULT_RISK_SETTINGS, blockOverdueDays: 45 }
    const at = (dueDate: string) => assessRisk({ creditLimitCents: 1_000_000, invoices: [inv(dueDate, 20_000)], openOrders: [], today: TODAY }, team)
    expect(at("2026-10-18").level).toBe("watch") // 45 days late
    const blocked = at("2026-10-17") // 46 days late
    expect(blocked.level).toBe("blocked")
    expect(blocked.reasons[0]).toEqual({ code: "overdue-beyond-threshold", overdueCents: 20_000, days: 46, thresholdDays: 45 })
    expect(orderNeedsOverride(blocked, 1_000).reasons).toEqual([blocked.reasons[0]])
  })

  it("averages days late over invoices paid in the last 12 months", () => {
    const r = assessRisk({
      creditLimitCents: null,
      invoices: [
        inv("2026-03-01", 10_000, [{ date: "2026-03-31", amountCents: 10_000 }]), // 30 days late
        inv("2026-06-01", 10_000, [{ date: "2026-06-11", amountCents: 10_000 }]), // 10 days late
        inv("2025-01-01", 10_000, [{ date: "2025-05-01", amountCents: 10_000 }]) // paid over a year ago: ignored
      ],
      openOrders: [],
      today: TODAY
    })
    expect(r.averageDaysLate).toBe(20)
    expect(r.reasons).toContainEqual({ code: "late-payer", averageDaysLate: 20 })
  })

  it("asks for a manager's override when this order would cross the limit", () => {
    const r = assessRisk({ creditLimitCents: 500_000, invoices: [inv("2026-12-20", 400_000)], openOrders: [], today: TODAY })
    expect(orderNeedsOverride(r, 50_000).needed).toBe(false)
    expect(orderNeedsOverride(r, 150_000)).toEqual({ needed: true, reasons: [{ code: "over-limit", outstandingCents: 550_000, limitCents: 500_000 }] })
  })

  it("says the outstanding with this order for a customer already over the limit, as the manager must weigh it", () => {
    // 8 388,00 € owed (not yet due) on a 1 000,00 € limit; the draft order being confirmed adds 123,40 €.
    const r = assessRisk({ creditLimitCents: 100_000, invoices: [inv("2026-12-20", 838_800)], openOrders: [], today: TODAY })
    expect(r.reasons[0]).toEqual({ code: "over-limit", outstandingCents: 838_800, limitCents: 100_000 })
    expect(orderNeedsOverride(r, 12_340)).toEqual({ needed: true, reasons: [{ code: "over-limit", outstandingCents: 851_140, limitCents: 100_000 }] })
  })
})

describe("dunning", () => {
  const invoice = (dueDate: string, reminders: { level: "friendly" | "firm" | "formal-notice"; at: string }[] = []) => ({ dueDate, remainingCents: 1_000, reminders })

  it("sends nothing before 7 days late", () => {
    expect(nextReminder(invoice("2026-11-28"), TODAY).due).toBeNull()
  })

  it("goes friendly at 7 days, firm at 15, formal notice at 30", () => {
    expect(nextReminder(invoice("2026-11-25"), TODAY).due).toBe("friendly")
    expect(nextReminder(invoice("2026-11-17", [{ level: "friendly", at: "2026-11-24" }]), TODAY).due).toBe("firm")
    expect(nextReminder(invoice("2026-11-01", [{ level: "friendly", at: "x" }, { level: "firm", at: "y" }]), TODAY).due).toBe("formal-notice")
  })

  it("never jumps to a formal notice silently when the friendly reminder was never sent: both are offered", () => {
    expect(nextReminder(invoice("2026-10-01"), TODAY)).toEqual({ due: "friendly", reached: "formal-notice", daysOverdue: 62, direct: "formal-notice", skips: ["friendly", "firm"] })
  })

  it("has nothing to send once every level reached was sent, or the invoice is paid", () => {
    expect(nextReminder(invoice("2026-11-25", [{ level: "friendly", at: "x" }]), TODAY).due).toBeNull()
    expect(nextReminder({ dueDate: "2026-10-01", remainingCents: 0, reminders: [] }, TODAY).due).toBeNull()
  })

  it("follows a team's own schedule", () => {
    expect(nextReminder(invoice("2026-11-29"), TODAY, { friendly: 3, firm: 10, "formal-notice": 20 }).due).toBe("friendly")
  })
})
