import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { readdirSync } from "node:fs"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "../src/domain/demo/demo-data"
import { SCHEMA_VERSION, type Mutation, type PushResponse } from "../src/domain/sync/protocol"
import { buildApp } from "./app"
import { createTeam, createUser, issueToken } from "./auth/users"
import { testConfig } from "./config"
import type { Db } from "./db/db"
import { MIGRATIONS_DIR } from "./db/migrate"
import { openPgDb } from "./db/pg-db"
import { runAdmin } from "./test/admin-processes"
import { clientId, skipPostgres } from "./test/harness"
import { freshDatabase, pokeStream, spawnServer, type ServerProcess } from "./test/processes"
import { callLog } from "./test/rows"

const customer = generateCustomers({ count: 1 }).map(({ writtenPhones: _w, ...c }) => c)[0]!

async function push(url: string, token: string, client: string, mutations: Mutation[]): Promise<PushResponse> {
  const res = await fetch(`${url}/sync/push`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ clientId: client, schemaVersion: SCHEMA_VERSION, mutations })
  })
  if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`)
  return (await res.json()) as PushResponse
}

/** `promise`, or a rejection naming `what` after `ms`: a poke that never comes fails the test instead of hanging it. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms)))
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

describe.skipIf(skipPostgres)("two server processes on one PostgreSQL", () => {
  let database: { url: string; drop(): Promise<void> }
  let a: ServerProcess
  let b: ServerProcess
  let db: Db
  let teamId: string
  let userId: string
  let token: string

  beforeAll(async () => {
    database = await freshDatabase("multi")
    // Both at once on an empty database: they race for the migrations.
    // The receiver is on 127.0.0.1, which a production server refuses as a webhook target.
    const env = { DATABASE_URL: database.url, WEBHOOK_RETRY_BASE_MS: "100", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_ALLOW_PRIVATE: "1" }
    ;[a, b] = await Promise.all([spawnServer(env).ready, spawnServer(env).ready])
    db = await openPgDb({ connectionString: database.url, max: 4 })
    teamId = await createTeam(db, "Two processes")
    const user = await createUser(db, { teamId, email: "agent@multi.test", name: "Agent", role: "agent", password: null })
    userId = user.id
    token = (await issueToken(db, "session", { userId: user.id, teamId }, 3_600_000)).token
  }, 120_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await db?.close()
    await database?.drop()
  })

  it("migrates once when both start at the same time on an empty database", async () => {
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql"))
    const applied = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY id")
    expect(applied.map((r) => r.name)).toEqual(files.sort())
    for (const p of [a, b]) expect(await (await fetch(`${p.url}/health`)).json()).toMatchObject({ ok: true, db: "postgres" })
  })

  it("pokes a client of process B after a push through process A", async () => {
    const onB = await pokeStream(b.url, token)
    const head = await onB.next()
    const pushed = await push(a.url, token, clientId(), [{ mid: 1, table: "customers", op: "put", key: "k1", fields: { ...customer, id: "k1" } }])
    expect(pushed.version).toBeGreaterThan(head)
    expect(await onB.next()).toBe(pushed.version)
    await onB.close()
  })

  it("still pokes B's client after B's listening connection was cut", async () => {
    const onB = await pokeStream(b.url, token)
    await onB.next()
    const cut = await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'comptoir-listen'")
    expect(cut).toHaveLength(2) // one listener per process
    const pushed = await push(a.url, token, clientId(), [{ mid: 1, table: "customers", op: "put", key: "k2", fields: { ...customer, id: "k2" } }])
    // The notification may be lost while B reconnects; its catch-up after reconnecting pokes the head.
    expect(await onB.until(pushed.version)).toBe(pushed.version)
    await onB.close()
  })

  /**
   * Process A in this test process, on a database wrapper that breaks as asked: as if A died (or lost
   * PostgreSQL) right after a push's commit, or as if the commit itself failed.
   */
  async function faultyProcessA(fault: "dies-after-commit" | "commit-fails") {
    const real = await openPgDb({ connectionString: database.url, max: 4 })
    let dead = false
    // A push's write is either a transaction or one statement committing by itself (sync-service.ts, "lock
    // last"): the one statement that bumps the team's version breaks the same way as a transaction's commit.
    const bumpsVersion = (sql: string) => /UPDATE teams SET version = version \+ 1/.test(sql)
    const faulty: Db = {
      ...real,
      async query<R extends object>(sql: string, params?: readonly unknown[]): Promise<R[]> {
        if (dead) throw new Error("the process lost its database")
        if (!bumpsVersion(sql)) return real.query<R>(sql, params)
        if (fault === "commit-fails") {
          return real.transaction(async (tx) => {
            await tx.query<R>(sql, params)
            throw new Error("the commit failed")
          })
        }
        const result = await real.query<R>(sql, params)
        dead = true
        return result
      },
      async transaction(fn) {
        if (fault === "commit-fails") {
          return real.transaction(async (tx) => {
            await fn(tx)
            throw new Error("the commit failed")
          })
        }
        const result = await real.transaction(fn)
        dead = true
        return result
      }
    }
    const built = await buildApp({ db: faulty, config: testConfig({ webhookAllowPrivate: true }), logger: false })
    await built.app.ready()
    return {
      push: (client: string, key: string) =>
        built.app.inject({
          method: "POST",
          url: "/sync/push",
          headers: { authorization: `Bearer ${token}` },
          payload: { clientId: client, schemaVersion: SCHEMA_VERSION, mutations: [{ mid: 1, table: "customers", op: "put", key, fields: { ...customer, id: key } }] }
        }),
      async close() {
        dead = false
        await built.app.close()
        await real.close()
      }
    }
  }

  it("pokes B's client even when process A loses the database right after a push's commit (the NOTIFY is part of the commit)", async () => {
    const a2 = await faultyProcessA("dies-after-commit")
    const onB = await pokeStream(b.url, token)
    try {
      const head = await onB.next()
      const res = await a2.push(clientId(), "k-commit-then-crash")
      expect(res.statusCode).toBe(200)
      const version = (res.json() as PushResponse).version
      expect(version).toBeGreaterThan(head)
      expect(await within(5_000, "the poke on B", onB.next())).toBe(version)
    } finally {
      await onB.close()
      await a2.close()
    }
  })

  it("never pokes for a push whose transaction rolled back, and pokes each committed push once", async () => {
    const a2 = await faultyProcessA("commit-fails")
    const onB = await pokeStream(b.url, token)
    try {
      const head = await onB.next()
      const failed = await a2.push(clientId(), "k-rolled-back")
      expect(failed.statusCode).toBe(500)
      // The rolled-back push took version head + 1 and gave it back: the next push commits with that same
      // number, so a poke sent for the rolled-back one would show here as that version twice.
      const first = await push(a.url, token, clientId(), [{ mid: 1, table: "customers", op: "put", key: "k-after-1", fields: { ...customer, id: "k-after-1" } }])
      const second = await push(a.url, token, clientId(), [{ mid: 1, table: "customers", op: "put", key: "k-after-2", fields: { ...customer, id: "k-after-2" } }])
      expect(first.version).toBe(head + 1)
      expect([await within(5_000, "first poke", onB.next()), await within(5_000, "second poke", onB.next())]).toEqual([first.version, second.version])
      expect((await db.query("SELECT 1 FROM rows WHERE team_id = $1 AND id = 'k-rolled-back'", [teamId])).length).toBe(0)
    } finally {
      await onB.close()
      await a2.close()
    }
  })

  describe("a session ended on one process", () => {
    const me = (p: ServerProcess, t: string) => fetch(`${p.url}/auth/me`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status)

    it("is refused on the other within a second after a logout (not at the end of its 10 s cache)", async () => {
      const t = (await issueToken(db, "session", { userId, teamId }, 3_600_000)).token
      expect(await me(b, t)).toBe(200) // B now holds it in its cache
      expect(await me(b, t)).toBe(200)
      const out = await fetch(`${a.url}/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${t}` } })
      expect(out.status).toBe(204)
      await expect.poll(() => me(b, t), { timeout: 1_000, interval: 50 }).toBe(401)
      expect(await me(a, t)).toBe(401)
    })

    it("is refused on both within a second after the admin command disables the user, while another user's session stays", async () => {
      const leaving = await createUser(db, { teamId, email: "leaving@multi.test", name: "Leaving", role: "agent", password: null })
      const t = (await issueToken(db, "session", { userId: leaving.id, teamId }, 3_600_000)).token
      expect([await me(a, t), await me(b, t)]).toEqual([200, 200])
      expect(await me(b, token)).toBe(200)
      const run = await runAdmin({ DATABASE_URL: database.url, LOG_LEVEL: "warn" }, ["disable-user", "leaving@multi.test"])
      expect(run).toMatchObject({ code: 0 })
      await expect.poll(async () => [await me(a, t), await me(b, t)], { timeout: 1_000, interval: 50 }).toEqual([401, 401])
      expect(await me(b, token)).toBe(200)
    }, 60_000) // the admin command starts a process of its own

    it("is refused on the other within a second after a password change ended the user's other sessions", async () => {
      const changer = await createUser(db, { teamId, email: "changer@multi.test", name: "Changer", role: "agent", password: "the old password" })
      const here = (await issueToken(db, "session", { userId: changer.id, teamId }, 3_600_000)).token
      const elsewhere = (await issueToken(db, "session", { userId: changer.id, teamId }, 3_600_000)).token
      expect(await me(b, elsewhere)).toBe(200)
      const res = await fetch(`${a.url}/auth/change-password`, {
        method: "POST",
        headers: { authorization: `Bearer ${here}`, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: "the old password", newPassword: "a brand new password" })
      })
      expect(res.status).toBe(200)
      await expect.poll(() => me(b, elsewhere), { timeout: 1_000, interval: 50 }).toBe(401)
      expect(await me(b, here)).toBe(200)
    }, 30_000)
  })

  it("stops parallel failed sign-ins split across both processes at the account's limit", async () => {
    await createUser(db, { teamId, email: "victim@multi.test", name: "Victim", role: "agent", password: "the right password" })
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const res = await fetch(`${(i % 2 ? a : b).url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "victim@multi.test", password: `guess ${i}` }) })
        return res.status
      })
    )
    // Ten failures allowed per account (the default), wherever they land; the rest refused before scrypt.
    expect(statuses.filter((s) => s === 401)).toHaveLength(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(20)
    for (const p of [a, b]) {
      const right = await fetch(`${p.url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "victim@multi.test", password: "the right password" }) })
      expect(right.status).toBe(429)
      expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(800)
    }
  }, 60_000) // ten scrypt checks on a busy machine

  describe("webhook deliveries", () => {
    let receiver: Server
    let hookUrl: string
    const received: { delivery: string; at: number }[] = []

    beforeAll(async () => {
      // A slow receiver, so both processes' workers are sending at the same time.
      receiver = createServer((req, res) => {
        req.resume()
        req.on("end", () => {
          received.push({ delivery: String(req.headers["x-comptoir-delivery"]), at: Date.now() })
          setTimeout(() => res.writeHead(200).end(), 30)
        })
      })
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
      // Written directly: the admin route is not what is under test here.
      await db.query("INSERT INTO webhooks (team_id, url, secret) VALUES ($1, $2, 'a-secret-a-secret-a-secret')", [teamId, hookUrl])
    })
    afterAll(() => new Promise<void>((r) => receiver.close(() => r())))

    async function waitFor(what: () => Promise<boolean>, ms: number): Promise<void> {
      const deadline = Date.now() + ms
      while (!(await what())) {
        if (Date.now() > deadline) throw new Error("timed out")
        await new Promise((r) => setTimeout(r, 50))
      }
    }

    it("delivers each of N deliveries exactly once with both workers running", async () => {
      received.length = 0
      const N = 60
      // Six pushes of ten call logs, three through each process, all at once: both workers get kicked.
      await Promise.all(
        Array.from({ length: 6 }, (_, p) =>
          push(p % 2 ? a.url : b.url, token, clientId(), Array.from({ length: 10 }, (_, i) => ({ mid: i + 1, table: "callLogs", op: "put" as const, key: `call-${p}-${i}`, fields: callLog(`call-${p}-${i}`) })))
        )
      )
      const [queued] = await db.query<{ ids: string[] }>("SELECT array_agg(delivery_id::text ORDER BY delivery_id) AS ids FROM webhook_deliveries WHERE team_id = $1", [teamId])
      expect(queued!.ids).toHaveLength(N)
      await waitFor(async () => (await db.query("SELECT 1 FROM webhook_deliveries WHERE team_id = $1 AND status = 'delivered'", [teamId])).length === N, 30_000)
      expect(received.map((r) => r.delivery).sort()).toEqual([...queued!.ids].sort())
      const attempts = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_attempts a JOIN webhook_deliveries d USING (delivery_id) WHERE d.team_id = $1", [teamId])
      expect(attempts[0]!.n).toBe(N)
    })

    it("sends a delivery claimed by a process that died again once its lease runs out, with the same delivery id", async () => {
      received.length = 0
      // What a process killed mid-send leaves behind: a pending delivery under its lease.
      const [row] = await db.query<{ delivery_id: number; lease_ends: Date }>(
        `INSERT INTO webhook_deliveries (team_id, event, body, locked_until, lease)
         VALUES ($1, 'callLog.created', '{"id":"dead"}', now() + interval '2 seconds', 'lease-of-a-dead-process')
         RETURNING delivery_id, locked_until AS lease_ends`,
        [teamId]
      )
      await waitFor(async () => received.length > 0, 15_000)
      expect(received).toEqual([{ delivery: String(row!.delivery_id), at: expect.any(Number) }])
      expect(received[0]!.at).toBeGreaterThanOrEqual(row!.lease_ends.getTime() - 50) // clocks of one machine
      await waitFor(async () => (await db.query("SELECT 1 FROM webhook_deliveries WHERE delivery_id = $1 AND status = 'delivered'", [row!.delivery_id])).length === 1, 5_000)
      expect(received).toHaveLength(1)
    })
  })
})
