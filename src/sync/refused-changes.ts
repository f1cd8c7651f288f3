import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { canRestore } from "~src/domain/sync/refused-change"

import type { SyncContext } from "./sync-context"
import { SyncError } from "./sync-errors"

/** The changes the server refused, kept for the user, and the user's answer to each. */
export class RefusedChanges {
  constructor(private readonly ctx: SyncContext) {}

  /** The changes the server refused, newest first, for the user to look at. */
  async list(limit = 50) {
    return this.ctx.db.conflicts.orderBy("id").reverse().limit(limit).toArray()
  }

  /**
   * The user's answer to a refused change. "team": the server's version stays (it is in the base already).
   * "mine": this device's record is written back as a new local change, pushed at the next sync, where the
   * server's rules judge it again; offered only where they can accept it (not for a role the table refuses).
   */
  async resolve(id: number, choice: "team" | "mine"): Promise<{ resolved: boolean; requeued: boolean }> {
    return this.ctx.db.transaction(
      "rw",
      [this.ctx.db.conflicts, this.ctx.db.customerSegments, this.ctx.db.lookupBuckets, this.ctx.db.meta, this.ctx.db.products],
      async () => {
        const c = await this.ctx.db.conflicts.get(id)
        if (!c) return { resolved: false, requeued: false }
        let requeued = false
        if (choice === "mine") {
          if (!canRestore(c)) throw new SyncError("rejected", `this change cannot be sent again (${c.reason}): ${c.message}`)
          if (c.table === "customers") await this.ctx.customers.upsert([c.mine as unknown as Customer])
          else await this.ctx.db.products.put(c.mine as unknown as Product)
          requeued = true
        }
        await this.ctx.db.conflicts.delete(id)
        return { resolved: true, requeued }
      }
    )
  }
}
