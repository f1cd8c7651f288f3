import { describe, expect, it, vi } from "vitest"

import type { Product } from "~src/domain/customers/customer.schema"
import { generateProducts } from "~src/domain/demo/demo-data"

import { ProductSearch } from "./customer-search"
import type { ComptoirDb } from "./database"

/** A base whose catalog reads are answered by hand, in the order the test chooses. */
function base() {
  const reads: { resolve: (p: Product[]) => void; reject: (e: Error) => void }[] = []
  const toArray = vi.fn(() => new Promise<Product[]>((resolve, reject) => reads.push({ resolve, reject })))
  const db = { products: { toArray } } as unknown as ComptoirDb
  return { db, toArray, reads }
}

const products = generateProducts()
const until = () => new Promise((r) => setTimeout(r, 0))

describe("the catalog kept in memory for the quote's Add a line", () => {
  it("is read again on the next search after a read that failed", async () => {
    const { db, toArray, reads } = base()
    const search = new ProductSearch(db)
    const failed = search.search("ramette", 5)
    reads[0]!.reject(new Error("IndexedDB closed"))
    await expect(failed).rejects.toThrow("IndexedDB closed")
    const next = search.search("ramette", 5)
    await until()
    reads[1]!.resolve(products)
    expect((await next).length).toBeGreaterThan(0)
    expect(toArray).toHaveBeenCalledTimes(2)
  })

  it("keeps the catalog read after a change when the read from before the change fails late", async () => {
    const { db, toArray, reads } = base()
    const search = new ProductSearch(db)
    const before = search.search("ramette", 5)
    // The products changed while the first read was under way: the next search reads them again, and succeeds.
    search.invalidate()
    const after = search.search("ramette", 5)
    await until()
    reads[1]!.resolve(products)
    expect((await after).length).toBeGreaterThan(0)
    // The first read fails only now: that must not drop the newer catalog, read again at every search after.
    reads[0]!.reject(new Error("IndexedDB closed"))
    await expect(before).rejects.toThrow("IndexedDB closed")
    const third = search.search("ramette", 5)
    await until()
    expect(toArray).toHaveBeenCalledTimes(2)
    reads[2]?.resolve(products)
    expect((await third).length).toBeGreaterThan(0)
  })
})
