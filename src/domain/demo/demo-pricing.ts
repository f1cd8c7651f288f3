import type { CustomerPricing } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"

/**
 * The demo team's customer prices: the first customer has 10 % off the catalog; the second buys its copy paper
 * and toner at negotiated prices, with 5 % off everything else. Enough to see a quote prefilled both ways.
 */
export function generateDemoPricing(customers: readonly Pick<Customer, "id">[], products: readonly Pick<Product, "id" | "unitPriceCents">[], now: number): CustomerPricing[] {
  const [first, second] = customers
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
