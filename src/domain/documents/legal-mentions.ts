import { formatCents } from "./money"
import type { PaymentTerms } from "./payment-terms"

export type DocLanguage = "fr" | "en"

/** The seller as French law wants it on quotes and invoices (Code de commerce L441-9, CGI art. 242 nonies A). */
export interface SellerIdentity {
  name: string
  /** SAS, SARL, SA, EURL, EI… */
  legalForm: string
  shareCapitalCents: number | null
  siren: string
  /** The city of the trade register (RCS Lyon). */
  rcsCity: string
  vatNumber: string
  address: { line: string; postalCode: string; city: string; country: string }
  /** Late-payment penalties: when nothing is agreed, the ECB rate plus 10 points applies by law. */
  latePenalty: { kind: "ecb-plus-10" } | { kind: "legal-rate-times-3" } | { kind: "fixed"; rateBp: number }
  /** Early-payment discount, basis points of a percent; 0 = none (and it must then say so). */
  earlyPaymentDiscountBp: number
}

const EU = new Set("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "))

export function sellerLines(s: SellerIdentity, lang: DocLanguage): string[] {
  const capital = s.shareCapitalCents === null ? "" : lang === "fr" ? ` au capital de ${formatCents(s.shareCapitalCents, "fr")}` : ` with a share capital of ${formatCents(s.shareCapitalCents, "en")}`
  return [
    `${s.name}, ${s.legalForm}${capital}`,
    `${s.address.line}, ${s.address.postalCode} ${s.address.city}`,
    lang === "fr" ? `SIREN ${s.siren} RCS ${s.rcsCity} · TVA ${s.vatNumber}` : `SIREN ${s.siren} (RCS ${s.rcsCity}) · VAT ${s.vatNumber}`
  ]
}

export function termsText(t: PaymentTerms, lang: DocLanguage): string {
  if (t.kind === "on-receipt") return lang === "fr" ? "Paiement à réception de facture" : "Payment on receipt of invoice"
  if (t.kind === "net") return lang === "fr" ? `Paiement à ${t.days} jours date de facture` : `Payment within ${t.days} days of the invoice date`
  return lang === "fr" ? `Paiement à ${t.days} jours fin de mois` : `Payment within ${t.days} days end of month`
}

/**
 * The mentions every invoice to a business customer must carry (L441-9): the late-payment penalty rate, the 40 €
 * fixed recovery indemnity (business customers only), and the early-payment discount or that there is none.
 */
export function paymentMentions(s: SellerIdentity, lang: DocLanguage, businessCustomer: boolean): string[] {
  const fr = lang === "fr"
  const penalty =
    s.latePenalty.kind === "ecb-plus-10"
      ? fr ? "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points" : "Late-payment penalties: the ECB refinancing rate plus 10 percentage points"
      : s.latePenalty.kind === "legal-rate-times-3"
        ? fr ? "Pénalités de retard : trois fois le taux d'intérêt légal" : "Late-payment penalties: three times the French legal interest rate"
        : fr ? `Pénalités de retard : ${pct(s.latePenalty.rateBp, "fr")} par an` : `Late-payment penalties: ${pct(s.latePenalty.rateBp, "en")} a year`
  const lines = [penalty]
  if (businessCustomer) {
    lines.push(fr ? "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €" : "Fixed compensation for recovery costs in case of late payment: €40")
  }
  lines.push(
    s.earlyPaymentDiscountBp > 0
      ? fr ? `Escompte pour paiement anticipé : ${pct(s.earlyPaymentDiscountBp, "fr")}` : `Early-payment discount: ${pct(s.earlyPaymentDiscountBp, "en")}`
      : fr ? "Pas d'escompte pour paiement anticipé" : "No discount for early payment"
  )
  return lines
}

/**
 * Why a 0 % line carries no VAT, which a French invoice must say: an intra-EU supply to a business with a VAT
 * number (CGI 262 ter I), an export outside the EU (CGI 262 I), else the small-business franchise (CGI 293 B).
 */
export function vatExemptionMention(customerCountry: string, customerHasVatNumber: boolean, lang: DocLanguage): string {
  const fr = lang === "fr"
  if (customerCountry !== "FR" && EU.has(customerCountry) && customerHasVatNumber) {
    return fr ? "Exonération de TVA, article 262 ter, I du CGI (livraison intracommunautaire)" : "VAT exempt: intra-Community supply, article 262 ter, I of the French tax code (CGI)"
  }
  if (!EU.has(customerCountry)) return fr ? "Exonération de TVA, article 262 I du CGI (exportation)" : "VAT exempt: export, article 262 I of the French tax code (CGI)"
  return fr ? "TVA non applicable, article 293 B du CGI" : "VAT not applicable, article 293 B of the French tax code (CGI)"
}

function pct(bp: number, lang: DocLanguage): string {
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 2 }).format(bp / 10_000)
}
