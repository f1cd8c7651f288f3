import { applyRemote, packChanges, type OutboxChange } from "~src/db/outbox"
import { isPlainTable, PLAIN_TABLES } from "~src/db/replicated-tables"
import type { PendingUpload, SyncState } from "~src/db/database"
import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { newId } from "~src/domain/ids"
import type { RowData } from "~src/domain/sync/protocol"
import { mayWrite } from "~src/domain/sync/tables"

import type { LocalRows } from "./local-rows"
import type { Pusher } from "./push"
import { FIRST_BIND, REMOTE_STORES, STATE_ID, type Session, type SyncContext } from "./sync-context"
import { SyncError } from "./sync-errors"

/** Which server and team the local base belongs to, and what a device's first sign-in sends of its own base. */
export class Binding {
  constructor(
    private readonly ctx: SyncContext,
    private readonly rows: LocalRows,
    private readonly pusher: Pusher
  ) {}

  /**
   * `discardUnsent`: the user chose to sign in to another team even though changes owed to the previous one
   * are lost.
   *
   * Ties the local base to one server and team; another one means another client (a new client id, mids
   * from 1, a pull from the start).
   * - First team for this base: what the device holds already is kept and sent after the first pull
   *   (`uploadFirstBind`), so a base imported before signing in reaches the team.
   * - Another team than before: that team's data must not mix with this one's, so the local copy is
   *   dropped; refused (nothing changed) while changes for the previous team have not reached it.
   */
  async bind(session: Session, discardUnsent = false): Promise<SyncState> {
    const boundTo = `${session.serverUrl.replace(/\/+$/, "")}|${session.teamId}`
    const st = await this.ctx.state()
    if (st.boundTo === boundTo) return st
    return applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      const current = (await this.ctx.db.syncState.get(STATE_ID))!
      if (current.boundTo === boundTo) return current
      if (current.boundTo === null) {
        const customerIds = (await this.ctx.customers.all()).map((c) => c.id)
        const productIds = (await this.ctx.db.products.toCollection().primaryKeys()) as string[]
        const plain: Record<string, string[]> = {}
        let plainCount = 0
        for (const table of PLAIN_TABLES) {
          const keys = (await this.ctx.db.table(table).toCollection().primaryKeys()) as string[]
          if (keys.length > 0) plain[table] = keys
          plainCount += keys.length
        }
        if (customerIds.length + productIds.length + plainCount > 0)
          await this.ctx.db.pendingUploads.put({ id: FIRST_BIND, customerIds, productIds, plain, at: this.ctx.now() })
      } else {
        const pending = await this.pusher.pendingCount()
        // The device's own base, waiting for that team's first pull to finish, is owed to it too.
        const unsentBase = await this.ctx.db.pendingUploads.get(FIRST_BIND)
        const owed = pending + (unsentBase ? unsentBase.customerIds.length + unsentBase.productIds.length : 0)
        if (owed > 0 && !discardUnsent) {
          const [server] = current.boundTo.split("|")
          throw new SyncError(
            "pending-other-team",
            `${owed} change(s) made on this device have not reached the team it was signed in to (${server}) yet`
          )
        }
        await this.ctx.db.outbox.clear()
        await this.clearLocalBase()
      }
      const next: SyncState = {
        ...current,
        boundTo,
        clientId: `cpt-${newId()}`,
        cursor: "",
        nextMid: 1,
        lastMutationId: 0,
        pulledVersion: 0,
        failures: 0,
        nextAttemptAt: 0,
        lastError: null,
        firstUpload: null
      }
      await this.ctx.db.syncState.put(next)
      return next
    })
  }

  /** Everything replicated, and what was derived from it; the outbox is the caller's business. */
  private async clearLocalBase(): Promise<void> {
    await this.rows.clearReplicated()
    await this.ctx.db.recentCustomers.clear()
    await this.ctx.db.conflicts.clear()
    await this.ctx.db.pendingUploads.clear()
    this.ctx.deps.onRemoteChange?.()
  }

  /**
   * After the first pull: the rows this device held before its first sign-in go to the outbox as new rows,
   * except customers whose code the team already has (the team's copy is kept; two records for one
   * customer would split its history). Products clashing on `ref` gave way during the pull already.
   */
  async uploadFirstBind(session: Session): Promise<number> {
    const snapshot: PendingUpload | undefined = await this.ctx.db.pendingUploads.get(FIRST_BIND)
    if (!snapshot) return 0
    return applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      const local = new Set(snapshot.customerIds)
      const all = await this.ctx.customers.all()
      const codeOf = (c: Customer) => c.code.trim().toUpperCase()
      const teamCodes = new Set(all.filter((c) => !local.has(c.id)).map(codeOf))
      const mine = all.filter((c) => local.has(c.id))
      const duplicates = mine.filter((c) => teamCodes.has(codeOf(c)))
      const send = mine.filter((c) => !teamCodes.has(codeOf(c)))
      if (duplicates.length > 0) await this.ctx.customers.remove(duplicates.map((c) => c.id))
      // Edits of these rows since the sign-in are in the whole records sent below: their partial changes go.
      const localProducts = new Set(snapshot.productIds)
      const localPlain = new Map(Object.entries(snapshot.plain ?? {}).map(([t, keys]) => [t, new Set(keys)]))
      const inSnapshot = (c: OutboxChange) =>
        c.table === "customers" ? local.has(c.key) : c.table === "products" ? localProducts.has(c.key) : (localPlain.get(c.table)?.has(c.key) ?? false)
      for (const r of await this.ctx.db.outbox.toArray()) {
        if (r.mid !== undefined) continue
        const kept = r.changes.filter((c) => !inSnapshot(c))
        if (kept.length === r.changes.length) continue
        if (kept.length === 0) await this.ctx.db.outbox.delete(r.seq!)
        else await this.ctx.db.outbox.put({ ...r, n: kept.length, changes: kept })
      }
      // A role that may not write the catalog (an agent) keeps its own lines on this device: sent, they would
      // only come back refused.
      const catalog = this.ctx.tables.products
      // (An unknown role is offered nothing a role rule guards.)
      const mayWriteProducts = !catalog || mayWrite(catalog, session.role ?? "")
      const products = mayWriteProducts
        ? (await this.ctx.db.products.bulkGet(snapshot.productIds)).filter((p): p is Product => p !== undefined)
        : []
      const at = this.ctx.now()
      // Calls logged, scripts written and documents drafted before the first sign-in go to the team too,
      // those of tables the role may write.
      const plainRows: OutboxChange[] = []
      for (const [table, keys] of Object.entries(snapshot.plain ?? {})) {
        if (!isPlainTable(table)) continue
        const def = this.ctx.tables[table]
        if (!def || !mayWrite(def, session.role ?? "")) continue
        const rows = (await this.ctx.db.table(table).bulkGet(keys)).filter((r): r is RowData & { id: string } => r !== undefined)
        for (const r of rows) plainRows.push({ table, op: "put", key: r.id, fields: { ...r } })
      }
      const changes: OutboxChange[] = [
        ...send.map((c): OutboxChange => ({ table: "customers", op: "put", key: c.id, fields: { ...c } as unknown as RowData })),
        ...products.map((p): OutboxChange => ({ table: "products", op: "put", key: p.id, fields: { ...p } as unknown as RowData })),
        ...plainRows
      ]
      if (changes.length > 0) await this.ctx.db.outbox.bulkAdd(packChanges(changes, at))
      await this.ctx.db.pendingUploads.delete(FIRST_BIND)
      await this.ctx.db.syncState.update(STATE_ID, {
        firstUpload: { customers: send.length, products: products.length, keptTeamCopies: duplicates.length, at }
      })
      if (duplicates.length > 0) this.ctx.deps.onRemoteChange?.()
      return changes.length
    })
  }
}
