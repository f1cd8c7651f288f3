import type { Product } from "../customers/customer.schema"
import { productExemptionMention } from "../documents/exemption-text"
import { parseScaledDecimal } from "../documents/money"
import { bpToPercentText, centsToInput } from "../documents/quote-form"
import { FRENCH_VAT_RATES_BP } from "../documents/totals"
import { foldText, tokenize } from "../search/fold-text"

/**
 * The catalog form as a manager fills it: the price in euros as typed ("12,50", "12.50", "1 250"), the VAT
 * rate as one of the five French rates, read into cents and basis points without a float. Error messages are
 * i18n keys (`catalog.errors.*`): the form says them in the manager's language.
 */
export interface ProductFormValues {
  ref: string
  nameFr: string
  nameEn: string
  unit: string
  /** Euros excl. VAT, as typed. */
  unitPrice: string
  /** "20", "10", "5.5", "2.1" or "0" (the value of the select). */
  vatRate: string
  /** The French mention, required at 0 %. */
  vatExemption: string
  /** The English one, optional (exemption-text.ts says what an English document prints without it). */
  vatExemptionEn: string
  /** The product's category, as typed or picked from the catalog's; "" is none. */
  category: string
  active: boolean
}
export type ProductField = keyof ProductFormValues

export const CATALOG_VAT_RATES_BP = FRENCH_VAT_RATES_BP
/** The usual mention of a 0 % line sold in France, offered as a starting point when a manager picks 0 %. */
export const DEFAULT_EXEMPTION_FR = "Exonération de TVA, article 261 du CGI"

export type ProductFormResult = { ok: true; product: Product } | { ok: false; errors: Partial<Record<ProductField, string>> }

/** Absent `active` (rows written before the catalog editor) is an active product. */
export function isActive(p: Pick<Product, "active">): boolean {
  return p.active !== false
}

export function valuesFromProduct(p: Product | null, lang: "fr" | "en"): ProductFormValues {
  if (!p) return { ref: "", nameFr: "", nameEn: "", unit: "u", unitPrice: "", vatRate: "20", vatExemption: "", vatExemptionEn: "", category: "", active: true }
  return {
    ref: p.ref,
    nameFr: p.nameFr,
    nameEn: p.nameEn,
    unit: p.unit,
    unitPrice: centsToInput(p.unitPriceCents, lang),
    vatRate: bpToPercentText(p.vatRateBp),
    vatExemption: p.vatExemption ?? "",
    vatExemptionEn: p.vatExemptionEn ?? "",
    category: p.category ?? "",
    active: isActive(p)
  }
}

/**
 * The product these values make, or every field's problem. The ref is unique in the catalog without regard to
 * case or surrounding spaces (`others`: the catalog's other products); a 0 % rate needs its exemption mention,
 * which is printed on the documents. Editing keeps the id and the creation time.
 */
export function productFromValues(v: ProductFormValues, ctx: { id: string; existing: Product | null; others: readonly Pick<Product, "id" | "ref">[]; now: number }): ProductFormResult {
  const errors: Partial<Record<ProductField, string>> = {}
  const ref = v.ref.trim()
  if (!ref) errors.ref = "catalog.errors.ref"
  else if (ref.length > 60) errors.ref = "catalog.errors.refTooLong"
  else if (ctx.others.some((o) => o.id !== ctx.id && o.ref.trim().toUpperCase() === ref.toUpperCase())) errors.ref = "catalog.errors.refTaken"
  const nameFr = v.nameFr.trim()
  const nameEn = v.nameEn.trim()
  if (!nameFr || nameFr.length > 300) errors.nameFr = "catalog.errors.name"
  if (!nameEn || nameEn.length > 300) errors.nameEn = "catalog.errors.name"
  const unit = v.unit.trim()
  if (!unit || unit.length > 30) errors.unit = "catalog.errors.unit"
  const unitPriceCents = parseScaledDecimal(v.unitPrice, 2)
  if (unitPriceCents === null) errors.unitPrice = "catalog.errors.unitPrice"
  const vatRateBp = parseScaledDecimal(v.vatRate, 2)
  if (vatRateBp === null || !(CATALOG_VAT_RATES_BP as readonly number[]).includes(vatRateBp)) errors.vatRate = "catalog.errors.vatRate"
  const vatExemption = v.vatExemption.trim()
  if (vatRateBp === 0 && !vatExemption) errors.vatExemption = "catalog.errors.vatExemption"
  if (vatExemption.length > 300) errors.vatExemption = "catalog.errors.vatExemptionTooLong"
  const vatExemptionEn = v.vatExemptionEn.trim()
  if (vatExemptionEn.length > 300) errors.vatExemptionEn = "catalog.errors.vatExemptionTooLong"
  const category = v.category.trim()
  if (category.length > 60) errors.category = "catalog.errors.category"
  if (Object.keys(errors).length > 0 || unitPriceCents === null || vatRateBp === null) return { ok: false, errors }
  return {
    ok: true,
    product: {
      id: ctx.id,
      ref,
      nameFr,
      nameEn,
      unit,
      unitPriceCents,
      vatRateBp,
      // A mention on a taxed product would be printed for nothing: it is kept only for 0 %.
      vatExemption: vatRateBp === 0 ? vatExemption : "",
      // Written even when empty, so clearing it reaches the other devices (a sync put sets the fields it names).
      vatExemptionEn: vatRateBp === 0 ? vatExemptionEn : "",
      ...(category ? { category } : {}),
      active: v.active,
      createdAt: ctx.existing?.createdAt ?? ctx.now,
      updatedAt: ctx.now
    }
  }
}

/**
 * What the editor says under the English mention while the manager types: nothing for a taxed product or one with
 * its English mention; the English an English document will print when the French mention is a usual legal wording
 * ("derived"); else that English documents will print the French text ("missing").
 */
export function englishMentionNote(v: Pick<ProductFormValues, "vatRate" | "vatExemption" | "vatExemptionEn">): { kind: "derived"; text: string } | { kind: "missing" } | null {
  if (parseScaledDecimal(v.vatRate, 2) !== 0 || v.vatExemptionEn.trim() || !v.vatExemption.trim()) return null
  const m = productExemptionMention({ vatRateBp: 0, vatExemption: v.vatExemption }, "en")
  if (!m) return null
  return m.frenchOnly ? { kind: "missing" } : { kind: "derived", text: m.text }
}

/**
 * The catalog list's search: every word typed must appear in the ref or one of the names, without regard to
 * accents or case ("peche" finds "Pêche", "creme" finds "Crème"). Sorted by ref; inactive products last.
 */
export function filterProducts<P extends Pick<Product, "ref" | "nameFr" | "nameEn" | "active">>(products: readonly P[], query: string): P[] {
  const words = tokenize(query)
  const hit = words.length === 0 ? [...products] : products.filter((p) => {
    const text = foldText(`${p.ref} ${p.nameFr} ${p.nameEn}`)
    return words.every((w) => text.includes(w))
  })
  return hit.sort((a, b) => Number(!isActive(a)) - Number(!isActive(b)) || a.ref.localeCompare(b.ref))
}
