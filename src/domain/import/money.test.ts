import { describe, expect, it } from "vitest"

import { formatBpPercent, formatCents, parseEuroCents, parseVatRateBp } from "./money"

const cents = (s: string): number | string => {
  const r = parseEuroCents(s)
  return r.ok ? r.value : r.message
}
const bp = (s: string): number | string => {
  const r = parseVatRateBp(s)
  return r.ok ? r.value : r.message
}

describe("parseEuroCents", () => {
  it.each([
    ["10000", 1_000_000],
    ["10 000", 1_000_000],
    ["10 000,00 €", 1_000_000],
    ["10\u00a0000,00\u00a0€", 1_000_000],
    ["10\u202f000,00 €", 1_000_000],
    ["10,000.00", 1_000_000],
    ["10.000,00", 1_000_000],
    ["10'000.00", 1_000_000],
    ["€10,000", 1_000_000],
    ["EUR 10 000", 1_000_000],
    ["10000 euros", 1_000_000],
    ["10,000", 1_000_000],
    ["1.500", 150_000],
    ["1 234,56 €", 123_456],
    ["1,234,567.89", 123_456_789],
    ["12,5", 1250],
    ["12,50", 1250],
    ["12.50", 1250],
    ["0,99", 99],
    ["0.5", 50],
    ["12,500", 1_250_000],
    ["12.5000 €", 1250],
    ["32", 3200],
    ["0", 0],
    ["+100", 10_000],
    ["100 € HT", 10_000],
    ["10.", 1000]
  ])("reads %j as %i cents", (text, expected) => {
    expect(cents(text)).toBe(expected)
  })

  it("never goes through floating point: 0.29 and 1.15 stay exact", () => {
    expect(cents("0,29")).toBe(29)
    expect(cents("1.15")).toBe(115)
    expect(cents("4 503 599 627,37")).toBe(450_359_962_737)
  })

  it.each([
    ["dix mille", /not an amount/],
    ["", /empty/],
    ["-100", /negative/],
    ["(100)", /negative/],
    ["100-", /negative/],
    ["$100", /not in euros/],
    ["£5,000", /not in euros/],
    ["100 USD", /not in euros/],
    ["100 € TTC", /TTC/],
    ["0,125", /more than two decimals/],
    ["1 234.567", /more than two decimals/],
    ["10 0000", /grouped by three/],
    ["1,23,456", /grouped by three/],
    ["1..5", /not an amount/],
    ["1e5", /not an amount/],
    ["12 345 678 901 234,00", /too large/]
  ])("refuses %j", (text, reason) => {
    expect(cents(text)).toMatch(reason)
  })
})

describe("parseVatRateBp", () => {
  it.each([
    ["20", 2000],
    ["20 %", 2000],
    ["20%", 2000],
    ["20,0", 2000],
    ["5,5", 550],
    ["5.5 %", 550],
    ["2,1", 210],
    ["0", 0],
    ["0 %", 0],
    ["0.055", 550],
    ["0,2", 2000],
    ["0.021", 210],
    ["0,9 %", 90],
    ["19,6", 1960],
    ["27", 2700]
  ])("reads %j as %i basis points", (text, expected) => {
    expect(bp(text)).toBe(expected)
  })

  it.each([
    ["2000", /not plausible/],
    ["28", /not plausible/],
    ["0.9", /fraction/],
    ["vingt", /not a VAT rate/],
    ["5,555", /too many decimals/],
    ["-20", /not a VAT rate/],
    ["", /empty/]
  ])("refuses %j", (text, reason) => {
    expect(bp(text)).toMatch(reason)
  })
})

describe("formatting", () => {
  it("writes cents as a plain decimal", () => {
    expect(formatCents(1_000_000)).toBe("10000.00")
    expect(formatCents(5)).toBe("0.05")
    expect(formatCents(-1250)).toBe("-12.50")
  })

  it("writes basis points as a short percentage", () => {
    expect([2000, 550, 210, 0, 1960, 105].map(formatBpPercent)).toEqual(["20", "5.5", "2.1", "0", "19.6", "1.05"])
  })
})
