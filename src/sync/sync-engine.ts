import { CustomerRepository } from "~src/db/customer-repository"
import type { ComptoirDb, SyncState } from "~src/db/database"
import { newId } from "~src/domain/ids"
import { SCHEMA_VERSION } from "~src/domain/sync/protocol"
import { TABLES } from "~src/domain/sync/tables"

import { Binding } from "./binding"
import { LocalRows } from "./local-rows"
import { Puller } from "./pull"
import { Pusher } from "./push"
import { RefusedChanges } from "./refused-changes"
import { STATE_ID, type EngineStatus, type Session, type SyncContext, type SyncEngineDeps, type SyncReport } from "./sync-context"
import { toSyncError } from "./sync-errors"
import { TeamServer } from "./team-server"

export type { EngineStatus, PullProgress, Session, SyncEngineDeps, SyncReport } from "./sync-context"
export { refusedIndex } from "./push"

const BACKOFF_BASE_MS = 2_000
const BACKOFF_MAX_MS = 5 * 60_000
/**
 * The backoff spares a server in trouble. When it cannot be reached at all (no network), a probe costs it
 * nothing, and a long wait would only keep what was recorded offline from leaving once the network is back.
 */
const OFFLINE_BACKOFF_MAX_MS = 20_000

/**
 * The client side of the sync protocol over the extension's IndexedDB. Everything that matters (outbox,
 * mids, cursor, errors, backoff) is in IndexedDB and written in the transaction that makes it true, so a
 * service worker killed at any point resumes where it was with a new engine. The only memory state is the
 * queue that keeps two syncs of this context from running at once.
 *
 * One job per unit: `Binding` (which team the base belongs to, a first sign-in's upload), `Pusher` (the
 * outbox out), `Puller` (the team's rows in), `LocalRows` (writing them), `RefusedChanges`, and
 * `TeamServer` (HTTP). This class runs them in order, one operation at a time, and keeps the backoff.
 */
export class SyncEngine {
  private readonly random: () => number
  private readonly ctx: SyncContext
  private readonly pusher: Pusher
  private readonly puller: Puller
  private readonly binding: Binding
  private readonly refused: RefusedChanges
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: SyncEngineDeps) {
    this.random = deps.random ?? Math.random
    this.ctx = {
      db: deps.db,
      deps,
      server: new TeamServer(deps.fetch),
      now: deps.now ?? Date.now,
      tables: deps.tables ?? TABLES,
      customers: new CustomerRepository(deps.db),
      state: () => this.state()
    }
    const rows = new LocalRows(this.ctx)
    this.pusher = new Pusher(this.ctx, rows)
    this.puller = new Puller(this.ctx, rows, this.pusher)
    this.binding = new Binding(this.ctx, rows, this.pusher)
    this.refused = new RefusedChanges(this.ctx)
  }

  private get db(): ComptoirDb {
    return this.deps.db
  }

  private now(): number {
    return this.ctx.now()
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

  async status(): Promise<EngineStatus> {
    const st = await this.state()
    return {
      pending: await this.pusher.pendingCount(),
      conflicts: await this.db.conflicts.count(),
      lastSyncedAt: st.lastSyncedAt,
      lastError: st.lastError,
      nextAttemptAt: st.nextAttemptAt,
      progress: this.puller.progress,
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
      st = await this.binding.bind(session)
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
        const pushed = await this.pusher.push(session)
        report.pushed = pushed.pushed
        report.conflicts = pushed.conflicts
      }
      report.pulled = await this.puller.pull(session)
      const uploaded = await this.binding.uploadFirstBind(session)
      if (uploaded > 0) report.uploaded = uploaded
      if ((await this.db.outbox.count()) > 0) {
        const again = await this.pusher.push(session)
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
        lastError: { code: err.code, message: err.message, at: this.now(), ...(err.status === undefined ? {} : { status: err.status }) },
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
    return this.enqueue(() => this.binding.bind(session, opts.discardUnsent ?? false))
  }

  /** Pushes the outbox now, outside a sync (the bench measures it alone). */
  push(session: Session): Promise<{ pushed: number; batches: number; conflicts: number }> {
    return this.pusher.push(session)
  }

  /** Pulls until caught up, outside a sync; returns the number of rows received. */
  pull(session: Session): Promise<number> {
    return this.puller.pull(session)
  }

  /** Changes waiting, summed from the `n` index: the changes themselves are not read. */
  pendingCount(): Promise<number> {
    return this.pusher.pendingCount()
  }

  /** The changes the server refused, newest first, for the user to look at. */
  conflicts(limit = 50) {
    return this.refused.list(limit)
  }

  /**
   * The user's answer to a refused change. "team": the server's version stays (it is in the base already).
   * "mine": this device's record is written back as a new local change, pushed at the next sync, where the
   * server's rules judge it again; offered only where they can accept it (not for a role the table refuses).
   */
  resolveConflict(id: number, choice: "team" | "mine"): Promise<{ resolved: boolean; requeued: boolean }> {
    return this.refused.resolve(id, choice)
  }
}
