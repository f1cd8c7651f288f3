import { CustomerRepository } from "~src/db/customer-repository"
import type { ComptoirDb, PendingUpload, SyncState } from "~src/db/database"
import { applyRemote, packChanges, type OutboxChange, type OutboxEntry } from "~src/db/outbox"
import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { newId } from "~src/domain/ids"
import { mergeMutation, rowId, type RowState } from "~src/domain/sync/merge"
import { canRestore } from "~src/domain/sync/refused-change"
import {
  MAX_MUTATIONS_PER_PUSH,
  MAX_PULL_LIMIT,
  PullResponse,
  PushResponse,
  SCHEMA_VERSION,
  type Conflict,
  type Mutation,
  type RowData,
  type ServerRow
} from "~src/domain/sync/protocol"
import { mayWrite, TABLES, type TableRegistry } from "~src/domain/sync/tables"

import { errorFromReply, SyncError, toSyncError, type SyncErrorCode } from "./sync-errors"

export interface Session {
  serverUrl: string
  token: string
  teamId: string
  /** The user's role in the team: rows it may not write (the catalog, for an agent) are not offered. */
  role?: string
}

export interface SyncEngineDeps {
  db: ComptoirDb
  /** The signed-in session, read each time (the service worker may have restarted since sign-in). */
  session: () => Promise<Session | null>
  fetch?: typeof fetch
  now?: () => number
  random?: () => number
  pushBatch?: number
  pullLimit?: number
  /** Pulled rows kept in memory before one write: packed segments make a few big writes far cheaper than many. */
  applyEvery?: number
  tables?: TableRegistry
  /** Called after rows from the server were written (the search index is a cache of them). */
  onRemoteChange?: () => void
  onProgress?: (p: PullProgress) => void
}

/** A pull in progress: rows received so far, and how many a pull from the start will bring (when known). */
export interface PullProgress {
  pulled: number
  total: number | null
}

export interface SyncReport {
  ran: boolean
  pushed: number
  pulled: number
  conflicts: number
  /** Rows of this device's own base sent at its first sign-in. */
  uploaded?: number
  error?: { code: SyncErrorCode; message: string }
}

export interface SyncStatus {
  pending: number
  conflicts: number
  lastSyncedAt: number | null
  lastError: SyncState["lastError"]
  nextAttemptAt: number
  progress: PullProgress | null
  firstUpload: SyncState["firstUpload"] | null
}

const STATE_ID = "state"
const BACKOFF_BASE_MS = 2_000
const BACKOFF_MAX_MS = 5 * 60_000
/**
 * The backoff spares a server in trouble. When it cannot be reached at all (no network), a probe costs it
 * nothing, and a long wait would only keep what was recorded offline from leaving once the network is back.
 */
const OFFLINE_BACKOFF_MAX_MS = 20_000
const REQUEST_TIMEOUT_MS = 30_000
/** Replicated stores a pull or a conflict writes; the outbox and state ride in the same transaction. */
const REMOTE_STORES = [
  "customerSegments",
  "lookupBuckets",
  "meta",
  "products",
  "outbox",
  "syncState",
  "conflicts",
  "pendingUploads",
  "recentCustomers"
] as const
const FIRST_BIND = "first-bind"
/** Pulled rows held in memory at most before one write (about 1 KB each as objects). */
const MAX_APPLY_BATCH = 40_000

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
    return i < batchLength ? i : "unknown"
  }
  if (e.invalidField !== "" && e.invalidField !== "/mutations") return null
  // One change sent alone and refused: it is that one.
  return batchLength === 1 ? 0 : "unknown"
}

/**
 * The client side of the sync protocol over the extension's IndexedDB. Everything that matters (outbox,
 * mids, cursor, errors, backoff) is in IndexedDB and written in the transaction that makes it true, so a
 * service worker killed at any point resumes where it was with a new engine. The only memory state is the
 * queue that keeps two syncs of this context from running at once.
 */
export class SyncEngine {
  private readonly fetch: typeof fetch
  private readonly now: () => number
  private readonly random: () => number
  private readonly tables: TableRegistry
  private readonly customers: CustomerRepository
  private queue: Promise<unknown> = Promise.resolve()
  /** Only for display: a pull dies with its worker, and so does this. */
  private progress: PullProgress | null = null

  constructor(private readonly deps: SyncEngineDeps) {
    this.fetch = deps.fetch ?? ((...args) => globalThis.fetch(...args))
    this.now = deps.now ?? Date.now
    this.random = deps.random ?? Math.random
    this.tables = deps.tables ?? TABLES
    this.customers = new CustomerRepository(deps.db)
  }

  private get db(): ComptoirDb {
    return this.deps.db
  }

  async state(): Promise<SyncState> {
    const existing = await this.db.syncState.get(STATE_ID)
    if (existing) return existing
    const fresh: SyncState = {
      id: STATE_ID,
      clientId: `cpt-${newId()}`,
      boundTo: null,
      cursor: "",
      nextMid: 1,
      lastMutationId: 0,
      pulledVersion: 0,
      lastSyncedAt: null,
      lastError: null,
      failures: 0,
      nextAttemptAt: 0,
      schemaVersion: SCHEMA_VERSION
    }
    // add, not put: two contexts creating it at once keep the first one.
    await this.db.syncState.add(fresh).catch(() => undefined)
    return (await this.db.syncState.get(STATE_ID)) ?? fresh
  }

  async status(): Promise<SyncStatus> {
    const st = await this.state()
    return {
      pending: await this.pendingCount(),
      conflicts: await this.db.conflicts.count(),
      lastSyncedAt: st.lastSyncedAt,
      lastError: st.lastError,
      nextAttemptAt: st.nextAttemptAt,
      progress: this.progress,
      firstUpload: st.firstUpload ?? null
    }
  }

  /** Runs one sync unless a failure asked to wait; the alarm calls this. */
  syncIfDue(): Promise<SyncReport> {
    return this.sync({ force: false })
  }

  /** Push everything pending, then pull until caught up. Never throws: the outcome is stored and returned. */
  sync(opts: { force?: boolean } = {}): Promise<SyncReport> {
    return this.enqueue(() => this.runSync(opts.force ?? true))
  }

  /** One operation at a time in this context: a bind must not land between two writes of a running pull. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async runSync(force: boolean): Promise<SyncReport> {
    const report: SyncReport = { ran: false, pushed: 0, pulled: 0, conflicts: 0 }
    const session = await this.deps.session()
    if (!session) return report
    let st: SyncState
    try {
      st = await this.bindNow(session)
    } catch (e) {
      const err = toSyncError(e)
      report.error = { code: err.code, message: err.message }
      return report
    }
    if (!force && st.nextAttemptAt > this.now()) return report
    report.ran = true
    try {
      // A first sign-in's own base goes out before any edit of it: an edit alone (a few fields of a row the
      // team does not have yet) would be refused and the row removed here. So nothing is pushed until the
      // base is queued, which happens once the team's rows are in.
      if ((await this.db.pendingUploads.count()) === 0) {
        const pushed = await this.push(session)
        report.pushed = pushed.pushed
        report.conflicts = pushed.conflicts
      }
      report.pulled = await this.pull(session)
      const uploaded = await this.uploadFirstBind(session)
      if (uploaded > 0) report.uploaded = uploaded
      if ((await this.db.outbox.count()) > 0) {
        const again = await this.push(session)
        report.pushed += again.pushed
        report.conflicts += again.conflicts
      }
      await this.db.syncState.update(STATE_ID, { lastSyncedAt: this.now(), lastError: null, failures: 0, nextAttemptAt: 0 })
    } catch (e) {
      const err = toSyncError(e)
      st = await this.state()
      const failures = st.failures + 1
      // Full jitter so a team's clients coming back together do not hammer the server in step.
      const max = err.code === "offline" ? OFFLINE_BACKOFF_MAX_MS : BACKOFF_MAX_MS
      const ceiling =
        err.code === "client-too-old" || err.code === "unauthorized" ? BACKOFF_MAX_MS : Math.min(max, BACKOFF_BASE_MS * 2 ** (failures - 1))
      const delay = Math.round(ceiling * (0.5 + 0.5 * this.random()))
      await this.db.syncState.update(STATE_ID, {
        lastError: { code: err.code, message: err.message, at: this.now() },
        failures,
        nextAttemptAt: this.now() + delay
      })
      report.error = { code: err.code, message: err.message }
    }
    return report
  }

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
  bind(session: Session, opts: { discardUnsent?: boolean } = {}): Promise<SyncState> {
    return this.enqueue(() => this.bindNow(session, opts.discardUnsent ?? false))
  }

  private async bindNow(session: Session, discardUnsent = false): Promise<SyncState> {
    const boundTo = `${session.serverUrl.replace(/\/+$/, "")}|${session.teamId}`
    const st = await this.state()
    if (st.boundTo === boundTo) return st
    return applyRemote(this.db, REMOTE_STORES, async () => {
      const current = (await this.db.syncState.get(STATE_ID))!
      if (current.boundTo === boundTo) return current
      if (current.boundTo === null) {
        const customerIds = (await this.customers.all()).map((c) => c.id)
        const productIds = (await this.db.products.toCollection().primaryKeys()) as string[]
        if (customerIds.length + productIds.length > 0)
          await this.db.pendingUploads.put({ id: FIRST_BIND, customerIds, productIds, at: this.now() })
      } else {
        const pending = await this.pendingCount()
        // The device's own base, waiting for that team's first pull to finish, is owed to it too.
        const unsentBase = await this.db.pendingUploads.get(FIRST_BIND)
        const owed = pending + (unsentBase ? unsentBase.customerIds.length + unsentBase.productIds.length : 0)
        if (owed > 0 && !discardUnsent) {
          const [server] = current.boundTo.split("|")
          throw new SyncError(
            "pending-other-team",
            `${owed} change(s) made on this device have not reached the team it was signed in to (${server}) yet`
          )
        }
        await this.db.outbox.clear()
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
      await this.db.syncState.put(next)
      return next
    })
  }

  /** Everything replicated, and what was derived from it; the outbox is the caller's business. */
  private async clearLocalBase(): Promise<void> {
    await this.clearReplicatedRows()
    await this.db.recentCustomers.clear()
    await this.db.conflicts.clear()
    await this.db.pendingUploads.clear()
    this.deps.onRemoteChange?.()
  }

  /**
   * After the first pull: the rows this device held before its first sign-in go to the outbox as new rows,
   * except customers whose code the team already has (the team's copy is kept; two records for one
   * customer would split its history). Products clashing on `ref` gave way during the pull already.
   */
  private async uploadFirstBind(session: Session): Promise<number> {
    const snapshot: PendingUpload | undefined = await this.db.pendingUploads.get(FIRST_BIND)
    if (!snapshot) return 0
    return applyRemote(this.db, REMOTE_STORES, async () => {
      const local = new Set(snapshot.customerIds)
      const all = await this.customers.all()
      const codeOf = (c: Customer) => c.code.trim().toUpperCase()
      const teamCodes = new Set(all.filter((c) => !local.has(c.id)).map(codeOf))
      const mine = all.filter((c) => local.has(c.id))
      const duplicates = mine.filter((c) => teamCodes.has(codeOf(c)))
      const send = mine.filter((c) => !teamCodes.has(codeOf(c)))
      if (duplicates.length > 0) await this.customers.remove(duplicates.map((c) => c.id))
      // Edits of these rows since the sign-in are in the whole records sent below: their partial changes go.
      const localProducts = new Set(snapshot.productIds)
      const inSnapshot = (c: OutboxChange) => (c.table === "customers" ? local.has(c.key) : localProducts.has(c.key))
      for (const r of await this.db.outbox.toArray()) {
        if (r.mid !== undefined) continue
        const kept = r.changes.filter((c) => !inSnapshot(c))
        if (kept.length === r.changes.length) continue
        if (kept.length === 0) await this.db.outbox.delete(r.seq!)
        else await this.db.outbox.put({ ...r, n: kept.length, changes: kept })
      }
      // A role that may not write the catalog (an agent) keeps its own lines on this device: sent, they would
      // only come back refused.
      const catalog = this.tables.products
      // (An unknown role is offered nothing a role rule guards.)
      const mayWriteProducts = !catalog || mayWrite(catalog, session.role ?? "")
      const products = mayWriteProducts
        ? (await this.db.products.bulkGet(snapshot.productIds)).filter((p): p is Product => p !== undefined)
        : []
      const at = this.now()
      const changes: OutboxChange[] = [
        ...send.map((c): OutboxChange => ({ table: "customers", op: "put", key: c.id, fields: { ...c } as unknown as RowData })),
        ...products.map((p): OutboxChange => ({ table: "products", op: "put", key: p.id, fields: { ...p } as unknown as RowData }))
      ]
      if (changes.length > 0) await this.db.outbox.bulkAdd(packChanges(changes, at))
      await this.db.pendingUploads.delete(FIRST_BIND)
      await this.db.syncState.update(STATE_ID, {
        firstUpload: { customers: send.length, products: products.length, keptTeamCopies: duplicates.length, at }
      })
      if (duplicates.length > 0) this.deps.onRemoteChange?.()
      return changes.length
    })
  }

  private async request<T>(session: Session, method: "GET" | "POST", path: string, body: unknown, parse: (x: unknown) => T): Promise<T> {
    let res: Response
    try {
      res = await this.fetch(session.serverUrl.replace(/\/+$/, "") + path, {
        method,
        headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
      })
    } catch (e) {
      throw new SyncError("offline", `the server at ${session.serverUrl} cannot be reached (${e instanceof Error ? e.message : String(e)})`)
    }
    const text = await res.text()
    let json: unknown
    try {
      json = text === "" ? {} : JSON.parse(text)
    } catch {
      json = {}
    }
    if (!res.ok) throw errorFromReply(res.status, json)
    try {
      return parse(json)
    } catch (e) {
      throw new SyncError(
        "bad-reply",
        `the server's reply to ${path.split("?")[0]} is not understood: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`
      )
    }
  }

  /** Changes waiting, summed from the `n` index: the changes themselves are not read. */
  async pendingCount(): Promise<number> {
    const counts = (await this.db.outbox.orderBy("n").keys()) as number[]
    return counts.reduce((a, v) => a + v, 0)
  }

  /** Pushes the outbox in batches; changes the server acknowledged leave it in the transaction that stores the new state. */
  async push(session: Session): Promise<{ pushed: number; batches: number; conflicts: number }> {
    const batchSize = Math.min(this.deps.pushBatch ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH)
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
      try {
        res = await this.request(session, "POST", "/sync/push", { clientId, schemaVersion: SCHEMA_VERSION, mutations }, (x) =>
          PushResponse.parse(x)
        )
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
      await this.acknowledge(res.lastMutationId, res.conflicts)
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
    await this.state()
    return this.db.transaction("rw", [this.db.outbox, this.db.syncState], async () => {
      const st = (await this.db.syncState.get(STATE_ID))!
      const records: OutboxEntry[] = []
      let total = 0
      await this.db.outbox
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
        await this.db.outbox.bulkPut(assigned)
        await this.db.syncState.update(STATE_ID, { nextMid })
      }
      const mutations: Mutation[] = []
      for (const e of records) {
        e.changes.forEach((c, i) =>
          mutations.push({ mid: e.mid! + i, table: c.table, op: c.op, key: c.key, ...(c.fields ? { fields: c.fields } : {}) })
        )
      }
      return { mutations: mutations.slice(0, size), clientId: st.clientId }
    })
  }

  private async renumberFrom(lastMutationId: number): Promise<void> {
    await this.db.transaction("rw", [this.db.outbox, this.db.syncState], async () => {
      const rest = await this.db.outbox.orderBy("seq").toArray()
      let next = lastMutationId + 1
      const renumbered: OutboxEntry[] = []
      for (const e of rest) {
        if (e.mid === undefined) continue
        renumbered.push({ ...e, mid: next })
        next += e.n
      }
      await this.db.outbox.bulkPut(renumbered)
      await this.db.syncState.update(STATE_ID, { nextMid: next })
    })
  }

  /** Removes the changes up to `lastMutationId` from the outbox; a record acknowledged in part keeps its rest. */
  private async dropAcknowledged(lastMutationId: number): Promise<void> {
    const done = await this.db.outbox.where("mid").belowOrEqual(lastMutationId).toArray()
    const whole = done.filter((e) => e.mid! + e.n - 1 <= lastMutationId).map((e) => e.seq!)
    const partial = done.filter((e) => e.mid! + e.n - 1 > lastMutationId)
    if (whole.length > 0) await this.db.outbox.bulkDelete(whole)
    for (const e of partial) {
      const k = lastMutationId - e.mid! + 1
      await this.db.outbox.put({ ...e, mid: lastMutationId + 1, n: e.n - k, changes: e.changes.slice(k) })
    }
  }

  /**
   * Takes the oldest change of the outbox out (the server refused it as invalid; nothing of that request
   * was applied) and keeps it with the refused changes. Its mid stays unused: the next push meets a gap and
   * numbers the rest again from what the server says it has, never from what this device believes.
   */
  private async setAsideFirst(m: Mutation, message: string): Promise<boolean> {
    return applyRemote(this.db, REMOTE_STORES, async () => {
      const first = await this.db.outbox.orderBy("seq").first()
      if (!first || first.mid !== m.mid) return false
      if (first.n === 1) await this.db.outbox.delete(first.seq!)
      else await this.db.outbox.put({ ...first, mid: first.mid + 1, n: first.n - 1, changes: first.changes.slice(1) })
      const mine =
        m.table === "customers"
          ? (((await this.customers.getMany([m.key]))[0] as unknown as RowData | undefined) ?? null)
          : m.table === "products"
            ? (((await this.db.products.get(m.key)) as unknown as RowData | undefined) ?? null)
            : null
      // The local record stays as it is (the team's row is not known here); the next pull of that row replaces it.
      await this.db.conflicts.add({ mid: m.mid, table: m.table, key: m.key, reason: "invalid", message, serverRow: null, at: this.now(), mine })
      return true
    })
  }

  private async acknowledge(lastMutationId: number, conflicts: readonly Conflict[]): Promise<void> {
    await applyRemote(this.db, REMOTE_STORES, async () => {
      await this.dropAcknowledged(lastMutationId)
      const st = (await this.db.syncState.get(STATE_ID))!
      await this.db.syncState.update(STATE_ID, { lastMutationId: Math.max(st.lastMutationId, lastMutationId) })
      if (conflicts.length === 0) return
      const at = this.now()
      // The local record as it stands, refused change included: what "restore mine" writes back.
      const customerKeys = conflicts.filter((c) => c.table === "customers").map((c) => c.key)
      const mineCustomers = new Map((await this.customers.getMany(customerKeys)).map((c) => [c.id, c as unknown as RowData]))
      const productKeys = conflicts.filter((c) => c.table === "products").map((c) => c.key)
      const mineProducts = new Map(
        (await this.db.products.bulkGet(productKeys))
          .filter((p): p is Product => p !== undefined)
          .map((p) => [p.id, p as unknown as RowData])
      )
      const mine = (c: Conflict) =>
        (c.table === "customers" ? mineCustomers.get(c.key) : c.table === "products" ? mineProducts.get(c.key) : undefined) ?? null
      await this.db.conflicts.bulkAdd(conflicts.map((c) => ({ ...c, at, mine: mine(c) })))
      // The refused change is in the local base: put the server's row back (or remove what it does not have).
      await this.writeRows(conflicts.map((c) => c.serverRow ?? { table: c.table, key: c.key, version: 0, deleted: true, data: null }))
    })
  }

  /** Pulls until caught up; returns the number of rows received. */
  async pull(session: Session): Promise<number> {
    const limit = Math.min(this.deps.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT)
    const applyEvery = this.deps.applyEvery ?? 10_000
    const st = await this.state()
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
        const res = await this.request(session, "GET", `/sync/pull?${q}`, undefined, (x) => PullResponse.parse(x))
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
          writing = this.applyPage(rows, at.cursor, at.version, at.lastMutationId).then(() => this.deps.onProgress?.(done))
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
    if (pulled > 0) this.deps.onRemoteChange?.()
    return pulled
  }

  /** The server purged deletes this base may have missed: drop what was pulled (the outbox stays) and start over. */
  private async wipe(): Promise<void> {
    await applyRemote(this.db, REMOTE_STORES, async () => {
      // A first sign-in's own rows are on this device only (not yet sent): they stay for the upload.
      const snapshot = await this.db.pendingUploads.get(FIRST_BIND)
      const ownCustomers = snapshot ? await this.customers.getMany(snapshot.customerIds) : []
      const ownProducts = snapshot ? (await this.db.products.bulkGet(snapshot.productIds)).filter((p): p is Product => p !== undefined) : []
      await this.clearReplicatedRows()
      if (ownCustomers.length > 0) await this.customers.upsert(ownCustomers)
      if (ownProducts.length > 0) await this.db.products.bulkPut(ownProducts)
      await this.db.syncState.update(STATE_ID, { cursor: "", pulledVersion: 0 })
    })
    this.deps.onRemoteChange?.()
  }

  /** Customers and products, with what derives from them (lookup buckets, the count). */
  private async clearReplicatedRows(): Promise<void> {
    await this.db.customerSegments.clear()
    await this.db.lookupBuckets.clear()
    await this.db.meta.delete("customerCount")
    await this.db.products.clear()
  }

  private async applyPage(rows: readonly ServerRow[], cursor: string, version: number, lastMutationId: number | undefined): Promise<void> {
    await applyRemote(this.db, REMOTE_STORES, async () => {
      if (lastMutationId !== undefined) await this.dropAcknowledged(lastMutationId)
      await this.writeRows(rows)
      const patch: Partial<SyncState> = { cursor, pulledVersion: version }
      if (lastMutationId !== undefined) {
        const st = (await this.db.syncState.get(STATE_ID))!
        patch.lastMutationId = Math.max(st.lastMutationId, lastMutationId)
      }
      await this.db.syncState.update(STATE_ID, patch)
    })
  }

  /**
   * Writes server rows into the local base, with this client's pending changes to the same rows replayed on
   * top through the server's own rules, so a pull never hides an edit that is still on its way.
   * Must run inside an `applyRemote` transaction.
   */
  private async writeRows(rows: readonly ServerRow[]): Promise<void> {
    if (rows.length === 0) return
    const latest = new Map<string, ServerRow>()
    for (const r of rows) {
      const id = rowId(r.table, r.key)
      const seen = latest.get(id)
      if (!seen || seen.version <= r.version) latest.set(id, r)
    }
    const pendingByRow = new Map<string, Mutation[]>()
    if ((await this.db.outbox.count()) > 0) {
      // All pending changes, oldest first: few once pushed (a pull follows a push); read whole, kept by row.
      for (const e of await this.db.outbox.orderBy("seq").toArray()) {
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
      const def = this.tables[row.table]
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
    if (customerDeletes.length > 0) await this.customers.remove(customerDeletes)
    if (customerPuts.length > 0) await this.customers.upsert(customerPuts)
    if (productDeletes.length > 0) await this.db.products.bulkDelete(productDeletes)
    if (productPuts.length > 0) {
      // `ref` is unique locally but not on the server: a same-ref line under another id (imported here before
      // signing in) gives way to the server's, or the pull would fail on it forever.
      const ids = new Set(productPuts.map((p) => p.id))
      const clashing = (
        await this.db.products
          .where("ref")
          .anyOf(productPuts.map((p) => p.ref))
          .primaryKeys()
      ).filter((id) => !ids.has(id))
      if (clashing.length > 0) await this.db.products.bulkDelete(clashing)
      await this.db.products.bulkPut(productPuts)
    }
  }

  /** The changes the server refused, newest first, for the user to look at. */
  async conflicts(limit = 50) {
    return this.db.conflicts.orderBy("id").reverse().limit(limit).toArray()
  }

  /**
   * The user's answer to a refused change. "team": the server's version stays (it is in the base already).
   * "mine": this device's record is written back as a new local change, pushed at the next sync, where the
   * server's rules judge it again; offered only where they can accept it (not for a role the table refuses).
   */
  async resolveConflict(id: number, choice: "team" | "mine"): Promise<{ resolved: boolean; requeued: boolean }> {
    return this.db.transaction(
      "rw",
      [this.db.conflicts, this.db.customerSegments, this.db.lookupBuckets, this.db.meta, this.db.products],
      async () => {
        const c = await this.db.conflicts.get(id)
        if (!c) return { resolved: false, requeued: false }
        let requeued = false
        if (choice === "mine") {
          if (!canRestore(c)) throw new SyncError("rejected", `this change cannot be sent again (${c.reason}): ${c.message}`)
          if (c.table === "customers") await this.customers.upsert([c.mine as unknown as Customer])
          else await this.db.products.put(c.mine as unknown as Product)
          requeued = true
        }
        await this.db.conflicts.delete(id)
        return { resolved: true, requeued }
      }
    )
  }
}
