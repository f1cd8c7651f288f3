import { describe, expect, it } from "vitest"

import { PaymentTermsSchema } from "./document.schema"
import { checkPaymentTerms, dueDate, todayInFrance } from "./payment-terms"

describe("French payment terms", () => {
  it("refuses a quote whose payment terms exceed 60 days", () => {
    expect(checkPaymentTerms({ kind: "net", days: 61 })).toEqual({ ok: false, reason: "net-over-60-days", days: 61 })
    expect(checkPaymentTerms({ kind: "net", days: 60 })).toEqual({ ok: true })
    expect(PaymentTermsSchema.safeParse({ kind: "net", days: 90 }).success).toBe(false)
  })

  it("refuses end-of-month terms over 45 days", () => {
    expect(checkPaymentTerms({ kind: "end-of-month", days: 46 }).ok).toBe(false)
    expect(checkPaymentTerms({ kind: "end-of-month", days: 45 }).ok).toBe(true)
  })

  it("computes net due dates across month ends", () => {
    expect(dueDate("2026-01-31", { kind: "net", days: 30 })).toBe("2026-03-02")
    expect(dueDate("2028-01-31", { kind: "net", days: 30 })).toBe("2028-03-01") // leap year
    expect(dueDate("2026-12-15", { kind: "net", days: 60 })).toBe("2027-02-13")
    expect(dueDate("2026-05-04", { kind: "on-receipt" })).toBe("2026-05-04")
  })

  it("computes 45 days end of month as the invoice date plus 45 days, then the month's end", () => {
    expect(dueDate("2026-01-15", { kind: "end-of-month", days: 45 })).toBe("2026-03-31")
    expect(dueDate("2026-01-10", { kind: "end-of-month", days: 45 })).toBe("2026-02-28")
  })

  it("refuses a date that does not exist", () => {
    expect(() => dueDate("2026-02-30", { kind: "net", days: 30 })).toThrow(/calendar date/)
  })
})

describe("today in France", () => {
  it("is read on Paris's calendar: 23:30 UTC on 31 December is already New Year's Day there", () => {
    expect(todayInFrance(Date.parse("2026-12-31T23:30:00Z"))).toBe("2027-01-01")
    expect(todayInFrance(Date.parse("2026-07-01T21:59:00Z"))).toBe("2026-07-01")
    expect(todayInFrance(Date.parse("2026-07-01T22:00:00Z"))).toBe("2026-07-02")
  })
})
