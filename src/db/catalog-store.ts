import type * as z from "zod"

import { CustomerPricing } from "~src/domain/catalog/pricing"
import { mayEditCatalog } from "~src/domain/catalog/pricing"
import { productFromValues, valuesFromProduct } from "~src/domain/catalog/product-form"
import { Product } from "~src/domain/customers/customer.schema"

import type { ComptoirDb } from "./database"

export type CatalogWrite = { ok: true } | { ok: false; error: string; field?: string }

const MANAGER_ONLY = "only a manager or an admin may change the catalog and the customers' prices"

/**
 * The catalog (`products`) and the customers' prices (`customerPrices`), both replicated to the team. Writes are
 * checked here with the server's own rule (managers and admins), so an agent is refused on this device too, not
 * only later by the server; the product is checked again with the form's rules (a page is not trusted).
 */
export class CatalogStore {
  constructor(
    private readonly db: ComptoirDb,
    /** The signed-in user's role; null without a team. */
    private readonly role: () => Promise<string | null>
  ) {}

  async list(): Promise<{ products: Product[]; mayEdit: boolean }> {
    const [products, role] = await Promise.all([this.db.products.orderBy("ref").toArray(), this.role()])
    return { products, mayEdit: mayEditCatalog(role) }
  }

  /** Creates or replaces a product; its ref must stay unique. There is no delete: a product is deactivated. */
  async save(input: Product, now: number): Promise<CatalogWrite> {
    if (!mayEditCatalog(await this.role())) return { ok: false, error: MANAGER_ONLY }
    const parsed = Product.safeParse(input)
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid product" }
    return this.db.transaction("rw", this.db.products, async () => {
      const existing = (await this.db.products.get(parsed.data.id)) ?? null
      const others = await this.db.products.where("ref").equalsIgnoreCase(parsed.data.ref.trim()).toArray()
      const checked = productFromValues(valuesFromProduct(parsed.data, "en"), { id: parsed.data.id, existing, others, now })
      if (!checked.ok) {
        const [field, error] = Object.entries(checked.errors)[0] ?? ["", "invalid product"]
        return { ok: false, error, field }
      }
      await this.db.products.put(checked.product)
      return { ok: true } as const
    })
  }

  async pricing(customerId: string): Promise<{ pricing: CustomerPricing | null; mayEdit: boolean }> {
    const [pricing, role] = await Promise.all([this.db.customerPrices.get(customerId), this.role()])
    return { pricing: pricing ? readPricing(pricing) : null, mayEdit: mayEditCatalog(role) }
  }

  async allPricing(): Promise<CustomerPricing[]> {
    return (await this.db.customerPrices.toArray()).map(readPricing)
  }

  async savePricing(input: z.input<typeof CustomerPricing>, now: number): Promise<CatalogWrite> {
    if (!mayEditCatalog(await this.role())) return { ok: false, error: MANAGER_ONLY }
    const parsed = CustomerPricing.safeParse({ ...input, updatedAt: now })
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid prices" }
    await this.db.customerPrices.put(parsed.data)
    return { ok: true }
  }
}

/**
 * A stored row with the fields added since it was written (`discounts`, `categoryDiscounts`, issue #10) given their
 * defaults. Read here rather than rewritten by a Dexie upgrade: rewriting replicated rows would push them back as
 * local changes, which the server refuses to agents.
 */
function readPricing(row: Omit<CustomerPricing, "discounts" | "categoryDiscounts"> & Partial<Pick<CustomerPricing, "discounts" | "categoryDiscounts">>): CustomerPricing {
  const parsed = CustomerPricing.safeParse(row)
  return parsed.success ? parsed.data : { ...row, discounts: row.discounts ?? [], categoryDiscounts: row.categoryDiscounts ?? [] }
}
