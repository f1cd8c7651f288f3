import "fake-indexeddb/auto"

import { describe, expect, it, vi } from "vitest"

import { todayInParis } from "../../server/documents/issue"
import { draftDocument, gloves } from "../../server/test/documents"
import { Devices } from "../../server/test/harness"
import { giveSeller } from "../../server/test/seller"
import { ComptoirDb } from "~src/db/database"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { CallLog } from "~src/domain/calls/call-log.schema"
import { Quote } from "~src/domain/documents/document.schema"
import { computeTotals } from "~src/domain/documents/totals"
import { CallScript } from "~src/domain/scripts/script.schema"
import { SHIPPED_SCRIPTS } from "~src/domain/scripts/shipped"

import { SyncEngine, type Session } from "./sync-engine"
import { nextClientName, useSyncServer } from "./sync-test-server"

const live = useSyncServer()
const { client } = live

describe("calls, scripts and documents, replicated one record per row", () => {
  function draftQuote(id: string, customerId: string) {
    const lines = [{ id: `${id}-1`, productId: null, ref: "GN-M", label: "Gants nitrile taille M", unit: "box", quantityMilli: 3000, unitPriceCents: 899, discountBp: 0, vatRateBp: 2000 }]
    const t = computeTotals(lines)
    return Quote.parse({
      id,
      type: "quote",
      status: "draft",
      customerId,
      language: "fr",
      date: "2026-01-05",
      validUntil: "2099-12-31",
      paymentTerms: { kind: "net", days: 30 },
      lines,
      ...t,
      createdAt: 1,
      updatedAt: 1
    })
  }

  it("sends a logged call and a quote to the team, and the other agent receives both", async () => {
    const team = await live.server.team("plain")
    const a = await client(team, team.agent.token)
    const b = await client(team, team.agent2.token)
    const call = CallLog.parse({ id: "call-1", direction: "outbound", number: "+33123456789", customerId: "cust-1", startedAt: 1_000, durationSeconds: 42, outcome: "information-given", agent: "agent@x.fr", createdAt: 2_000 })
    await new ReplicatedRepository(a.db, "callLogs").put(call)
    await new ReplicatedRepository(a.db, "quotes").put(draftQuote("q-1", "cust-1"))
    expect(await a.db.outbox.count()).toBe(2)
    const ra = await a.engine().sync()
    expect(ra).toMatchObject({ pushed: 2, conflicts: 0 })
    await b.engine().sync()
    expect(await new ReplicatedRepository(b.db, "callLogs").byCustomer("cust-1")).toEqual([call])
    expect((await b.db.quotes.get("q-1"))?.status).toBe("draft")
  })

  it("issues a quote changed twice before one sync: the server numbers it, and the number comes back", async () => {
    const team = await live.server.team("issue")
    // The server issues nothing for a team whose seller identity is not filled in (a manager does it once).
    await giveSeller(live.server, team.admin)
    const a = await client(team, team.agent.token)
    const quotes = new ReplicatedRepository(a.db, "quotes")
    const q = await quotes.put(draftQuote("q-2", "cust-2"))
    // Two changes of one document waiting at once: each must be made on the version the previous one wrote.
    await quotes.put({ ...q, notes: "Livraison jeudi", updatedAt: 2 })
    await quotes.put({ ...(await quotes.get("q-2"))!, status: "sent", updatedAt: 3 })
    const r = await a.engine().sync()
    expect(r.conflicts).toBe(0)
    expect(r.error).toBeUndefined()
    const stored = await quotes.get("q-2")
    expect(stored).toMatchObject({ status: "sent", notes: "Livraison jeudi" })
    expect(stored?.number).toMatch(/^DEV-\d{4}-\d{5}$/)
    // And a later change (accepted) goes through too, made on the version the pull brought.
    await quotes.put({ ...stored!, status: "accepted", updatedAt: 4 })
    expect((await a.engine().sync()).conflicts).toBe(0)
    const rows = await live.server.rowsOf(team.id)
    expect(rows.find((x) => x.id === "q-2")?.data).toMatchObject({ status: "accepted" })
  })

  it("knows an issued quote's number from the push's answer, before any pull, and the pull that follows keeps it", async () => {
    const team = await live.server.team("issue-answer")
    await giveSeller(live.server, team.admin)
    // The open pages hear of it as of a pull's rows (the quote form shows the number on that signal).
    const onRemoteChange = vi.fn()
    const a = await client(team, team.agent.token, { onRemoteChange })
    const quotes = new ReplicatedRepository(a.db, "quotes")
    await a.engine().sync()
    const q = await quotes.put(draftQuote("q-3", "cust-3"))
    await a.engine().sync()
    await quotes.put({ ...(await quotes.get(q.id))!, status: "sent", updatedAt: 5 })
    const pulledBefore = (await a.db.syncState.toArray())[0]!.cursor
    onRemoteChange.mockClear()
    await a.engine().push(a.session)
    expect(onRemoteChange).toHaveBeenCalledTimes(1)
    // No pull ran: the cursor has not moved, yet the number the server gave is here.
    expect((await a.db.syncState.toArray())[0]!.cursor).toBe(pulledBefore)
    const numbered = await quotes.get("q-3")
    const onServer = (await live.server.rowsOf(team.id)).find((x) => x.id === "q-3")!
    expect(numbered?.number).toMatch(/^DEV-\d{4}-\d{5}$/)
    expect(numbered?.number).toBe(onServer.data!.number)
    expect(await a.db.outbox.count()).toBe(0)
    expect((await a.engine().sync()).pulled).toBeGreaterThan(0)
    expect(await quotes.get("q-3")).toEqual(numbered)
  })

  it("refuses, before the outbox, a row the server's schema would refuse", async () => {
    const team = await live.server.team("plain-bad")
    const a = await client(team, team.agent.token)
    await expect(new ReplicatedRepository(a.db, "callLogs").put({ id: "c", outcome: "nonsense" })).rejects.toThrow(/callLogs: /)
    expect(await a.db.outbox.count()).toBe(0)
  })

  it("keeps an agent's script changes away from the team (managers edit scripts), shown as refused", async () => {
    const team = await live.server.team("scripts")
    const agent = await client(team, team.agent.token)
    const manager = await client(team, team.manager.token)
    const script = CallScript.parse(SHIPPED_SCRIPTS[0])
    await new ReplicatedRepository(manager.db, "callScripts").put({ ...script, id: "team-script" })
    expect((await manager.engine().sync()).conflicts).toBe(0)
    await agent.engine().sync()
    expect(await agent.db.callScripts.get("team-script")).toBeDefined()
    await new ReplicatedRepository(agent.db, "callScripts").put({ ...script, id: "agent-script" })
    const r = await agent.engine().sync()
    expect(r.conflicts).toBe(1)
    expect(await agent.db.callScripts.get("agent-script")).toBeUndefined()
    expect(await agent.db.conflicts.count()).toBe(1)
  })

  it("uploads the calls logged before the first sign-in with the rest of the device's base", async () => {
    const team = await live.server.team("plain-first")
    const name = nextClientName()
    const db = new ComptoirDb(name)
    const call = CallLog.parse({ id: "call-before", direction: "inbound", number: null, customerId: null, startedAt: 1_000, durationSeconds: 5, outcome: "wrong-number", agent: "agent@x.fr", createdAt: 2_000 })
    await new ReplicatedRepository(db, "callLogs").put(call)
    const session: Session = { serverUrl: live.url, token: team.agent.token, teamId: team.id, role: "agent" }
    const engine = new SyncEngine({ db: new ComptoirDb(name), session: async () => session })
    await engine.bind(session)
    await engine.sync()
    const rows = await live.server.rowsOf(team.id)
    expect(rows.filter((r) => r.table_name === "callLogs").map((r) => r.id)).toEqual(["call-before"])
  })

  describe("what the server rewrites on taking a change, from the push's answer", () => {
    /** An agent's payment of today on the server, and a device that cancels it "yesterday" (offline at 23:55). */
    async function cancelledOffline(label: string, onRemoteChange = vi.fn()) {
      const team = await live.server.team(label)
      await giveSeller(live.server, team.admin)
      const other = new Devices(() => live.server)
      const put = async (table: string, key: string, fields: Record<string, unknown>, baseVersion?: number) => {
        const r = await other.push(team.agent, [{ table, op: "put", key, fields, ...(baseVersion === undefined ? {} : { baseVersion }) }])
        expect(r.conflicts).toEqual([])
        return r
      }
      await put("customers", "cust-p", { id: "cust-p", code: "CUST-P", company: "Client annulation", country: "FR", language: "fr", creditLimitCents: null, createdAt: 1, updatedAt: 1 })
      const inv = draftDocument("invoice", "i-p", "cust-p", [gloves("l1", 1000, 10_000)])
      const created = await put("invoices", inv.id, inv, 0)
      await put("invoices", inv.id, { status: "issued" }, created.version)
      await put("payments", "p-1", { id: "p-1", invoiceId: inv.id, customerId: "cust-p", date: todayInParis(), amountCents: 4_000, method: "transfer", reference: "", createdAt: Date.now(), recordedBy: team.agent.email })
      const a = await client(team, team.agent.token, { onRemoteChange })
      await a.engine().sync()
      const yesterday = todayInParis(Date.now() - 24 * 3_600_000)
      await new ReplicatedRepository(a.db, "payments").put({ id: "x-1", invoiceId: inv.id, customerId: "cust-p", date: yesterday, amountCents: -4_000, method: "transfer", reference: "", createdAt: Date.now() - 60_000, recordedBy: team.agent.email, cancels: "p-1", cancelReason: "doublon" })
      return { a, yesterday, onRemoteChange }
    }

    it("shows a cancellation pushed after midnight under the day the server kept it, before any pull", async () => {
      const { a, yesterday, onRemoteChange } = await cancelledOffline("cancel-answer")
      expect((await a.db.payments.get("x-1"))?.date).toBe(yesterday)
      const pulledBefore = (await a.db.syncState.toArray())[0]!.cursor
      onRemoteChange.mockClear()
      expect(await a.engine().push(a.session)).toMatchObject({ pushed: 1, conflicts: 0 })
      // No pull ran, yet the local row is the server's, and the open pages are told.
      expect((await a.db.syncState.toArray())[0]!.cursor).toBe(pulledBefore)
      expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
      expect(onRemoteChange).toHaveBeenCalledTimes(1)
      expect(await a.db.outbox.count()).toBe(0)
    })

    it("leaves out a malformed rewritten row and logs it, losing nothing: the push is acknowledged and the next sync brings the server's row", async () => {
      const { a, yesterday } = await cancelledOffline("cancel-answer-bad")
      const garbled: typeof fetch = async (input, init) => {
        const res = await fetch(input, init)
        if (!String(input).endsWith("/sync/push")) return res
        const body = (await res.json()) as Record<string, unknown>
        return new Response(JSON.stringify({ ...body, rewritten: [{ table: "payments", key: "x-1", version: -1, deleted: false, data: "the 8th" }] }), { status: 200, headers: { "content-type": "application/json" } })
      }
      const r = await a.engine(garbled).sync()
      expect(r.error).toMatchObject({ code: "bad-reply", message: expect.stringMatching(/\/sync\/push is not understood/) })
      expect((await a.engine().status()).lastError).toMatchObject({ code: "bad-reply" })
      // The rest of the answer is taken (its refused changes are said nowhere else): only the row waits for the pull.
      expect(await a.db.outbox.count()).toBe(0)
      expect((await a.db.payments.get("x-1"))?.date).toBe(yesterday)

      expect((await a.engine().sync()).error).toBeUndefined()
      expect(await a.db.outbox.count()).toBe(0)
      expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
    })
  })
})
