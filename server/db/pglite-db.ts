import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs"
import { dirname, resolve } from "node:path"

import { PGlite } from "@electric-sql/pglite"

import { BatchError, int8, type Db, type Queryable } from "./db"

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
  const run = async <R extends object>(q: Pick<PGlite, "query">, sql: string, params?: readonly unknown[]) =>
    (await q.query<R>(sql, params as unknown[] | undefined)).rows

  return {
    kind: "pglite",
    query: (sql, params) => run(pglite, sql, params),
    transaction: (fn) => pglite.transaction((t) => fn({ query: (sql, params) => run(t, sql, params) } satisfies Queryable)),
    // In the same process: no round trip to save, one transaction is what matters (one WAL flush).
    batch: <R extends object>(statements: readonly { sql: string; params?: readonly unknown[] }[]) =>
      pglite.transaction(async (t) => {
        const out: R[][] = []
        for (const [i, s] of statements.entries()) {
          try {
            out.push(await run<R>(t, s.sql, s.params))
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
