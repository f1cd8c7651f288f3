import { describe, expect, it } from "vitest"

import { invoiceBalance, invoiceSteps, paymentSteps } from "./payments"

const pay = (amountCents: number, createdAt: number) => ({ amountCents, createdAt })

describe("an invoice's payments as its history tells them", () => {
  it("says after each payment, in the order they were recorded, what was left to pay and which one covered the invoice", () => {
    const steps = paymentSteps(12_000, [pay(8_000, 20), pay(4_000, 10)])
    expect(steps.map((s) => [s.payment.createdAt, s.remainingCents, s.outcome])).toEqual([
      [10, 8_000, "partial"],
      [20, 0, "paid"]
    ])
  })

  it("counts a credit note issued before a payment as paid, not one issued after it", () => {
    const steps = paymentSteps(12_000, [pay(2_000, 10), pay(7_000, 30)], [{ at: 20, cents: 3_000 }])
    expect(steps.map((s) => [s.remainingCents, s.outcome])).toEqual([
      [10_000, "partial"],
      [0, "paid"]
    ])
  })

  it("tells a negative amount as a correction that leaves more to pay", () => {
    const steps = paymentSteps(12_000, [pay(12_000, 10), pay(-2_000, 20)])
    expect(steps.map((s) => [s.remainingCents, s.outcome])).toEqual([
      [0, "paid"],
      [2_000, "correction"]
    ])
  })

  it("tells a negative amount that takes back no more than the overpaid excess as a refund that leaves the invoice paid", () => {
    const steps = paymentSteps(123_408, [pay(130_000, 10), pay(-6_592, 20)])
    expect(steps.map((s) => [s.remainingCents, s.outcome])).toEqual([
      [0, "paid"],
      [0, "refund"]
    ])
    // Beyond the excess, it corrects the payment itself.
    expect(paymentSteps(123_408, [pay(130_000, 10), pay(-10_000, 20)]).map((s) => s.outcome)).toEqual(["paid", "correction"])
  })
})

describe("an invoice's credit notes as its history tells them", () => {
  const credit = (cents: number, at: number) => ({ cents, at })

  it("tells a credit note among the payments, in the order they came, each with what was left to pay after it", () => {
    const steps = invoiceSteps(12_000, [pay(2_000, 10), pay(7_000, 30)], [credit(3_000, 20)])
    expect(steps.map((s) => [s.kind, s.remainingCents, s.outcome])).toEqual([
      ["payment", 10_000, "partial"],
      ["credit", 7_000, "partial"],
      ["payment", 0, "paid"]
    ])
  })

  it("says a credit note that takes back all that was left leaves nothing to pay, and counts it before a payment recorded the same instant", () => {
    expect(invoiceSteps(12_000, [pay(4_000, 10)], [credit(8_000, 20)]).map((s) => [s.kind, s.remainingCents, s.outcome])).toEqual([
      ["payment", 8_000, "partial"],
      ["credit", 0, "settled"]
    ])
    expect(invoiceSteps(12_000, [pay(2_000, 20)], [credit(10_000, 20)]).map((s) => [s.kind, s.remainingCents, s.outcome])).toEqual([
      ["credit", 2_000, "partial"],
      ["payment", 0, "paid"]
    ])
  })
})

describe("an invoice's balance with credit notes", () => {
  const received = (amountCents: number) => ({ date: "2026-11-20", amountCents, method: "transfer" as const })

  it("calls an invoice credited in part and not paid unpaid, not partly paid: a credit note is not a payment", () => {
    expect(invoiceBalance(12_000, [], 3_000)).toMatchObject({ remainingCents: 9_000, state: "unpaid" })
    expect(invoiceBalance(12_000, [received(1_000)], 3_000)).toMatchObject({ remainingCents: 8_000, state: "partly-paid" })
  })

  it("calls an invoice the credit notes took back entirely credited, nothing left and no payment date, and one paid after a partial credit paid", () => {
    expect(invoiceBalance(12_000, [], 12_000)).toEqual({ paidCents: 12_000, remainingCents: 0, state: "credited", paidOn: null, excessCents: 0 })
    expect(invoiceBalance(12_000, [received(4_000)], 8_000)).toMatchObject({ remainingCents: 0, state: "paid", paidOn: "2026-11-20" })
  })
})
