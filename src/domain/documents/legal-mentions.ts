import { earlyPaymentMention, latePenaltyMention, type DocLanguage, type LatePenalty } from "./late-penalty"
import { formatCents } from "./money"
import type { PaymentTerms } from "./payment-terms"
import { townLine } from "../customers/postal-address"
import { franchiseMention, regimeExemptionMention, vatRegime } from "./vat-regime"

export type { DocLanguage }

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
  /** Late-payment penalties: when nothing is agreed, the ECB rate plus 10 points applies by law (late-penalty.ts). */
  latePenalty: LatePenalty
  /** Early-payment discount, basis points of a percent; 0 = none (and it must then say so). */
  earlyPaymentDiscountBp: number
}

export function sellerLines(s: SellerIdentity, lang: DocLanguage): string[] {
  const capital = s.shareCapitalCents === null ? "" : lang === "fr" ? ` au capital de ${formatCents(s.shareCapitalCents, "fr")}` : ` with a share capital of ${formatCents(s.shareCapitalCents, "en")}`
  return [
    `${s.name}, ${s.legalForm}${capital}`,
    [s.address.line, townLine(s.address)].filter(Boolean).join(", "),
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
 * `date` is the document's: "three times the legal rate" is then printed with that half-year's figure.
 */
export function paymentMentions(s: SellerIdentity, lang: DocLanguage, businessCustomer: boolean, date?: string): string[] {
  const fr = lang === "fr"
  const lines = [latePenaltyMention(s.latePenalty, lang, date)]
  if (businessCustomer) {
    lines.push(fr ? "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €" : "Fixed compensation for recovery costs in case of late payment: €40")
  }
  lines.push(earlyPaymentMention(s.earlyPaymentDiscountBp, lang))
  return lines
}

/**
 * Why a 0 % line carries no VAT, which a French invoice must say: an intra-EU supply to a business with a VAT
 * number (CGI 262 ter I), an export outside the EU (CGI 262 I), else (France, Monaco, an EU consumer) the
 * small-business franchise (CGI 293 B). The regime is vat-regime.ts's.
 */
export function vatExemptionMention(customerCountry: string, customerHasVatNumber: boolean, lang: DocLanguage): string {
  const regime = vatRegime(customerCountry, customerHasVatNumber)
  if (regime !== "domestic") return regimeExemptionMention(regime, lang)
  return franchiseMention(lang)
}

/** A line's exemption mention: its product's own when it carries one, else the one the customer's country calls for. */
export function lineExemptionMention(line: { vatRateBp: number; vatExemption?: string | undefined }, customerCountry: string, customerHasVatNumber: boolean, lang: DocLanguage): string | null {
  if (line.vatRateBp !== 0) return null
  return line.vatExemption?.trim() || vatExemptionMention(customerCountry, customerHasVatNumber, lang)
}

/** The distinct exemption mentions of a document's 0 % lines, in line order (none when no line is at 0 %). */
export function exemptionMentions(lines: readonly { vatRateBp: number; vatExemption?: string | undefined }[], customerCountry: string, customerHasVatNumber: boolean, lang: DocLanguage): string[] {
  const out: string[] = []
  for (const l of lines) {
    const m = lineExemptionMention(l, customerCountry, customerHasVatNumber, lang)
    if (m !== null && !out.includes(m)) out.push(m)
  }
  return out
}

