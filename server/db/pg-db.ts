import pg from "pg"

import { int8, type Db, type ListenHandlers, type Queryable } from "./db"

export interface PgDbOptions {
  connectionString: string
  max?: number
  /** Every connection starts with this search_path (tests run each in their own schema). */
  schema?: string
  /** Tests only: commits do not wait for the WAL flush; a crash may lose the last commits, never corrupt. */
  asyncCommit?: boolean
}

export async function openPgDb(opts: PgDbOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    options: [opts.schema ? `-c search_path=${opts.schema}` : "", opts.asyncCommit ? "-c synchronous_commit=off" : ""].join(" ").trim() || undefined,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === pg.types.builtins.INT8 ? int8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
    }
  })
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {})
  const client = await pool.connect().catch((err: unknown) => {
    void pool.end()
    throw new Error(`cannot connect to PostgreSQL at ${redact(opts.connectionString)}: ${err instanceof Error ? err.message : String(err)}`)
  })
  client.release()

  const run = async <R extends object>(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await q.query(sql, params as unknown[] | undefined)).rows as R[]

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
    async exec(sql) {
      await pool.query(sql)
    },
    close: () => pool.end(),
    listen: (channels, handlers) => listen(opts.connectionString, channels, handlers)
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
