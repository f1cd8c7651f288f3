import pg from "pg"

import { int8, type Db, type Queryable } from "./db"

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
    close: () => pool.end()
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")
}
