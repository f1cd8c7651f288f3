import pg from "pg"

import { BatchError, int8, preparedName, type Db, type ListenHandlers, type Queryable, type Statement } from "./db"

export interface PgDbOptions {
  connectionString: string
  max?: number
  /** Every connection starts with this search_path (tests run each in their own schema). */
  schema?: string
  /** Tests only: commits do not wait for the WAL flush; a crash may lose the last commits, never corrupt. */
  asyncCommit?: boolean
}

export async function openPgDb(opts: PgDbOptions): Promise<Db> {
  const poolConfig = {
    connectionString: opts.connectionString,
    options: [opts.schema ? `-c search_path=${opts.schema}` : "", opts.asyncCommit ? "-c synchronous_commit=off" : ""].join(" ").trim() || undefined,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === pg.types.builtins.INT8 ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
    }
  }
  const pool = new pg.Pool({ ...poolConfig, max: opts.max ?? 10 })
  // Batches only: pg's pipeline mode writes every queued statement at once instead of one per answer. Kept
  // apart so that nothing else runs on a pipelined connection. Opened on the first batch.
  let pipelined: pg.Pool | undefined
  const pipelinedPool = () => {
    if (!pipelined) {
      pipelined = new pg.Pool({ ...poolConfig, max: 4, pipeline: true } as pg.PoolConfig)
      pipelined.on("error", () => {})
    }
    return pipelined
  }
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {})
  const client = await pool.connect().catch((err: unknown) => {
    void pool.end()
    throw new Error(`cannot connect to PostgreSQL at ${redact(opts.connectionString)}: ${err instanceof Error ? err.message : String(err)}`)
  })
  client.release()

  const run = async <R extends object>(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await q.query(statement(sql, params))).rows as R[]

  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const conn = await pool.connect()
      const tx: Queryable = { query: (sql, params) => run(conn, sql, params) }
      try {
        await conn.query("BEGIN")
        const result = await fn(tx)
        await conn.query("COMMIT")
        return result
      } catch (err) {
        await conn.query("ROLLBACK").catch(() => {})
        throw err
      } finally {
        conn.release()
      }
    },
    batch: <R extends object>(statements: readonly Statement[]) => runBatch<R>(pipelinedPool(), statements),
    async exec(sql) {
      await pool.query(sql)
    },
    close: async () => {
      await pool.end()
      await pipelined?.end()
    },
    listen: (channels, handlers) => listen(opts.connectionString, channels, handlers)
  }
}

/** A named statement (parsed and planned once per connection) for the ones marked `prepared`, else a plain one. */
function statement(sql: string, params?: readonly unknown[]): pg.QueryConfig {
  const name = preparedName(sql)
  return { text: sql, ...(params ? { values: params as unknown[] } : {}), ...(name ? { name } : {}) }
}

/** 25P02: "current transaction is aborted": a statement after the one that failed, skipped. */
const IN_FAILED_TRANSACTION = "25P02"

/**
 * BEGIN, the statements and COMMIT written at once. Each carries its own Sync, so a failure does not discard the
 * rest of the pipeline: the statements after it answer 25P02, the COMMIT answers ROLLBACK, and the first
 * other error names the statement that failed.
 */
async function runBatch<R extends object>(pool: pg.Pool, statements: readonly Statement[]): Promise<R[][]> {
  const conn = await pool.connect()
  let broken: Error | undefined
  try {
    // pg writes each statement to the socket as it is queued (one write each, a system call and a wake-up of
    // the backend apiece); corked, the whole batch leaves in one write.
    const socket = (conn as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection?.stream
    socket?.cork?.()
    let sent: Promise<pg.QueryResult>[]
    try {
      sent = [conn.query("BEGIN"), ...statements.map((s) => conn.query(statement(s.sql, s.params))), conn.query("COMMIT")]
    } finally {
      socket?.uncork?.()
    }
    const settled = await Promise.allSettled(sent)
    const commit = settled.at(-1)!
    const failed = settled.findIndex((r) => r.status === "rejected" && (r.reason as { code?: string }).code !== IN_FAILED_TRANSACTION)
    if (failed < 0 && commit.status === "fulfilled" && (commit.value as pg.QueryResult).command === "COMMIT") {
      return settled.slice(1, -1).map((r) => (r as PromiseFulfilledResult<pg.QueryResult>).value.rows as R[])
    }
    const reason = failed >= 0 ? (settled[failed] as PromiseRejectedResult).reason : new Error("the batch's COMMIT did not commit")
    // The statement's own error: the connection is sound, the transaction is over (COMMIT rolled it back).
    // BEGIN or COMMIT failing, or no statement to blame: not known to be sound, so it is dropped.
    const index = failed >= 1 && failed <= statements.length ? failed - 1 : -1
    if (index < 0) broken = reason instanceof Error ? reason : new Error(String(reason))
    else if (commit.status === "rejected") broken = commit.reason as Error
    throw new BatchError(index, reason)
  } catch (err) {
    if (!(err instanceof BatchError)) broken = err instanceof Error ? err : new Error(String(err))
    throw err
  } finally {
    conn.release(broken)
  }
}

const LISTEN_RETRY_MAX_MS = 10_000

/** A dedicated connection (a pooled one would be handed to queries and lose the LISTEN). */
async function listen(connectionString: string, channels: readonly string[], h: ListenHandlers): Promise<() => Promise<void>> {
  let current: pg.Client | undefined
  let stopped = false
  let retryMs = 250
  let timer: NodeJS.Timeout | undefined

  const connect = async (first: boolean) => {
    const c = new pg.Client({ connectionString, keepAlive: true, application_name: "comptoir-listen" })
    c.on("notification", (m) => {
      if (channels.includes(m.channel) && m.payload !== undefined) h.onNotify(m.channel, m.payload)
    })
    // An error is followed by "end"; reconnecting happens there, once.
    c.on("error", (err) => h.onError(err))
    c.on("end", () => {
      if (current !== c) return
      current = undefined
      if (!stopped) retry()
    })
    try {
      await c.connect()
      for (const channel of channels) await c.query(`LISTEN ${c.escapeIdentifier(channel)}`)
    } catch (err) {
      await c.end().catch(() => {})
      throw err
    }
    if (stopped) return void (await c.end())
    current = c
    retryMs = 250
    if (!first) h.onReconnect()
  }
  const retry = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      connect(false).catch((err: unknown) => {
        h.onError(err)
        if (!stopped) retry()
      })
    }, retryMs)
    timer.unref()
    retryMs = Math.min(retryMs * 2, LISTEN_RETRY_MAX_MS)
  }

  await connect(true)
  return async () => {
    stopped = true
    clearTimeout(timer)
    const c = current
    current = undefined
    await c?.end()
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")
}
