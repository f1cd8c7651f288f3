import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { Product } from "~src/domain/customers/customer.schema"
import { generateProducts } from "~src/domain/demo/demo-data"

import { ProductSearch } from "./customer-search"
import { ComptoirDb } from "./database"

async function catalog(name: string, more: Partial<Product>[] = []): Promise<ProductSearch> {
  const db = new ComptoirDb(name)
  const [chair, ...rest] = generateProducts()
  const extra = more.map((p, i) => ({ ...chair!, id: `extra-${i}`, ...p }))
  await db.products.bulkPut([{ ...chair!, ref: "CHAIR-ERGO", nameFr: "Chaise de bureau ergonomique", nameEn: "Ergonomic office chair" }, ...rest, ...extra])
  return new ProductSearch(db)
}

const refsFor = async (search: ProductSearch, query: string) => (await search.search(query, 8)).map((p) => p.ref)

describe("the quote's Add a line: the catalog searched as the agent types", () => {
  it("finds a name typed with a typo when the words typed are not side by side in it", async () => {
    const search = await catalog("product-search-1")
    // "office" stands between the two words: read as one string, the query matched nothing.
    expect((await refsFor(search, "ergonmic chair"))[0]).toBe("CHAIR-ERGO")
    expect((await refsFor(search, "chaise ergonomiqe"))[0]).toBe("CHAIR-ERGO")
  })

  it("still finds a ref and a one-word name first", async () => {
    const search = await catalog("product-search-2")
    expect((await refsFor(search, "CHAIR-ERGO"))[0]).toBe("CHAIR-ERGO")
    expect((await refsFor(search, "ergonomic"))[0]).toBe("CHAIR-ERGO")
  })
})

describe("a word typed with a slip of the fingers still finds its product, in English and in French", () => {
  it("finds the product when two letters of a word are swapped, short words too", async () => {
    const search = await catalog("product-search-swap")
    for (const query of ["chiar", "ergnoomic", "ergonomic chiar", "chiase", "chaise de buerau"]) expect({ query, first: (await refsFor(search, query))[0] }).toEqual({ query, first: "CHAIR-ERGO" })
    // The desk (REF-1005), the toner (REF-1002), the packing tape (REF-1014) and the coffee (REF-1006) of the demo catalog.
    const swapped = { dsek: "REF-1005", toenr: "REF-1002", tpae: "REF-1014", "cfae en grains": "REF-1006" }
    for (const [query, ref] of Object.entries(swapped)) expect({ query, first: (await refsFor(search, query))[0] }).toEqual({ query, first: ref })
  })

  it("finds the chair when a letter is missing or doubled", async () => {
    const search = await catalog("product-search-missing")
    for (const query of ["chai", "chaiir", "ergonomc", "ergonnomic", "chase ergonomique", "chaisse"]) expect({ query, first: (await refsFor(search, query))[0] }).toEqual({ query, first: "CHAIR-ERGO" })
  })

  it("reads accents as optional, whether the agent leaves them out or adds one the catalog does not have", async () => {
    const search = await catalog("product-search-accents")
    // "Café en grains 1 kg" is REF-1006 and "Étiquettes d'expédition" REF-1015 in the demo catalog.
    expect((await refsFor(search, "cafe grains"))[0]).toBe("REF-1006")
    expect((await refsFor(search, "etiquettes expedition"))[0]).toBe("REF-1015")
    expect((await refsFor(search, "chaîse ergonomique"))[0]).toBe("CHAIR-ERGO")
    expect((await refsFor(search, "cafe en grians"))[0]).toBe("REF-1006")
  })
})

describe("a slip never outranks what the agent typed right", () => {
  it("puts a word typed exactly above a word one letter away from it", async () => {
    const search = await catalog("product-search-exact-first", [{ ref: "CHAIN-01", nameFr: "Chaîne antivol", nameEn: "Security chain" }])
    // "chain" is one letter from "chair": the chain is what was typed, the two chairs of the catalog come after it.
    expect(await refsFor(search, "chain")).toEqual(["CHAIN-01", "CHAIR-ERGO", "REF-1004"])
  })

  it("puts a word being typed (its first letters) above a word one letter away from it", async () => {
    const search = await catalog("product-search-prefix-first", [{ ref: "CHAT-01", nameFr: "Arbre à chat", nameEn: "Cat tree" }])
    // "chai" begins "chair" and "chaise"; it is one letter from "chat".
    const refs = await refsFor(search, "chai")
    expect(refs[0]).toBe("CHAIR-ERGO")
    expect(refs).toContain("CHAT-01")
  })

  it("puts a ref typed exactly first, above refs one character away from it", async () => {
    const search = await catalog("product-search-ref-first", [{ ref: "TN-2421", nameFr: "Cartouche toner cyan TN-2421", nameEn: "Cyan toner cartridge TN-2421" }])
    expect((await refsFor(search, "REF-1002"))[0]).toBe("REF-1002")
    expect((await refsFor(search, "tn-2421"))[0]).toBe("TN-2421")
    expect((await refsFor(search, "TN-2420"))[0]).toBe("REF-1002")
  })
})
