import type { DocLanguage } from "./late-penalty"

/**
 * Which VAT a French seller of goods charges a customer (issue #10: UK and US customers were quoted 20 % French VAT):
 * - "domestic": France, and Monaco (in the French VAT territory by the Franco-Monegasque convention of 1963): the
 *   catalog's rate. So is a consumer of another EU member state (no VAT number): French VAT, kept simple (the
 *   distance-selling threshold and the OSS are not handled).
 * - "intra-eu": a business of another EU member state with its VAT number: an exempt intra-Community supply
 *   (CGI art. 262 ter I), 0 %, the customer's VAT number printed on the document.
 * - "export": a customer outside the EU (United Kingdom, Switzerland, United States…): an exempt export of goods
 *   (CGI art. 262 I), 0 %.
 */
export type VatRegime = "domestic" | "intra-eu" | "export"

/** The EU member states by ISO 3166 code (Greece is GR here; its VAT numbers start with EL). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "))

/** Countries inside the French VAT territory. */
const FRENCH_VAT_TERRITORY: ReadonlySet<string> = new Set(["FR", "MC"])

/** The regime of a customer of this country (ISO code), with a VAT number or without. */
export function vatRegime(country: string, hasVatNumber: boolean): VatRegime {
  const code = country.trim().toUpperCase()
  if (FRENCH_VAT_TERRITORY.has(code)) return "domestic"
  if (EU_MEMBER_STATES.has(code)) return hasVatNumber ? "intra-eu" : "domestic"
  return "export"
}

/** A customer's regime, from its country and its VAT number. */
export function customerVatRegime(customer: { country: string; vatNumber: string | null }): VatRegime {
  return vatRegime(customer.country, Boolean(customer.vatNumber?.trim()))
}

/** The mention a 0 % document of an exempt regime must print, in the document's language. */
export function regimeExemptionMention(regime: Exclude<VatRegime, "domestic">, lang: DocLanguage): string {
  if (regime === "intra-eu") return lang === "fr" ? "Exonération de TVA, article 262 ter, I du CGI (livraison intracommunautaire)" : "VAT exempt: intra-Community supply, article 262 ter, I of the French tax code (CGI)"
  return lang === "fr" ? "Exonération de TVA, article 262 I du CGI (exportation)" : "VAT exempt: export, article 262 I of the French tax code (CGI)"
}

/** The small-business franchise's mention (CGI 293 B): a French customer's 0 % line, in the document's language. */
export function franchiseMention(lang: DocLanguage): string {
  return lang === "fr" ? "TVA non applicable, article 293 B du CGI" : "VAT not applicable, article 293 B of the French tax code (CGI)"
}

/** A new line's VAT rate for this regime: the catalog's at home, 0 % for an intra-Community supply or an export. */
export function defaultVatRateBp(regime: VatRegime, catalogRateBp: number): number {
  return regime === "domestic" ? catalogRateBp : 0
}
