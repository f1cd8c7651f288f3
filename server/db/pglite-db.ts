import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs"
import { dirname, resolve } from "node:path"

import { PGlite } from "@electric-sql/pglite"

import { BatchError, int8, preparedName, type Db, type Queryable } from "./db"

export interface PgliteDbOptions {
  dataDir: string
  /**
   * Commits reach the disk before they return (fsync), as on PostgreSQL. Default true; tests turn it off for
   * speed (a crash of the process still loses nothing, a power loss may lose the last commits).
   */
  durable?: boolean
}

/**
 * PGlite persisted to a directory. PGlite itself takes no lock on it and two processes writing the same
 * directory corrupt it, so the server holds `<dataDir>.lock` (its pid inside) while it runs.
 */
export async function openPgliteDb(opts: PgliteDbOptions): Promise<Db> {
  const dataDir = resolve(opts.dataDir)
  mkdirSync(dirname(dataDir), { recursive: true })
  const lock = acquireLock(`${dataDir}.lock`)
  let pglite: PGlite
  try {
    const durable = opts.durable ?? true
    pglite = await PGlite.create({ dataDir, parsers: { 20: (v: string) => int8(v) }, ...(durable ? { startParams: DURABLE_START_PARAMS } : {}) })
    if (durable) makeFsyncReachTheDisk(pglite)
  } catch (err) {
    lock.release()
    throw err
  }
  // Parameters as literals need `'` to be the only special character in them.
  const [scs] = (await pglite.query<{ standard_conforming_strings: string }>("SHOW standard_conforming_strings")).rows
  const statements = preparedStatements(pglite, scs?.standard_conforming_strings === "on")
  const run = async <R extends object>(q: Pick<PGlite, "query">, sql: string, params: readonly unknown[] | undefined, inTransaction: boolean) => {
    const execute = await statements.execute(sql, params, inTransaction)
    return (await (execute === null ? q.query<R>(sql, params as unknown[] | undefined) : q.query<R>(execute))).rows
  }

  return {
    kind: "pglite",
    query: (sql, params) => run(pglite, sql, params, false),
    transaction: (fn) => pglite.transaction((t) => fn({ query: (sql, params) => run(t, sql, params, true) } satisfies Queryable)),
    // In the same process: no round trip to save, one transaction is what matters (one WAL flush).
    batch: <R extends object>(statements: readonly { sql: string; params?: readonly unknown[] }[]) =>
      pglite.transaction(async (t) => {
        const out: R[][] = []
        for (const [i, s] of statements.entries()) {
          try {
            out.push(await run<R>(t, s.sql, s.params, true))
          } catch (err) {
            throw new BatchError(i, err)
          }
        }
        return out
      }),
    async exec(sql) {
      await pglite.exec(sql)
    },
    async close() {
      try {
        await pglite.close()
      } finally {
        lock.release()
      }
    }
  }
}

/**
 * The statements marked `prepared` (db.ts), PREPAREd once in this database and then run as `EXECUTE name(…)`:
 * PGlite parses and plans in the server's own thread, slower than PostgreSQL (a push's read: ~0.4–0.8 ms
 * planned each time, ~0.27 ms executed from a prepared statement). PGlite's API has no named statements, so
 * the parameters become literals: only strings without NUL, finite numbers, booleans and nulls, quoted the
 * standard way (standard_conforming_strings is on: only `'` is special), else the statement runs as usual.
 * A statement is PREPAREd by a call outside any transaction (a PREPARE waits for a running transaction to end,
 * and one inside a transaction must never wait for it); calls inside one use it once it exists.
 */
function preparedStatements(pglite: PGlite, enabled: boolean) {
  const ready = new Set<string>()
  const preparing = new Map<string, Promise<void>>()
  return {
    /** The EXECUTE that runs `sql` with `params`, or null to run it as it is. */
    async execute(sql: string, params: readonly unknown[] | undefined, inTransaction: boolean): Promise<string | null> {
      const name = enabled ? preparedName(sql) : undefined
      if (name === undefined) return null
      const args = literals(params ?? [])
      if (args === null) return null
      if (!ready.has(name)) {
        if (inTransaction) return null
        let p = preparing.get(name)
        if (!p) {
          p = pglite.exec(`PREPARE ${name} AS ${sql}`).then(() => void ready.add(name))
          preparing.set(name, p)
          void p.catch(() => preparing.delete(name))
        }
        try {
          await p
        } catch {
          return null // the statement itself is wrong: running it says how
        }
      }
      return args.length ? `EXECUTE ${name}(${args.join(", ")})` : `EXECUTE ${name}`
    }
  }
}

function literals(params: readonly unknown[]): string[] | null {
  const out: string[] = []
  for (const v of params) {
    if (v === null || v === undefined) out.push("NULL")
    else if (typeof v === "boolean") out.push(v ? "'true'" : "'false'")
    else if (typeof v === "number" && Number.isFinite(v)) out.push(`'${String(v)}'`)
    else if (typeof v === "string" && !v.includes("\u0000")) out.push(`'${v.replace(/'/g, "''")}'`)
    else return null
  }
  return out
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off), and its Emscripten file system makes `fdatasync` (the WAL's
 * default sync method on Linux) a no-op: a commit is written to the OS's cache but never forced to the disk,
 * so a power loss can lose acknowledged pushes (a killed process cannot: the cache survives it). Without
 * `-F`, with `wal_sync_method=fsync`, and with Emscripten's NODEFS passing `fsync` on to Node, every commit
 * (and every checkpoint) is fsynced as on PostgreSQL. Checked with `strace -f -e trace=fsync`: none before,
 * one or more per commit after.
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=fsync"]

function makeFsyncReachTheDisk(pglite: PGlite): void {
  const nodefs = (pglite.Module as unknown as { NODEFS?: { stream_ops?: { fsync?: unknown } } }).NODEFS
  if (!nodefs?.stream_ops) throw new Error("this PGlite build has no NODEFS: cannot make its commits durable (see server/db/pglite-db.ts)")
  nodefs.stream_ops.fsync = (stream: { nfd?: number }) => {
    if (stream.nfd !== undefined) fsyncSync(stream.nfd)
    return 0
  }
}

export class DataDirLockedError extends Error {}

/** Takes the lock file, or throws if a live process holds it; a lock left by a dead process is taken over. */
export function acquireLock(path: string): { release(): void } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx")
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return {
        release() {
          try {
            if (readFileSync(path, "utf8").trim() === String(process.pid)) unlinkSync(path)
          } catch {
            // Already gone: nothing to release.
          }
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err
    }
    let holder = NaN
    try {
      holder = Number.parseInt(readFileSync(path, "utf8").trim(), 10)
    } catch {
      continue // removed between our open and read: try again
    }
    if (Number.isInteger(holder) && holder > 0 && isLiveServer(holder)) {
      throw new DataDirLockedError(
        `${path} is held by process ${holder}${holder === process.pid ? " (this process)" : ""}: another Comptoir server uses this DATA_DIR. Stop it, or use another DATA_DIR.`
      )
    }
    // Stale: its process is gone. Remove and race for it again with O_EXCL, so two starters cannot both win.
    try {
      unlinkSync(path)
    } catch {
      // Someone else took it over first; the next open tells.
    }
  }
  throw new DataDirLockedError(`could not take ${path}`)
}

function isLiveServer(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"
  }
  // After a crash the pid may have been reused by an unrelated program: only a node process counts.
  try {
    return /node|tsx/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"))
  } catch {
    return true
  }
}
