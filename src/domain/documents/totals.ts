import { divRoundHalfUp, PERCENT_SCALE, QUANTITY_SCALE, toSafeNumber } from "./money"

/** The French VAT rates (basis points) and 0 for exempt lines, which then need an exemption mention. */
export const FRENCH_VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const

export interface TotalsLine {
  /** Thousandths of the unit: 2.5 → 2500. Negative only on credit notes. */
  quantityMilli: number
  unitPriceCents: number
  /** Basis points of a percent: 12.5 % → 1250; 0 to 10,000. */
  discountBp: number
  /** Basis points: 20 % → 2000. */
  vatRateBp: number
}

export interface VatBreakdown {
  vatRateBp: number
  /** Sum of this rate's line nets. */
  baseCents: number
  /** VAT on that sum, rounded half up once (EN 16931 BR-CO-17). */
  vatCents: number
}

export interface DocumentTotals {
  lineNetCents: number[]
  vatByRate: VatBreakdown[]
  totalExclVatCents: number
  totalVatCents: number
  totalInclVatCents: number
}

/** A line's net amount: quantity × unit price × (1 − discount), rounded half up to the cent once. */
export function lineNetCents(line: TotalsLine): number {
  if (line.discountBp < 0 || line.discountBp > PERCENT_SCALE) throw new RangeError("discount must be between 0 and 100 %")
  const num = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents) * BigInt(PERCENT_SCALE - line.discountBp)
  return toSafeNumber(divRoundHalfUp(num, BigInt(QUANTITY_SCALE * PERCENT_SCALE)), "line amount")
}

/**
 * The totals an e-invoice validator accepts: each line's net rounded to the cent; per VAT rate, the VAT computed
 * on the sum of that rate's nets and rounded half up (BR-CO-17: rounding the VAT line by line and summing can
 * differ by a few cents and fails validation); the totals are sums of those. Rates are listed highest first.
 */
export function computeTotals(lines: readonly TotalsLine[]): DocumentTotals {
  const lineNet = lines.map(lineNetCents)
  const baseByRate = new Map<number, bigint>()
  lines.forEach((l, i) => baseByRate.set(l.vatRateBp, (baseByRate.get(l.vatRateBp) ?? 0n) + BigInt(lineNet[i]!)))
  const vatByRate: VatBreakdown[] = [...baseByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, base]) => ({
      vatRateBp: rate,
      baseCents: toSafeNumber(base, "VAT base"),
      vatCents: toSafeNumber(divRoundHalfUp(base * BigInt(rate), BigInt(PERCENT_SCALE)), "VAT")
    }))
  const totalExcl = vatByRate.reduce((s, v) => s + v.baseCents, 0)
  const totalVat = vatByRate.reduce((s, v) => s + v.vatCents, 0)
  return { lineNetCents: lineNet, vatByRate, totalExclVatCents: totalExcl, totalVatCents: totalVat, totalInclVatCents: totalExcl + totalVat }
}

/** Whether totals a client sent are exactly the ones these lines give (the server refuses a mismatch). */
export function totalsMismatch(lines: readonly TotalsLine[], claimed: Pick<DocumentTotals, "totalExclVatCents" | "totalVatCents" | "totalInclVatCents">): string[] {
  const t = computeTotals(lines)
  const wrong: string[] = []
  if (t.totalExclVatCents !== claimed.totalExclVatCents) wrong.push(`totalExclVatCents: ${claimed.totalExclVatCents} ≠ ${t.totalExclVatCents}`)
  if (t.totalVatCents !== claimed.totalVatCents) wrong.push(`totalVatCents: ${claimed.totalVatCents} ≠ ${t.totalVatCents}`)
  if (t.totalInclVatCents !== claimed.totalInclVatCents) wrong.push(`totalInclVatCents: ${claimed.totalInclVatCents} ≠ ${t.totalInclVatCents}`)
  return wrong
}
