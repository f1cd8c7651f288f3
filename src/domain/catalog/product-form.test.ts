import { describe, expect, it } from "vitest"

import type { Product } from "../customers/customer.schema"
import { filterProducts, isActive, productFromValues, valuesFromProduct, type ProductFormValues } from "./product-form"

const gloves: Product = { id: "p1", ref: "GANT-M", nameFr: "Gants nitrile taille M", nameEn: "Nitrile gloves size M", unit: "boîte", unitPriceCents: 1250, vatRateBp: 2000, createdAt: 1, updatedAt: 1 }
const peaches: Product = { id: "p2", ref: "PECHE-1", nameFr: "Pêches jaunes", nameEn: "Yellow peaches", unit: "kg", unitPriceCents: 390, vatRateBp: 550, createdAt: 1, updatedAt: 1 }
const training: Product = { id: "p3", ref: "FORM-1", nameFr: "Formation à l'hygiène", nameEn: "Hygiene training", unit: "jour", unitPriceCents: 90_000, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI", active: false, createdAt: 1, updatedAt: 1 }

const values = (over: Partial<ProductFormValues> = {}): ProductFormValues => ({ ...valuesFromProduct(null, "fr"), ref: "NEW-1", nameFr: "Savon", nameEn: "Soap", unit: "u", unitPrice: "12,50", ...over })
const ctx = { id: "new", existing: null, others: [gloves, peaches], now: 5 }

describe("the catalog form", () => {
  it("reads a price typed in euros into cents, without a float", () => {
    const r = productFromValues(values({ unitPrice: "1 234,56" }), ctx)
    expect(r).toMatchObject({ ok: true, product: { unitPriceCents: 123_456, vatRateBp: 2000, active: true, createdAt: 5 } })
    expect(productFromValues(values({ unitPrice: "0.1" }), ctx)).toMatchObject({ ok: true, product: { unitPriceCents: 10 } })
  })

  it("refuses a price with more than two decimals, a negative one, or words", () => {
    for (const unitPrice of ["12,505", "-3", "douze", ""]) expect(productFromValues(values({ unitPrice }), ctx)).toEqual({ ok: false, errors: { unitPrice: "catalog.errors.unitPrice" } })
  })

  it("keeps a category as typed, trimmed, none when left empty, and refuses one over 60 characters", () => {
    expect(productFromValues(values({ category: " Papeterie " }), ctx)).toMatchObject({ ok: true, product: { category: "Papeterie" } })
    const none = productFromValues(values({ category: "" }), ctx)
    expect(none.ok && "category" in none.product).toBe(false)
    expect(productFromValues(values({ category: "x".repeat(61) }), ctx)).toEqual({ ok: false, errors: { category: "catalog.errors.category" } })
    expect(valuesFromProduct({ ...gloves, category: "Hygiène" }, "fr").category).toBe("Hygiène")
  })

  it("refuses a ref another product has, whatever its case or spaces", () => {
    expect(productFromValues(values({ ref: " gant-m " }), ctx)).toEqual({ ok: false, errors: { ref: "catalog.errors.refTaken" } })
  })

  it("lets a product keep its own ref when edited, and keeps its id and creation time", () => {
    const r = productFromValues({ ...valuesFromProduct(gloves, "fr"), unitPrice: "13" }, { id: gloves.id, existing: gloves, others: [gloves, peaches], now: 9 })
    expect(r).toEqual({ ok: true, product: { ...gloves, unitPriceCents: 1300, vatExemption: "", vatExemptionEn: "", active: true, updatedAt: 9 } })
  })

  it("offers only the five French VAT rates", () => {
    for (const vatRate of ["20", "10", "5.5", "5,5", "2.1", "0"]) expect(productFromValues(values({ vatRate, vatExemption: "Exonéré" }), ctx).ok).toBe(true)
    expect(productFromValues(values({ vatRate: "19.6" }), ctx)).toEqual({ ok: false, errors: { vatRate: "catalog.errors.vatRate" } })
  })

  it("needs the exemption mention at 0 %, and drops one left over from a taxed rate", () => {
    expect(productFromValues(values({ vatRate: "0", vatExemption: "  " }), ctx)).toEqual({ ok: false, errors: { vatExemption: "catalog.errors.vatExemption" } })
    expect(productFromValues(values({ vatRate: "0", vatExemption: "Exonération de TVA, art. 261 du CGI" }), ctx)).toMatchObject({ ok: true, product: { vatRateBp: 0, vatExemption: "Exonération de TVA, art. 261 du CGI" } })
    expect(productFromValues(values({ vatRate: "20", vatExemption: "Exonéré" }), ctx)).toMatchObject({ ok: true, product: { vatExemption: "" } })
  })

  it("keeps the English mention beside the French one at 0 %, optional, trimmed, at most 300 characters, dropped at a taxed rate", () => {
    const zero = values({ vatRate: "0", vatExemption: "Exonération de TVA, article 261-4-4° du CGI", vatExemptionEn: " VAT exempt: vocational training (CGI 261-4-4°) " })
    expect(productFromValues(zero, ctx)).toMatchObject({ ok: true, product: { vatExemption: "Exonération de TVA, article 261-4-4° du CGI", vatExemptionEn: "VAT exempt: vocational training (CGI 261-4-4°)" } })
    expect(productFromValues({ ...zero, vatExemptionEn: "" }, ctx)).toMatchObject({ ok: true, product: { vatExemptionEn: "" } })
    expect(productFromValues({ ...zero, vatExemptionEn: "x".repeat(301) }, ctx)).toEqual({ ok: false, errors: { vatExemptionEn: "catalog.errors.vatExemptionTooLong" } })
    expect(productFromValues({ ...zero, vatRate: "20" }, ctx)).toMatchObject({ ok: true, product: { vatExemption: "", vatExemptionEn: "" } })
    expect(valuesFromProduct({ ...training, vatExemptionEn: "VAT exempt" }, "fr").vatExemptionEn).toBe("VAT exempt")
  })

  it("names every missing field at once", () => {
    expect(productFromValues(values({ ref: "", nameFr: "", nameEn: " ", unit: "" }), ctx)).toEqual({
      ok: false,
      errors: { ref: "catalog.errors.ref", nameFr: "catalog.errors.name", nameEn: "catalog.errors.name", unit: "catalog.errors.unit" }
    })
  })

  it("shows a stored product back as the manager typed it, in their language", () => {
    expect(valuesFromProduct(peaches, "fr")).toMatchObject({ unitPrice: "3,90", vatRate: "5.5", vatExemption: "", active: true })
    expect(valuesFromProduct(training, "en")).toMatchObject({ unitPrice: "900.00", vatRate: "0", active: false })
  })
})

describe("the catalog list's search", () => {
  const all = [training, peaches, gloves]

  it("finds a name without its accents, and an accented query in a plain name", () => {
    expect(filterProducts(all, "peche").map((p) => p.ref)).toEqual(["PECHE-1"])
    expect(filterProducts(all, "HYGIÈNE").map((p) => p.ref)).toEqual(["FORM-1"])
  })

  it("needs every word typed, in the ref or either name", () => {
    expect(filterProducts(all, "gloves m").map((p) => p.ref)).toEqual(["GANT-M"])
    expect(filterProducts(all, "gloves peaches")).toEqual([])
  })

  it("lists every product by ref, the deactivated ones last", () => {
    expect(filterProducts(all, "").map((p) => p.ref)).toEqual(["GANT-M", "PECHE-1", "FORM-1"])
    expect(isActive(gloves)).toBe(true)
    expect(isActive(training)).toBe(false)
  })
})
