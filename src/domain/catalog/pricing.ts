import * as z from "zod"

import type { Product } from "../customers/customer.schema"
import { parseScaledDecimal, PERCENT_SCALE } from "../documents/money"

/**
 * A customer's prices, the way a sales assistant knows them: "this customer has 10 % off the catalog" and
 * "for this customer, gloves are 4.20". Odoo's pricelists reduced to those two rules, one row per customer
 * (its id is the customer's id), written by managers only (the server's table rule).
 */
export const SpecialPrice = z.object({
  productId: z.string().min(1).max(100),
  unitPriceCents: z.number().int().nonnegative()
})
export type SpecialPrice = z.infer<typeof SpecialPrice>

export const CustomerPricing = z.object({
  /** The customer's id. */
  id: z.string().min(1).max(100),
  /** Off every catalog price without a special price, in basis points (1000 = 10 %). */
  discountBp: z.number().int().min(0).max(PERCENT_SCALE).default(0),
  specialPrices: z.array(SpecialPrice).max(2000).default([]),
  updatedAt: z.number().int()
})
export type CustomerPricing = z.infer<typeof CustomerPricing>

/** Where a quote line's price came from, shown next to the line. */
export type PriceSource = "catalog" | "customer-discount" | "special-price"

export interface CustomerPrice {
  unitPriceCents: number
  discountBp: number
  source: PriceSource
  /** The catalog's price, shown next to a special one. */
  catalogPriceCents: number
}

/**
 * The price of a product for a customer. A special price is the price negotiated for that product: it wins,
 * and the customer's discount does not come on top of it (as in a pricelist, where the product's own rule
 * replaces the general one). Otherwise the catalog price with the customer's discount, if any.
 */
export function priceFor(product: Pick<Product, "id" | "unitPriceCents">, pricing: Pick<CustomerPricing, "discountBp" | "specialPrices"> | null): CustomerPrice {
  const catalogPriceCents = product.unitPriceCents
  const special = pricing?.specialPrices.find((s) => s.productId === product.id)
  if (special) return { unitPriceCents: special.unitPriceCents, discountBp: 0, source: "special-price", catalogPriceCents }
  const discountBp = pricing?.discountBp ?? 0
  return { unitPriceCents: catalogPriceCents, discountBp, source: discountBp > 0 ? "customer-discount" : "catalog", catalogPriceCents }
}

export interface PricingFormValues {
  /** As typed: "10", "12,5"; empty is no discount. */
  discountPercent: string
  specialPrices: { productId: string; unitPrice: string }[]
}

export type PricingFormResult = { ok: true; pricing: CustomerPricing } | { ok: false; errors: { discountPercent?: string; specialPrices: Record<number, string> } }

/** The pricing these values make: a discount between 0 and 100 %, one special price per product, prices in euros as typed. */
export function pricingFromValues(customerId: string, v: PricingFormValues, now: number): PricingFormResult {
  const discountBp = v.discountPercent.trim() === "" ? 0 : parseScaledDecimal(v.discountPercent, 2)
  const errors: { discountPercent?: string; specialPrices: Record<number, string> } = { specialPrices: {} }
  if (discountBp === null || discountBp > PERCENT_SCALE) errors.discountPercent = "catalog.errors.discount"
  const seen = new Set<string>()
  const specialPrices: SpecialPrice[] = []
  v.specialPrices.forEach((s, i) => {
    const cents = parseScaledDecimal(s.unitPrice, 2)
    if (!s.productId) errors.specialPrices[i] = "catalog.errors.specialProduct"
    else if (seen.has(s.productId)) errors.specialPrices[i] = "catalog.errors.specialTwice"
    else if (cents === null) errors.specialPrices[i] = "catalog.errors.unitPrice"
    else specialPrices.push({ productId: s.productId, unitPriceCents: cents })
    seen.add(s.productId)
  })
  if (errors.discountPercent || Object.keys(errors.specialPrices).length > 0 || discountBp === null) return { ok: false, errors }
  return { ok: true, pricing: { id: customerId, discountBp, specialPrices, updatedAt: now } }
}

/**
 * Whether this user may change the catalog and the customers' prices: the server's rule for both tables
 * (managers and admins); a device without a team is its user's own catalog.
 */
export function mayEditCatalog(role: string | null): boolean {
  return role === null || role === "manager" || role === "admin"
}
