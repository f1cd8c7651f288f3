import { spawnSync } from "node:child_process"
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterAll, describe, expect, it } from "vitest"

import { SCHEMA_VERSION, type PushResponse } from "../src/domain/sync/protocol"
import { createTeam, createUser, issueToken } from "./auth/users"
import type { Db } from "./db/db"
import { migrate } from "./db/migrate"
import { openPgDb } from "./db/pg-db"
import { openPgliteDb } from "./db/pglite-db"
import { clientId, pgliteTemplateDir, skipPostgres } from "./test/harness"
import { freshDatabase, spawnServer } from "./test/processes"
import { callLog } from "./test/rows"

/** A team and a session written straight into the database before the server process starts. */
async function prepare(db: Db): Promise<{ teamId: string; token: string }> {
  await migrate(db)
  const teamId = await createTeam(db, "Durability")
  const user = await createUser(db, { teamId, email: "agent@durable.test", name: "Agent", role: "agent", password: null })
  return { teamId, token: (await issueToken(db, "session", { userId: user.id, teamId }, 3_600_000)).token }
}


/** Twenty pushes, one at a time; SIGKILL as soon as the last reply is in. Returns what the client was told. */
async function pushThenKill(env: Record<string, string>, token: string) {
  const server = await spawnServer(env).ready
  const client = clientId()
  let last: PushResponse | undefined
  for (let mid = 1; mid <= 20; mid++) {
    const res = await fetch(`${server.url}/sync/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ clientId: client, schemaVersion: SCHEMA_VERSION, mutations: [{ mid, table: "callLogs", op: "put", key: `call-${mid}`, fields: callLog(`call-${mid}`) }] })
    })
    expect(res.status).toBe(200)
    last = (await res.json()) as PushResponse
  }
  await server.kill9()
  expect(server.child.signalCode).toBe("SIGKILL")
  return { client, last: last! }
}

async function expectAllThere(db: Db, teamId: string, client: string, last: PushResponse): Promise<void> {
  const [state] = await db.query<{ version: number; calls: number; last_mutation_id: number }>(
    `SELECT t.version, (SELECT count(*)::int FROM rows WHERE team_id = $1 AND table_name = 'callLogs') AS calls,
       (SELECT last_mutation_id FROM clients WHERE client_id = $2) AS last_mutation_id
     FROM teams t WHERE t.team_id = $1`,
    [teamId, client]
  )
  expect(state).toEqual({ version: last.version, calls: 20, last_mutation_id: 20 })
}

describe("an acknowledged push survives kill -9 of the server process", () => {
  const dirs: string[] = []
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })

  it("on PGlite", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-durable-"))
    dirs.push(dir)
    const dataDir = join(dir, "pglite")
    cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
    const before = await openPgliteDb({ dataDir })
    const { teamId, token } = await prepare(before)
    await before.close()

    const { client, last } = await pushThenKill({ DATA_DIR: dataDir }, token)

    // The dead server's lock file is still there: taken over, since its process is gone.
    const after = await openPgliteDb({ dataDir })
    try {
      await expectAllThere(after, teamId, client, last)
    } finally {
      await after.close()
    }
  }, 240_000)

  it.skipIf(skipPostgres)("on PostgreSQL", async () => {
    const database = await freshDatabase("durable")
    try {
      const before = await openPgDb({ connectionString: database.url, max: 2 })
      const { teamId, token } = await prepare(before)
      await before.close()

      const { client, last } = await pushThenKill({ DATABASE_URL: database.url }, token)

      const after = await openPgDb({ connectionString: database.url, max: 2 })
      try {
        await expectAllThere(after, teamId, client, last)
      } finally {
        await after.close()
      }
    } finally {
      await database.drop()
    }
  }, 240_000)
})

const hasStrace = spawnSync("strace", ["-V"]).status === 0

// Never skipped quietly: npm test's preflight and .ci/run install strace; run alone without it, this says so.
if (!hasStrace) throw new Error("server/durability.test.ts needs strace: apt-get install -y strace")

describe("PGlite's commits on disk", () => {
  it("fsyncs each push before its reply (seen with strace)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-fsync-"))
    try {
      const dataDir = join(dir, "pglite")
      cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
      const before = await openPgliteDb({ dataDir })
      const { token } = await prepare(before)
      await before.close()

      const log = join(dir, "strace.log")
      const traced = spawnServer({ DATA_DIR: dataDir }, { wrapper: ["strace", "-f", "-ttt", "-e", "trace=fsync,fdatasync", "-o", log] })
      const server = await traced.ready
      const client = clientId()
      const windows: [number, number][] = []
      for (let mid = 1; mid <= 5; mid++) {
        const start = Date.now() / 1000
        const res = await fetch(`${server.url}/sync/push`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ clientId: client, schemaVersion: SCHEMA_VERSION, mutations: [{ mid, table: "callLogs", op: "put", key: `call-${mid}`, fields: callLog(`call-${mid}`) }] })
        })
        expect(res.status).toBe(200)
        windows.push([start, Date.now() / 1000])
      }
      // strace writes its log when the traced server exits; SIGTERM goes to the server, strace's child.
      const serverPid = Number(readFileSync(`/proc/${traced.child.pid}/task/${traced.child.pid}/children`, "utf8").trim().split(" ")[0])
      process.kill(serverPid, "SIGTERM")
      expect(await traced.exited).toBe(0)
      const syncs = readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => / f(data)?sync\(\d+\)\s+= 0/.test(l))
        .map((l) => Number(l.split(/\s+/)[1]))
      for (const [start, end] of windows) expect(syncs.filter((t) => t >= start && t <= end).length, `fsync between ${start} and ${end}`).toBeGreaterThan(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})

describe("the PGlite data directory across processes", () => {
  it("refuses a second server process on the same DATA_DIR with a clear message, and lets it start once the first is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-lock-"))
    try {
      const dataDir = join(dir, "pglite")
      cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
      const first = await spawnServer({ DATA_DIR: dataDir }).ready
      const second = spawnServer({ DATA_DIR: dataDir })
      expect(await second.exited).toBe(1)
      expect(second.output()).toMatch(new RegExp(`${dataDir}\\.lock is held by process ${first.child.pid}: another Comptoir server uses this DATA_DIR`))
      // The first one is untouched by the attempt.
      expect((await fetch(`${first.url}/health`)).status).toBe(200)
      await first.stop()
      const third = await spawnServer({ DATA_DIR: dataDir }).ready
      expect((await fetch(`${third.url}/health`)).status).toBe(200)
      await third.stop()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})
