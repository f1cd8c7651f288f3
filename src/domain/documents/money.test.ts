import { describe, expect, it, vi } from "vitest"

import { formatQuantity } from "./document-text"
import { formatCents, parseScaledDecimal } from "./money"

describe("money as a person reads it", () => {
  it("writes a credit note's negative amount with the minus sign, not a hyphen, in French and in English", () => {
    expect(formatCents(-3078, "fr")).toBe("\u221230,78\u00a0€")
    expect(formatCents(-3078, "en")).toBe("\u2212€30.78")
    expect(formatCents(-123_456, "fr")).toBe("\u22121\u202f234,56\u00a0€")
  })

  it("leaves positive amounts as they were", () => {
    expect(formatCents(123_456, "fr")).toBe("1\u202f234,56\u00a0€")
    expect(formatCents(123_456, "en")).toBe("€1,234.56")
  })

  it("writes a credited quantity with the minus sign too", () => {
    expect(formatQuantity(-2500, "fr")).toBe("\u22122,5")
    expect(formatQuantity(-1500, "en")).toBe("\u22121.5")
  })

  it("reads back an amount copied from the page with its minus sign, as a correction", () => {
    expect(parseScaledDecimal("\u221230,78", 2, true)).toBe(-3078)
    expect(parseScaledDecimal("\u221230,78", 2)).toBeNull()
  })

  it("makes a language's currency formatter once, not once for every amount a form draws", () => {
    formatCents(1, "fr")
    formatCents(1, "en")
    const made = vi.spyOn(Intl, "NumberFormat")
    for (let i = 0; i < 20; i++) expect(formatCents(100 * i + 5, i % 2 ? "en" : "fr")).toBe(i % 2 ? `€${i}.05` : `${i},05\u00a0€`)
    expect(made).not.toHaveBeenCalled()
    made.mockRestore()
  })
})
