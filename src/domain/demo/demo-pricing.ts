import type { CustomerPricing } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"
import { todayInFrance } from "../documents/payment-terms"

/**
 * The demo team's customers whose prices are their own, then one that keeps the catalog's. Not the first two
 * nor the one over its credit limit: other specs quote those at catalog prices and check the totals.
 */
export function pricedDemoCustomers<C extends Pick<Customer, "id">>(customers: readonly C[], overLimitCustomerId: string): C[] {
  return customers.slice(2).filter((c) => c.id !== overLimitCustomerId).slice(0, 3)
}

/** The first and last days of the month of a date, and of the month after it: a promotion's dates. */
function thisAndNextMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number]
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10)
  return { from: `${today.slice(0, 7)}-01`, to: lastOfNext }
}

/** The demo catalog's stationery (paper, files, envelopes): `generateProducts` names it so. */
export const DEMO_STATIONERY = "Papeterie"

/**
 * The demo team's customer prices: one customer has 10 % off the catalog, and a promotion on coffee (15 % this
 * month and the next); another buys its copy paper and toner at negotiated prices, the paper cheaper from 10
 * reams (a quantity break), 8 % off the rest of the stationery (category "Papeterie") from 10, and 5 % off
 * everything else: the three scopes of a rule on one customer. Enough to see a quote prefilled every way. One
 * ream of paper and one chair keep the prices they had before the break and the promotion: specs check them.
 */
export function generateDemoPricing(customers: readonly Pick<Customer, "id">[], products: readonly Pick<Product, "id" | "unitPriceCents">[], now: number, overLimitCustomerId: string): CustomerPricing[] {
  const [first, second] = pricedDemoCustomers(customers, overLimitCustomerId)
  const [paper, toner, , , , coffee] = products
  const out: CustomerPricing[] = []
  if (first) {
    const { from, to } = thisAndNextMonth(todayInFrance(now))
    out.push({ id: first.id, discountBp: 1000, specialPrices: [], discounts: coffee ? [{ productId: coffee.id, discountBp: 1500, validFrom: from, validTo: to }] : [], categoryDiscounts: [], updatedAt: now })
  }
  if (second && paper && toner) {
    out.push({
      id: second.id,
      discountBp: 500,
      specialPrices: [
        { productId: paper.id, unitPriceCents: paper.unitPriceCents - 60 },
        { productId: paper.id, unitPriceCents: paper.unitPriceCents - 100, minQuantityMilli: 10_000 },
        { productId: toner.id, unitPriceCents: Math.round((toner.unitPriceCents * 85) / 100) }
      ],
      discounts: [],
      categoryDiscounts: [{ category: DEMO_STATIONERY, discountBp: 800, minQuantityMilli: 10_000 }],
      updatedAt: now
    })
  }
  return out
}
