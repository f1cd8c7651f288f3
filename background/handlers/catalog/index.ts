import { CatalogStore } from "~src/db/catalog-store"
import { defineHandler } from "~src/messaging/handler"

import { baseChanged, services } from "../../services"
import { readSession, runSync } from "../../sync"

/** The role comes from the signed-in session the background holds, never from the page asking. */
const store = new CatalogStore(services.db, async () => (await readSession())?.user.role ?? null)

export const catalogList = defineHandler("catalog/list", () => store.list())

export const catalogSave = defineHandler("catalog/save", async (req) => {
  const r = await store.save(req.product, Date.now())
  if (r.ok) {
    // The quote form's product search is a cache of the catalog.
    baseChanged()
    void runSync(true).catch(() => undefined)
  }
  return r
})

export const catalogProducts = defineHandler("catalog/products", async (req) => ({ products: await services.products.getByIds(req.ids) }))

export const pricingGet = defineHandler("pricing/get", (req) => store.pricing(req.customerId))

/** A customer's prices as the quote form reads them (`pricing/get`), for the orders captured from mail. */
export const customerPricing = async (customerId: string) => (await store.pricing(customerId)).pricing

export const pricingList = defineHandler("pricing/list", async () => {
  const all = await store.allPricing()
  const customers = await services.customers.getMany(all.map((p) => p.id))
  const byId = new Map(customers.map((c) => [c.id, c]))
  return { entries: all.map((pricing) => ({ pricing, company: byId.get(pricing.id)?.company ?? pricing.id, code: byId.get(pricing.id)?.code ?? "" })) }
})

export const pricingSave = defineHandler("pricing/save", async (req) => {
  const r = await store.savePricing(req.pricing, Date.now())
  if (r.ok) void runSync(true).catch(() => undefined)
  return r
})

export const catalogHandlers = [catalogList, catalogSave, catalogProducts, pricingGet, pricingList, pricingSave] as const
