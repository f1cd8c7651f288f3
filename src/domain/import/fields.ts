import { getCountries } from "libphonenumber-js"

import type { CountryCode, Language } from "../customers/customer.schema"
import type { Parsed } from "./money"
import { compactKey, quote } from "./text"

/* Readers for the customer columns other than money and phones. Each returns a value or a human reason. */

// ---------- country ----------

const EXTRA_COUNTRY_NAMES: Record<string, string> = {
  uk: "GB", gb: "GB", gbr: "GB", greatbritain: "GB", grandebretagne: "GB", angleterre: "GB", england: "GB", scotland: "GB", ecosse: "GB", wales: "GB", paysdegalles: "GB", northernireland: "GB", irlandedunord: "GB", britain: "GB",
  us: "US", usa: "US", unitedstatesofamerica: "US", america: "US", amerique: "US", etatsunisdamerique: "US", etatsunis: "US",
  fra: "FR", france: "FR", francemetropolitaine: "FR", corse: "FR", corsica: "FR", reunion: "RE",
  deu: "DE", deutschland: "DE", ger: "DE", bel: "BE", belgie: "BE", belgien: "BE", che: "CH", schweiz: "CH", svizzera: "CH", suisse: "CH", lux: "LU", letzebuerg: "LU",
  esp: "ES", espana: "ES", ita: "IT", italia: "IT", nld: "NL", nederland: "NL", holland: "NL", hollande: "NL", prt: "PT", aut: "AT", osterreich: "AT", oesterreich: "AT",
  irl: "IE", eire: "IE", can: "CA", mco: "MC", pol: "PL", polska: "PL", swe: "SE", sverige: "SE", dnk: "DK", danmark: "DK", nor: "NO", norge: "NO", fin: "FI", suomi: "FI",
  grc: "GR", ellada: "GR", cze: "CZ", czechia: "CZ", hun: "HU", rou: "RO", bgr: "BG", hrv: "HR", svn: "SI", svk: "SK", est: "EE", lva: "LV", ltu: "LT", cyp: "CY", mlt: "MT",
  mar: "MA", tun: "TN", dza: "DZ", sen: "SN", civ: "CI", ivorycoast: "CI", chn: "CN", jpn: "JP", ind: "IN", bra: "BR", aus: "AU", nzl: "NZ", zaf: "ZA", mex: "MX", tur: "TR", isr: "IL", are: "AE", sau: "SA", rus: "RU", ukr: "UA"
}

let countryNames: Map<string, string> | undefined
let isoCodes: Set<string> | undefined

function isoSet(): Set<string> {
  // libphonenumber's region list is the ISO 3166 list plus a few territories (XK for Kosovo…).
  isoCodes ??= new Set<string>(getCountries())
  return isoCodes
}

function names(): Map<string, string> {
  if (countryNames) return countryNames
  const map = new Map<string, string>()
  for (const lang of ["en", "fr"]) {
    let display: Intl.DisplayNames | undefined
    try {
      display = new Intl.DisplayNames([lang], { type: "region" })
    } catch {
      display = undefined // a runtime without region names still reads codes and the aliases below
    }
    if (!display) continue
    for (const code of isoSet()) {
      const name = display.of(code)
      if (name && name !== code) map.set(compactKey(name), code)
    }
  }
  for (const [name, code] of Object.entries(EXTRA_COUNTRY_NAMES)) map.set(name, code)
  countryNames = map
  return map
}

// A file spells its countries a handful of ways, each thousands of times.
const countryMemo = new Map<string, Parsed<CountryCode>>()

/** "FR", "fr", "FRA", "France", "Royaume-Uni", "UK", "États-Unis", "Deutschland" → ISO 3166 alpha-2. */
export function parseCountry(raw: string): Parsed<CountryCode> {
  let result = countryMemo.get(raw)
  if (!result) {
    result = readCountry(raw)
    if (countryMemo.size >= 2000) countryMemo.clear()
    countryMemo.set(raw, result)
  }
  return result
}

function readCountry(raw: string): Parsed<CountryCode> {
  const value = raw.trim()
  if (/^[A-Za-z]{2}$/.test(value)) {
    const code = value.toUpperCase() === "UK" ? "GB" : value.toUpperCase()
    if (isoSet().has(code)) return { ok: true, value: code }
  }
  const code = names().get(compactKey(value))
  if (code) return { ok: true, value: code }
  return { ok: false, message: `country ${quote(value)} is unknown; use its ISO code (FR, GB, US…) or its name` }
}

// ---------- language ----------

const FRENCH = new Set(["fr", "fra", "fre", "francais", "french", "frfr", "frbe", "frch", "frca", "frlu", "f"])
const ENGLISH = new Set(["en", "eng", "anglais", "english", "engb", "enus", "enie", "enca", "enau", "e"])

// Where customer-facing documents go out in French when the file does not say (DESIGN.md: documents follow
// the customer's language): France and its overseas territories, French-speaking Europe, Canada (Quebec is
// the usual French customer there), and the French-speaking business world in Africa.
const FRENCH_SPEAKING = new Set([
  "FR", "BE", "CH", "LU", "MC", "CA", "RE", "GP", "MQ", "GF", "YT", "PM", "NC", "PF", "WF", "BL", "MF",
  "SN", "CI", "ML", "BF", "NE", "TG", "BJ", "CM", "GA", "CG", "CD", "MG", "DJ", "GN", "TD", "CF", "BI", "RW", "KM", "HT", "MA", "TN", "DZ"
])

export function languageForCountry(country: string): Language {
  return FRENCH_SPEAKING.has(country) ? "fr" : "en"
}

export function parseLanguage(raw: string): Parsed<Language> {
  const key = compactKey(raw)
  if (FRENCH.has(key)) return { ok: true, value: "fr" }
  if (ENGLISH.has(key)) return { ok: true, value: "en" }
  return { ok: false, message: `language ${quote(raw.trim())} is not supported; use fr or en (français, English)` }
}

// ---------- SIREN and VAT ----------

export function luhnOk(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * 9 digits with a valid Luhn key, spaces and dots allowed ("732 829 320"). A 14-digit SIRET (an
 * establishment number, often pasted instead) is read as its first 9 digits, the SIREN, and says so.
 */
export function parseSiren(raw: string): Parsed<{ siren: string; fromSiret: boolean }> {
  const digits = raw.replace(/[\s.\-\u00a0\u202f]/g, "")
  if (/^\d{14}$/.test(digits)) {
    const siren = digits.slice(0, 9)
    if (luhnOk(siren)) return { ok: true, value: { siren, fromSiret: true } }
  }
  if (!/^\d{9}$/.test(digits)) return { ok: false, message: `SIREN ${quote(raw.trim())} must have 9 digits` }
  if (!luhnOk(digits)) return { ok: false, message: `SIREN ${quote(raw.trim())} has a wrong check digit (typo?)` }
  return { ok: true, value: { siren: digits, fromSiret: false } }
}

/** French VAT key: the two digits after "FR" are (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, "0")
}

export function parseVatNumber(raw: string): Parsed<string> {
  const value = raw.toUpperCase().replace(/[\s.\-\u00a0\u202f]/g, "")
  if (/^\d+$/.test(value)) return { ok: false, message: `VAT number ${quote(raw.trim())} must start with its country code (FR…)` }
  if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(value)) return { ok: false, message: `VAT number ${quote(raw.trim())} is not a VAT number (FR12345678901, GB123456789…)` }
  if (value.startsWith("FR")) {
    if (!/^FR[0-9A-Z]{2}\d{9}$/.test(value)) return { ok: false, message: `French VAT number ${quote(raw.trim())} must be FR, a 2-character key and the 9-digit SIREN` }
    const key = value.slice(2, 4)
    if (/^\d\d$/.test(key) && key !== frenchVatKey(value.slice(4))) {
      return { ok: false, message: `French VAT number ${quote(raw.trim())} has a wrong key (typo?)` }
    }
  }
  return { ok: true, value }
}

// ---------- email ----------

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z0-9-]{2,}$/i

/** One or several addresses ("a@x.fr; b@x.fr"), lower-cased; "Name <a@x.fr>" and "mailto:" are accepted. */
export function parseEmails(raw: string): Parsed<string[]> {
  // The usual cell holds one plain address.
  if (!/[\s;,|<>]|mailto:/i.test(raw)) {
    const email = raw.toLowerCase()
    if (email.length <= 254 && EMAIL.test(email)) return { ok: true, value: [email] }
  }
  const out: string[] = []
  const parts = raw.replace(/mailto:/gi, "").split(/[\s;,|]+/)
  for (const part of parts) {
    if (part === "") continue
    const bracketed = /<([^>]*)>/.exec(part)
    const email = (bracketed ? bracketed[1]! : part).trim().toLowerCase()
    // A display name split on spaces ("Jean Dupont <j@x.fr>") leaves words without "@": skip those.
    if (!email.includes("@") && !bracketed && /<|>/.test(raw)) continue
    if (email.length > 254 || !EMAIL.test(email)) return { ok: false, message: `email ${quote(part)} is not an address` }
    if (!out.includes(email)) out.push(email)
  }
  if (out.length === 0) return { ok: false, message: `email ${quote(raw.trim())} is not an address` }
  if (out.length > 20) return { ok: false, message: "more than 20 email addresses for one contact" }
  return { ok: true, value: out }
}

// ---------- tags, payment terms ----------

export function parseTags(raw: string): Parsed<string[]> {
  const out: string[] = []
  const seen = new Set<string>()
  for (const part of raw.split(/[|,;]/)) {
    const tag = part.trim()
    if (tag === "") continue
    if (tag.length > 60) return { ok: false, message: `tag ${quote(tag)} is longer than 60 characters` }
    const key = tag.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(tag)
  }
  if (out.length > 50) return { ok: false, message: "more than 50 tags" }
  return { ok: true, value: out }
}

const CASH = new Set(["comptant", "areception", "reception", "areceptiondefacture", "immediat", "cash", "immediate", "ondelivery", "dueonreceipt"])

/** "30", "30 jours", "45 days", "60j", "comptant" → days, 0 to 365. "30 jours fin de mois" is refused. */
export function parsePaymentTerms(raw: string): Parsed<number> {
  const value = raw.trim()
  if (CASH.has(compactKey(value))) return { ok: true, value: 0 }
  const m = /^(\d{1,3})(?:[.,]0+)?\s*(?:j|jrs?|jours?|d|days?)?\.?$/i.exec(value)
  const days = m ? Number(m[1]) : NaN
  if (!Number.isInteger(days) || days < 0 || days > 365) {
    return { ok: false, message: `payment terms ${quote(value)} must be a number of days from 0 to 365 ("30", "45 jours")` }
  }
  return { ok: true, value: days }
}
