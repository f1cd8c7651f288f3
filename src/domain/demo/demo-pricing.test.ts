import { describe, expect, it } from "vitest"

import { priceFor } from "../catalog/pricing"
import { generateCustomers, generateProducts } from "./demo-data"
import { generateDemoPricing } from "./demo-pricing"

describe("the demo team's customer prices", () => {
  const customers = generateCustomers({ count: 5 })
  const products = generateProducts()
  const [discounted, special] = generateDemoPricing(customers, products, 1)

  it("gives the first customer 10 % off the catalog", () => {
    expect(discounted!.id).toBe(customers[0]!.id)
    expect(priceFor(products[3]!, discounted!)).toMatchObject({ unitPriceCents: 24_900, discountBp: 1000, source: "customer-discount" })
  })

  it("gives the second customer its paper at 4.89 instead of 5.49, and 5 % off the rest", () => {
    expect(special!.id).toBe(customers[1]!.id)
    expect(priceFor(products[0]!, special!)).toMatchObject({ unitPriceCents: 489, discountBp: 0, source: "special-price", catalogPriceCents: 549 })
    expect(priceFor(products[1]!, special!)).toMatchObject({ unitPriceCents: 5517, source: "special-price" })
    expect(priceFor(products[2]!, special!)).toMatchObject({ unitPriceCents: 329, discountBp: 500, source: "customer-discount" })
  })
})
