import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { mergeMutation, rowId, type RowState } from "~src/domain/sync/merge"
import type { Mutation, ServerRow } from "~src/domain/sync/protocol"

import type { SyncContext } from "./sync-context"

/** The local copy of the team's rows: writing what the server sent, and clearing it. */
export class LocalRows {
  constructor(private readonly ctx: SyncContext) {}

  /**
   * Writes server rows into the local base, with this client's pending changes to the same rows replayed on
   * top through the server's own rules, so a pull never hides an edit that is still on its way.
   * Must run inside an `applyRemote` transaction.
   */
  async write(rows: readonly ServerRow[]): Promise<void> {
    if (rows.length === 0) return
    const latest = new Map<string, ServerRow>()
    for (const r of rows) {
      const id = rowId(r.table, r.key)
      const seen = latest.get(id)
      if (!seen || seen.version <= r.version) latest.set(id, r)
    }
    const pendingByRow = new Map<string, Mutation[]>()
    if ((await this.ctx.db.outbox.count()) > 0) {
      // All pending changes, oldest first: few once pushed (a pull follows a push); read whole, kept by row.
      for (const e of await this.ctx.db.outbox.orderBy("seq").toArray()) {
        e.changes.forEach((c, i) => {
          const id = rowId(c.table, c.key)
          if (!latest.has(id)) return
          const m: Mutation = { mid: (e.mid ?? 1) + i, table: c.table, op: c.op, key: c.key, ...(c.fields ? { fields: c.fields } : {}) }
          const list = pendingByRow.get(id)
          if (list) list.push(m)
          else pendingByRow.set(id, [m])
        })
      }
    }
    const customerPuts: Customer[] = []
    const customerDeletes: string[] = []
    const productPuts: Product[] = []
    const productDeletes: string[] = []
    for (const [id, row] of latest) {
      const def = this.ctx.tables[row.table]
      if (!def || (row.table !== "customers" && row.table !== "products")) continue // no local store yet (callLogs)
      let state: RowState = { version: row.version, deleted: row.deleted, data: row.data }
      for (const m of pendingByRow.get(id) ?? []) {
        const r = mergeMutation(def, state, m, { role: null })
        if (r.kind === "write") state = { version: state.version, deleted: r.deleted, data: r.data }
      }
      const live = !state.deleted && state.data !== null
      if (row.table === "customers") {
        if (live) customerPuts.push(state.data as unknown as Customer)
        else customerDeletes.push(row.key)
      } else if (live) productPuts.push(state.data as unknown as Product)
      else productDeletes.push(row.key)
    }
    if (customerDeletes.length > 0) await this.ctx.customers.remove(customerDeletes)
    if (customerPuts.length > 0) await this.ctx.customers.upsert(customerPuts)
    if (productDeletes.length > 0) await this.ctx.db.products.bulkDelete(productDeletes)
    if (productPuts.length > 0) {
      // `ref` is unique locally but not on the server: a same-ref line under another id (imported here before
      // signing in) gives way to the server's, or the pull would fail on it forever.
      const ids = new Set(productPuts.map((p) => p.id))
      const clashing = (
        await this.ctx.db.products
          .where("ref")
          .anyOf(productPuts.map((p) => p.ref))
          .primaryKeys()
      ).filter((id) => !ids.has(id))
      if (clashing.length > 0) await this.ctx.db.products.bulkDelete(clashing)
      await this.ctx.db.products.bulkPut(productPuts)
    }
  }

  /** Customers and products, with what derives from them (lookup buckets, the count). */
  async clearReplicated(): Promise<void> {
    await this.ctx.db.customerSegments.clear()
    await this.ctx.db.lookupBuckets.clear()
    await this.ctx.db.meta.delete("customerCount")
    await this.ctx.db.products.clear()
  }
}
