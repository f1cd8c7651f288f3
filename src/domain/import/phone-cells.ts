import { isSupportedCountry, Metadata, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode as LibCountryCode } from "libphonenumber-js"

import type { Parsed } from "./money"

/**
 * Phone cells of an import file into E.164 with libphonenumber-js (its default "min" metadata, like the rest
 * of the app: DESIGN.md found "max" rejecting valid French 07 numbers).
 */

export interface PhoneExtension {
  e164: string
  extension: string
}

/** A number of the cell that could not be read: the importer keeps the row and reports it as a warning. */
export interface InvalidPhone {
  written: string
  /** In words, for the report: "not a valid UK number", "too short for a French number". */
  why: string
  /** The same, as facts the interface words in its own language. */
  problem: PhoneProblem
}

/** Why a number is refused, and the country it was read for (ISO code), when there was one. */
export interface PhoneProblem {
  kind: "not_a_number" | "too_short" | "too_long" | "no_country" | "invalid"
  country: string | null
}

export interface PhoneCell {
  phones: string[]
  /** Extensions never go into E.164 (a dialable key); the importer keeps them in the customer's notes. */
  extensions: PhoneExtension[]
  invalid: InvalidPhone[]
}

// Several numbers in one cell: "01 23 45 67 89 | 06 12 34 56 78". A slash only separates when spaced,
// because German numbers are written "089/1234567".
const SEPARATORS = /\s*[|;\n]\s*|\s+\/\s+|\s+(?:ou|or)\s+/i
const HAS_EXTENSION_WORD = /[a-z#]/i
const EXTENSION = /^(.*?\d[\d\s().-]*?)\s*[,;]?\s*(?:poste|post\.|p\.|ext\.?|extn|extension|x|#)\s*[:.]?\s*(\d{1,7})\.?$/i

export function parsePhoneCell(raw: string, country: string): Parsed<PhoneCell> {
  const phones: string[] = []
  const extensions: PhoneExtension[] = []
  const invalid: InvalidPhone[] = []
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
        invalid.push({ written, why: whyInvalid(number, country), problem: phoneProblem(number, country) })
        continue
      }
      e164 = parsed.number
      if (parsed.ext && !extension) extension = parsed.ext
    }
    if (!phones.includes(e164)) phones.push(e164)
    if (extension) extensions.push({ e164, extension })
  }
  return { ok: true, value: { phones, extensions, invalid } }
}

// How a report names a country's numbers: "a UK number" reads better than "a GB number".
const ADJECTIVE: Record<string, string> = {
  GB: "UK", US: "US", FR: "French", DE: "German", BE: "Belgian", CH: "Swiss", ES: "Spanish", IT: "Italian", NL: "Dutch", LU: "Luxembourg",
  PT: "Portuguese", IE: "Irish", CA: "Canadian", AT: "Austrian", MC: "Monaco", PL: "Polish", SE: "Swedish", DK: "Danish", NO: "Norwegian",
  FI: "Finnish", MA: "Moroccan", TN: "Tunisian", DZ: "Algerian", AU: "Australian", JP: "Japanese", CN: "Chinese", IN: "Indian", BR: "Brazilian"
}

function countryWords(country: string): string {
  return `${ADJECTIVE[country] ?? country} number`
}

/** The country an international number is written for: "+44 1234" is a UK number, even too short to parse. */
function countryOfInternational(number: string): string | null {
  const digits = number.replace(/^00/, "+").replace(/[^\d+]/g, "")
  if (!digits.startsWith("+")) return null
  const codes = (new Metadata() as unknown as { metadata: { country_calling_codes: Record<string, string[]> } }).metadata.country_calling_codes
  for (let n = 1; n <= 3; n++) {
    const main = codes[digits.slice(1, 1 + n)]?.[0]
    if (main) return main
  }
  return null
}

/** Why a written number is refused; for a "+44" number the country is its own, not the default one. */
export function phoneProblem(number: string, country: string): PhoneProblem {
  if (!/\d/.test(number)) return { kind: "not_a_number", country: null }
  const own = countryOfInternational(number)
  const of = own ?? (isSupportedCountry(country) ? country : null)
  const options = own === null && of !== null ? { defaultCountry: of as LibCountryCode } : {}
  let length: string | undefined
  try {
    length = validatePhoneNumberLength(number, options)
  } catch {
    length = undefined
  }
  if (length === "TOO_SHORT") return { kind: "too_short", country: of }
  if (length === "TOO_LONG") return { kind: "too_long", country: of }
  if (length === "NOT_A_NUMBER") return { kind: "not_a_number", country: null }
  if (of === null) return { kind: "no_country", country: null }
  return { kind: "invalid", country: of }
}

/** The same in English words, for the importer's own report: "too short for a French number". */
export function whyInvalid(number: string, country: string): string {
  const { kind, country: of } = phoneProblem(number, country)
  const words = of === null ? "number" : countryWords(of)
  if (kind === "too_short") return `too short for a ${words}`
  if (kind === "too_long") return `too long for a ${words}`
  if (kind === "not_a_number") return "not a phone number"
  if (kind === "no_country") return "no country code, and no known country to read it in"
  const hint = countryOfInternational(number) === null ? ` (add its country code, +44…, if it is not a ${words})` : ""
  return `not a valid ${words}${hint}`
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
