import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { generateProducts } from "~src/domain/demo/demo-data"

import { ProductSearch } from "./customer-search"
import { ComptoirDb } from "./database"

async function catalog(name: string): Promise<ProductSearch> {
  const db = new ComptoirDb(name)
  const [chair, ...rest] = generateProducts()
  await db.products.bulkPut([{ ...chair!, ref: "CHAIR-ERGO", nameFr: "Chaise de bureau ergonomique", nameEn: "Ergonomic office chair" }, ...rest])
  return new ProductSearch(db)
}

describe("the quote's Add a line: the catalog searched as the agent types", () => {
  it("finds a name typed with a typo when the words typed are not side by side in it", async () => {
    const search = await catalog("product-search-1")
    // "office" stands between the two words: read as one string, the query matched nothing.
    expect((await search.search("ergonmic chair", 8)).map((p) => p.ref)[0]).toBe("CHAIR-ERGO")
    expect((await search.search("chaise ergonomiqe", 8)).map((p) => p.ref)[0]).toBe("CHAIR-ERGO")
  })

  it("still finds a ref and a one-word name first", async () => {
    const search = await catalog("product-search-2")
    expect((await search.search("CHAIR-ERGO", 8)).map((p) => p.ref)[0]).toBe("CHAIR-ERGO")
    expect((await search.search("ergonomic", 8)).map((p) => p.ref)[0]).toBe("CHAIR-ERGO")
  })
})
