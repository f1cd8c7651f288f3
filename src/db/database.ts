import Dexie, { type Table } from "dexie"

import type { OutcomeDraft } from "~src/domain/calls/outcome-draft"
import type { Customer, Product } from "~src/domain/customers/customer.schema"
import type { CustomerMemory } from "~src/domain/orders/types"
import type { Conflict, RowData } from "~src/domain/sync/protocol"
import type { CallRecord } from "~src/domain/telephony/call-record"

import { outboxMiddleware, type OutboxEntry } from "./outbox"
import { PLAIN_TABLE_INDEXES, type PlainRows, type RowVersion } from "./replicated-tables"

/** Up to ~100 customers (at 100k) of one segment, as JSON: see README.md for why not one record each. */
export interface CustomerSegment {
  id: number
  /** Customer[] as JSON. */
  json: string
  count: number
  /**
   * Never stored: what this write changes, handed by the repository (which parsed the segment already) to
   * the outbox middleware, which strips it. Without it the middleware parses both versions to diff them.
   */
  changes?: SegmentChanges
}

export interface SegmentChanges {
  put: { before: Customer | undefined; after: Customer }[]
  removed: string[]
}

/** Lookup key ("t:+33…", "e:…", "c:…") → customer ids, for the keys that hash to this bucket, as JSON. */
export interface LookupBucket {
  id: number
  json: string
}

export interface RecentCustomer {
  customerId: string
  openedAt: number
}

export interface MetaRecord {
  key: string
  value: number
}

/** What the sync client must remember across service-worker deaths (one record, id "state"). */
export interface SyncState {
  id: "state"
  /** This database's identity towards the server it is bound to; a new one per server/team. */
  clientId: string
  /** "server URL|team id" the cursor and mids belong to; another server or team starts over. */
  boundTo: string | null
  cursor: string
  /** The next mid to give an outbox entry at its first push. */
  nextMid: number
  /** The last mid the server acknowledged (entries up to it are out of the outbox). */
  lastMutationId: number
  /** The team version the local base holds (from the last pull). */
  pulledVersion: number
  lastSyncedAt: number | null
  /** `status`: the HTTP status of a server that answered with a failure (the sync line names it). */
  lastError: { code: string; message: string; at: number; status?: number } | null
  /** Consecutive failures, for the backoff; 0 after a success. */
  failures: number
  nextAttemptAt: number
  schemaVersion: number
  /** What the first sign-in sent from this device's own base (shown once in the options page). */
  firstUpload?: { customers: number; products: number; keptTeamCopies: number; at: number } | null
}

/**
 * The rows this device held when its base was first bound to a team: sent once the team's rows are in, so
 * a customer the team has already (same code) is not sent twice. Kept in IndexedDB: the first pull of a
 * large base can outlive a service worker.
 */
export interface PendingUpload {
  id: "first-bind"
  customerIds: string[]
  productIds: string[]
  /** Plain tables' rows (calls, scripts, documents) the device held before its first sign-in, by table. */
  plain?: Record<string, string[]>
  at: number
}

/** A change the server refused, kept with the server's row until the user has seen it. */
export interface StoredConflict extends Conflict {
  id?: number
  at: number
  /** This device's record as it stood with the refused change, before the server's row replaced it. */
  mine?: RowData | null
}

/** A secret of the extension (the SIP password): IndexedDB of the extension's origin, never chrome.storage.local. */
export interface SecretRecord {
  key: string
  value: string
}

/**
 * The team-server session, token included (one record, id "session"). Here and not in chrome.storage.local,
 * which content scripts can read: a content script runs at the page's origin and cannot open this database.
 * Survives a browser restart like the rest of the base.
 */
export interface SessionRecord {
  id: "session"
  serverUrl: string
  token: string
  expiresAt: string
  user: { id: string; email: string; name: string; role: string }
  team: { id: string; name: string }
}

/**
 * A session token this device threw away (a leftover of an older version, a sign-out the server could not
 * hear), kept in the `sessions` table until its server confirms the revocation or the token expires.
 */
export interface RevocationRecord {
  id: `revoke:${string}`
  serverUrl: string
  token: string
  /** When the server stops accepting it anyway: then there is nothing left to revoke. */
  expiresAt: string
}

/**
 * The team's members as the server last listed them (`GET /team/members`), kept in the `sessions` table beside the
 * session (one record, id "team-members"): a worker started offline still knows whom a sales rep may be. Read only
 * for the same server and team.
 */
export interface TeamMembersRecord {
  id: "team-members"
  serverUrl: string
  teamId: string
  at: number
  members: { email: string; name: string; active: boolean; canOverride?: boolean }[]
}

/** What the agent's reviews of captured orders taught about one customer (src/domain/orders/types.ts). */
export interface OrderMemoryRecord {
  customerCode: string
  memory: CustomerMemory
  updatedAt: number
}

/**
 * The extension's IndexedDB, opened only from extension pages and the background (never from a content
 * script: its IndexedDB would be the page's). Versions are only ever appended.
 */
export class ComptoirDb extends Dexie {
  customerSegments!: Table<CustomerSegment, number>
  lookupBuckets!: Table<LookupBucket, number>
  products!: Table<Product, string>
  recentCustomers!: Table<RecentCustomer, string>
  meta!: Table<MetaRecord, string>
  outbox!: Table<OutboxEntry, number>
  syncState!: Table<SyncState, string>
  conflicts!: Table<StoredConflict, number>
  pendingUploads!: Table<PendingUpload, string>
  sessions!: Table<SessionRecord | RevocationRecord | TeamMembersRecord, string>
  // Softphone (issue #9): calls are append-only; secrets hold what must not sit in chrome.storage (the SIP password).
  calls!: Table<CallRecord, string>
  secrets!: Table<SecretRecord, string>
  // Replicated one record per row (src/db/replicated-tables.ts): call outcomes, scripts, sales documents.
  callLogs!: Table<PlainRows["callLogs"], string>
  callScripts!: Table<PlainRows["callScripts"], string>
  quotes!: Table<PlainRows["quotes"], string>
  orders!: Table<PlainRows["orders"], string>
  invoices!: Table<PlainRows["invoices"], string>
  creditNotes!: Table<PlainRows["creditNotes"], string>
  payments!: Table<PlainRows["payments"], string>
  customerPrices!: Table<PlainRows["customerPrices"], string>
  rowVersions!: Table<RowVersion, string>
  // Call outcomes (issue #9): what the outcome form holds until it is saved or discarded.
  outcomeDrafts!: Table<OutcomeDraft, string>
  // Orders from email (issue #11): what the agent's reviews taught about each customer, this device only.
  orderMemories!: Table<OrderMemoryRecord, string>

  constructor(name = "comptoir") {
    super(name)
    this.version(1).stores({
      customerSegments: "id",
      lookupBuckets: "id",
      products: "id, &ref",
      recentCustomers: "customerId, openedAt",
      meta: "key"
    })
    // Sync (issue #3): the outbox is filled by the middleware below, in the transaction of each local write.
    this.version(2).stores({
      outbox: "++seq, mid, [table+key]",
      syncState: "id",
      conflicts: "++id"
    })
    this.version(3).stores({
      pendingUploads: "id"
    })
    // Packed outbox (one record per up to 500 changes): an entry of version 2 becomes a record of one change.
    this.version(4)
      .stores({ outbox: "++seq, mid, n" })
      .upgrade((tx) =>
        tx
          .table("outbox")
          .toCollection()
          .modify((e: Record<string, unknown>) => {
            if (Array.isArray(e.changes)) return
            e.changes = [{ table: e.table, op: e.op, key: e.key, ...(e.fields ? { fields: e.fields } : {}) }]
            e.n = 1
            delete e.table
            delete e.op
            delete e.key
            delete e.fields
          })
      )
    // The session leaves chrome.storage.local (issue #8); `SessionStore` moves an existing one here.
    this.version(5).stores({
      sessions: "id"
    })
    // Softphone (issue #9).
    this.version(6).stores({
      calls: "id, startedAt, customerId, number",
      secrets: "key"
    })
    // Call outcomes, scripts and documents (issues #9, #10), replicated like the rest.
    const { teamSettings: teamSettingsIndexes, customerPrices: customerPricesIndexes, ...v7 } = PLAIN_TABLE_INDEXES
    this.version(7).stores({ ...v7, rowVersions: "id" })
    // The team's settings (issue #10): the seller identity printed on quotes and invoices.
    this.version(8).stores({ teamSettings: teamSettingsIndexes })
    // Call outcomes (issue #9): outcomes not saved yet, device-local (never replicated: not in the outbox).
    this.version(9).stores({
      outcomeDrafts: "id, createdAt"
    })
    // Orders captured from email (issue #11): the extractor's memory per customer code, this device only.
    this.version(10).stores({ orderMemories: "customerCode" })
    // Per-customer pricing (issue #10): a customer's discount and special prices, replicated.
    this.version(11).stores({ customerPrices: customerPricesIndexes })
    // One call, one outcome (issue #9): a call already logged is found by its telephony call id.
    this.version(12).stores({ callLogs: "id, customerId, startedAt, callbackAt, callId" })
    this.use(outboxMiddleware())
  }
}

let shared: ComptoirDb | undefined

export function getDb(): ComptoirDb {
  shared ??= new ComptoirDb()
  return shared
}
