import { describe, expect, it } from "vitest"

import { lineFromProduct } from "../documents/quote-form"
import { priceFor, pricingFromValues } from "./pricing"

const gloves = { id: "p1", ref: "GANT-M", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 1250, vatRateBp: 2000, createdAt: 1, updatedAt: 1 }
const soap = { ...gloves, id: "p2", ref: "SAVON", nameFr: "Savon", nameEn: "Soap", unitPriceCents: 300 }

describe("a customer's price", () => {
  it("is the catalog's when the customer has no pricing", () => {
    expect(priceFor(gloves, null)).toEqual({ unitPriceCents: 1250, discountBp: 0, source: "catalog", catalogPriceCents: 1250 })
    expect(priceFor(gloves, { discountBp: 0, specialPrices: [] }).source).toBe("catalog")
  })

  it("is the catalog's with the customer's discount", () => {
    expect(priceFor(gloves, { discountBp: 1000, specialPrices: [] })).toEqual({ unitPriceCents: 1250, discountBp: 1000, source: "customer-discount", catalogPriceCents: 1250 })
  })

  it("is the special price for that product, without the discount on top", () => {
    const pricing = { discountBp: 1000, specialPrices: [{ productId: "p1", unitPriceCents: 990 }] }
    expect(priceFor(gloves, pricing)).toEqual({ unitPriceCents: 990, discountBp: 0, source: "special-price", catalogPriceCents: 1250 })
    expect(priceFor(soap, pricing)).toMatchObject({ unitPriceCents: 300, discountBp: 1000, source: "customer-discount" })
  })

  it("prefills a quote line with it, in the quote's language", () => {
    expect(lineFromProduct(gloves, "fr", "l1", priceFor(gloves, { discountBp: 1250, specialPrices: [] }))).toMatchObject({ unitPrice: "12,50", discountPercent: "12,5" })
    expect(lineFromProduct(gloves, "en", "l1", priceFor(gloves, { discountBp: 0, specialPrices: [{ productId: "p1", unitPriceCents: 990 }] }))).toMatchObject({ unitPrice: "9.90", discountPercent: "" })
    expect(lineFromProduct(gloves, "fr", "l1")).toMatchObject({ unitPrice: "12,50", discountPercent: "" })
  })
})

describe("the customer pricing form", () => {
  it("reads a discount and special prices as typed", () => {
    expect(pricingFromValues("c1", { discountPercent: "7,5", specialPrices: [{ productId: "p1", unitPrice: "9,90" }] }, 3)).toEqual({
      ok: true,
      pricing: { id: "c1", discountBp: 750, specialPrices: [{ productId: "p1", unitPriceCents: 990 }], updatedAt: 3 }
    })
    expect(pricingFromValues("c1", { discountPercent: "", specialPrices: [] }, 3)).toMatchObject({ ok: true, pricing: { discountBp: 0 } })
  })

  it("refuses a discount over 100 %, two prices for one product, and a price that does not parse", () => {
    const r = pricingFromValues("c1", { discountPercent: "120", specialPrices: [{ productId: "p1", unitPrice: "9" }, { productId: "p1", unitPrice: "8" }, { productId: "p2", unitPrice: "abc" }, { productId: "", unitPrice: "1" }] }, 3)
    expect(r).toEqual({ ok: false, errors: { discountPercent: "catalog.errors.discount", specialPrices: { 1: "catalog.errors.specialTwice", 2: "catalog.errors.unitPrice", 3: "catalog.errors.specialProduct" } } })
  })
})
