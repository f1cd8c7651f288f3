import { beforeAll, describe, expect, it } from "vitest"
import * as z from "zod"

import { generateProducts } from "../../src/domain/demo/demo-data"
import { encodeCursor, MAX_MUTATIONS_PER_PUSH, SCHEMA_VERSION, type PullResponse } from "../../src/domain/sync/protocol"
import { TABLES, type TableRegistry } from "../../src/domain/sync/tables"
import { migrate } from "../db/migrate"
import { purgeTombstones } from "../sync/sync-service"
import { clientId, type BackendName, type TestServer, type TestTeam } from "./harness"
import { callLog, customer, delRow, demoCustomers, putRow, teamFootprint } from "./rows"

/** A workflow table as the quotes issue will add it, to test the server's side of the rule now. */
export const TEST_TABLES: TableRegistry = {
  ...TABLES,
  quotes: {
    rule: { kind: "workflow", statusField: "status", initial: ["draft"], transitions: { draft: ["sent"], sent: ["accepted", "rejected"] }, deletableIn: ["draft"] },
    schema: z.object({ id: z.string(), status: z.string(), totalCents: z.number().int() })
  }
}

const [demo1, demo2, demo3] = demoCustomers

/** `server` is started by the file (with TEST_TABLES) so both suites share one database. */
export function apiSuite(backend: BackendName, server: () => TestServer): void {
  let s: TestServer
  beforeAll(() => {
    s = server()
  })

  const footprint = (teamId: string) => teamFootprint(s, teamId)

  it("answers /health with the database kind", async () => {
    const res = await s.request("GET", "/health")
    expect(res).toMatchObject({ status: 200, body: { ok: true, db: backend, schemaVersion: SCHEMA_VERSION } })
  })

  it("runs migrations once: a second run applies nothing", async () => {
    expect(await migrate(s.db)).toEqual([])
  })

  describe("team isolation", () => {
    let a: TestTeam
    let b: TestTeam
    const bClient = clientId()

    beforeAll(async () => {
      a = await s.team("A")
      b = await s.team("B")
      await s.push(b.agent.token, bClient, [putRow(1, "customers", "shared-key", customer("shared-key", { company: "Secret B" })), putRow(2, "callLogs", "call-b", callLog("call-b"))])
      await s.request("PUT", "/admin/webhook", b.admin.token, { url: "http://127.0.0.1:9/b-hook", secret: "b-secret-b-secret-b-secret" })
    })

    it("never shows team B's rows to team A", async () => {
      const page = await s.pull(a.agent.token)
      expect(page.rows).toEqual([])
      expect(page.version).toBe(0)
    })

    it("writes team A's row beside team B's row with the same key, never over it", async () => {
      const before = await s.rowsOf(b.id)
      await s.push(a.agent.token, clientId(), [putRow(1, "customers", "shared-key", customer("shared-key", { company: "Mine A" }))])
      expect(await s.rowsOf(b.id)).toEqual(before)
      expect((await s.pull(a.agent.token)).rows.map((r) => r.data?.company)).toEqual(["Mine A"])
      expect((await s.pull(b.agent.token)).rows.find((r) => r.key === "shared-key")?.data?.company).toBe("Secret B")
    })

    it("refuses team B's clientId to a team A user, on push and on pull", async () => {
      const before = await footprint(b.id)
      const push = await s.request("POST", "/sync/push", a.agent.token, { clientId: bClient, schemaVersion: SCHEMA_VERSION, mutations: [putRow(3, "customers", "k", customer("k"))] })
      expect(push).toMatchObject({ status: 403, body: { error: "client-not-yours" } })
      const pull = await s.request("GET", `/sync/pull?clientId=${bClient}`, a.agent.token)
      expect(pull.status).toBe(403)
      expect(await footprint(b.id)).toEqual(before)
      expect((await footprint(a.id)).rows).toBe(1)
    })

    it("reads a cursor issued to team B only as a position among team A's own rows", async () => {
      const early = await s.pull(b.agent.token, "", 1)
      const other = clientId()
      await s.push(b.agent.token, other, [putRow(1, "customers", "b-later", customer("b-later"))])
      await s.push(b.agent.token, other, [putRow(2, "customers", "b-later", { notes: "later" })])
      const late = await s.pull(b.agent.token)
      expect(await s.request("GET", `/sync/pull?cursor=${late.cursor}`, a.agent.token)).toMatchObject({ status: 400, body: { error: "cursor-from-future" } })
      const res = await s.request("GET", `/sync/pull?cursor=${early.cursor}`, a.agent.token)
      expect(res.status).toBe(200)
      for (const row of (res.body as unknown as PullResponse).rows) expect(row.data?.company).toBe("Mine A")
    })

    it("scopes every admin endpoint to the admin's own team", async () => {
      const users = await s.request("GET", "/admin/users", a.admin.token)
      expect((users.body.users as { id: string }[]).map((u) => u.id).sort()).toEqual([a.admin.id, a.manager.id, a.agent.id, a.agent2.id].sort())
      expect((await s.request("POST", `/admin/users/${b.agent.id}/disable`, a.admin.token)).status).toBe(404)
      expect((await s.request("POST", `/admin/users/${b.agent.id}/enable`, a.admin.token)).status).toBe(404)
      expect((await s.request("GET", "/sync/pull", b.agent.token)).status).toBe(200)
      expect((await s.request("GET", "/admin/webhook", a.admin.token)).status).toBe(404)
      expect((await s.request("GET", "/admin/webhook/deliveries", a.admin.token)).body).toEqual({ deliveries: [] })
      expect((await s.request("DELETE", "/admin/webhook", a.admin.token)).status).toBe(204)
      expect((await s.request("GET", "/admin/webhook", b.admin.token)).status).toBe(200)
    })

    it("pokes only the team that changed", async () => {
      const seen: string[] = []
      const offA = s.built.pokes.subscribe(a.id, () => seen.push("A"))
      const offB = s.built.pokes.subscribe(b.id, () => seen.push("B"))
      await s.push(b.agent.token, bClient, [putRow(3, "customers", "b2", customer("b2"))])
      offA()
      offB()
      expect(seen).toEqual(["B"])
    })
  })

  describe("bad input", () => {
    let team: TestTeam
    beforeAll(async () => {
      team = await s.team("bad")
      await s.push(team.agent.token, clientId(), [putRow(1, "customers", "c1", customer("c1"))])
    })

    const cases: [string, () => unknown, number, RegExp][] = [
      ["an unknown table", () => [putRow(1, "invoicez", "k", { a: 1 })], 400, /unknown table "invoicez"/],
      ["a mutation without op", () => [{ mid: 1, table: "customers", key: "k", fields: {} }], 400, /mutations\.0\.op/],
      ["a mutation with an unknown key", () => [{ ...putRow(1, "customers", "k", {}), colour: "red" }], 400, /colour/],
      ["a mid that is a string", () => [{ ...putRow(1, "customers", "k", customer("k")), mid: "1" }], 400, /mutations\.0\.mid/],
      ["a field of the wrong type", () => [putRow(1, "customers", "c1", { creditLimitCents: "beaucoup" })], 400, /customers\.creditLimitCents/],
      ["an unknown field", () => [putRow(1, "customers", "c1", { colour: "red" })], 400, /unknown field "colour"/],
      ["a delete of a call log", () => [delRow(1, "callLogs", "k")], 400, /append-only/],
      ["a put without fields", () => [{ mid: 1, table: "customers", op: "put", key: "k" }], 400, /needs fields/],
      ["a key with spaces", () => [putRow(1, "customers", "a b", customer("a b"))], 400, /key/],
      ["decreasing mids", () => [putRow(2, "customers", "x", customer("x")), putRow(1, "customers", "y", customer("y"))], 400, /must increase/],
      ["a valid mutation after a bad one", () => [putRow(1, "customers", "ok", customer("ok")), putRow(2, "customers", "c1", { tags: "vip" })], 400, /mutations\.1/],
      ["too many mutations", () => Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, (_, i) => delRow(i + 1, "customers", `k${i}`)), 400, /1000/]
    ]
    for (const [what, mutations, status, message] of cases) {
      it(`refuses ${what} with ${status}, a clear message and nothing written`, async () => {
        const before = await footprint(team.id)
        const res = await s.request("POST", "/sync/push", team.agent.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations: mutations() })
        expect(res.status).toBe(status)
        expect(res.body.message).toMatch(message)
        expect(await footprint(team.id)).toEqual(before)
      })
    }

    it("refuses a body over the limit with 413 and nothing written", async () => {
      const before = await footprint(team.id)
      const notes = "x".repeat(9000)
      const mutations = Array.from({ length: 500 }, (_, i) => putRow(i + 1, "customers", `big${i}`, customer(`big${i}`, { notes })))
      const res = await s.request("POST", "/sync/push", team.agent.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations })
      expect(res).toMatchObject({ status: 413, body: { error: "body-too-large", message: expect.stringMatching(/larger than/) } })
      expect(await footprint(team.id)).toEqual(before)
    })

    it("refuses malformed JSON with 400", async () => {
      const res = await s.app.inject({ method: "POST", url: "/sync/push", headers: { authorization: `Bearer ${team.agent.token}`, "content-type": "application/json" }, payload: '{"clientId": ' })
      expect(res.statusCode).toBe(400)
      expect(JSON.parse(res.body).message).toMatch(/JSON/i)
    })

    it("tells a client that is too old to update, with 426, before looking at its mutations", async () => {
      const before = await footprint(team.id)
      const res = await s.request("POST", "/sync/push", team.agent.token, { clientId: clientId(), schemaVersion: 0, mutations: [{ legacy: true }] })
      expect(res).toMatchObject({ status: 426, body: { error: "client-too-old", message: expect.stringMatching(/Update the extension/) } })
      expect(await footprint(team.id)).toEqual(before)
    })

    it("tells a client newer than the server to have the server updated", async () => {
      const res = await s.request("POST", "/sync/push", team.agent.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION + 1, mutations: [] })
      expect(res).toMatchObject({ status: 400, body: { error: "server-too-old" } })
    })

    it("refuses a cursor from the future with 400 and a clear message", async () => {
      const res = await s.request("GET", `/sync/pull?cursor=${encodeCursor({ version: 999_999, table: "customers", key: "z", horizon: 0 })}`, team.agent.token)
      expect(res).toMatchObject({ status: 400, body: { error: "cursor-from-future", message: expect.stringMatching(/version 999999.*pull from ""/) } })
    })

    it("refuses a malformed cursor and out-of-range limits", async () => {
      expect(await s.request("GET", "/sync/pull?cursor=%21%21", team.agent.token)).toMatchObject({ status: 400, body: { error: "bad-cursor" } })
      expect((await s.request("GET", "/sync/pull?limit=0", team.agent.token)).status).toBe(400)
      expect((await s.request("GET", "/sync/pull?limit=100000", team.agent.token)).body.message).toMatch(/limit/)
      expect((await s.request("GET", "/sync/pull?limit=abc", team.agent.token)).status).toBe(400)
    })

    it("answers an unknown route with 404 in the same error shape", async () => {
      expect(await s.request("GET", "/sync/nothing", team.agent.token)).toMatchObject({ status: 404, body: { error: "not-found" } })
    })
  })

  describe("push", () => {
    it("skips a replayed push and applies nothing twice", async () => {
      const t = await s.team("replay")
      const c = clientId()
      const batch = [putRow(1, "customers", "r1", customer("r1")), putRow(2, "callLogs", "call-1", callLog("call-1"))]
      const first = await s.push(t.agent.token, c, batch)
      expect(first).toMatchObject({ lastMutationId: 2, applied: 2, skipped: 0, conflicts: [] })
      const rowsAfterFirst = await s.rowsOf(t.id)
      const again = await s.push(t.agent.token, c, batch)
      expect(again).toMatchObject({ lastMutationId: 2, applied: 0, skipped: 2, conflicts: [] })
      expect(await s.rowsOf(t.id)).toEqual(rowsAfterFirst)
    })

    it("applies the new part of a push that overlaps the last one", async () => {
      const t = await s.team("overlap")
      const c = clientId()
      await s.push(t.agent.token, c, [1, 2, 3].map((i) => putRow(i, "customers", `o${i}`, customer(`o${i}`))))
      const res = await s.push(t.agent.token, c, [2, 3, 4, 5].map((i) => putRow(i, "customers", `o${i}`, customer(`o${i}`, { notes: `second ${i}` }))))
      expect(res).toMatchObject({ lastMutationId: 5, applied: 2, skipped: 2 })
      const notes = Object.fromEntries((await s.rowsOf(t.id)).map((r) => [r.id, r.data?.notes]))
      expect(notes).toEqual({ o1: "", o2: "", o3: "", o4: "second 4", o5: "second 5" })
    })

    it("stops at a gap and keeps what came before it", async () => {
      const t = await s.team("gap")
      const c = clientId()
      const res = await s.push(t.agent.token, c, [putRow(1, "customers", "g1", customer("g1")), putRow(2, "customers", "g2", customer("g2")), putRow(4, "customers", "g4", customer("g4"))])
      expect(res).toMatchObject({ lastMutationId: 2, applied: 2, gap: { expected: 3, got: 4 } })
      expect((await s.rowsOf(t.id)).map((r) => r.id)).toEqual(["g1", "g2"])
      expect(await s.push(t.agent.token, c, [putRow(3, "customers", "g3", customer("g3")), putRow(4, "customers", "g4", customer("g4"))])).toMatchObject({ lastMutationId: 4, applied: 2 })
    })

    it("applies nothing from a new client whose first mid is not 1", async () => {
      const t = await s.team("gap-first")
      const res = await s.push(t.agent.token, clientId(), [putRow(2, "customers", "x", customer("x"))])
      expect(res).toMatchObject({ lastMutationId: 0, applied: 0, gap: { expected: 1, got: 2 } })
      expect(await s.rowsOf(t.id)).toEqual([])
    })

    it("stamps every row of one push with one version, higher than the last push's", async () => {
      const t = await s.team("versions")
      const c = clientId()
      const p1 = await s.push(t.agent.token, c, [putRow(1, "customers", "v1", customer("v1")), putRow(2, "customers", "v2", customer("v2"))])
      const p2 = await s.push(t.agent.token, c, [putRow(3, "customers", "v1", { notes: "again" })])
      expect(p2.version).toBeGreaterThan(p1.version)
      expect((await s.rowsOf(t.id)).map((r) => [r.id, r.version])).toEqual([["v1", p2.version], ["v2", p1.version]])
    })

    it("hands out versions in commit order under concurrent pushes", async () => {
      const t = await s.team("concurrent")
      const clients = Array.from({ length: 8 }, () => clientId())
      const results = await Promise.all(clients.map((c, i) => s.push(t.agent.token, c, [putRow(1, "customers", `cc${i}`, customer(`cc${i}`))])))
      expect(new Set(results.map((r) => r.version)).size).toBe(8)
      const page = await s.pull(t.agent.token)
      expect(page.rows).toHaveLength(8)
      expect(page.version).toBe(Math.max(...results.map((r) => r.version)))
    })
  })

  describe("pull", () => {
    it("pages through every row once, in (version, key) order, with tombstones after the first pull", async () => {
      const t = await s.team("paging")
      const c = clientId()
      await s.push(t.agent.token, c, Array.from({ length: 25 }, (_, i) => putRow(i + 1, "customers", `p${String(i).padStart(2, "0")}`, customer(`p${String(i).padStart(2, "0")}`))))
      const seen: string[] = []
      let cursor = ""
      let pages = 0
      for (let more = true; more; pages++) {
        const page: PullResponse = await s.pull(t.agent.token, cursor, 10)
        // Only a pull from the start says how many rows it brings (the extension's progress bar).
        expect(page.total).toBe(pages === 0 ? 25 : undefined)
        seen.push(...page.rows.map((r) => r.key))
        cursor = page.cursor
        more = page.hasMore
      }
      expect(pages).toBe(3)
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, "0")}`))

      await s.push(t.agent.token, c, [delRow(26, "customers", "p03"), putRow(27, "customers", "p07", { notes: "changed" })])
      const next = await s.pull(t.agent.token, cursor, 10)
      expect(next.rows).toEqual([
        { table: "customers", key: "p03", version: next.version, deleted: true, data: null },
        expect.objectContaining({ key: "p07", deleted: false, data: expect.objectContaining({ notes: "changed" }) })
      ])
      expect(next.hasMore).toBe(false)
      // A fresh client needs no tombstones.
      const fresh = await s.pull(t.agent.token, "", 100)
      expect(fresh.rows.map((r) => r.key)).not.toContain("p03")
      expect(fresh.rows).toHaveLength(24)
      expect(fresh.total).toBe(24)
      // Caught up: the cursor stays and nothing comes back.
      expect(await s.pull(t.agent.token, next.cursor)).toMatchObject({ rows: [], hasMore: false, cursor: next.cursor })
    })

    it("says resetRequired to a cursor older than purged tombstones, and a pull from the start recovers", async () => {
      const t = await s.team("horizon")
      const c = clientId()
      await s.push(t.agent.token, c, [putRow(1, "customers", "h1", customer("h1")), putRow(2, "customers", "h2", customer("h2"))])
      const old = await s.pull(t.agent.token)
      await s.push(t.agent.token, c, [delRow(3, "customers", "h1")])
      const recent = await s.pull(t.agent.token, old.cursor)
      await new Promise((r) => setTimeout(r, 5))
      expect(await purgeTombstones(s.db, 0)).toBeGreaterThanOrEqual(1)
      expect(await s.pull(t.agent.token, old.cursor)).toMatchObject({ rows: [], cursor: "", resetRequired: true })
      expect(await s.pull(t.agent.token, recent.cursor)).toMatchObject({ resetRequired: true })
      await s.push(t.agent.token, c, [putRow(4, "customers", "h3", customer("h3"))])
      // A fresh pull pages through rows older than the horizon without being sent back to the start.
      const keys: string[] = []
      let after = await s.pull(t.agent.token, "", 1)
      keys.push(...after.rows.map((r) => r.key))
      while (after.hasMore) {
        after = await s.pull(t.agent.token, after.cursor, 1)
        expect(after.resetRequired).toBeUndefined()
        keys.push(...after.rows.map((r) => r.key))
      }
      expect(keys).toEqual(["h2", "h3"])
      // A cursor past the horizon is fine.
      expect((await s.pull(t.agent.token, after.cursor)).resetRequired).toBeUndefined()
    })

    it("keeps tombstones younger than the horizon", async () => {
      const t = await s.team("young")
      const c = clientId()
      await s.push(t.agent.token, c, [putRow(1, "customers", "y1", customer("y1"))])
      const cur = await s.pull(t.agent.token)
      await s.push(t.agent.token, c, [delRow(2, "customers", "y1")])
      await purgeTombstones(s.db, 3_600_000)
      expect((await s.pull(t.agent.token, cur.cursor)).rows).toMatchObject([{ key: "y1", deleted: true }])
    })

    it("tells a client up to which of its mutations the rows include", async () => {
      const t = await s.team("lmid")
      const c = clientId()
      expect((await s.pull(t.agent.token, "", 10, c)).lastMutationId).toBe(0)
      await s.push(t.agent.token, c, [putRow(1, "customers", "l1", customer("l1")), putRow(2, "customers", "l2", customer("l2"))])
      expect(await s.pull(t.agent.token, "", 10, c)).toMatchObject({ lastMutationId: 2, hasMore: false })
    })
  })

  describe("conflicts", () => {
    it("merges concurrent edits of different fields and lets the later push win the same field", async () => {
      const t = await s.team("lww")
      const [ca, cb] = [clientId(), clientId()]
      await s.push(t.agent.token, ca, [putRow(1, "customers", "k", customer("k"))])
      await s.push(t.agent.token, ca, [putRow(2, "customers", "k", { notes: "from A", salesRep: "A" })])
      await s.push(t.agent2.token, cb, [putRow(1, "customers", "k", { notes: "from B", tags: ["vip"] })])
      const [row] = await s.rowsOf(t.id)
      expect(row?.data).toMatchObject({ notes: "from B", salesRep: "A", tags: ["vip"], company: demo1!.company })
    })

    it("returns the server row when a partial edit meets a deleted customer", async () => {
      const t = await s.team("deleted")
      const [ca, cb] = [clientId(), clientId()]
      await s.push(t.agent.token, ca, [putRow(1, "customers", "k", customer("k"))])
      await s.push(t.agent.token, ca, [delRow(2, "customers", "k")])
      const res = await s.push(t.agent2.token, cb, [putRow(1, "customers", "k", { notes: "too late" })])
      expect(res).toMatchObject({ lastMutationId: 1, applied: 1, conflicts: [{ mid: 1, key: "k", reason: "missing", serverRow: { key: "k", deleted: true, data: null } }] })
    })

    it("never lets a call log change, and reports the stored one", async () => {
      const t = await s.team("append")
      await s.push(t.agent.token, clientId(), [putRow(1, "callLogs", "call", callLog("call"))])
      const res = await s.push(t.agent2.token, clientId(), [putRow(1, "callLogs", "call", callLog("call", "voicemail"))])
      expect(res.conflicts).toMatchObject([{ reason: "append-only", serverRow: { data: { outcome: "information-given" } } }])
    })

    it("keeps the catalog to managers: an agent's edit comes back as a conflict", async () => {
      const t = await s.team("catalog")
      const product = generateProducts()[0]!
      expect((await s.push(t.manager.token, clientId(), [putRow(1, "products", product.id, product)])).conflicts).toEqual([])
      const res = await s.push(t.agent.token, clientId(), [putRow(1, "products", product.id, { unitPriceCents: 1 })])
      expect(res.conflicts).toMatchObject([{ reason: "forbidden", serverRow: { data: { unitPriceCents: product.unitPriceCents } } }])
    })

    it("checks workflow documents: a stale base or an illegal transition is a conflict with the server row", async () => {
      const t = await s.team("workflow")
      const [ca, cb] = [clientId(), clientId()]
      const created = await s.push(t.agent.token, ca, [putRow(1, "quotes", "q", { status: "draft", totalCents: 100 }, { baseVersion: 0 })])
      const sent = await s.push(t.agent.token, ca, [putRow(2, "quotes", "q", { status: "sent" }, { baseVersion: created.version })])
      expect(sent.conflicts).toEqual([])
      const stale = await s.push(t.agent2.token, cb, [putRow(1, "quotes", "q", { totalCents: 50 }, { baseVersion: created.version })])
      expect(stale.conflicts).toMatchObject([{ reason: "stale", serverRow: { version: sent.version, data: { status: "sent", totalCents: 100 } } }])
      const illegal = await s.push(t.agent2.token, cb, [putRow(2, "quotes", "q", { status: "draft" }, { baseVersion: sent.version })])
      expect(illegal.conflicts).toMatchObject([{ reason: "illegal-transition" }])
      const accepted = await s.push(t.agent2.token, cb, [putRow(3, "quotes", "q", { status: "accepted" }, { baseVersion: sent.version })])
      expect(accepted.conflicts).toEqual([])
      expect(accepted.lastMutationId).toBe(3)
    })
  })

  describe("demo data", () => {
    it("round-trips a demo customer through push and pull unchanged", async () => {
      const t = await s.team("demo")
      await s.push(t.agent.token, clientId(), [demo2!, demo3!].map((c, i) => putRow(i + 1, "customers", c.id, c)))
      const rows = (await s.pull(t.agent.token)).rows.map((r) => r.data)
      expect(rows).toEqual([demo2, demo3])
    })
  })
}
