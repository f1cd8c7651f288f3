import { describe, expect, it } from "vitest"

import { allowedNext, checkTransition, effectiveQuoteStatus, formatDocumentNumber, isEditable } from "./workflow"

describe("document workflow", () => {
  it("takes a quote from draft to sent to accepted", () => {
    expect(checkTransition("quote", "draft", "sent")).toEqual({ ok: true })
    expect(checkTransition("quote", "sent", "accepted")).toEqual({ ok: true })
  })

  it("refuses to accept a quote that was never sent, and says what is allowed", () => {
    expect(checkTransition("quote", "draft", "accepted")).toEqual({ ok: false, reason: "illegal-transition", type: "quote", from: "draft", to: "accepted", allowed: ["sent", "cancelled"] })
  })

  it("never lets an issued invoice go back to draft or be cancelled", () => {
    expect(checkTransition("invoice", "issued", "draft").ok).toBe(false)
    expect(allowedNext("invoice", "issued")).toEqual([])
    expect(isEditable("invoice", "issued")).toBe(false)
    expect(isEditable("invoice", "draft")).toBe(true)
  })

  it("refuses a status the document type does not have", () => {
    expect(checkTransition("order", "draft", "paid")).toMatchObject({ ok: false, reason: "unknown-status" })
  })

  it("treats a sent quote past its validity date as expired", () => {
    expect(effectiveQuoteStatus("sent", "2026-11-30", "2026-12-02")).toBe("expired")
    expect(effectiveQuoteStatus("sent", "2026-12-02", "2026-12-02")).toBe("sent")
    expect(effectiveQuoteStatus("accepted", "2026-11-30", "2026-12-02")).toBe("accepted")
  })

  it("numbers documents per type and year with five digits", () => {
    expect(formatDocumentNumber("quote", 2026, 1)).toBe("DEV-2026-00001")
    expect(formatDocumentNumber("invoice", 2027, 1234)).toBe("FAC-2027-01234")
    expect(formatDocumentNumber("credit-note", 2026, 7)).toBe("AV-2026-00007")
    expect(() => formatDocumentNumber("order", 2026, 0)).toThrow()
  })
})
