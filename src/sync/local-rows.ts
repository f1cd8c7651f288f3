import { isPlainTable, PLAIN_TABLES, type PlainTable } from "~src/db/replicated-tables"
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
          // Replayed on top of the pulled row, so made on its version (a workflow rule would call it stale).
          m.baseVersion = latest.get(id)!.version
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
    const plainPuts = new Map<PlainTable, unknown[]>()
    const plainDeletes = new Map<PlainTable, string[]>()
    const versions: { id: string; version: number }[] = []
    for (const [id, row] of latest) {
      const def = this.ctx.tables[row.table]
      const plain = isPlainTable(row.table)
      if (!def || (row.table !== "customers" && row.table !== "products" && !plain)) continue // a table this client does not keep
      let state: RowState = { version: row.version, deleted: row.deleted, data: row.data }
      for (const m of pendingByRow.get(id) ?? []) {
        const r = mergeMutation(def, state, m, { role: null })
        if (r.kind === "write") state = { version: state.version, deleted: r.deleted, data: r.data }
      }
      const live = !state.deleted && state.data !== null
      if (plain) {
        const table = row.table as PlainTable
        versions.push({ id, version: row.version })
        if (live) plainPuts.set(table, [...(plainPuts.get(table) ?? []), state.data])
        else plainDeletes.set(table, [...(plainDeletes.get(table) ?? []), row.key])
      } else if (row.table === "customers") {
        if (live) customerPuts.push(state.data as unknown as Customer)
        else customerDeletes.push(row.key)
      } else if (live) productPuts.push(state.data as unknown as Product)
      else productDeletes.push(row.key)
    }
    for (const [table, keys] of plainDeletes) await this.ctx.db.table(table).bulkDelete(keys)
    for (const [table, rows] of plainPuts) await this.ctx.db.table(table).bulkPut(rows)
    if (versions.length > 0) await this.ctx.db.rowVersions.bulkPut(versions)
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
    // Calls, scripts and documents: those still owed to the server stay (their changes are in the outbox,
    // which the caller keeps or clears), the rest goes with the team's copy.
    const owed = new Map<string, Set<string>>()
    for (const e of await this.ctx.db.outbox.toArray()) {
      for (const c of e.changes) if (isPlainTable(c.table)) (owed.get(c.table) ?? owed.set(c.table, new Set()).get(c.table)!).add(c.key)
    }
    for (const table of PLAIN_TABLES) {
      const keep = owed.get(table)
      if (!keep) await this.ctx.db.table(table).clear()
      else await this.ctx.db.table(table).filter((r: { id: string }) => !keep.has(r.id)).delete()
    }
    await this.ctx.db.rowVersions.clear()
  }
}
