import * as z from "zod"

import type { Product } from "../customers/customer.schema"
import { parseScaledDecimal, PERCENT_SCALE } from "../documents/money"
import { centsToInput, milliToInput, percentToInput } from "../documents/quote-form"
import { IsoDate, RuleConditions, type CustomerPrice } from "./price-source"

export { CustomerPrice, type PriceSource } from "./price-source"

const datesInOrder = (r: { validFrom?: string | undefined; validTo?: string | undefined }) => !r.validFrom || !r.validTo || r.validFrom <= r.validTo
const DATES_IN_ORDER = { message: "a rule cannot end before it starts", path: ["validTo"] }

/**
 * A customer's prices, the way a sales assistant knows them: "this customer has 10 % off the catalog", "for this
 * customer, gloves are 5.49, and 4.99 from 10 cartons", "15 % off coffee in December". Odoo's pricelists reduced
 * to those rules, one row per customer (its id is the customer's id), written by managers only (the server's
 * table rule, which checks each field with these schemas).
 */
export const SpecialPrice = z.object({ productId: z.string().min(1).max(100), unitPriceCents: z.number().int().nonnegative(), ...RuleConditions }).refine(datesInOrder, DATES_IN_ORDER)
export type SpecialPrice = z.infer<typeof SpecialPrice>

/** A discount with conditions: on one product (`productId`) or on the whole catalog (null). */
export const DiscountRule = z
  .object({ productId: z.string().min(1).max(100).nullable().default(null), discountBp: z.number().int().min(0).max(PERCENT_SCALE), ...RuleConditions })
  .refine(datesInOrder, DATES_IN_ORDER)
export type DiscountRule = z.infer<typeof DiscountRule>

/**
 * A discount on every product of a category (the products' `category`), with the same conditions. Kept apart
 * from `discounts` on purpose: a client from before categories reads the row with zod, which drops fields it does
 * not know; a `category` on a discount would be dropped and leave a discount on the whole catalog, whereas an
 * array it does not know is dropped whole (it then prices these products as before categories).
 */
export const CategoryDiscount = z
  .object({ category: z.string().min(1).max(60).regex(/\S/, "a category is named"), discountBp: z.number().int().min(0).max(PERCENT_SCALE), ...RuleConditions })
  .refine(datesInOrder, DATES_IN_ORDER)
export type CategoryDiscount = z.infer<typeof CategoryDiscount>

/** The catalog's categories, each once (the first spelling met), sorted: what a category rule or a product offers. */
export function catalogCategories(products: readonly Pick<Product, "category">[]): string[] {
  const byKey = new Map<string, string>()
  for (const p of products) {
    const c = p.category?.trim()
    if (c && !byKey.has(c.toLocaleLowerCase("fr"))) byKey.set(c.toLocaleLowerCase("fr"), c)
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, "fr"))
}

/** Categories are named by hand in the catalog and in a file: "Papier" and "papier " are one category. */
export function sameCategory(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a?.trim() && !!b?.trim() && a.trim().toLocaleLowerCase("fr") === b.trim().toLocaleLowerCase("fr")
}

export const CustomerPricing = z.object({
  /** The customer's id. */
  id: z.string().min(1).max(100),
  /** Off every catalog price without a rule of its own, always, in basis points (1000 = 10 %). */
  discountBp: z.number().int().min(0).max(PERCENT_SCALE).default(0),
  specialPrices: z.array(SpecialPrice).max(2000).default([]),
  /** Discounts from a quantity or between dates; absent from rows written before them. */
  discounts: z.array(DiscountRule).max(2000).default([]),
  /** Discounts on a category of products; absent from rows written before categories. */
  categoryDiscounts: z.array(CategoryDiscount).max(2000).default([]),
  updatedAt: z.number().int()
})
export type CustomerPricing = z.infer<typeof CustomerPricing>
/** What `priceFor` reads: rows stored before `discounts` existed have none. */
export type PricingRules = Pick<CustomerPricing, "discountBp" | "specialPrices"> & { discounts?: readonly DiscountRule[] | undefined; categoryDiscounts?: readonly CategoryDiscount[] | undefined }

/** The document the price is for: its date picks the dated rules, the line's quantity the breaks (1 by default). */
export interface PriceContext {
  date: string
  quantityMilli?: number
}

/** Whether a rule applies on that date to that quantity. */
export function ruleApplies(r: { minQuantityMilli?: number | undefined; validFrom?: string | undefined; validTo?: string | undefined }, at: PriceContext): boolean {
  const quantity = at.quantityMilli ?? 1000
  return (r.minQuantityMilli ?? 0) <= quantity && (!r.validFrom || r.validFrom <= at.date) && (!r.validTo || at.date <= r.validTo)
}

/** Where a rule stands on a date: a promotion over is history, next year's prices are to come. */
export function ruleStatus(r: { validFrom?: string | undefined; validTo?: string | undefined }, today: string): "current" | "upcoming" | "expired" {
  if (r.validTo && r.validTo < today) return "expired"
  if (r.validFrom && today < r.validFrom) return "upcoming"
  return "current"
}

function conditionsOf(r: { minQuantityMilli?: number | undefined; validFrom?: string | undefined; validTo?: string | undefined }) {
  return { ...(r.minQuantityMilli ? { minQuantityMilli: r.minQuantityMilli } : {}), ...(r.validFrom ? { validFrom: r.validFrom } : {}), ...(r.validTo ? { validTo: r.validTo } : {}) }
}

/**
 * Of the rules that apply, the one a sales assistant would name: the highest quantity break reached, then a
 * dated rule before a standing one (the promotion over the usual price), then the lower net price for the customer.
 */
function mostSpecific(prices: CustomerPrice[]): CustomerPrice | undefined {
  const net = (p: CustomerPrice) => p.unitPriceCents * (PERCENT_SCALE - p.discountBp)
  const dated = (p: CustomerPrice) => (p.validFrom || p.validTo ? 1 : 0)
  return [...prices].sort((a, b) => (b.minQuantityMilli ?? 0) - (a.minQuantityMilli ?? 0) || dated(b) - dated(a) || net(a) - net(b))[0]
}

/**
 * The price of a product for a customer, on a document's date, for a line's quantity. Rules are looked at by
 * scope, the narrowest first, as Odoo's pricelists do: a rule for that product (a special price, or a discount
 * on it), else a discount on its category, else the customer's discounts on the whole catalog. A narrower rule
 * replaces the wider ones (they do not add up); a scope counts only if one of its rules applies on that date to
 * that quantity, so an expired category promotion or a break not reached falls back to the next scope. Within a
 * scope, `mostSpecific` picks. Without any, the catalog price.
 */
export function priceFor(product: Pick<Product, "id" | "unitPriceCents"> & { category?: string | undefined }, pricing: PricingRules | null, at: PriceContext): CustomerPrice {
  const catalogPriceCents = product.unitPriceCents
  const discounts = pricing?.discounts ?? []
  const own = [
    ...(pricing?.specialPrices ?? []).filter((s) => s.productId === product.id && ruleApplies(s, at)).map((s): CustomerPrice => ({ unitPriceCents: s.unitPriceCents, discountBp: 0, source: "special-price", catalogPriceCents, ...conditionsOf(s) })),
    ...discounts.filter((d) => d.productId === product.id && ruleApplies(d, at)).map((d) => discounted(catalogPriceCents, d))
  ]
  const ofCategory = (pricing?.categoryDiscounts ?? []).filter((d) => sameCategory(d.category, product.category) && ruleApplies(d, at)).map((d) => discounted(catalogPriceCents, d, d.category))
  const general = [...(pricing?.discountBp ? [discounted(catalogPriceCents, { discountBp: pricing.discountBp })] : []), ...discounts.filter((d) => d.productId === null && ruleApplies(d, at)).map((d) => discounted(catalogPriceCents, d))]
  return mostSpecific(own) ?? mostSpecific(ofCategory) ?? mostSpecific(general) ?? { unitPriceCents: catalogPriceCents, discountBp: 0, source: "catalog", catalogPriceCents }
}

function discounted(catalogPriceCents: number, d: Pick<DiscountRule, "discountBp" | "minQuantityMilli" | "validFrom" | "validTo">, category?: string): CustomerPrice {
  return { unitPriceCents: catalogPriceCents, discountBp: d.discountBp, source: d.discountBp > 0 ? "customer-discount" : "catalog", catalogPriceCents, ...(category ? { category } : {}), ...conditionsOf(d) }
}

/** A rule's conditions as typed: "10" or "2,5" (from that quantity), dates as the date inputs give them; "" = none. */
export interface RuleConditionValues {
  minQuantity?: string
  validFrom?: string
  validTo?: string
}

export interface PricingFormValues {
  /** As typed: "10", "12,5"; empty is no discount. */
  discountPercent: string
  specialPrices: ({ productId: string; unitPrice: string } & RuleConditionValues)[]
  /** `productId` "" is the whole catalog; a `category` (not "") makes it a discount on that category instead. */
  discounts?: ({ productId: string; category?: string; discountPercent: string } & RuleConditionValues)[]
}

export interface PricingFormErrors {
  discountPercent?: string
  specialPrices: Record<number, string>
  discounts?: Record<number, string>
}

export type PricingFormResult = { ok: true; pricing: CustomerPricing } | { ok: false; errors: PricingFormErrors }

/** A rule's conditions read from the form, or the i18n key of what is wrong with them. */
function conditionsFromValues(v: RuleConditionValues): { ok: true; conditions: ReturnType<typeof conditionsOf> } | { ok: false; error: string } {
  const q = v.minQuantity?.trim() ? parseScaledDecimal(v.minQuantity, 3) : 0
  if (q === null) return { ok: false, error: "catalog.errors.minQuantity" }
  const validFrom = v.validFrom?.trim() ?? ""
  const validTo = v.validTo?.trim() ?? ""
  if ([validFrom, validTo].some((d) => d !== "" && !IsoDate.safeParse(d).success)) return { ok: false, error: "catalog.errors.date" }
  if (!datesInOrder({ validFrom, validTo })) return { ok: false, error: "catalog.errors.datesOrder" }
  return { ok: true, conditions: conditionsOf({ minQuantityMilli: q, validFrom, validTo }) }
}

/** Two rules for one product (or category) under the same conditions would leave the quote to guess: one is refused. */
const ruleKey = (scope: string | null, c: ReturnType<typeof conditionsOf>) => JSON.stringify([scope, c.minQuantityMilli ?? 0, c.validFrom ?? "", c.validTo ?? ""])

/**
 * The pricing these values make: a discount between 0 and 100 %, special prices and discounts each with their
 * optional quantity break and dates (one per product and conditions), prices in euros as typed.
 */
export function pricingFromValues(customerId: string, v: PricingFormValues, now: number): PricingFormResult {
  const discountBp = v.discountPercent.trim() === "" ? 0 : parseScaledDecimal(v.discountPercent, 2)
  const errors: Required<PricingFormErrors> = { discountPercent: "", specialPrices: {}, discounts: {} }
  if (discountBp === null || discountBp > PERCENT_SCALE) errors.discountPercent = "catalog.errors.discount"
  const seen = new Set<string>()
  const specialPrices: SpecialPrice[] = []
  v.specialPrices.forEach((s, i) => {
    const cents = parseScaledDecimal(s.unitPrice, 2)
    const c = conditionsFromValues(s)
    const key = c.ok ? ruleKey(s.productId, c.conditions) : ""
    if (!s.productId) errors.specialPrices[i] = "catalog.errors.specialProduct"
    else if (cents === null) errors.specialPrices[i] = "catalog.errors.unitPrice"
    else if (!c.ok) errors.specialPrices[i] = c.error
    else if (seen.has(key)) errors.specialPrices[i] = "catalog.errors.specialTwice"
    else specialPrices.push({ productId: s.productId, unitPriceCents: cents, ...c.conditions })
    seen.add(key)
  })
  const discounts: DiscountRule[] = []
  const categoryDiscounts: CategoryDiscount[] = []
  const seenDiscounts = new Set<string>()
  ;(v.discounts ?? []).forEach((d, i) => {
    const bp = parseScaledDecimal(d.discountPercent, 2)
    const c = conditionsFromValues(d)
    const category = d.category?.trim() ?? ""
    const key = c.ok ? ruleKey(category ? `category:${category.toLocaleLowerCase("fr")}` : d.productId || null, c.conditions) : ""
    if (bp === null || bp > PERCENT_SCALE) errors.discounts[i] = "catalog.errors.discount"
    else if (!c.ok) errors.discounts[i] = c.error
    else if (category.length > 60) errors.discounts[i] = "catalog.errors.category"
    else if (seenDiscounts.has(key)) errors.discounts[i] = "catalog.errors.discountTwice"
    else if (category) categoryDiscounts.push({ category, discountBp: bp, ...c.conditions })
    else discounts.push({ productId: d.productId || null, discountBp: bp, ...c.conditions })
    seenDiscounts.add(key)
  })
  const failed = errors.discountPercent || Object.keys(errors.specialPrices).length > 0 || Object.keys(errors.discounts).length > 0
  if (failed || discountBp === null) {
    const { discountPercent, discounts: discountErrors, specialPrices: specialErrors } = errors
    return { ok: false, errors: { ...(discountPercent ? { discountPercent } : {}), specialPrices: specialErrors, ...(Object.keys(discountErrors).length ? { discounts: discountErrors } : {}) } }
  }
  return { ok: true, pricing: { id: customerId, discountBp, specialPrices, discounts, categoryDiscounts, updatedAt: now } }
}

/**
 * A stored pricing back into the form, rules in the order a manager reads them: current and upcoming first (by
 * product, then break), expired last, kept as the customer's price history.
 */
export function valuesFromPricing(p: PricingRules | null, lang: "fr" | "en", today: string): PricingFormValues {
  const conditions = (r: { minQuantityMilli?: number | undefined; validFrom?: string | undefined; validTo?: string | undefined }): Required<RuleConditionValues> => ({
    minQuantity: r.minQuantityMilli ? milliToInput(r.minQuantityMilli, lang) : "",
    validFrom: r.validFrom ?? "",
    validTo: r.validTo ?? ""
  })
  const order = <R extends { productId?: string | null; category?: string; minQuantityMilli?: number | undefined; validFrom?: string | undefined; validTo?: string | undefined }>(rules: readonly R[]) =>
    [...rules].sort(
      (a, b) =>
        Number(ruleStatus(a, today) === "expired") - Number(ruleStatus(b, today) === "expired") ||
        (a.category ?? "").localeCompare(b.category ?? "") ||
        (a.productId ?? "").localeCompare(b.productId ?? "") ||
        (a.minQuantityMilli ?? 0) - (b.minQuantityMilli ?? 0) ||
        (a.validFrom ?? "").localeCompare(b.validFrom ?? "")
    )
  return {
    discountPercent: p?.discountBp ? percentToInput(p.discountBp, lang) : "",
    specialPrices: order(p?.specialPrices ?? []).map((s) => ({ productId: s.productId, unitPrice: centsToInput(s.unitPriceCents, lang), ...conditions(s) })),
    // One list of discounts, whatever their scope: the catalog's and the products', then the categories' (by name).
    discounts: order([...(p?.categoryDiscounts ?? []), ...(p?.discounts ?? [])]).map((d) =>
      "category" in d ? { productId: "", category: d.category, discountPercent: percentToInput(d.discountBp, lang), ...conditions(d) } : { productId: d.productId ?? "", discountPercent: percentToInput(d.discountBp, lang), ...conditions(d) }
    )
  }
}

/**
 * Whether this user may change the catalog and the customers' prices: the server's rule for both tables
 * (managers and admins); a device without a team is its user's own catalog.
 */
export function mayEditCatalog(role: string | null): boolean {
  return role === null || role === "manager" || role === "admin"
}
