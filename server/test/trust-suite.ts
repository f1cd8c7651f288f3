import { beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "../../src/domain/demo/demo-data"
import { SCHEMA_VERSION, type Mutation, type PullResponse } from "../../src/domain/sync/protocol"
import { createUser } from "../auth/users"
import { purgeTombstones } from "../sync/sync-service"
import { clientId, type BackendName, type TestServer, type TestTeam } from "./harness"

const [demo] = generateCustomers({ count: 1 }).map(({ writtenPhones: _w, ...c }) => c)
const customer = (id: string, extra: Record<string, unknown> = {}) => ({ ...demo!, id, ...extra })
const put = (mid: number, table: string, key: string, fields: Record<string, unknown>): Mutation => ({ mid, table, op: "put", key, fields })
const del = (mid: number, table: string, key: string): Mutation => ({ mid, table, op: "delete", key })

/** A value nested `levels` deep, written as JSON text (JSON.stringify itself would overflow the stack). */
function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`
}

/**
 * Issue 8, server side, over real HTTP (the server listens on 127.0.0.1): text a database refuses, deep JSON,
 * the first pull's count, and changing one's own password. `server` is started by the file.
 */
export function trustSuite(_backend: BackendName, server: () => TestServer): void {
  // A describe of its own, so its beforeAll runs when these tests start, not before the other suites.
  describe("issue 8: what a company's server must refuse, count and allow", () => trustTests(server))
}

function trustTests(server: () => TestServer): void {
  let s: TestServer
  let base: string
  beforeAll(async () => {
    s = server()
    base = await s.url()
  })

  async function http(method: string, path: string, token: string | undefined, body: string | object) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body)
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  async function footprint(teamId: string) {
    const [t] = await s.db.query<{ version: number; rows: number; clients: number; tokens: number }>(
      `SELECT version, (SELECT count(*)::int FROM rows WHERE team_id = $1) AS rows, (SELECT count(*)::int FROM clients WHERE team_id = $1) AS clients,
         (SELECT count(*)::int FROM tokens WHERE team_id = $1) AS tokens FROM teams WHERE team_id = $1`,
      [teamId]
    )
    return t!
  }

  describe("text a database cannot store, and deep JSON (from outside, over HTTP)", () => {
    let team: TestTeam
    const c = clientId()
    beforeAll(async () => {
      team = await s.team("bad-text")
      // A client that already pushed once, so "nothing written" also covers its last mutation id.
      await s.push(team.agent.token, c, [put(1, "customers", "ok-1", customer("ok-1"))])
    })

    // JSON.stringify writes a lone surrogate as the escape "\ud83d" and NUL as "\u0000": the bytes a client sends.
    const pushes: [string, Mutation[], string][] = [
      ["a NUL character in a customer's notes", [put(2, "customers", "n1", customer("n1", { notes: "before\u0000after" }))], "/mutations/0/fields/notes"],
      ["half of an emoji in a customer's notes", [put(2, "customers", "n2", customer("n2", { notes: "cut \ud83d" }))], "/mutations/0/fields/notes"],
      ["a NUL character in a tag, inside the tags array", [put(2, "customers", "n3", customer("n3", { tags: ["vip", "b\u0000d"] }))], "/mutations/0/fields/tags/1"],
      ["a low surrogate alone in the second mutation", [put(2, "customers", "n4", customer("n4")), put(3, "customers", "n4", { notes: "\udc00 tail" })], "/mutations/1/fields/notes"],
      ["a NUL character in a field name", [put(2, "callLogs", "l1", { id: "l1", direction: "outbound", number: null, customerId: null, durationSeconds: 0, agent: "a@example.test", outcome: "information-given", startedAt: 1, createdAt: 2, "x\u0000y": 1 })], "/mutations/0/fields/x\\u0000y"]
    ]
    for (const [what, mutations, field] of pushes) {
      it(`answers 400 naming the field for ${what} in a push, and writes nothing`, async () => {
        const before = await footprint(team.id)
        const res = await http("POST", "/sync/push", team.agent.token, { clientId: c, schemaVersion: SCHEMA_VERSION, mutations })
        expect(res.status).toBe(400)
        expect(res.body).toMatchObject({ error: "invalid", field, message: expect.stringContaining(field) })
        expect(res.body.issues).toEqual([{ path: field, message: expect.stringMatching(/NUL|half of a character|cannot be stored/) }])
        expect(await footprint(team.id)).toEqual(before)
      })
    }

    it("answers 400 naming the field for a call log whose extra field nests 20,000 levels, and writes nothing", async () => {
      const before = await footprint(team.id)
      const body = `{"clientId":"${c}","schemaVersion":${SCHEMA_VERSION},"mutations":[{"mid":2,"table":"callLogs","op":"put","key":"deep","fields":{"id":"deep","direction":"outbound","number":null,"customerId":null,"durationSeconds":0,"agent":"a@example.test","outcome":"information-given","startedAt":1,"createdAt":2,"extra":${deepJson(20_000)}}}]}`
      const res = await http("POST", "/sync/push", team.agent.token, body)
      expect(res.status).toBe(400)
      // The 33rd container opens inside "extra": root, mutations, the mutation, fields, extra, then 28 levels of "a".
      expect(res.body).toMatchObject({ error: "invalid", field: `/mutations/0/fields/extra${"/a".repeat(28)}`, message: expect.stringMatching(/deeper than 32 levels/) })
      expect(await footprint(team.id)).toEqual(before)
    })

    it("still stores a call log whose extra field nests a few levels, and every emoji whole", async () => {
      const res = await http("POST", "/sync/push", team.agent.token, {
        clientId: c,
        schemaVersion: SCHEMA_VERSION,
        mutations: [put(2, "callLogs", "fine", { id: "fine", direction: "outbound", number: null, customerId: null, durationSeconds: 0, agent: "a@example.test", outcome: "information-given", startedAt: 1, createdAt: 2, notes: "ok 😀", extra: JSON.parse(deepJson(20)) as object })]
      })
      expect(res).toMatchObject({ status: 200, body: { lastMutationId: 2, applied: 1 } })
      const [row] = await s.db.query<{ data: { notes: string } }>("SELECT data FROM rows WHERE team_id = $1 AND id = 'fine'", [team.id])
      expect(row!.data.notes).toBe("ok 😀")
    })

    const logins: [string, object, string][] = [
      ["a NUL character in the email", { email: "agent\u0000@test.comptoir.test", password: "whatever-password" }, "/email"],
      ["half of an emoji in the email", { email: "agent\ud83d@test.comptoir.test", password: "whatever-password" }, "/email"],
      ["a NUL character in the password", { email: "agent@test.comptoir.test", password: "pass\u0000word-1234" }, "/password"],
      ["half of an emoji in the password", { email: "agent@test.comptoir.test", password: "pass \udbff word" }, "/password"]
    ]
    for (const [what, body, field] of logins) {
      it(`answers 400 naming the field for ${what} at sign-in, and opens no session`, async () => {
        const [{ n: before }] = (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM tokens")) as [{ n: number }]
        const res = await http("POST", "/auth/login", undefined, body)
        expect(res).toMatchObject({ status: 400, body: { error: "invalid", field } })
        const [{ n: after }] = (await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM tokens")) as [{ n: number }]
        expect(after).toBe(before)
      })
    }

    it("refuses a sign-in body over 16 KiB with 413, before any password check", async () => {
      const res = await http("POST", "/auth/login", undefined, { email: "a@test.comptoir.test", password: "x".repeat(20_000) })
      expect(res).toMatchObject({ status: 413, body: { error: "body-too-large" } })
    })

    it("refuses deep JSON on a route without a body schema too, before any handler runs", async () => {
      const res = await http("POST", "/auth/logout", team.agent2.token, deepJson(20_000))
      expect(res).toMatchObject({ status: 400, body: { error: "invalid", field: "/a".repeat(32) } })
      // The token still works: the handler (which revokes it) never ran.
      expect((await s.request("GET", "/auth/me", team.agent2.token)).status).toBe(200)
    })
  })

  describe("a first pull counts what it brings", () => {
    it("skips tombstones on every page of a pull from the start, so the rows add up to the announced total", async () => {
      const t = await s.team("first-pull")
      const c = clientId()
      let mid = 0
      // 40 customers in 8 pushes, then every third deleted, in 4 pushes: tombstones spread over many versions
      // and, at 5 rows a page, over many pages.
      for (let p = 0; p < 8; p++) await s.push(t.agent.token, c, Array.from({ length: 5 }, (_, i) => put(++mid, "customers", `f${p * 5 + i}`, customer(`f${p * 5 + i}`))))
      const deleted = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 3 === 0)
      for (let p = 0; p < 4; p++) await s.push(t.agent.token, c, deleted.slice(p * 4, p * 4 + 4).map((i) => del(++mid, "customers", `f${i}`)))
      // The tombstones are now the newest rows; make some older than live rows too, to be spread in the scan.
      await s.push(t.agent.token, c, [put(++mid, "customers", "late-1", customer("late-1")), put(++mid, "customers", "late-2", customer("late-2"))])

      let cursor = ""
      let total: number | undefined
      const rows: PullResponse["rows"] = []
      let pages = 0
      for (;;) {
        const page = await s.pull(t.agent.token, cursor, 5)
        pages++
        if (pages === 1) total = page.total
        rows.push(...page.rows)
        cursor = page.cursor
        if (!page.hasMore) break
      }
      expect(pages).toBeGreaterThan(5)
      expect(rows.filter((r) => r.deleted)).toEqual([])
      expect(total).toBe(40 - deleted.length + 2)
      expect(rows).toHaveLength(total!)
    })

    it("still sends a delete made during the first pull, since an earlier page may have brought the row", async () => {
      const t = await s.team("first-pull-live")
      const c = clientId()
      await s.push(t.agent.token, c, [put(1, "customers", "a", customer("a")), put(2, "customers", "b", customer("b")), put(3, "customers", "z", customer("z"))])
      const first = await s.pull(t.agent.token, "", 1)
      expect(first.rows.map((r) => r.key)).toEqual(["a"])
      await s.push(t.agent.token, c, [del(4, "customers", "a")])
      const rest: PullResponse["rows"] = []
      let cursor = first.cursor
      for (;;) {
        const page = await s.pull(t.agent.token, cursor, 1)
        rest.push(...page.rows)
        cursor = page.cursor
        if (!page.hasMore) break
      }
      expect(rest.map((r) => [r.key, r.deleted])).toEqual([
        ["b", false],
        ["z", false],
        ["a", true]
      ])
    })

    it("says resetRequired to a cursor from before purged tombstones, though it came from a first pull", async () => {
      const t = await s.team("first-pull-reset")
      const c = clientId()
      await s.push(t.agent.token, c, [put(1, "customers", "r1", customer("r1")), put(2, "customers", "r2", customer("r2"))])
      const first = await s.pull(t.agent.token, "", 1)
      await s.push(t.agent.token, c, [del(3, "customers", "r2")])
      await s.db.query("UPDATE rows SET updated_at = now() - interval '2 days' WHERE team_id = $1 AND deleted", [t.id])
      expect(await purgeTombstones(s.db, 86_400_000)).toBeGreaterThanOrEqual(1)
      expect(await s.pull(t.agent.token, first.cursor)).toMatchObject({ resetRequired: true, rows: [] })
    })
  })

  describe("changing one's own password", () => {
    let team: TestTeam
    let email: string
    const password = "first password 1"
    beforeAll(async () => {
      team = await s.team("change-password")
      email = `changer-${team.id.slice(-8)}@test.comptoir.test`
      await createUser(s.db, { teamId: team.id, email, name: "Changer", role: "agent", password })
    })

    async function login(pw: string) {
      return http("POST", "/auth/login", undefined, { email, password: pw })
    }

    it("needs the current password, keeps this session, ends the others, and the new password signs in", async () => {
      const here = (await login(password)).body.token as string
      const elsewhere = (await login(password)).body.token as string
      const wrong = await http("POST", "/auth/change-password", here, { currentPassword: "not it at all", newPassword: "second password 2" })
      expect(wrong).toMatchObject({ status: 403, body: { error: "wrong-password" } })
      expect((await login(password)).status).toBe(200)

      const res = await http("POST", "/auth/change-password", here, { currentPassword: password, newPassword: "second password 2" })
      expect(res).toMatchObject({ status: 200, body: { endedSessions: 2 } })
      expect((await s.request("GET", "/auth/me", here)).status).toBe(200)
      expect((await s.request("GET", "/auth/me", elsewhere)).status).toBe(401)
      expect((await login(password)).status).toBe(401)
      expect((await login("second password 2")).status).toBe(200)
    })

    it("applies the password policy: too short, the demo password, or the same one", async () => {
      const token = (await login("second password 2")).body.token as string
      expect(await http("POST", "/auth/change-password", token, { currentPassword: "second password 2", newPassword: "short" })).toMatchObject({ status: 400, body: { field: "/newPassword", message: expect.stringMatching(/at least 10/) } })
      expect(await http("POST", "/auth/change-password", token, { currentPassword: "second password 2", newPassword: "comptoir-demo" })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/demo password/) } })
      expect(await http("POST", "/auth/change-password", token, { currentPassword: "second password 2", newPassword: "second password 2" })).toMatchObject({ status: 400, body: { error: "same-password" } })
    })

    it("refuses without a session", async () => {
      expect((await http("POST", "/auth/change-password", undefined, { currentPassword: "x", newPassword: "yyyyyyyyyyyy" })).status).toBe(401)
    })
  })
}
