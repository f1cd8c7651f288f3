/**
 * How an address's town line is written in its own country. France and most of continental Europe put the postcode
 * first ("69002 Lyon"); the United Kingdom, Ireland, North America, Australia and New Zealand put the town first
 * ("Birmingham B1 1BB", "Boston 02108"): a British customer reading "B1 1BB Birmingham" on our quote sees a
 * supplier who does not know where it writes. The UPU's address formats for the countries our customers are in;
 * anything else keeps the postcode first, as French senders write foreign addresses.
 */
const TOWN_FIRST = new Set(["GB", "IE", "US", "CA", "AU", "NZ", "ZA", "IN", "SG"])

export interface TownParts {
  postalCode: string
  city: string
  country: string
}

export function townLine(a: TownParts): string {
  const postalCode = a.postalCode.trim()
  const city = a.city.trim()
  const parts = TOWN_FIRST.has(a.country.trim().toUpperCase()) ? [city, postalCode] : [postalCode, city]
  return parts.filter(Boolean).join(" ")
}

/** The country's name in the reader's language ("United Kingdom", « Royaume-Uni »), from the browser's own CLDR data; the code when unknown. */
export function countryName(code: string, lang: "fr" | "en"): string {
  const c = code.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(c)) return code
  try {
    return new Intl.DisplayNames([lang === "fr" ? "fr-FR" : "en-GB"], { type: "region", fallback: "code" }).of(c) ?? c
  } catch {
    return c
  }
}
