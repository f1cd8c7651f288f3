import { describe, expect, it } from "vitest"

import { paymentSteps } from "./payments"

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
})
