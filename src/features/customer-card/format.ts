import { parsePhoneNumberFromString } from "libphonenumber-js"

/** Phones show in national form for the agent's own country, international otherwise. */
export function formatPhone(e164: string, agentCountry: string): string {
  const p = parsePhoneNumberFromString(e164)
  if (!p) return e164
  return p.country === agentCountry ? p.formatNational() : p.formatInternational()
}

export function formatMoney(cents: number, locale: string, currency = "EUR"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(cents / 100)
}
