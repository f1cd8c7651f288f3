import { applyRemote, type OutboxEntry } from "~src/db/outbox"
import { isPlainTable } from "~src/db/replicated-tables"
import type { Product } from "~src/domain/customers/customer.schema"
import { rowId } from "~src/domain/sync/merge"
import { MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION, type PushResponse, type Conflict, type Mutation, type RowData } from "~src/domain/sync/protocol"

import type { LocalRows } from "./local-rows"
import { readPushAnswer } from "./push-answer"
import { REMOTE_STORES, STATE_ID, type Session, type SyncContext } from "./sync-context"
import { SyncError } from "./sync-errors"


/**
 * Which change of a push the server refused as invalid: its index in the batch (from the JSON pointer the
 * server names, `/mutations/3/fields/notes`), "unknown" when the refusal names no change, or null when
 * the error is not such a refusal (or names a part of the request that is no change: `/clientId`).
 */
export function refusedIndex(e: unknown, batchLength: number): number | "unknown" | null {
  if (!(e instanceof SyncError) || e.invalidField === undefined) return null
  const m = /^\/mutations\/(\d+)(?:\/|$)/.exec(e.invalidField)
  if (m) {
    const i = Number(m[1])
    if (i < batchLength) return i
    return batchLength === 1 ? 0 : "unknown"
  }
  if (e.invalidField !== "" && e.invalidField !== "/mutations") return null
  // One change sent alone and refused: it is that one.
  return batchLength === 1 ? 0 : "unknown"
}

/**
 * The outbox going out: batches numbered with mids (kept forever after), sent, acknowledged; refused changes
 * set aside with the server's row; a gap renumbered from what the server says it has.
 */
export class Pusher {
  constructor(
    private readonly ctx: SyncContext,
    private readonly rows: LocalRows
  ) {}

  /** Changes waiting, summed from the `n` index: the changes themselves are not read. */
  async pendingCount(): Promise<number> {
    const counts = (await this.ctx.db.outbox.orderBy("n").keys()) as number[]
    return counts.reduce((a, v) => a + v, 0)
  }

  /** Pushes the outbox in batches; changes the server acknowledged leave it in the transaction that stores the new state. */
  async push(session: Session): Promise<{ pushed: number; batches: number; conflicts: number }> {
    const batchSize = Math.min(this.ctx.deps.pushBatch ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH)
    let pushed = 0
    let batches = 0
    let conflicts = 0
    let gaps = 0
    /** Set after the server refused a change it did not point at: the next batches go one change at a time. */
    let probing = false
    /** The changes before one the server refused go out on their own first. */
    let before: number | undefined
    for (;;) {
      const { mutations, clientId } = await this.nextBatch(before ?? (probing ? 1 : batchSize))
      before = undefined
      if (mutations.length === 0) break
      let res: PushResponse
      let badRow: string | null
      try {
        ;({ res, badRow } = await this.ctx.server.request(session, "POST", "/sync/push", { clientId, schemaVersion: SCHEMA_VERSION, mutations }, (x) =>
          readPushAnswer(x, this.ctx.tables)
        ))
      } catch (e) {
        // A change the server can never accept (a NUL, half an emoji) must not hold back every later one:
        // it goes to the refused changes and the rest goes on. Anything else stops the push as before.
        const refused = refusedIndex(e, mutations.length)
        if (refused === null) throw e
        if (refused === "unknown") probing = true
        else if (refused > 0) before = refused
        else if (await this.setAsideFirst(mutations[0]!, (e as SyncError).message)) conflicts++
        else throw e
        continue
      }
      probing = false
      batches++
      pushed += res.applied
      conflicts += res.conflicts.length
      await this.acknowledge(res, mutations)
      // Acknowledged, refused changes kept: a row left out of the answer is the pull's to bring, and said here.
      if (badRow) throw new SyncError("bad-reply", `the server's reply to /sync/push is not understood: ${badRow}`)
      if (res.gap) {
        // The server stopped before a mid it never saw: nothing from there on was applied, so number the
        // rest again from what it expects. Bounded: a second gap in a row means something else is wrong.
        if (++gaps > 2) throw new SyncError("rejected", `the server expects mutation ${res.gap.expected}, this client sent ${res.gap.got}`)
        await this.renumberFrom(res.lastMutationId)
        continue
      }
      gaps = 0
      const last = mutations[mutations.length - 1]!.mid
      if (res.lastMutationId < last) throw new SyncError("rejected", `the server applied mutations up to ${res.lastMutationId} of ${last}`)
    }
    return { pushed, batches, conflicts }
  }

  /**
   * The oldest changes, at most `size`: records are given their mids (kept forever after) in the same
   * transaction. A record larger than what is left of the batch is sent in part; `acknowledge` trims it.
   */
  private async nextBatch(size: number): Promise<{ mutations: Mutation[]; clientId: string }> {
    await this.ctx.state()
    return this.ctx.db.transaction("rw", [this.ctx.db.outbox, this.ctx.db.syncState, this.ctx.db.rowVersions], async () => {
      const st = (await this.ctx.db.syncState.get(STATE_ID))!
      const records: OutboxEntry[] = []
      let total = 0
      await this.ctx.db.outbox
        .orderBy("seq")
        .until(() => total >= size)
        .each((e) => {
          records.push(e)
          total += e.n
        })
      let nextMid = st.nextMid
      const assigned: OutboxEntry[] = []
      for (const e of records) {
        if (e.mid !== undefined) continue
        e.mid = nextMid
        nextMid += e.n
        assigned.push(e)
      }
      if (assigned.length > 0) {
        await this.ctx.db.outbox.bulkPut(assigned)
        await this.ctx.db.syncState.update(STATE_ID, { nextMid })
      }
      const mutations: Mutation[] = []
      for (const e of records) {
        e.changes.forEach((c, i) =>
          mutations.push({ mid: e.mid! + i, table: c.table, op: c.op, key: c.key, ...(c.fields ? { fields: c.fields } : {}) })
        )
      }
      return { mutations: await this.withBaseVersions(mutations.slice(0, size)), clientId: st.clientId }
    })
  }

  /**
   * A workflow table's change (a document) names the server version it was made on, known only now: the
   * version last pulled, or the one the previous push wrote. All rows of one push get that push's version,
   * so a second change of the same document cannot be given its base before the first is answered: the
   * batch stops before it, and it leaves in the next push.
   */
  private async withBaseVersions(mutations: Mutation[]): Promise<Mutation[]> {
    const workflow = (t: string) => this.ctx.tables[t]?.rule.kind === "workflow"
    const ids = mutations.filter((m) => workflow(m.table)).map((m) => rowId(m.table, m.key))
    if (ids.length === 0) return mutations
    const known = new Map((await this.ctx.db.rowVersions.bulkGet(ids)).filter((v) => v !== undefined).map((v) => [v.id, v.version]))
    const seen = new Set<string>()
    const out: Mutation[] = []
    for (const m of mutations) {
      if (!workflow(m.table)) {
        out.push(m)
        continue
      }
      const id = rowId(m.table, m.key)
      if (seen.has(id)) break
      seen.add(id)
      out.push({ ...m, baseVersion: known.get(id) ?? 0 })
    }
    return out
  }

  private async renumberFrom(lastMutationId: number): Promise<void> {
    await this.ctx.db.transaction("rw", [this.ctx.db.outbox, this.ctx.db.syncState], async () => {
      const rest = await this.ctx.db.outbox.orderBy("seq").toArray()
      let next = lastMutationId + 1
      const renumbered: OutboxEntry[] = []
      for (const e of rest) {
        if (e.mid === undefined) continue
        renumbered.push({ ...e, mid: next })
        next += e.n
      }
      await this.ctx.db.outbox.bulkPut(renumbered)
      await this.ctx.db.syncState.update(STATE_ID, { nextMid: next })
    })
  }

  /** Removes the changes up to `lastMutationId` from the outbox; a record acknowledged in part keeps its rest. */
  async dropAcknowledged(lastMutationId: number): Promise<void> {
    const done = await this.ctx.db.outbox.where("mid").belowOrEqual(lastMutationId).toArray()
    const whole = done.filter((e) => e.mid! + e.n - 1 <= lastMutationId).map((e) => e.seq!)
    const partial = done.filter((e) => e.mid! + e.n - 1 > lastMutationId)
    if (whole.length > 0) await this.ctx.db.outbox.bulkDelete(whole)
    for (const e of partial) {
      const k = lastMutationId - e.mid! + 1
      await this.ctx.db.outbox.put({ ...e, mid: lastMutationId + 1, n: e.n - k, changes: e.changes.slice(k) })
    }
  }

  /**
   * Takes the oldest change of the outbox out (the server refused it as invalid; nothing of that request
   * was applied) and keeps it with the refused changes. Its mid stays unused: the next push meets a gap and
   * numbers the rest again from what the server says it has, never from what this device believes.
   */
  private async setAsideFirst(m: Mutation, message: string): Promise<boolean> {
    return applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      const first = await this.ctx.db.outbox.orderBy("seq").first()
      if (!first || first.mid !== m.mid) return false
      if (first.n === 1) await this.ctx.db.outbox.delete(first.seq!)
      else await this.ctx.db.outbox.put({ ...first, mid: first.mid + 1, n: first.n - 1, changes: first.changes.slice(1) })
      const mine =
        m.table === "customers"
          ? (((await this.ctx.customers.getMany([m.key]))[0] as unknown as RowData | undefined) ?? null)
          : m.table === "products"
            ? (((await this.ctx.db.products.get(m.key)) as unknown as RowData | undefined) ?? null)
            : isPlainTable(m.table)
              ? (((await this.ctx.db.table(m.table).get(m.key)) as RowData | undefined) ?? null)
              : null
      // The local record stays as it is (the team's row is not known here); the next pull of that row replaces it.
      await this.ctx.db.conflicts.add({ mid: m.mid, table: m.table, key: m.key, reason: "invalid", message, serverRow: null, at: this.ctx.now(), mine })
      return true
    })
  }

  private async acknowledge(res: PushResponse, sent: readonly Mutation[]): Promise<void> {
    await this.record(res, sent)
    // The server's rows it wrote here (a number given, a row it rewrote, a refused change put back) are news for
    // the open pages (the quote form waits for its number on this, issue #10), as a pull's rows are.
    if (res.numbered?.length || res.rewritten?.length || res.conflicts.length) this.ctx.deps.onRemoteChange?.()
  }

  private async record(res: PushResponse, sent: readonly Mutation[]): Promise<void> {
    const { lastMutationId, conflicts, version } = res
    await applyRemote(this.ctx.db, REMOTE_STORES, async () => {
      await this.dropAcknowledged(lastMutationId)
      const st = (await this.ctx.db.syncState.get(STATE_ID))!
      await this.ctx.db.syncState.update(STATE_ID, { lastMutationId: Math.max(st.lastMutationId, lastMutationId) })
      // Documents this push changed are now at its version: the next change of each is made on it.
      const refused = new Set(conflicts.map((c) => c.mid))
      const written = sent.filter((m) => m.baseVersion !== undefined && m.mid <= lastMutationId && !refused.has(m.mid))
      if (written.length > 0) await this.ctx.db.rowVersions.bulkPut(written.map((m) => ({ id: rowId(m.table, m.key), version })))
      // The rows it stored otherwise than sent (a document numbered, a cancellation re-dated), as the server stored
      // them: shown now, not after the pull (which brings the same rows again, or later versions of them).
      const kept = [...(res.numbered ?? []), ...(res.rewritten ?? [])]
      if (kept.length) await this.rows.write(kept)
      if (conflicts.length === 0) return
      const at = this.ctx.now()
      // The local record as it stands, refused change included: what "restore mine" writes back.
      const customerKeys = conflicts.filter((c) => c.table === "customers").map((c) => c.key)
      const mineCustomers = new Map((await this.ctx.customers.getMany(customerKeys)).map((c) => [c.id, c as unknown as RowData]))
      const productKeys = conflicts.filter((c) => c.table === "products").map((c) => c.key)
      const mineProducts = new Map(
        (await this.ctx.db.products.bulkGet(productKeys))
          .filter((p): p is Product => p !== undefined)
          .map((p) => [p.id, p as unknown as RowData])
      )
      const plainKeys = conflicts.filter((c) => isPlainTable(c.table))
      const minePlain = new Map<string, RowData>()
      for (const c of plainKeys) {
        const row = (await this.ctx.db.table(c.table).get(c.key)) as RowData | undefined
        if (row) minePlain.set(rowId(c.table, c.key), row)
      }
      const mine = (c: Conflict) =>
        (c.table === "customers" ? mineCustomers.get(c.key) : c.table === "products" ? mineProducts.get(c.key) : minePlain.get(rowId(c.table, c.key))) ??
        null
      await this.ctx.db.conflicts.bulkAdd(conflicts.map((c) => ({ ...c, at, mine: mine(c) })))
      // The refused change is in the local base: put the server's row back (or remove what it does not have).
      await this.rows.write(conflicts.map((c) => c.serverRow ?? { table: c.table, key: c.key, version: 0, deleted: true, data: null }))
    })
  }
}
