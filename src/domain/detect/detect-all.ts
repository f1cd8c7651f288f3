import type { CountryCode } from "../customers/customer.schema"
import { findCodes } from "./find-codes"
import { findEmails } from "./find-emails"
import { findPhonesMany, type PhoneMatch } from "./find-phones"

export type DetectedKind = "phone" | "email" | "code"

export interface Detected {
  kind: DetectedKind
  start: number
  end: number
  /** E.164, lower-cased email or upper-cased code. */
  value: string
  extension?: string
}

export interface DetectOptions {
  defaultCountry: CountryCode | null
  codePattern: RegExp | null
  /** The base's other countries (`learnBaseProfile`): national forms the default country does not read are tried in them. */
  otherCountries?: readonly CountryCode[]
  /**
   * A number read in another country is kept only when this says the base has it (a lookup hit): the same digits
   * are a valid number in several countries, and a wrong-country reading would be a wrong card. Without it, none is kept.
   */
  acceptForeign?: (e164: string) => boolean
  /** Told each foreign reading not (yet) accepted, for the caller to look it up. */
  onForeign?: (e164: string) => void
}

/**
 * Everything a page text holds, in text order and never overlapping. On overlap an email wins over a phone
 * ("0612345678@sms.example.fr" is an address) and a phone over a code: a validated number is firmer evidence than
 * a user-written pattern.
 */
export function detectAll(text: string, opts: DetectOptions): Detected[] {
  return detectMany([text], opts)[0] ?? []
}

/** `detectAll` of each text, with one libphonenumber-js call for all of them (a page scan's batch of text nodes). */
export function detectMany(texts: readonly string[], opts: DetectOptions): Detected[][] {
  const others = opts.otherCountries ?? []
  const phones = findPhonesMany(texts, opts.defaultCountry, others.length > 0 ? { otherCountries: others } : {})
  return texts.map((text, i) => merge(text, keepConfirmed(phones[i] ?? [], opts), opts.codePattern))
}

function keepConfirmed(phones: PhoneMatch[], opts: DetectOptions): PhoneMatch[] {
  if (!phones.some((p) => p.country !== undefined)) return phones
  return phones.filter((p) => {
    if (p.country === undefined || opts.acceptForeign?.(p.e164) === true) return true
    opts.onForeign?.(p.e164)
    return false
  })
}

function merge(text: string, phones: PhoneMatch[], codePattern: RegExp | null): Detected[] {
  const taken: Detected[] = []
  const take = (d: Detected) => {
    for (const t of taken) if (d.start < t.end && t.start < d.end) return
    taken.push(d)
  }
  for (const e of findEmails(text)) take({ kind: "email", start: e.start, end: e.end, value: e.email })
  for (const p of phones) {
    const d: Detected = { kind: "phone", start: p.start, end: p.end, value: p.e164 }
    if (p.extension !== undefined) d.extension = p.extension
    take(d)
  }
  if (codePattern !== null) for (const c of findCodes(text, codePattern)) take({ kind: "code", start: c.start, end: c.end, value: c.code })
  return taken.length > 1 ? taken.sort((a, b) => a.start - b.start) : taken
}
