import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { generateProducts } from "~src/domain/demo/demo-data"

import { CatalogStore } from "./catalog-store"
import { ComptoirDb } from "./database"

let n = 0
const storeAs = async (role: string | null) => {
  const db = new ComptoirDb(`catalog-test-${++n}`)
  await db.products.bulkPut(generateProducts().slice(0, 3))
  return { db, store: new CatalogStore(db, () => Promise.resolve(role)) }
}

describe("the catalog on this device", () => {
  it("a manager changes a price; the product keeps its id and creation time", async () => {
    const { db, store } = await storeAs("manager")
    const [first] = (await store.list()).products
    expect(await store.save({ ...first!, unitPriceCents: 4321 }, 99)).toEqual({ ok: true })
    expect(await db.products.get(first!.id)).toMatchObject({ unitPriceCents: 4321, createdAt: first!.createdAt, updatedAt: 99 })
  })

  it("refuses an agent's change, and tells the page the agent may only read", async () => {
    const { db, store } = await storeAs("agent")
    const listed = await store.list()
    expect(listed.mayEdit).toBe(false)
    const first = listed.products[0]!
    expect(await store.save({ ...first, unitPriceCents: 1 }, 99)).toMatchObject({ ok: false, error: expect.stringMatching(/manager or an admin/) })
    expect((await db.products.get(first.id))?.unitPriceCents).toBe(first.unitPriceCents)
    expect(await store.savePricing({ id: "c1", discountBp: 1000, specialPrices: [], updatedAt: 1 }, 2)).toMatchObject({ ok: false })
    expect(await db.customerPrices.count()).toBe(0)
  })

  it("refuses a second product with a ref already taken, in another case", async () => {
    const { db, store } = await storeAs(null)
    const [first] = (await store.list()).products
    const copy = { ...first!, id: "new-one", ref: first!.ref.toLowerCase() }
    expect(await store.save(copy, 5)).toEqual({ ok: false, error: "catalog.errors.refTaken", field: "ref" })
    expect(await db.products.get("new-one")).toBeUndefined()
  })

  it("refuses a 0 % product without its exemption mention, even from a page that skipped the form", async () => {
    const { store } = await storeAs("admin")
    const [first] = (await store.list()).products
    expect(await store.save({ ...first!, vatRateBp: 0, vatExemption: "" }, 5)).toMatchObject({ ok: false, field: "vatExemption" })
  })

  it("keeps a customer's discount and special prices", async () => {
    const { store } = await storeAs("manager")
    expect(await store.savePricing({ id: "c1", discountBp: 1000, specialPrices: [{ productId: "p", unitPriceCents: 990 }], updatedAt: 1 }, 7)).toEqual({ ok: true })
    expect(await store.pricing("c1")).toEqual({ pricing: { id: "c1", discountBp: 1000, specialPrices: [{ productId: "p", unitPriceCents: 990 }], discounts: [], categoryDiscounts: [], updatedAt: 7 }, mayEdit: true })
    expect(await store.pricing("c2")).toEqual({ pricing: null, mayEdit: true })
  })

  it("keeps a quantity break and a dated discount, and refuses a promotion that ends before it starts", async () => {
    const { store } = await storeAs("manager")
    const pricing = { id: "c1", discountBp: 0, specialPrices: [{ productId: "p", unitPriceCents: 499, minQuantityMilli: 10_000 }], discounts: [{ productId: null, discountBp: 1500, validFrom: "2026-12-01", validTo: "2026-12-31" }], updatedAt: 1 }
    expect(await store.savePricing(pricing, 7)).toEqual({ ok: true })
    expect((await store.pricing("c1")).pricing).toEqual({ ...pricing, categoryDiscounts: [], updatedAt: 7 })
    expect(await store.savePricing({ ...pricing, discounts: [{ productId: null, discountBp: 1500, validFrom: "2026-12-31", validTo: "2026-12-01" }] }, 8)).toMatchObject({ ok: false, error: expect.stringMatching(/end before it starts/) })
  })

  it("reads a row stored before breaks, dated and category discounts as it was, with none of them", async () => {
    const { db, store } = await storeAs("agent")
    await db.customerPrices.put({ id: "old", discountBp: 500, specialPrices: [{ productId: "p", unitPriceCents: 990 }], updatedAt: 1 } as never)
    expect((await store.pricing("old")).pricing).toEqual({ id: "old", discountBp: 500, specialPrices: [{ productId: "p", unitPriceCents: 990 }], discounts: [], categoryDiscounts: [], updatedAt: 1 })
    expect(await store.allPricing()).toMatchObject([{ id: "old", discounts: [], categoryDiscounts: [] }])
  })
})
