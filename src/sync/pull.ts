import { applyRemote } from "~src/db/outbox"
import type { SyncState } from "~src/db/database"
import type { Product } from "~src/domain/customers/customer.schema"
import { MAX_PULL_LIMIT, PullResponse, type ServerRow } from "~src/domain/sync/protocol"

import type { LocalRows } from "./local-rows"
import type { Pusher } from "./push"
import { FIRST_BIND, REMOTE_STORES, STATE_ID, type PullProgress, type Session, type SyncContext } from "./sync-context"
import { SyncError } from "./sync-errors"

/** Pulled rows held in memory at most before one write (about 1 KB each as objects). */
const MAX_APPLY_BATCH = 40_000

/** The team's rows coming in, by cursor, written in growing batches; a reset from the server starts over. */
export class Puller {
  /** Only for display: a pull dies with its worker, and so does this. */
  progress: PullProgress | null = null

  constructor(
    private readonly ctx: SyncContext,
    private readonly rows: LocalRows,
    private readonly pusher: Pusher
  ) {}

  /** Pulls until caught up; returns the number of rows received. */
  async pull(session: Session): Promise<number> {
    const limit = Math.min(this.ctx.deps.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT)
    const applyEvery = this.ctx.deps.applyEvery ?? 10_000
    const st = await this.ctx.state()
    let cursor = st.cursor
    let buffer: ServerRow[] = []
    let pulled = 0
    let applied = 0
    let resets = 0
    let total: number | null = null
    // One write at a time, in order (each stores the cursor it reached), while the next pages download.
    let writing: Promise<void> = Promise.resolve()
    this.progress = null
    try {
      for (;;) {
        const q = new URLSearchParams({ cursor, limit: String(limit), clientId: st.clientId })
        const res = await this.ctx.server.request(session, "GET", `/sync/pull?${q}`, undefined, (x) => PullResponse.parse(x))
        if (res.total !== undefined) total = res.total
        if (cursor === "" && res.hasMore) this.progress = { pulled, total }
        if (res.resetRequired) {
          if (++resets > 2) throw new SyncError("rejected", "the server asked to start over more than twice in a row")
          await writing
          await this.wipe()
          cursor = ""
          buffer = []
          continue
        }
        buffer.push(...res.rows)
        pulled += res.rows.length
        cursor = res.cursor
        if (this.progress) this.progress = { pulled, total }
        // A write rewrites every packed segment it touches, and rows spread over all of them: writing in
        // batches that grow with what was written (up to a bound on memory) keeps a 100k first pull from
        // rewriting the base ten times over.
        if (buffer.length >= Math.min(Math.max(applyEvery, applied), MAX_APPLY_BATCH) || !res.hasMore) {
          const rows = buffer
          const done = { pulled, total }
          const at = { cursor, version: res.version, lastMutationId: res.hasMore ? undefined : res.lastMutationId }
          buffer = []
          applied += rows.length
          await writing
          writing = this.applyPage(rows, at.cursor, at.version, at.lastMutationId).then(() => this.ctx.deps.onProgress?.(done))
          // Keeps a failed write from being an unhandled rejection while the next page downloads; the
          // `await writing` above and below rethrows it.
          writing.catch(() => undefined)
        }
        if (!res.hasMore) break
      }
      await writing
    } catch (e) {
      // A download failed while a write was under way: let it land before the next attempt reads the cursor.
      await writing.catch(() => undefined)
      throw e
    } finally {
      this.progress = null
    }
    if (pulled > 0) this.ctx.deps.onRemoteChange?.()
    return pulled
  }

  /** The server purged deletes this base may have missed: drop what was pulled (the outbox stays) and start over. */
  private async wipe(): Promise<void> {
    await applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      // A first sign-in's own rows are on this device only (not yet sent): they stay for the upload.
      const snapshot = await this.ctx.db.pendingUploads.get(FIRST_BIND)
      const ownCustomers = snapshot ? await this.ctx.customers.getMany(snapshot.customerIds) : []
      const ownProducts = snapshot ? (await this.ctx.db.products.bulkGet(snapshot.productIds)).filter((p): p is Product => p !== undefined) : []
      await this.rows.clearReplicated()
      if (ownCustomers.length > 0) await this.ctx.customers.upsert(ownCustomers)
      if (ownProducts.length > 0) await this.ctx.db.products.bulkPut(ownProducts)
      await this.ctx.db.syncState.update(STATE_ID, { cursor: "", pulledVersion: 0 })
    })
    this.ctx.deps.onRemoteChange?.()
  }

  private async applyPage(rows: readonly ServerRow[], cursor: string, version: number, lastMutationId: number | undefined): Promise<void> {
    await applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      if (lastMutationId !== undefined) await this.pusher.dropAcknowledged(lastMutationId)
      await this.rows.write(rows)
      const patch: Partial<SyncState> = { cursor, pulledVersion: version }
      if (lastMutationId !== undefined) {
        const st = (await this.ctx.db.syncState.get(STATE_ID))!
        patch.lastMutationId = Math.max(st.lastMutationId, lastMutationId)
      }
      await this.ctx.db.syncState.update(STATE_ID, patch)
    })
  }
}
