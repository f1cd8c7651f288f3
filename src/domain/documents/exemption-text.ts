import type { Product } from "../customers/customer.schema"
import type { DocLanguage } from "./late-penalty"
import { franchiseMention, regimeExemptionMention } from "./vat-regime"

/**
 * A product's VAT exemption mention in a document's language (issue #10: an English invoice printed "TVA non
 * applicable, art. 293 B du CGI"). The catalog keeps the French mention (`vatExemption`, required at 0 %) and an
 * optional English one (`vatExemptionEn`). An English document without the English one still reads English when the
 * French one is one of the law's usual wordings, recognised below; any other text (a sub-paragraph, a reason in the
 * team's words) is printed in French rather than guessed at, and the catalog and the quote form say so.
 */

/** A French text folded for comparison: no accents, no case, "art." read as "article", punctuation as spaces. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\bart\b\.?/g, "article")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

const PREFIX = "(?:exoneration de tva|exonere de tva|exoneree de tva|exoneration|tva non applicable)"
const CODE = "(?:du cgi|du code general des impots)"

/** The wordings recognised, by article of the CGI, with their English: the regimes' own for 293 B, 262 ter I and 262 I. */
const KNOWN: readonly { article: string; suffix?: string; en: string }[] = [
  { article: "293 b", en: franchiseMention("en") },
  { article: "262 ter i", suffix: "livraison intracommunautaire", en: regimeExemptionMention("intra-eu", "en") },
  { article: "262 i", suffix: "exportation|export", en: regimeExemptionMention("export", "en") },
  // The catalog form's starting point (DEFAULT_EXEMPTION_FR): the article alone, without a sub-paragraph.
  { article: "261", en: "VAT exempt: article 261 of the French tax code (CGI)" }
]
const KNOWN_RE = KNOWN.map((k) => ({ re: new RegExp(`^${PREFIX} article ${k.article} ${CODE}${k.suffix ? `(?: (?:${k.suffix}))?` : ""}$`), en: k.en }))

/** The English of a French exemption mention worded as the law's usual text; null for any other text. */
export function englishOfKnownMention(french: string): string | null {
  const folded = fold(french)
  return KNOWN_RE.find((k) => k.re.test(folded))?.en ?? null
}

export type ProductMention = Pick<Product, "vatRateBp" | "vatExemption" | "vatExemptionEn">

/**
 * The mention a 0 % line of this product prints on a document in `lang`, or null (a taxed product, or none given:
 * the document then prints the mention of the customer's country). `frenchOnly`: an English document that gets
 * the French text, for want of an English one.
 */
export function productExemptionMention(p: ProductMention, lang: DocLanguage): { text: string; frenchOnly: boolean } | null {
  if (p.vatRateBp !== 0) return null
  const fr = p.vatExemption?.trim() ?? ""
  const en = p.vatExemptionEn?.trim() ?? ""
  if (lang === "fr") return fr ? { text: fr, frenchOnly: false } : null
  if (en) return { text: en, frenchOnly: false }
  if (!fr) return null
  const known = englishOfKnownMention(fr)
  return known ? { text: known, frenchOnly: false } : { text: fr, frenchOnly: true }
}

/** Whether an English document of this 0 % product would print its French mention (the editor and the quote form warn). */
export function englishMentionMissing(p: ProductMention): boolean {
  return productExemptionMention(p, "en")?.frenchOnly === true
}
