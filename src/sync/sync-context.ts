import type { CustomerRepository } from "~src/db/customer-repository"
import type { ComptoirDb, SyncState } from "~src/db/database"
import { PLAIN_TABLES } from "~src/db/replicated-tables"
import type { TableRegistry } from "~src/domain/sync/tables"
import type { SyncStatus } from "~src/messaging/contract"

import type { SyncErrorCode } from "./sync-errors"
import type { TeamServer } from "./team-server"

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

/** What the engine knows of the sync status: the contract's `SyncStatus` without the session, plus the due time. */
export type EngineStatus = Pick<SyncStatus, "pending" | "conflicts" | "lastSyncedAt" | "lastError" | "progress" | "firstUpload"> & {
  nextAttemptAt: number
}

export const STATE_ID = "state"
/** Replicated stores a pull or a conflict writes; the outbox and state ride in the same transaction. */
export const REMOTE_STORES = [
  "customerSegments",
  "lookupBuckets",
  "meta",
  "products",
  "outbox",
  "syncState",
  "conflicts",
  "pendingUploads",
  "recentCustomers",
  ...PLAIN_TABLES,
  "rowVersions"
] as const
/** The id of the `pendingUploads` record of a device's first sign-in. */
export const FIRST_BIND = "first-bind"

/** What every unit of the engine shares: the database, the server, the clock, and the state record. */
export interface SyncContext {
  readonly db: ComptoirDb
  readonly deps: SyncEngineDeps
  readonly server: TeamServer
  readonly now: () => number
  readonly tables: TableRegistry
  readonly customers: CustomerRepository
  /** The sync state record, created on first use. */
  state(): Promise<SyncState>
}
