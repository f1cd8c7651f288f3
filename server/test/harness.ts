import { randomBytes } from "node:crypto"
import { cpSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import pg from "pg"

import { newId } from "../../src/domain/ids"
import { SCHEMA_VERSION, type Mutation, type PullResponse, type PushResponse } from "../../src/domain/sync/protocol"
import type { Role, TableRegistry } from "../../src/domain/sync/tables"
import { buildApp, type App } from "../app"
import { createTeam, createUser, issueToken } from "../auth/users"
import { testConfig, type Config } from "../config"
import type { Db } from "../db/db"
import { migrate } from "../db/migrate"
import { openPgDb } from "../db/pg-db"
import { openPgliteDb } from "../db/pglite-db"

import { pgliteTemplateDir, TEST_PG_URL, type BackendName } from "./databases"

export { pgliteTemplateDir, TEST_PG_URL, type BackendName }

export interface Backend {
  db: Db
  dispose(): Promise<void>
}

export async function openPgliteBackend(): Promise<Backend> {
  const template = await pgliteTemplateDir()
  const dir = mkdtempSync(join(tmpdir(), "comptoir-test-"))
  const dataDir = join(dir, "pglite")
  cpSync(template, dataDir, { recursive: true })
  // Like PostgreSQL's asyncCommit below: no fsync per commit in tests (a crash of the process loses nothing).
  const db = await openPgliteDb({ dataDir, durable: false })
  await migrate(db)
  return {
    db,
    async dispose() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A schema of its own in the test database, dropped afterwards, so runs never see each other's rows. */
export async function openPostgresBackend(): Promise<Backend> {
  let admin = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 })
  try {
    try {
      await admin.connect()
    } catch (err) {
      // A fresh cluster has no "test" database yet: make it from the maintenance database.
      if ((err as { code?: string }).code !== "3D000") throw err
      const maintenance = new pg.Client({ connectionString: TEST_PG_URL.replace(/\/[^/?]+(\?|$)/, "/postgres$1"), connectionTimeoutMillis: 3000 })
      await maintenance.connect()
      await maintenance.query(`CREATE DATABASE ${new URL(TEST_PG_URL).pathname.slice(1)}`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e // created meanwhile by a parallel run
      })
      await maintenance.end()
      admin = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 })
      await admin.connect()
    }
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_PG_URL} (${err instanceof Error ? err.message : String(err)}). ` +
        `Start it (pg_ctlcluster --skip-systemctl-redirect 15 main start; .ci/run does) or set COMPTOIR_SKIP_PG=1 to skip these tests knowingly.`
    )
  }
  const schema = `comptoir_test_${randomBytes(6).toString("hex")}`
  await admin.query(`CREATE SCHEMA ${schema}`)
  const db = await openPgDb({ connectionString: TEST_PG_URL, schema, max: 8, asyncCommit: true })
  await migrate(db)
  return {
    db,
    async dispose() {
      await db.close()
      await admin.query(`DROP SCHEMA ${schema} CASCADE`)
      await admin.end()
    }
  }
}

export function openBackend(name: BackendName): Promise<Backend> {
  return name === "pglite" ? openPgliteBackend() : openPostgresBackend()
}

export const skipPostgres = process.env.COMPTOIR_SKIP_PG === "1"

export interface TestUser {
  id: string
  email: string
  role: Role
  token: string
}

export interface TestTeam {
  id: string
  admin: TestUser
  manager: TestUser
  agent: TestUser
  agent2: TestUser
}

export class TestServer {
  private constructor(
    readonly backend: Backend,
    readonly built: App,
    readonly config: Config
  ) {}

  static async start(name: BackendName, opts: { tables?: TableRegistry; config?: Partial<Config> } = {}): Promise<TestServer> {
    const backend = await openBackend(name)
    // The webhook tests post to a receiver on 127.0.0.1, which production refuses (target-guard.ts).
    const config = testConfig({ webhook: { retryBaseMs: 40, maxAttempts: 4, timeoutMs: 2000, pollMs: 50 }, webhookAllowPrivate: true, ...opts.config })
    const built = await buildApp({ db: backend.db, config, logger: false, ...(opts.tables ? { tables: opts.tables } : {}) })
    await built.app.ready()
    return new TestServer(backend, built, config)
  }

  private listening: Promise<string> | undefined
  /** The server on a real socket (127.0.0.1, a free port), for tests that speak HTTP from outside. */
  url(): Promise<string> {
    // Another suite may have started listening on the same app already: reuse its address.
    const address = this.app.server.listening ? this.app.server.address() : null
    if (address && typeof address === "object") return Promise.resolve(`http://127.0.0.1:${address.port}`)
    this.listening ??= this.app.listen({ port: 0, host: "127.0.0.1" })
    return this.listening
  }

  get db(): Db {
    return this.backend.db
  }

  get app() {
    return this.built.app
  }

  async close(): Promise<void> {
    await this.app.close()
    await this.backend.dispose()
  }

  /** A team with one user per role, tokens issued directly (no scrypt: hundreds of teams stay fast). */
  async team(label = "team"): Promise<TestTeam> {
    const suffix = newId().slice(-12)
    const teamId = await createTeam(this.db, `${label} ${suffix}`)
    const make = async (role: Role, name: string): Promise<TestUser> => {
      const email = `${name}-${suffix}@test.comptoir.test`
      const user = await createUser(this.db, { teamId, email, name, role, password: null })
      const { token } = await issueToken(this.db, "session", { userId: user.id, teamId }, 3_600_000)
      return { id: user.id, email, role, token }
    }
    return { id: teamId, admin: await make("admin", "admin"), manager: await make("manager", "manager"), agent: await make("agent", "agent"), agent2: await make("agent", "agent2") }
  }

  async request(method: "GET" | "POST" | "PUT" | "DELETE", url: string, token?: string, body?: unknown) {
    const res = await this.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object })
    })
    return { status: res.statusCode, body: res.body ? (safeJson(res.body) as Record<string, unknown>) : {}, headers: res.headers }
  }

  async push(token: string, clientId: string, mutations: Mutation[], schemaVersion = SCHEMA_VERSION) {
    const res = await this.request("POST", "/sync/push", token, { clientId, schemaVersion, mutations })
    if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body as unknown as PushResponse
  }

  async pull(token: string, cursor = "", limit = 500, clientId?: string) {
    const q = new URLSearchParams({ cursor, limit: String(limit), ...(clientId ? { clientId } : {}) })
    const res = await this.request("GET", `/sync/pull?${q}`, token)
    if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body as unknown as PullResponse
  }

  /** Every row of a team as stored, for comparisons. */
  async rowsOf(teamId: string) {
    return this.db.query<{ table_name: string; id: string; data: Record<string, unknown> | null; version: number; deleted: boolean }>(
      "SELECT table_name, id, data, version, deleted FROM rows WHERE team_id = $1 ORDER BY table_name, id",
      [teamId]
    )
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return { raw: s }
  }
}

export function clientId(): string {
  return `c-${randomBytes(8).toString("hex")}`
}

/**
 * One device per user, its mids numbered from 1 in the order pushed: what the extensions' outboxes send. The
 * server refuses a mid out of order, so tests that push as several users share this instead of keeping counters.
 */
export class Devices {
  private readonly byUser = new Map<string, { clientId: string; mid: number }>()
  constructor(private readonly server: () => TestServer) {}

  /** Pushes these changes from the user's device, numbered after the ones it pushed before. */
  push(user: TestUser, changes: ReadonlyArray<Omit<Mutation, "mid">>) {
    const device = this.byUser.get(user.email) ?? { clientId: clientId(), mid: 0 }
    this.byUser.set(user.email, device)
    return this.server().push(user.token, device.clientId, changes.map((c) => ({ ...c, mid: ++device.mid }) as Mutation))
  }
}
