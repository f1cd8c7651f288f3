/**
 * Exact money arithmetic on integer cents. Products of a quantity, a price and a discount exceed 2^53 for
 * large lines, so the intermediate products are BigInt; every result is rounded once, half away from zero
 * (half up for the positive amounts of quotes and invoices; a credit note's negative amounts mirror them).
 */

/** Quantities are kept in thousandths ("2.5" kg → 2500): three decimals cover every unit a catalog sells. */
export const QUANTITY_SCALE = 1000
/** Percentages in basis points of a percent ("12.5 %" → 1250, "20 %" → 2000, "5.5 %" → 550). */
export const PERCENT_SCALE = 10_000

/** numerator / denominator rounded half away from zero; denominator > 0. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive")
  const negative = numerator < 0n
  const n = negative ? -numerator : numerator
  const q = n / denominator
  const r = n % denominator
  const rounded = r * 2n >= denominator ? q + 1n : q
  return negative ? -rounded : rounded
}

export function toSafeNumber(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is too large`)
  return Number(v)
}

/**
 * A decimal written by a person ("2", "2.5", "2,5", "0,125") into an integer of the given number of decimals,
 * without a float. Returns null for anything else (a sign is allowed only where `allowNegative`).
 */
export function parseScaledDecimal(raw: string, decimals: number, allowNegative = false): number | null {
  // An amount copied from the page carries the minus sign it prints (formatCents).
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, "").replace(MINUS_SIGN, "-").replace(",", ".")
  const m = /^(-)?(\d{1,12})(?:\.(\d*))?$/.exec(s)
  if (!m) return null
  if (m[1] && !allowNegative) return null
  const frac = (m[3] ?? "").replace(/0+$/, "")
  if (frac.length > decimals) return null
  const value = Number(m[2]) * 10 ** decimals + Number(frac.padEnd(decimals, "0") || "0")
  if (!Number.isSafeInteger(value)) return null
  return m[1] ? -value : value
}

/** The minus sign (U+2212): the typographic one French and English print; Intl gives the hyphen-minus for both. */
export const MINUS_SIGN = "\u2212"

/**
 * Cents as a person reads them in a language: "1 234,56 €" (fr) or "€1,234.56" (en); a credit note's "−30,78 €" /
 * "−€30.78" with the minus sign, not the hyphen Intl puts there (read as a dash, or lost at a line break).
 */
export function formatCents(cents: number, language: "fr" | "en", currency = "EUR"): string {
  return currencyFormat(language, currency)
    .formatToParts(cents / 100)
    .map((p) => (p.type === "minusSign" ? MINUS_SIGN : p.value))
    .join("")
}

/**
 * One formatter per language and currency, kept: making one costs far more than formatting with it, and a quote
 * form formats a dozen amounts each time it is drawn (a card's New quote handed to the workspace tab, issue #10).
 */
const formats = new Map<string, Intl.NumberFormat>()

function currencyFormat(language: "fr" | "en", currency: string): Intl.NumberFormat {
  const key = `${language}|${currency}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency })
    formats.set(key, f)
  }
  return f
}
