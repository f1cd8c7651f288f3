import type { CustomerMemory } from "~src/domain/orders/types"

import type { ComptoirDb } from "./database"

/**
 * The order extractor's memory per customer code (issue #11): kept on this device only, in the extension's
 * IndexedDB. It holds the customer's words for products and addresses, learnt from the agent's corrections.
 */
export class OrderMemoryRepository {
  constructor(private readonly db: ComptoirDb) {}

  async all(): Promise<Record<string, CustomerMemory>> {
    const rows = await this.db.orderMemories.toArray()
    return Object.fromEntries(rows.map((r) => [r.customerCode, r.memory]))
  }

  async get(customerCode: string): Promise<CustomerMemory> {
    return (await this.db.orderMemories.get(customerCode))?.memory ?? {}
  }

  async put(customerCode: string, memory: CustomerMemory, now = Date.now()): Promise<void> {
    await this.db.orderMemories.put({ customerCode, memory, updatedAt: now })
  }
}
