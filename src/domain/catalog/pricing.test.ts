import { describe, expect, it } from "vitest"

import { lineFromProduct, quoteFromValues, valuesFromQuote, type QuoteFormValues } from "../documents/quote-form"
import { linePriceNote, outdatedLines, repricedLine } from "./line-pricing"
import { priceFor, pricingFromValues, ruleStatus, valuesFromPricing, type PricingRules } from "./pricing"

const gloves = { id: "p1", ref: "GANT-M", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 1250, vatRateBp: 2000, createdAt: 1, updatedAt: 1 }
const at = { date: "2026-12-03" }
const newQuote: QuoteFormValues = { customerId: "c1", contactId: "", language: "fr", termsKind: "net", termsDays: "30", validUntil: "2027-01-02", salesRep: "", notes: "", lines: [] }
const soap = { ...gloves, id: "p2", ref: "SAVON", nameFr: "Savon", nameEn: "Soap", unitPriceCents: 300 }

describe("a customer's price", () => {
  it("is the catalog's when the customer has no pricing", () => {
    expect(priceFor(gloves, null, at)).toEqual({ unitPriceCents: 1250, discountBp: 0, source: "catalog", catalogPriceCents: 1250 })
    expect(priceFor(gloves, { discountBp: 0, specialPrices: [] }, at).source).toBe("catalog")
  })

  it("is the catalog's with the customer's discount", () => {
    expect(priceFor(gloves, { discountBp: 1000, specialPrices: [] }, at)).toEqual({ unitPriceCents: 1250, discountBp: 1000, source: "customer-discount", catalogPriceCents: 1250 })
  })

  it("is the special price for that product, without the discount on top", () => {
    const pricing = { discountBp: 1000, specialPrices: [{ productId: "p1", unitPriceCents: 990 }] }
    expect(priceFor(gloves, pricing, at)).toEqual({ unitPriceCents: 990, discountBp: 0, source: "special-price", catalogPriceCents: 1250 })
    expect(priceFor(soap, pricing, at)).toMatchObject({ unitPriceCents: 300, discountBp: 1000, source: "customer-discount" })
  })

  it("prefills a quote line with it, in the quote's language", () => {
    expect(lineFromProduct(gloves, "fr", "l1", priceFor(gloves, { discountBp: 1250, specialPrices: [] }, at))).toMatchObject({ unitPrice: "12,50", discountPercent: "12,5" })
    expect(lineFromProduct(gloves, "en", "l1", priceFor(gloves, { discountBp: 0, specialPrices: [{ productId: "p1", unitPriceCents: 990 }] }, at))).toMatchObject({ unitPrice: "9.90", discountPercent: "" })
    expect(lineFromProduct(gloves, "fr", "l1")).toMatchObject({ unitPrice: "12,50", discountPercent: "" })
  })
})

describe("a customer's price with quantity breaks", () => {
  // Gloves at 5.49 from the first carton, 4.99 from 10, on top of a 10 % discount on the rest of the catalog.
  const pricing: PricingRules = {
    discountBp: 1000,
    specialPrices: [
      { productId: "p1", unitPriceCents: 549 },
      { productId: "p1", unitPriceCents: 499, minQuantityMilli: 10_000 }
    ]
  }

  it("takes the first price below the break", () => {
    expect(priceFor(gloves, pricing, { date: "2026-12-03", quantityMilli: 9_999 })).toEqual({ unitPriceCents: 549, discountBp: 0, source: "special-price", catalogPriceCents: 1250 })
  })

  it("takes the 10-carton price when the quantity reaches 10", () => {
    expect(priceFor(gloves, pricing, { date: "2026-12-03", quantityMilli: 10_000 })).toEqual({ unitPriceCents: 499, discountBp: 0, source: "special-price", catalogPriceCents: 1250, minQuantityMilli: 10_000 })
    expect(priceFor(gloves, pricing, { date: "2026-12-03", quantityMilli: 250_000 })).toMatchObject({ unitPriceCents: 499 })
  })

  it("gives a discount from a quantity on the whole catalog, over the customer's usual discount", () => {
    const withBreak = { ...pricing, discounts: [{ productId: null, discountBp: 1500, minQuantityMilli: 100_000 }] }
    expect(priceFor(soap, withBreak, { date: "2026-12-03", quantityMilli: 99_000 })).toMatchObject({ discountBp: 1000 })
    expect(priceFor(soap, withBreak, { date: "2026-12-03", quantityMilli: 100_000 })).toMatchObject({ unitPriceCents: 300, discountBp: 1500, source: "customer-discount", minQuantityMilli: 100_000 })
    // The gloves keep their own price: a product's rule is not topped by a discount on everything.
    expect(priceFor(gloves, withBreak, { date: "2026-12-03", quantityMilli: 100_000 })).toMatchObject({ unitPriceCents: 499, discountBp: 0 })
  })

  it("reads a row stored before the breaks existed as it was", () => {
    expect(priceFor(gloves, { discountBp: 500, specialPrices: [{ productId: "p1", unitPriceCents: 990 }] }, { date: "2026-12-03", quantityMilli: 50_000 })).toMatchObject({ unitPriceCents: 990, source: "special-price" })
  })
})

describe("a customer's dated prices", () => {
  // The usual special price, a December promotion, and next year's price entered in advance.
  const pricing: PricingRules = {
    discountBp: 0,
    specialPrices: [
      { productId: "p1", unitPriceCents: 990 },
      { productId: "p1", unitPriceCents: 890, validFrom: "2026-12-01", validTo: "2026-12-31" },
      { productId: "p1", unitPriceCents: 1040, validFrom: "2027-01-01" }
    ]
  }

  it("takes the promotion on a date inside it, both ends included", () => {
    expect(priceFor(gloves, pricing, { date: "2026-12-01" })).toMatchObject({ unitPriceCents: 890, validFrom: "2026-12-01", validTo: "2026-12-31" })
    expect(priceFor(gloves, pricing, { date: "2026-12-31" })).toMatchObject({ unitPriceCents: 890 })
  })

  it("takes the usual price before the promotion, and next year's price from its first day", () => {
    expect(priceFor(gloves, pricing, { date: "2026-11-30" })).toMatchObject({ unitPriceCents: 990 })
    expect(priceFor(gloves, pricing, { date: "2027-01-01" })).toMatchObject({ unitPriceCents: 1040, validFrom: "2027-01-01" })
  })

  it("prices the document on its own date, not today's", () => {
    const promotion: PricingRules = { discountBp: 0, specialPrices: [], discounts: [{ productId: "p2", discountBp: 2000, validFrom: "2026-06-01", validTo: "2026-06-30" }] }
    expect(priceFor(soap, promotion, { date: "2026-06-15" })).toMatchObject({ discountBp: 2000, source: "customer-discount" })
    expect(priceFor(soap, promotion, { date: "2026-12-03" })).toMatchObject({ discountBp: 0, source: "catalog" })
  })

  it("says whether a rule is current, to come, or history", () => {
    expect(ruleStatus({ validFrom: "2026-12-01", validTo: "2026-12-31" }, "2026-12-03")).toBe("current")
    expect(ruleStatus({ validFrom: "2027-01-01" }, "2026-12-03")).toBe("upcoming")
    expect(ruleStatus({ validTo: "2026-11-30" }, "2026-12-03")).toBe("expired")
    expect(ruleStatus({}, "2026-12-03")).toBe("current")
  })
})

describe("a quote line priced from the customer's rules", () => {
  const pricing: PricingRules = { discountBp: 0, specialPrices: [{ productId: "p1", unitPriceCents: 549 }, { productId: "p1", unitPriceCents: 499, minQuantityMilli: 10_000 }] }
  const line = lineFromProduct(gloves, "fr", "l1", priceFor(gloves, pricing, at))

  it("takes the break price when its quantity crosses the break, and back", () => {
    const ten = repricedLine({ ...line, quantity: "10" }, pricing, at.date, "fr")
    expect(ten).toMatchObject({ unitPrice: "4,99", priceSource: { unitPriceCents: 499, minQuantityMilli: 10_000 } })
    expect(linePriceNote(ten)).toMatchObject({ kind: "rule", price: { minQuantityMilli: 10_000 } })
    expect(repricedLine({ ...ten, quantity: "3" }, pricing, at.date, "fr")).toMatchObject({ unitPrice: "5,49" })
  })

  it("keeps a price the agent typed, and says so with the customer's price at that quantity", () => {
    const typed = { ...line, unitPrice: "5,20" }
    expect(linePriceNote(typed)).toMatchObject({ kind: "typed", discountOnly: false, price: { unitPriceCents: 549 } })
    const ten = repricedLine({ ...typed, quantity: "10" }, pricing, at.date, "fr")
    expect(ten.unitPrice).toBe("5,20")
    expect(linePriceNote(ten)).toMatchObject({ kind: "typed", price: { unitPriceCents: 499 } })
  })

  it("says only the discount was typed when the price is still the customer's", () => {
    const discounted = { ...line, discountPercent: "10" }
    expect(linePriceNote(discounted)).toMatchObject({ kind: "typed", discountOnly: true, price: { unitPriceCents: 549 } })
    expect(linePriceNote({ ...discounted, unitPrice: "5,20" })).toMatchObject({ kind: "typed", discountOnly: false })
  })

  it("leaves a line typed freely and a quantity being typed alone", () => {
    const free = { ...line, productId: null, priceSource: undefined }
    expect(repricedLine({ ...free, quantity: "10" }, pricing, at.date, "fr")).toEqual({ ...free, quantity: "10" })
    const typing = { ...line, quantity: "" }
    expect(repricedLine(typing, pricing, at.date, "fr")).toBe(typing)
    expect(linePriceNote(free)).toBeNull()
  })

  it("keeps where the price came from on the saved line, so a reopened draft says it too", () => {
    const ten = repricedLine({ ...line, quantity: "10" }, pricing, at.date, "fr")
    const saved = quoteFromValues({ ...newQuote, lines: [ten] }, { id: "q1", date: at.date, now: 1 })
    expect(saved.lines[0]!.priceSource).toEqual({ unitPriceCents: 499, discountBp: 0, source: "special-price", catalogPriceCents: 1250, minQuantityMilli: 10_000 })
    expect(linePriceNote(valuesFromQuote(saved).lines[0]!)).toMatchObject({ kind: "rule", price: { unitPriceCents: 499 } })
  })
})

describe("the customer pricing form", () => {
  it("reads a discount and special prices as typed", () => {
    expect(pricingFromValues("c1", { discountPercent: "7,5", specialPrices: [{ productId: "p1", unitPrice: "9,90" }] }, 3)).toEqual({
      ok: true,
      pricing: { id: "c1", discountBp: 750, specialPrices: [{ productId: "p1", unitPriceCents: 990 }], discounts: [], categoryDiscounts: [], updatedAt: 3 }
    })
    expect(pricingFromValues("c1", { discountPercent: "", specialPrices: [] }, 3)).toMatchObject({ ok: true, pricing: { discountBp: 0 } })
  })

  it("refuses a discount over 100 %, two prices for one product, and a price that does not parse", () => {
    const r = pricingFromValues("c1", { discountPercent: "120", specialPrices: [{ productId: "p1", unitPrice: "9" }, { productId: "p1", unitPrice: "8" }, { productId: "p2", unitPrice: "abc" }, { productId: "", unitPrice: "1" }] }, 3)
    expect(r).toEqual({ ok: false, errors: { discountPercent: "catalog.errors.discount", specialPrices: { 1: "catalog.errors.specialTwice", 2: "catalog.errors.unitPrice", 3: "catalog.errors.specialProduct" } } })
  })

  it("reads a quantity break and dates, and refuses dates out of order and two rules under the same conditions", () => {
    const r = pricingFromValues("c1", {
      discountPercent: "",
      specialPrices: [
        { productId: "p1", unitPrice: "5,49" },
        { productId: "p1", unitPrice: "4,99", minQuantity: "10" },
        { productId: "p1", unitPrice: "4,89", validFrom: "2026-12-01", validTo: "2026-12-31" }
      ],
      discounts: [{ productId: "", discountPercent: "15", minQuantity: "100" }]
    }, 3)
    expect(r).toEqual({
      ok: true,
      pricing: {
        id: "c1",
        discountBp: 0,
        specialPrices: [
          { productId: "p1", unitPriceCents: 549 },
          { productId: "p1", unitPriceCents: 499, minQuantityMilli: 10_000 },
          { productId: "p1", unitPriceCents: 489, validFrom: "2026-12-01", validTo: "2026-12-31" }
        ],
        discounts: [{ productId: null, discountBp: 1500, minQuantityMilli: 100_000 }],
        categoryDiscounts: [],
        updatedAt: 3
      }
    })
    const bad = pricingFromValues("c1", {
      discountPercent: "",
      specialPrices: [{ productId: "p1", unitPrice: "5", validFrom: "2026-12-31", validTo: "2026-12-01" }, { productId: "p1", unitPrice: "5", minQuantity: "abc" }],
      discounts: [{ productId: "p1", discountPercent: "5", minQuantity: "10" }, { productId: "p1", discountPercent: "7", minQuantity: "10" }]
    }, 3)
    expect(bad).toEqual({ ok: false, errors: { specialPrices: { 0: "catalog.errors.datesOrder", 1: "catalog.errors.minQuantity" }, discounts: { 1: "catalog.errors.discountTwice" } } })
  })

  it("lists the rules back with the expired ones last, as the customer's price history", () => {
    const v = valuesFromPricing({ discountBp: 0, specialPrices: [{ productId: "p1", unitPriceCents: 890, validTo: "2026-11-30" }, { productId: "p1", unitPriceCents: 990 }] }, "fr", "2026-12-03")
    expect(v.specialPrices).toEqual([
      { productId: "p1", unitPrice: "9,90", minQuantity: "", validFrom: "", validTo: "" },
      { productId: "p1", unitPrice: "8,90", minQuantity: "", validFrom: "", validTo: "2026-11-30" }
    ])
  })
})

describe("a customer's discount on a category of products", () => {
  // Paper at 6.10 in the catalog; the customer has 5 % off everything, 12 % off stationery from 10, and gloves at 9.90.
  const paper = { ...gloves, id: "p3", ref: "RAM-A4", nameFr: "Ramette", nameEn: "Paper", unitPriceCents: 610, category: "Paper" }
  const glovesInPaper = { ...gloves, category: "Paper" }
  const pricing: PricingRules = {
    discountBp: 500,
    specialPrices: [{ productId: "p1", unitPriceCents: 990 }],
    categoryDiscounts: [{ category: "Paper", discountBp: 1200, minQuantityMilli: 10_000 }]
  }

  it("gives the category's discount from its quantity break, and says which category", () => {
    expect(priceFor(paper, pricing, { date: "2026-12-03", quantityMilli: 10_000 })).toEqual({ unitPriceCents: 610, discountBp: 1200, source: "customer-discount", catalogPriceCents: 610, category: "Paper", minQuantityMilli: 10_000 })
  })

  it("falls back to the discount on the whole catalog below the break", () => {
    expect(priceFor(paper, pricing, { date: "2026-12-03", quantityMilli: 9_000 })).toEqual({ unitPriceCents: 610, discountBp: 500, source: "customer-discount", catalogPriceCents: 610 })
  })

  it("is beaten by a rule for the product itself, which is beaten by nothing wider", () => {
    expect(priceFor(glovesInPaper, pricing, { date: "2026-12-03", quantityMilli: 50_000 })).toEqual({ unitPriceCents: 990, discountBp: 0, source: "special-price", catalogPriceCents: 1250 })
  })

  it("beats a bigger discount on the whole catalog: the narrower scope wins, not the cheaper price", () => {
    const generous: PricingRules = { ...pricing, discountBp: 2000 }
    expect(priceFor(paper, generous, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ discountBp: 1200, category: "Paper" })
  })

  it("can keep a category out of the customer's discount on everything, with a 0 % rule", () => {
    const coffeeAtCatalog: PricingRules = { discountBp: 1000, specialPrices: [], categoryDiscounts: [{ category: "Coffee", discountBp: 0 }] }
    expect(priceFor({ ...soap, category: "Coffee" }, coffeeAtCatalog, at)).toEqual({ unitPriceCents: 300, discountBp: 0, source: "catalog", catalogPriceCents: 300, category: "Coffee" })
  })

  it("falls back to the customer's usual discount once its promotion has expired", () => {
    const promotion: PricingRules = { discountBp: 500, specialPrices: [], categoryDiscounts: [{ category: "Paper", discountBp: 2000, validFrom: "2026-11-01", validTo: "2026-11-30" }] }
    expect(priceFor(paper, promotion, { date: "2026-11-30" })).toMatchObject({ discountBp: 2000, category: "Paper", validTo: "2026-11-30" })
    expect(priceFor(paper, promotion, { date: "2026-12-01" })).toEqual({ unitPriceCents: 610, discountBp: 500, source: "customer-discount", catalogPriceCents: 610 })
  })

  it("matches the category whatever its case and spaces, and never a product without one", () => {
    expect(priceFor({ ...paper, category: " paper " }, pricing, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ discountBp: 1200 })
    expect(priceFor({ ...paper, category: undefined }, pricing, { date: "2026-12-03", quantityMilli: 10_000 })).toMatchObject({ discountBp: 500 })
  })

  it("reprices a line crossing the category's break, knowing the product's category", () => {
    const line = lineFromProduct(paper, "en", "l1", priceFor(paper, pricing, at))
    expect(repricedLine({ ...line, quantity: "10" }, pricing, at.date, "en", "Paper")).toMatchObject({ unitPrice: "6.10", discountPercent: "12", priceSource: { category: "Paper", minQuantityMilli: 10_000 } })
  })

  it("is read from the form's discounts as a category rule, refused twice under the same conditions, and listed back", () => {
    const r = pricingFromValues("c1", { discountPercent: "5", specialPrices: [], discounts: [{ productId: "", category: "Paper", discountPercent: "12", minQuantity: "10" }] }, 3)
    expect(r).toEqual({ ok: true, pricing: { id: "c1", discountBp: 500, specialPrices: [], discounts: [], categoryDiscounts: [{ category: "Paper", discountBp: 1200, minQuantityMilli: 10_000 }], updatedAt: 3 } })
    const twice = pricingFromValues("c1", { discountPercent: "", specialPrices: [], discounts: [{ productId: "", category: "Paper", discountPercent: "12" }, { productId: "", category: "paper", discountPercent: "10" }] }, 3)
    expect(twice).toMatchObject({ ok: false, errors: { discounts: { 1: "catalog.errors.discountTwice" } } })
    expect(valuesFromPricing(pricing, "en", "2026-12-03").discounts).toEqual([{ productId: "", category: "Paper", discountPercent: "12", minQuantity: "10", validFrom: "", validTo: "" }])
  })
})

describe("a reopened draft whose customer's prices changed since", () => {
  const paper = { ...gloves, id: "p3", ref: "RAM-A4", nameFr: "Ramette", nameEn: "Paper", unitPriceCents: 610, category: "Paper" }
  const before: PricingRules = { discountBp: 500, specialPrices: [] }
  const drafted = [lineFromProduct(paper, "en", "l1", priceFor(paper, before, at)), lineFromProduct(soap, "en", "l2", priceFor(soap, before, at))]
  const catalog = new Map([paper, soap].map((p) => [p.id, p]))

  it("has no outdated line while the rules are the same", () => {
    expect(outdatedLines(drafted, before, catalog, at.date, "en")).toEqual([])
  })

  it("names the lines a new rule prices otherwise, with their price today", () => {
    const after: PricingRules = { ...before, categoryDiscounts: [{ category: "Paper", discountBp: 1200 }] }
    const outdated = outdatedLines(drafted, after, catalog, at.date, "en")
    expect(outdated.map((o) => o.index)).toEqual([0])
    expect(outdated[0]!.updated).toMatchObject({ unitPrice: "6.10", discountPercent: "12", priceSource: { category: "Paper" } })
  })

  it("names a line whose catalog price changed since", () => {
    const dearer = new Map(catalog).set("p2", { ...soap, unitPriceCents: 350 })
    expect(outdatedLines(drafted, before, dearer, at.date, "en")).toMatchObject([{ index: 1, updated: { unitPrice: "3.50", discountPercent: "5" } }])
  })

  it("leaves a price the agent typed, a line typed freely and a product gone from the catalog alone", () => {
    const after: PricingRules = { discountBp: 1000, specialPrices: [] }
    const typed = { ...drafted[0]!, unitPrice: "5.00" }
    const free = { ...drafted[1]!, productId: null, priceSource: undefined }
    expect(outdatedLines([typed, free], after, catalog, at.date, "en")).toEqual([])
    expect(outdatedLines(drafted, after, new Map(), at.date, "en")).toEqual([])
  })
})
