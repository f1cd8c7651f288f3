import type { Product } from "~src/domain/customers/customer.schema"

import type { ComptoirDb } from "./database"

export class ProductRepository {
  constructor(private readonly db: ComptoirDb) {}

  async count(): Promise<number> {
    return this.db.products.count()
  }

  async all(): Promise<Product[]> {
    return this.db.products.orderBy("ref").toArray()
  }

  async getByRefs(refs: readonly string[]): Promise<Map<string, Product>> {
    const rows = await this.db.products.where("ref").anyOf([...refs]).toArray()
    return new Map(rows.map((p) => [p.ref, p]))
  }

  async getByIds(ids: readonly string[]): Promise<Product[]> {
    return (await this.db.products.bulkGet([...new Set(ids)])).filter((p): p is Product => p !== undefined)
  }

  async bulkPut(products: readonly Product[]): Promise<void> {
    await this.db.products.bulkPut([...products])
  }
}
