/**
 * Calling codes whose national numbers are dialled with a trunk "0" (FR 06 12… is +33 6 12…). A national query is
 * tried under each of them: the index does not know the agent's default country, and a prefix that exists under
 * two codes is rare and harmless in a result list. Countries that keep their leading 0 or have no trunk prefix
 * (IT, ES, PT, LU…) are found by their international digits only.
 */
const TRUNK_ZERO_CALLING_CODES = [
  "33", "44", "32", "41", "49", "43", "31", "353", "358", "46", "90", "212", "213", "216", "61", "64", "27",
  "262", "590", "594", "596", "269", "687"
]

/** E.164 allows at most 15 digits: they fit a double exactly, so phones are kept as numbers, not strings. */
export const MAX_E164_DIGITS = 15

/** Digits of a stored E.164 phone as a number, or null when it is not E.164. */
export function e164Key(phone: string): number | null {
  const n = phone.length
  // Checked by hand: a regex per phone was a tenth of the build time at 300k phones.
  if (n < 3 || n > MAX_E164_DIGITS + 1 || phone.charCodeAt(0) !== 43 || phone.charCodeAt(1) === 48) return null
  let value = 0
  for (let i = 1; i < n; i++) {
    const d = phone.charCodeAt(i) - 48
    if (d < 0 || d > 9) return null
    value = value * 10 + d
  }
  return value
}

/**
 * A query that reads as a phone number: only digits and the separators people type, with at least 4 digits.
 * "06 12 34", "+33 6 12", "(0)6.12", "212-555" qualify; "C-00123" or "lyon 2" do not.
 */
export function isPhoneQuery(query: string): boolean {
  const t = query.trim()
  if (!/^\+?[\d\s.\-()/]+$/.test(t)) return false
  return t.replace(/\D/g, "").length >= 4
}

/**
 * The E.164 digit prefixes a phone-looking query can stand for: international as typed ("+33 6 12", "0033 6 12",
 * or bare "33612"), national with a trunk 0 under each calling code that uses one, and North American numbers
 * typed without their leading 1.
 */
export function e164PrefixesOf(query: string): string[] {
  const t = query.trim()
  // "+33 (0)6 12…": the bracketed trunk 0 is not part of the international number.
  const digits = t.replace(/\(0\)/g, "").replace(/\D/g, "")
  if (digits === "") return []
  if (t.startsWith("+")) return digits.startsWith("0") ? [] : [digits]
  if (digits.startsWith("00")) return digits.length > 2 && digits[2] !== "0" ? [digits.slice(2)] : []
  if (digits.startsWith("0")) return TRUNK_ZERO_CALLING_CODES.map((cc) => cc + digits.slice(1))
  return [digits, "1" + digits]
}

/**
 * [low, high) ranges of E.164 keys that start with `prefix`, one per possible length: numbers with a non-zero
 * first digit sort by length first, so each length gives one contiguous range.
 */
export function e164KeyRanges(prefix: string): Array<{ low: number; high: number; length: number }> {
  const k = prefix.length
  if (k === 0 || k > MAX_E164_DIGITS || prefix.startsWith("0") || !/^\d+$/.test(prefix)) return []
  const p = Number(prefix)
  const ranges: Array<{ low: number; high: number; length: number }> = []
  for (let length = k; length <= MAX_E164_DIGITS; length++) {
    const scale = 10 ** (length - k)
    ranges.push({ low: p * scale, high: (p + 1) * scale, length })
  }
  return ranges
}
