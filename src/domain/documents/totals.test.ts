import { describe, expect, it } from "vitest"

import { divRoundHalfUp, parseScaledDecimal } from "./money"
import { computeTotals, lineNetCents, totalsMismatch, type TotalsLine } from "./totals"

const line = (quantity: string, unitPriceCents: number, vatRateBp = 2000, discountBp = 0): TotalsLine => ({
  quantityMilli: parseScaledDecimal(quantity, 3, true)!,
  unitPriceCents,
  discountBp,
  vatRateBp
})

describe("money rounding", () => {
  it("rounds halves up and away from zero for negative amounts", () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n)
    expect(divRoundHalfUp(4n, 10n)).toBe(0n)
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n)
    expect(divRoundHalfUp(-4n, 10n)).toBe(0n)
  })

  it("reads quantities and percentages as people type them, without floats", () => {
    expect(parseScaledDecimal("2,5", 3)).toBe(2500)
    expect(parseScaledDecimal("0.125", 3)).toBe(125)
    expect(parseScaledDecimal("12.5", 2)).toBe(1250)
    expect(parseScaledDecimal("1 000", 3)).toBe(1_000_000)
    expect(parseScaledDecimal("0.0005", 3)).toBeNull()
    expect(parseScaledDecimal("-2", 3)).toBeNull()
    expect(parseScaledDecimal("-2", 3, true)).toBe(-2000)
    expect(parseScaledDecimal("2e3", 3)).toBeNull()
  })
})

describe("line net amounts", () => {
  it("rounds a line's net half up to the cent once", () => {
    expect(lineNetCents(line("2.5", 333))).toBe(833) // 832.5
    expect(lineNetCents(line("1", 999, 2000, 1250))).toBe(874) // 874.125
    expect(lineNetCents(line("1", 1001, 2000, 1250))).toBe(876) // 875.875
    expect(lineNetCents(line("1", 1, 2000, 5000))).toBe(1) // 0.5 cent
  })

  it("mirrors the rounding on a credit note's negative quantities", () => {
    expect(lineNetCents(line("-2.5", 333))).toBe(-833)
  })

  it("keeps exact cents for amounts beyond what a float multiplies exactly", () => {
    // 999,999.999 units at 9,999,999.99 € with 33.33 % off: the product overflows 2^53 before the division.
    const big = lineNetCents({ quantityMilli: 999_999_999, unitPriceCents: 999_999_999, discountBp: 3333, vatRateBp: 2000 })
    expect(big).toBe(Number((999_999_999n * 999_999_999n * 6667n + 5_000_000n) / 10_000_000n))
  })

  it("refuses a discount over 100 %", () => {
    expect(() => lineNetCents(line("1", 100, 2000, 10_001))).toThrow(/discount/)
  })
})

describe("document totals (EN 16931 BR-CO-17)", () => {
  it("computes VAT per rate on the sum of that rate's nets, not line by line", () => {
    // Three lines of 0.10 € at 5.5 %: line by line 0.0055 → 0.01 each = 0.03; on the sum 0.0165 → 0.02.
    const t = computeTotals([line("1", 10, 550), line("1", 10, 550), line("1", 10, 550)])
    expect(t.vatByRate).toEqual([{ vatRateBp: 550, baseCents: 30, vatCents: 2 }])
    expect(t.totalInclVatCents).toBe(32)
  })

  it("rounds VAT that lands on half a cent up", () => {
    // 0.05 € at 10 % = 0.005 €
    expect(computeTotals([line("1", 5, 1000)]).totalVatCents).toBe(1)
    // 0.15 € at 2.1 % = 0.00315 € → 0
    expect(computeTotals([line("1", 15, 210)]).totalVatCents).toBe(0)
  })

  it("lists each French rate separately, highest first, with exempt lines at 0", () => {
    const t = computeTotals([line("3", 1999, 550), line("2", 4550, 2000), line("1", 1200, 0), line("10", 125, 1000), line("4", 2450, 2000, 1000)])
    expect(t.vatByRate.map((v) => v.vatRateBp)).toEqual([2000, 1000, 550, 0])
    // 20 %: 9100 + 8820 = 17920 → 3584; 10 %: 1250 → 125; 5.5 %: 5997 → 329.835 → 330; 0 %: 1200 → 0
    expect(t.vatByRate).toEqual([
      { vatRateBp: 2000, baseCents: 17920, vatCents: 3584 },
      { vatRateBp: 1000, baseCents: 1250, vatCents: 125 },
      { vatRateBp: 550, baseCents: 5997, vatCents: 330 },
      { vatRateBp: 0, baseCents: 1200, vatCents: 0 }
    ])
    expect(t.totalExclVatCents).toBe(17920 + 1250 + 5997 + 1200)
    expect(t.totalVatCents).toBe(3584 + 125 + 330)
    expect(t.totalInclVatCents).toBe(t.totalExclVatCents + t.totalVatCents)
  })

  it("names the totals a client got wrong so the server can refuse them", () => {
    const lines = [line("1", 10, 550), line("1", 10, 550), line("1", 10, 550)]
    expect(totalsMismatch(lines, { totalExclVatCents: 30, totalVatCents: 2, totalInclVatCents: 32 })).toEqual([])
    expect(totalsMismatch(lines, { totalExclVatCents: 30, totalVatCents: 3, totalInclVatCents: 33 })).toHaveLength(2)
  })
})
