import { describe, expect, it } from "vitest"

import { priceFor } from "../catalog/pricing"
import { generateCustomers, generateProducts } from "./demo-data"
import type { Product } from "../customers/customer.schema"
import { DEMO_STATIONERY, generateDemoPricing, pricedDemoCustomers } from "./demo-pricing"

describe("the demo team's customer prices", () => {
  const today = { date: "2026-12-03" }
  const customers = generateCustomers({ count: 6 })
  const products = generateProducts()
  const overLimit = customers[2]!.id
  const [discounted, special] = generateDemoPricing(customers, products, Date.UTC(2026, 11, 3, 9), overLimit)

  it("leaves the first two customers and the one over its limit at catalog prices (other specs check their totals)", () => {
    expect(pricedDemoCustomers(customers, overLimit).map((c) => c.id)).toEqual([customers[3]!.id, customers[4]!.id, customers[5]!.id])
    expect([discounted!.id, special!.id]).toEqual([customers[3]!.id, customers[4]!.id])
  })

  it("gives one customer 10 % off the catalog", () => {
    expect(priceFor(products[3]!, discounted!, today)).toMatchObject({ unitPriceCents: 24_900, discountBp: 1000, source: "customer-discount" })
  })

  it("gives another its paper at 4.89 instead of 5.49, and 5 % off the rest", () => {
    expect(priceFor(products[0]!, special!, today)).toMatchObject({ unitPriceCents: 489, discountBp: 0, source: "special-price", catalogPriceCents: 549 })
    expect(priceFor(products[1]!, special!, today)).toMatchObject({ unitPriceCents: 5517, source: "special-price" })
    expect(priceFor(products[2]!, special!, today)).toMatchObject({ unitPriceCents: 329, discountBp: 500, source: "customer-discount" })
  })

  it("gives the paper a quantity break: 4.49 from 10 reams", () => {
    expect(priceFor(products[0]!, special!, { date: "2026-12-03", quantityMilli: 9_000 })).toMatchObject({ unitPriceCents: 489 })
    expect(priceFor(products[0]!, special!, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ unitPriceCents: 449, minQuantityMilli: 10_000, source: "special-price" })
  })

  it("gives the same customer 8 % off the rest of the stationery from 10, its paper keeping its own price", () => {
    const [paper, , file] = products as [Product, Product, Product]
    expect(file.category).toBe(paper.category)
    expect(priceFor(file, special!, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ unitPriceCents: 329, discountBp: 800, category: DEMO_STATIONERY, minQuantityMilli: 10_000 })
    expect(priceFor(paper, special!, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ unitPriceCents: 449, source: "special-price" })
  })

  it("runs a coffee promotion this month and the next, then the customer's 10 % again", () => {
    expect(priceFor(products[5]!, discounted!, { date: "2026-12-01" })).toMatchObject({ discountBp: 1500, validFrom: "2026-12-01", validTo: "2027-01-31" })
    expect(priceFor(products[5]!, discounted!, { date: "2027-02-01" })).toMatchObject({ discountBp: 1000 })
  })
})
