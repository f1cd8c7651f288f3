import { describe, expect, it } from "vitest"

import { priceFor } from "../catalog/pricing"
import { generateCustomers, generateProducts } from "./demo-data"
import { generateDemoPricing, pricedDemoCustomers } from "./demo-pricing"

describe("the demo team's customer prices", () => {
  const customers = generateCustomers({ count: 6 })
  const products = generateProducts()
  const overLimit = customers[2]!.id
  const [discounted, special] = generateDemoPricing(customers, products, 1, overLimit)

  it("leaves the first two customers and the one over its limit at catalog prices (other specs check their totals)", () => {
    expect(pricedDemoCustomers(customers, overLimit).map((c) => c.id)).toEqual([customers[3]!.id, customers[4]!.id, customers[5]!.id])
    expect([discounted!.id, special!.id]).toEqual([customers[3]!.id, customers[4]!.id])
  })

  it("gives one customer 10 % off the catalog", () => {
    expect(priceFor(products[3]!, discounted!)).toMatchObject({ unitPriceCents: 24_900, discountBp: 1000, source: "customer-discount" })
  })

  it("gives another its paper at 4.89 instead of 5.49, and 5 % off the rest", () => {
    expect(priceFor(products[0]!, special!)).toMatchObject({ unitPriceCents: 489, discountBp: 0, source: "special-price", catalogPriceCents: 549 })
    expect(priceFor(products[1]!, special!)).toMatchObject({ unitPriceCents: 5517, source: "special-price" })
    expect(priceFor(products[2]!, special!)).toMatchObject({ unitPriceCents: 329, discountBp: 500, source: "customer-discount" })
  })
})
