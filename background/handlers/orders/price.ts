import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import type { PricingRules } from "~src/domain/catalog/pricing"
import { priceReview } from "~src/domain/orders/review-pricing"
import { compactCode } from "~src/domain/search/fold-text"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { customerPricing } from "../catalog"

/** What a reviewed capture is priced with, read once for the review's figures and for the order confirmed. */
export interface PricingInputs {
  customer: Customer
  products: Map<string, Product>
  pricing: PricingRules | null
  today: string
}

/**
 * The customer of that code, the products of those refs (by `compactCode`), the customer's negotiated prices as the
 * quote form reads them, and the order's day on France's calendar (as a quote's order and the server date documents:
 * at 00:30 in Paris the UTC day is still yesterday's). Null without such a customer.
 */
export async function pricingInputs(customerCode: string, refs: readonly string[], now: number): Promise<PricingInputs | null> {
  const customer = (await services.customers.getByCodes([customerCode])).get(customerCode.toUpperCase())
  if (customer === undefined) return null
  const byRef = await services.products.getByRefs(refs.filter((r) => r.trim() !== "").flatMap((r) => [r, r.toUpperCase()]))
  const products = new Map([...byRef.values()].map((p) => [compactCode(p.ref), p]))
  return { customer, products, pricing: await customerPricing(customer.id), today: todayInFrance(now) }
}

/** The review's figures: `priceReview` over what `orders/confirm` reads, so what the agent sees is what is stored. */
export const ordersPrice = defineHandler("orders/price", async (req) => {
  const inputs = req.customerCode === "" ? null : await pricingInputs(req.customerCode, req.lines.map((l) => l.ref), Date.now())
  if (inputs === null) return { customer: false, lines: req.lines.map(() => ({ priced: false as const, reason: "no-product" as const })), totalExclVatCents: 0, totalVatCents: 0, totalInclVatCents: 0, vatByRate: [], unpriced: req.lines.length }
  const r = priceReview({ ...inputs, lines: req.lines })
  return {
    customer: true,
    lines: r.lines.map((l) =>
      l.priced
        ? { priced: true as const, unitPriceCents: l.line.unitPriceCents, discountBp: l.line.discountBp, vatRateBp: l.line.vatRateBp, netCents: l.netCents, priceSource: l.line.priceSource! }
        : { priced: false as const, reason: l.reason }
    ),
    totalExclVatCents: r.totals.totalExclVatCents,
    totalVatCents: r.totals.totalVatCents,
    totalInclVatCents: r.totals.totalInclVatCents,
    vatByRate: r.totals.vatByRate,
    unpriced: r.unpriced
  }
})
