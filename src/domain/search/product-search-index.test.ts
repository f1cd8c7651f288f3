import { describe, expect, it } from "vitest"

import { ProductSearchIndex } from "./product-search-index"

const catalog = ProductSearchIndex.build([
  { ref: "GN-4411", nameFr: "Gants nitrile taille L (boîte de 100)", nameEn: "Nitrile gloves size L (box of 100)" },
  { ref: "GN-4410", nameFr: "Gants nitrile taille M (boîte de 100)", nameEn: "Nitrile gloves size M (box of 100)" },
  { ref: "CAF-250", nameFr: "Café moulu 250 g", nameEn: "Ground coffee 250 g" },
  { ref: "CAF-1K", nameFr: "Café en grains 1 kg", nameEn: "Coffee beans 1 kg" }
])
const refs = (query: string) => catalog.search(query, 8).map((p) => p.ref)

describe("the catalog's word index", () => {
  it("finds a ref typed without its dash, or in lower case", () => {
    expect(refs("gn4411")[0]).toBe("GN-4411")
    expect(refs("caf-1k")[0]).toBe("CAF-1K")
  })

  it("offers only the products that match every word typed", () => {
    expect(refs("cafe grains")).toEqual(["CAF-1K"])
    expect(refs("gloves")).toEqual(["GN-4410", "GN-4411"])
  })

  it("offers nothing when a word typed matches no product, so the caller may look further", () => {
    expect(refs("café liquide")).toEqual([])
    expect(refs("—")).toEqual([])
  })

  it("does not stretch a word of three letters or fewer to a slip (too many words are one letter away)", () => {
    expect(refs("bxo")).toEqual([])
  })

  it("offers a ref typed in full alone, never the refs one digit away (a slip in a number names another product)", () => {
    expect(refs("GN-4411")).toEqual(["GN-4411"])
    expect(refs("gn 4410")).toEqual(["GN-4410"])
    expect(refs("441")).toEqual(["GN-4410", "GN-4411"])
  })

  it("keeps at most the number of products asked for", () => {
    expect(catalog.search("100", 1)).toHaveLength(1)
  })
})
