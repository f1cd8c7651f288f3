import type { CustomerPricing } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"

/**
 * The demo team's customers whose prices are their own, then one that keeps the catalog's. Not the first two
 * nor the one over its credit limit: other specs quote those at catalog prices and check the totals.
 */
export function pricedDemoCustomers<C extends Pick<Customer, "id">>(customers: readonly C[], overLimitCustomerId: string): C[] {
  return customers.slice(2).filter((c) => c.id !== overLimitCustomerId).slice(0, 3)
}

/**
 * The demo team's customer prices: one customer has 10 % off the catalog; another buys its copy paper and toner
 * at negotiated prices, with 5 % off everything else. Enough to see a quote prefilled both ways.
 */
export function generateDemoPricing(customers: readonly Pick<Customer, "id">[], products: readonly Pick<Product, "id" | "unitPriceCents">[], now: number, overLimitCustomerId: string): CustomerPricing[] {
  const [first, second] = pricedDemoCustomers(customers, overLimitCustomerId)
  const [paper, toner] = products
  const out: CustomerPricing[] = []
  if (first) out.push({ id: first.id, discountBp: 1000, specialPrices: [], updatedAt: now })
  if (second && paper && toner) {
    out.push({
      id: second.id,
      discountBp: 500,
      specialPrices: [
        { productId: paper.id, unitPriceCents: paper.unitPriceCents - 60 },
        { productId: toner.id, unitPriceCents: Math.round((toner.unitPriceCents * 85) / 100) }
      ],
      updatedAt: now
    })
  }
  return out
}
