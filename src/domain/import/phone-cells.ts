import { isSupportedCountry, Metadata, parsePhoneNumberFromString } from "libphonenumber-js"

import type { Parsed } from "./money"
import { quote } from "./text"

/**
 * Phone cells of an import file into E.164 with libphonenumber-js (its default "min" metadata, like the rest
 * of the app: DESIGN.md found "max" rejecting valid French 07 numbers).
 */

export interface PhoneExtension {
  e164: string
  extension: string
}

export interface PhoneCell {
  phones: string[]
  /** Extensions never go into E.164 (a dialable key); the importer keeps them in the customer's notes. */
  extensions: PhoneExtension[]
}

// Several numbers in one cell: "01 23 45 67 89 | 06 12 34 56 78". A slash only separates when spaced,
// because German numbers are written "089/1234567".
const SEPARATORS = /\s*[|;\n]\s*|\s+\/\s+|\s+(?:ou|or)\s+/i
const HAS_EXTENSION_WORD = /[a-z#]/i
const EXTENSION = /^(.*?\d[\d\s().-]*?)\s*[,;]?\s*(?:poste|post\.|p\.|ext\.?|extn|extension|x|#)\s*[:.]?\s*(\d{1,7})\.?$/i

export function parsePhoneCell(raw: string, country: string): Parsed<PhoneCell> {
  const phones: string[] = []
  const extensions: PhoneExtension[] = []
  for (const part of raw.split(SEPARATORS)) {
    const written = part.trim()
    if (written === "") continue
    // Extensions are introduced by a word or "#": skip the (backtracking) pattern for plain numbers.
    const ext = HAS_EXTENSION_WORD.test(written) ? EXTENSION.exec(written) : null
    const number = ext ? ext[1]!.trim() : written
    const fast = fastFrench(number, country)
    let e164: string
    let extension = ext ? ext[2]! : ""
    if (fast) e164 = fast
    else {
      const parsed = parsePhoneNumberFromString(number, isSupportedCountry(country) ? { defaultCountry: country } : {})
      if (!parsed || !parsed.isValid()) {
        const hint = number.startsWith("+") || number.startsWith("00") ? "" : ` (add its country code, +44…, if it is not a ${country} number)`
        return { ok: false, message: `phone ${quote(written)} is not a valid number for ${country}${hint}` }
      }
      e164 = parsed.number
      if (parsed.ext && !extension) extension = parsed.ext
    }
    if (!phones.includes(e164)) phones.push(e164)
    if (extension) extensions.push({ e164, extension })
  }
  return { ok: true, value: { phones, extensions } }
}

/*
 * Fast path for French numbers, the bulk of a French customer base: libphonenumber-js takes ~18 µs per
 * number on our 2-core machines, which made a 2,000-row chunk cost ~60 ms. With the min metadata, libphonenumber
 * judges a French number valid exactly when its 9 national digits match [1-9]\d{8} (FR has no type patterns),
 * so "01 23 45 67 89", "+33 (0)1 23 45 67 89" or "0033 1…" can be answered by one regular expression with the
 * same verdict. The guard below turns the shortcut off if a libphonenumber upgrade changes French metadata,
 * and phone-cells.test.ts checks the equivalence on thousands of numbers.
 */
const FR_INTERNATIONAL = /^\+33(?:\(0\))?([1-9]\d{8})$/
const FR_FROM_FRANCE = /^(?:0|0033(?:\(0\))?)([1-9]\d{8})$/
const FR_SEPARATORS = /[ .\-\u00a0\u202f]/g

export const FRENCH_FAST_PATH_ENABLED = (() => {
  try {
    const m = new Metadata() as unknown as {
      selectNumberingPlan(c: string): void
      hasTypes?(): boolean
      numberingPlan?: { nationalNumberPattern?(): string; possibleLengths?(): number[] }
    }
    m.selectNumberingPlan("FR")
    const plan = m.numberingPlan
    return m.hasTypes?.() === false && plan?.nationalNumberPattern?.() === "[1-9]\\d{8}" && plan.possibleLengths?.().join() === "9"
  } catch {
    return false
  }
})()

export function fastFrench(written: string, country: string): string | null {
  if (!FRENCH_FAST_PATH_ENABLED) return null
  const compact = written.replace(FR_SEPARATORS, "")
  const m = FR_INTERNATIONAL.exec(compact) ?? (country === "FR" ? FR_FROM_FRANCE.exec(compact) : null)
  return m ? "+33" + m[1]! : null
}
