import { parsePhoneNumberFromString } from "libphonenumber-js"

/** Phones show in national form for the agent's own country, international otherwise. */
export function formatPhone(e164: string, agentCountry: string): string {
  const p = parsePhoneNumberFromString(e164)
  if (!p) return e164
  return p.country === agentCountry ? p.formatNational() : p.formatInternational()
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** Formatters are cached: building one costs more than rendering the rest of a card. */
export function formatMoney(cents: number, locale: string, currency = "EUR"): string {
  const key = `${locale}|${currency}`
  let format = moneyFormats.get(key)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 })
    moneyFormats.set(key, format)
  }
  return format.format(cents / 100)
}
