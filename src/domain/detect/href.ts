import { parsePhoneNumberFromString, isSupportedCountry } from "libphonenumber-js"

import type { CountryCode } from "../customers/customer.schema"
import { findEmails } from "./find-emails"

/**
 * `tel:` targets as pages write them: "tel:+33123456789", "tel:01%2023%2045%2067%2089", "tel:+1-212-555-0100;ext=12".
 * The author says it is a phone, so a possible number is enough (no validity check against number ranges).
 */
export function parseTelHref(href: string, defaultCountry: CountryCode | null): { e164: string; extension?: string } | null {
  const m = /^\s*tel:(.*)$/is.exec(href)
  if (m?.[1] === undefined) return null
  let target = m[1]
  try {
    target = decodeURIComponent(target)
  } catch {
    // A stray % is still worth a try undecoded.
  }
  const [number = "", ...params] = target.split(";")
  let extension: string | undefined
  let context: string | undefined
  for (const p of params) {
    const [k = "", v = ""] = p.split("=")
    if (k.trim().toLowerCase() === "ext") extension = v.replace(/\D/g, "") || undefined
    if (k.trim().toLowerCase() === "phone-context") context = v.trim()
  }
  // RFC 3966 local numbers carry their country as phone-context=+33.
  const written = context?.startsWith("+") && !number.trim().startsWith("+") ? context + number.replace(/^\s*0/, "") : number
  const country = defaultCountry !== null && isSupportedCountry(defaultCountry) ? defaultCountry : undefined
  const parsed = parsePhoneNumberFromString(written.slice(0, 64), country ? { defaultCountry: country } : {})
  if (!parsed?.isPossible()) return null
  const ext = extension ?? parsed.ext
  return ext ? { e164: parsed.number, extension: ext } : { e164: parsed.number }
}

/** First address of a `mailto:` target ("mailto:A@x.fr,b@y.fr?subject=…"), lower-cased. */
export function parseMailtoHref(href: string): string | null {
  const m = /^\s*mailto:([^?#]*)/is.exec(href)
  if (m?.[1] === undefined) return null
  let to = m[1]
  try {
    to = decodeURIComponent(to)
  } catch {
    // Keep the raw text.
  }
  const first = to.split(/[,;]/)[0]?.trim() ?? ""
  const found = findEmails(first)
  return found.length === 1 && found[0]?.start === 0 && found[0].end === first.length ? found[0].email : null
}
