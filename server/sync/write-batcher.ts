import { BatchError, type Db } from "../db/db"

export interface WriteBatcherOptions {
  /**
   * How long the first write of a quiet moment waits for others to join it. 0: until the requests already
   * received have been handled this turn of the event loop (setImmediate), no timer.
   */
  windowMs?: number
  /** At most this many writes in one transaction. */
  maxBatch?: number
}

interface Pending {
  sql: string
  params: readonly unknown[]
  resolve(rows: unknown[]): void
  reject(err: unknown): void
}

interface Lane {
  queue: Pending[]
  timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  busy: boolean
}

/**
 * Group commit for the pushes' locked statement (`sync-service.ts`, `LOCKED_WRITE`). Each such statement takes
 * the team's row lock and keeps it until its commit has been flushed to the WAL, so fifty agents issuing at
 * once wait for fifty flushes in a row. Here the statements of one team that arrive together run in one
 * transaction (`Db.batch`: one round trip on PostgreSQL, one flush): the team's versions and document numbers
 * are still taken one statement after the other under the lock, so they stay consecutive and gapless, and
 * nothing is answered before the commit.
 *
 * The first write of a quiet team waits `windowMs` for company; writes that arrive while a batch is running
 * form the next one, which starts as soon as it ends. One failure fails no other write: a batch that rolls
 * back because of one statement runs that one alone (its own result, success or error, is then its own) and
 * the others again together; a batch that fails as a whole (BEGIN, COMMIT, the connection) runs each alone.
 */
export class WriteBatcher {
  private readonly lanes = new Map<string, Lane>()
  private readonly windowMs: number
  private readonly maxBatch: number

  constructor(
    private readonly db: Db,
    opts: WriteBatcherOptions = {}
  ) {
    this.windowMs = opts.windowMs ?? 2
    this.maxBatch = opts.maxBatch ?? 64
  }

  /** Runs `sql` in a transaction shared with the other writes of `key` (a team) arriving meanwhile. */
  run<R extends object>(key: string, sql: string, params: readonly unknown[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      let lane = this.lanes.get(key)
      if (!lane) this.lanes.set(key, (lane = { queue: [], timer: undefined, busy: false }))
      lane.queue.push({ sql, params, resolve: resolve as (rows: unknown[]) => void, reject })
      if (!lane.busy && !lane.timer) lane.timer = this.windowMs === 0 ? setImmediate(() => this.flush(key)) : setTimeout(() => this.flush(key), this.windowMs)
    })
  }

  private flush(key: string): void {
    const lane = this.lanes.get(key)
    if (!lane) return
    lane.timer = undefined
    if (lane.queue.length === 0) {
      this.lanes.delete(key)
      return
    }
    lane.busy = true
    const taken = lane.queue.splice(0, this.maxBatch)
    void this.runBatch(lane, taken).finally(() => {
      lane.busy = false
      // What arrived during this batch has waited long enough: the next batch starts now.
      if (lane.queue.length > 0) this.flush(key)
      else this.lanes.delete(key)
    })
  }

  private async runBatch(lane: Lane, items: Pending[]): Promise<void> {
    if (items.length === 1) return this.alone(items[0]!)
    try {
      const results = await this.db.batch(items.map((i) => ({ sql: i.sql, params: i.params })))
      items.forEach((item, n) => item.resolve(results[n]!))
    } catch (err) {
      if (err instanceof BatchError && err.index >= 0) {
        // Decided on a state that included the writes before it in this batch, all rolled back: it runs again
        // alone, and the others together, first in the lane.
        const [culprit] = items.splice(err.index, 1)
        lane.queue.unshift(...items)
        void this.alone(culprit!)
        return
      }
      await Promise.all(items.map((i) => this.alone(i)))
    }
  }

  private async alone(item: Pending): Promise<void> {
    try {
      item.resolve(await this.db.query(item.sql, item.params))
    } catch (err) {
      item.reject(err)
    }
  }
}
