import { cpSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { createTeam, createUser, issueToken, setPassword } from "./auth/users"
import { migrate } from "./db/migrate"
import { openPgliteDb } from "./db/pglite-db"
import { pgliteTemplateDir } from "./test/harness"
import { spawnServer, type ServerProcess } from "./test/processes"

const PASSWORD = "a-secret-nobody-logs-42"

/** What an operator reads: the real server process at LOG_LEVEL=info, its stdout, while clients use it. */
describe("the server's logs at info level", () => {
  let dir: string
  let server: ServerProcess
  let token: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "comptoir-logs-"))
    const dataDir = join(dir, "pglite")
    cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
    const db = await openPgliteDb({ dataDir })
    await migrate(db)
    const teamId = await createTeam(db, "Logs")
    const user = await createUser(db, { teamId, email: "agent@logs.test", name: "Agent", role: "agent", password: null })
    await setPassword(db, user.id, PASSWORD)
    token = (await issueToken(db, "session", { userId: user.id, teamId }, 3_600_000)).token
    await db.close()
    server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: "info" }).ready
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it("show each request but never the SSE ticket, the bearer token or the password", async () => {
    const ticketReply = await fetch(`${server.url}/sync/events/ticket`, { method: "POST", headers: { authorization: `Bearer ${token}` } })
    expect(ticketReply.status).toBe(200)
    const { ticket } = (await ticketReply.json()) as { ticket: string }
    // The extension's EventSource carries the ticket in the URL, the only place it can put it.
    const abort = new AbortController()
    const stream = await fetch(`${server.url}/sync/events?ticket=${encodeURIComponent(ticket)}`, { signal: abort.signal })
    expect(stream.status).toBe(200)
    abort.abort()
    // A ticket refused (already used, or guessed) is logged as well, with its 401.
    expect((await fetch(`${server.url}/sync/events?ticket=${encodeURIComponent(ticket)}`)).status).toBe(401)
    const login = await fetch(`${server.url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "agent@logs.test", password: PASSWORD }) })
    expect(login.status).toBe(200)
    const { token: second } = (await login.json()) as { token: string }
    await new Promise((r) => setTimeout(r, 300))

    const out = server.output()
    expect(out).toMatch(/\/sync\/events/)
    expect(out).toMatch(/\/auth\/login/)
    expect(out).toMatch(/ticket=\[Redacted\]/)
    expect(out).not.toContain(ticket)
    expect(out).not.toContain(encodeURIComponent(ticket))
    expect(out).not.toContain(token)
    expect(out).not.toContain(second)
    expect(out).not.toContain(PASSWORD)
  })
})
