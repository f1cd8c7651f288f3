import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from "dexie"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import type { RowData } from "~src/domain/sync/protocol"

import type { CustomerSegment, SegmentChanges } from "./database"
import { PLAIN_TABLES, type PlainTable } from "./replicated-tables"

/** One local change waiting for the server. */
export interface OutboxChange {
  table: "customers" | "products" | PlainTable
  op: "put" | "delete"
  key: string
  /** put: the top-level fields that changed (the whole record on creation), so LWW-per-field keeps others' edits. */
  fields?: RowData
}

/**
 * Local changes waiting for the server, packed: one record holds up to OUTBOX_PACK changes of one write
 * (an import of 100,000 customers is 200 records, not 100,000: IndexedDB's cost is per record). `seq`
 * orders records (IndexedDB's key generator); the protocol's mids are given at the first push attempt,
 * `mid` for the first change and the next ones in order, so mids stay gapless per client id even when a
 * transaction aborts or the user signs in to another server (which starts a new client at mid 1).
 */
export interface OutboxEntry {
  seq?: number
  /** The first change's mid, set once the record was first sent: a retry reuses them, the server skips mids it already applied. */
  mid?: number
  /** changes.length, indexed: the pending count is read from the index without loading the changes. */
  n: number
  changes: OutboxChange[]
  createdAt: number
}

export const OUTBOX_PACK = 500

/** Changes as outbox records of at most OUTBOX_PACK each. */
export function packChanges(changes: readonly OutboxChange[], createdAt: number): OutboxEntry[] {
  const out: OutboxEntry[] = []
  for (let i = 0; i < changes.length; i += OUTBOX_PACK) {
    const part = changes.slice(i, i + OUTBOX_PACK)
    out.push({ n: part.length, changes: part, createdAt })
  }
  return out
}

/** Tables whose writes are replicated, and the store their changes are recorded in. */
const TRACKED_STORES = new Set<string>(["customerSegments", "products", ...PLAIN_TABLES])
export const OUTBOX_STORE = "outbox"
const STATE_STORE = "syncState"

/** Marks a transaction as applying server changes: the middleware lets it through unrecorded. */
const REMOTE = Symbol("comptoir.remote")
type Marked = DBCoreTransaction & { [REMOTE]?: true }

export function markRemote(trans: DBCoreTransaction): void {
  ;(trans as Marked)[REMOTE] = true
}

/**
 * Runs `fn` in one read-write transaction on `tables` whose writes are NOT recorded in the outbox: the path
 * for rows that came from the server (recording them would push them back, forever).
 */
export async function applyRemote<T>(db: Dexie, tables: readonly string[], fn: () => Promise<T>): Promise<T> {
  return db.transaction("rw", [...tables], async (tx) => {
    markRemote(tx.idbtrans as DBCoreTransaction)
    return fn()
  })
}

/** Per top-level field: what `after` changed compared with `before` (the whole record when there was none). */
export function changedFields(before: RowData | undefined, after: RowData): RowData | null {
  if (!before) return { ...after }
  const out: RowData = {}
  let any = false
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) {
      out[k] = v
      any = true
    }
  }
  return any ? out : null
}

function segmentCustomers(s: CustomerSegment | undefined): Map<string, Customer> {
  if (!s) return new Map()
  return new Map((JSON.parse(s.json) as Customer[]).map((c) => [c.id, c]))
}

/** Keys a delete or deleteRange request removes, read in the same transaction. */
async function deletedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  if (req.type === "delete") return req.keys
  if (req.type === "deleteRange") {
    const res = await table.query({ trans: req.trans, query: { index: table.schema.primaryKey, range: req.range }, values: false })
    return res.result
  }
  return []
}

/** What a segment write changes, when the repository did not say: both versions of the segment, compared. */
function diffSegments(before: Map<string, Customer>, after: Map<string, Customer>): SegmentChanges {
  return {
    put: [...after.values()].map((c) => ({ before: before.get(c.id), after: c })),
    removed: [...before.keys()].filter((id) => !after.has(id))
  }
}

function recordCustomerChanges(changes: SegmentChanges, out: OutboxChange[]): void {
  for (const { before, after } of changes.put) {
    const fields = changedFields(before as RowData | undefined, after as unknown as RowData)
    if (fields) out.push({ table: "customers", op: "put", key: after.id, fields })
  }
  for (const id of changes.removed) out.push({ table: "customers", op: "delete", key: id })
}

/** The changes the repository handed over with the segments (no parsing), or null when one lacks them. */
function handedChanges(values: readonly CustomerSegment[]): OutboxChange[] | null {
  if (!values.every((v) => v.changes)) return null
  const out: OutboxChange[] = []
  for (const v of values) recordCustomerChanges(v.changes!, out)
  return out
}

/** The same write without the repository's hints: they are for the middleware, never stored. */
function withoutHints(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if ((req.type !== "add" && req.type !== "put") || !req.values.some((v: CustomerSegment) => v.changes !== undefined)) return req
  return { ...req, values: req.values.map(({ changes: _c, ...v }: CustomerSegment) => v) }
}

async function changesFor(table: DBCoreTable, req: DBCoreMutateRequest): Promise<OutboxChange[]> {
  const out: OutboxChange[] = []
  if (req.type === "add" || req.type === "put") {
    if (table.name === "customerSegments") {
      const handed = handedChanges(req.values as CustomerSegment[])
      if (handed) return handed
    }
    const keys = req.values.map((v: { id: unknown }) => v.id)
    const previous = (await table.getMany({ trans: req.trans, keys })) as (CustomerSegment | Product | undefined)[]
    if (table.name === "customerSegments") {
      req.values.forEach((v: CustomerSegment, i) => recordCustomerChanges(diffSegments(segmentCustomers(previous[i] as CustomerSegment | undefined), segmentCustomers(v)), out))
    } else {
      // Products and the plain tables: the Dexie table is the server table, one record per row.
      const name = table.name as OutboxChange["table"]
      req.values.forEach((v: { id: string }, i) => {
        const fields = changedFields(previous[i] as RowData | undefined, v as unknown as RowData)
        if (fields) out.push({ table: name, op: "put", key: v.id, fields })
      })
    }
    return out
  }
  const keys = await deletedKeys(table, req)
  if (keys.length === 0) return out
  if (table.name === "customerSegments") {
    const previous = (await table.getMany({ trans: req.trans, keys })) as (CustomerSegment | undefined)[]
    for (const s of previous) recordCustomerChanges(diffSegments(segmentCustomers(s), new Map()), out)
  } else {
    const name = table.name as OutboxChange["table"]
    for (const k of keys) out.push({ table: name, op: "delete", key: String(k) })
  }
  return out
}

/**
 * Records every local write of a replicated table into the outbox in the same IndexedDB transaction, so a
 * change and its record commit or abort together (what Dexie Cloud's mutation-tracking middleware does).
 * Read-write transactions touching a tracked table get the outbox added to their scope.
 */
export function outboxMiddleware(now: () => number = Date.now): Middleware<DBCore> {
  return {
    stack: "dbcore",
    name: "outbox",
    // Below Dexie's own middlewares (lowest is -1): they read Dexie's zone, which our awaits would lose.
    level: -10,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const tracked = mode === "readwrite" && stores.some((s) => TRACKED_STORES.has(s))
          const scope = tracked ? [...new Set([...stores, OUTBOX_STORE, STATE_STORE])] : stores
          return down.transaction(scope, mode, options)
        },
        table(name) {
          const table = down.table(name)
          if (!TRACKED_STORES.has(name)) return table
          return {
            ...table,
            async mutate(original) {
              const req = name === "customerSegments" ? withoutHints(original) : original
              if ((req.trans as Marked)[REMOTE]) return table.mutate(req)
              // Not signed in to a team: nothing to replicate yet, and recording 100k imported customers one
              // outbox record each would triple the import's time. The base a device holds at its first
              // sign-in is sent then, once the team's rows are in (SyncEngine.bind / uploadFirstBind).
              const state = (await down.table(STATE_STORE).get({ trans: req.trans, key: "state" })) as { boundTo?: string | null } | undefined
              if (!state?.boundTo) return table.mutate(req)
              const changes = await changesFor(table, original)
              const res = await table.mutate(req)
              // A write that failed (a duplicate product ref) changed nothing: record nothing for its batch
              // either, rather than push a change the local base does not hold.
              if (res.numFailures > 0) return res
              if (changes.length > 0) await down.table(OUTBOX_STORE).mutate({ type: "add", trans: req.trans, values: packChanges(changes, now()) })
              return res
            }
          }
        }
      }
    }
  }
}
