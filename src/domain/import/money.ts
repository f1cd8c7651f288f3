import { quote } from "./text"

/**
 * Amounts as people type them in French and English spreadsheets, read into integer cents without ever
 * going through a float (DESIGN.md: money is integer minor units).
 *
 * "10000", "10 000", "10 000,00 €", "10,000.00", "1.234,56", "10'000.00", "€10,000", "12,5" are all read.
 * The separator that comes last is the decimal one when both appear. When only one appears once and is
 * followed by exactly three digits ("10,000", "1.500") it groups thousands: money is written with two
 * decimals, never three. "0,125" is therefore refused (three decimals), not read as 125 €.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const OTHER_CURRENCY = /[$£¥₣₤]|\b(?:usd|gbp|chf|cad|jpy|us\$)\b/i
const EURO = /€|\beuros?\b|\beur\b/gi
const BEFORE_TAX = /\bh\.?\s?t\b\.?/gi
const GROUPING = /[ \u00a0\u202f'’]/g

export function parseEuroCents(raw: string): Parsed<number> {
  const original = raw.trim()
  if (original === "") return { ok: false, message: "the amount is empty" }
  if (OTHER_CURRENCY.test(original)) return { ok: false, message: `amount ${quote(original)} is not in euros` }
  if (/\bttc\b/i.test(original)) return { ok: false, message: `amount ${quote(original)} includes VAT (TTC); give the amount before VAT (HT)` }
  let s = original.replace(EURO, "").replace(BEFORE_TAX, "").replace(/\s+/g, " ").trim()
  if (/^[-−(]/.test(s) || /-$/.test(s)) return { ok: false, message: `amount ${quote(original)} is negative` }
  if (s.startsWith("+")) s = s.slice(1).trim()
  if (!/^\d[\d ,.\u00a0\u202f'’]*$/.test(s) || /[ ,.'’]{2}/.test(s.replace(/[\u00a0\u202f]/g, " "))) {
    return { ok: false, message: `${quote(original)} is not an amount` }
  }
  s = s.replace(/[ ,.'’\u00a0\u202f]+$/, "")

  const hasSpaceGroups = /[ \u00a0\u202f'’]/.test(s)
  const lastDot = s.lastIndexOf(".")
  const lastComma = s.lastIndexOf(",")
  let decimalAt = -1
  if (lastDot !== -1 && lastComma !== -1) decimalAt = Math.max(lastDot, lastComma)
  else if (lastDot !== -1 || lastComma !== -1) {
    const sep = lastDot !== -1 ? "." : ","
    const at = Math.max(lastDot, lastComma)
    const once = s.indexOf(sep) === at
    const after = s.length - at - 1
    const intDigits = s.slice(0, at).replace(GROUPING, "")
    const looksGrouped = after === 3 && intDigits !== "0" && !hasSpaceGroups
    if (once && !looksGrouped) decimalAt = at
  }

  const intText = decimalAt === -1 ? s : s.slice(0, decimalAt)
  let fracText = decimalAt === -1 ? "" : s.slice(decimalAt + 1)
  const groups = intText.split(/[ ,.'’\u00a0\u202f]/)
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) {
    return { ok: false, message: `${quote(original)} is not an amount (thousands must be grouped by three)` }
  }
  if (!/^\d*$/.test(fracText)) return { ok: false, message: `${quote(original)} is not an amount` }
  fracText = fracText.replace(/0+$/, "")
  if (fracText.length > 2) return { ok: false, message: `amount ${quote(original)} has more than two decimals` }
  const intDigits = groups.join("").replace(/^0+(?=\d)/, "")
  if (intDigits.length > 13) return { ok: false, message: `amount ${quote(original)} is too large` }
  return { ok: true, value: Number(intDigits) * 100 + Number(fracText.padEnd(2, "0")) }
}

/**
 * A VAT rate into basis points (2000 = 20 %). "20", "20 %", "5,5", "5.5 %" are percentages; a bare number
 * below 1 is a fraction as spreadsheets store percentages ("0.055" = 5.5 %, "0.2" = 20 %). Only rates from
 * 0 to 27 % (Hungary's standard rate, the highest in the EU) are plausible: "2000" or "0.9" (90 %) are typos.
 */
export const MAX_VAT_BP = 2700

export function parseVatRateBp(raw: string): Parsed<number> {
  const original = raw.trim()
  if (original === "") return { ok: false, message: "the VAT rate is empty" }
  const percent = original.includes("%")
  const s = original.replace(/%/g, "").replace(/\s+/g, "").replace(",", ".")
  const m = /^(\d{1,5})(?:\.(\d*))?$/.exec(s)
  if (!m) return { ok: false, message: `${quote(original)} is not a VAT rate` }
  const intPart = Number(m[1])
  const frac = (m[2] ?? "").replace(/0+$/, "")
  let bp: number | null
  if (!percent && intPart === 0 && frac !== "") {
    bp = frac.length <= 4 ? Number(frac.padEnd(4, "0")) : null
  } else {
    bp = frac.length <= 2 ? intPart * 100 + Number(frac.padEnd(2, "0")) : null
  }
  if (bp === null) return { ok: false, message: `VAT rate ${quote(original)} has too many decimals` }
  if (bp > MAX_VAT_BP) {
    const hint = !percent && intPart === 0 ? ` (a number below 1 is read as a fraction; write "${original} %" for ${original} %)` : ""
    return { ok: false, message: `VAT rate ${quote(original)} is not plausible: rates run from 0 to 27 %${hint}` }
  }
  return { ok: true, value: bp }
}

/** Cents as a plain decimal ("1234.56"): the form every spreadsheet and our importer read back. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/** Basis points as a percentage without trailing zeros: 2000 → "20", 550 → "5.5", 210 → "2.1". */
export function formatBpPercent(bp: number): string {
  const int = Math.floor(bp / 100)
  const frac = String(bp % 100).padStart(2, "0").replace(/0+$/, "")
  return frac === "" ? String(int) : `${int}.${frac}`
}
