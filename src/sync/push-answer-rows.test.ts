import "fake-indexeddb/auto"

import { describe, expect, it, vi } from "vitest"

import { todayInParis } from "../../server/documents/issue"
import { draftDocument, gloves } from "../../server/test/documents"
import { Devices } from "../../server/test/harness"
import { giveSeller } from "../../server/test/seller"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { CallScript } from "~src/domain/scripts/script.schema"
import { SHIPPED_SCRIPTS } from "~src/domain/scripts/shipped"

import { LocalRows } from "./local-rows"
import { useSyncServer } from "./sync-test-server"

const live = useSyncServer()

/** An agent's payment of today on the server, and a device that cancels it "yesterday" (offline at 23:55). */
async function cancelledOffline(label: string) {
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
  const a = await live.client(team, team.agent.token)
  await a.engine().sync()
  const yesterday = todayInParis(Date.now() - 24 * 3_600_000)
  await new ReplicatedRepository(a.db, "payments").put({ id: "x-1", invoiceId: inv.id, customerId: "cust-p", date: yesterday, amountCents: -4_000, method: "transfer", reference: "", createdAt: Date.now() - 60_000, recordedBy: team.agent.email, cancels: "p-1", cancelReason: "doublon" })
  return { a, yesterday }
}

/** A fetch that hands the push's answer to `edit` before the device reads it. */
function answerEdited(edit: (body: Record<string, unknown>) => Record<string, unknown>): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init)
    if (!String(input).endsWith("/sync/push")) return res
    const body = edit((await res.json()) as Record<string, unknown>)
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })
  }
}

type Row = { table: string; key: string; version: number; deleted: boolean; data: Record<string, unknown> | null }
const rewrittenWith = (change: (row: Row) => Row) => answerEdited((body) => ({ ...body, rewritten: (body.rewritten as Row[]).map(change) }))

describe("the rows a push's answer carries, checked against their table before they are written", () => {
  it("leaves out a rewritten payment that breaks the payments schema and says so: the push is acknowledged, the next sync brings the server's row", async () => {
    const { a, yesterday } = await cancelledOffline("answer-schema")
    const r = await a.engine(rewrittenWith((row) => ({ ...row, data: { ...row.data, amountCents: "minus forty" } }))).sync()
    expect(r.error).toMatchObject({ code: "bad-reply", message: expect.stringMatching(/\/sync\/push is not understood.*payments\/x-1.*amountCents/) })
    expect((await a.engine().status()).lastError).toMatchObject({ code: "bad-reply" })
    expect(await a.db.payments.get("x-1")).toMatchObject({ amountCents: -4_000, date: yesterday })
    expect(await a.db.outbox.count()).toBe(0)

    expect((await a.engine().sync()).error).toBeUndefined()
    expect(await a.db.payments.get("x-1")).toMatchObject({ amountCents: -4_000, date: todayInParis() })
  })

  it("keeps the changes the server refused in an answer whose rewritten row is malformed: the server will not say it again", async () => {
    const { a, yesterday } = await cancelledOffline("answer-conflict")
    // An agent may not write scripts: the same push refuses it, and the answer is the only place that says so.
    await new ReplicatedRepository(a.db, "callScripts").put({ ...CallScript.parse(SHIPPED_SCRIPTS[0]), id: "agent-script" })
    const r = await a.engine(rewrittenWith((row) => ({ ...row, data: { ...row.data, amountCents: "minus forty" } }))).sync()
    expect(r.error).toMatchObject({ code: "bad-reply", message: expect.stringMatching(/payments\/x-1.*amountCents/) })
    expect(await a.db.conflicts.count()).toBe(1)
    expect(await a.db.payments.get("x-1")).toMatchObject({ amountCents: -4_000, date: yesterday })

    expect((await a.engine().sync()).error).toBeUndefined()
    expect(await a.db.conflicts.count()).toBe(1)
    expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
  })

  it("leaves out a rewritten row that holds another row than its key names (it would leave a payment the team never had)", async () => {
    const { a } = await cancelledOffline("answer-key")
    const r = await a.engine(rewrittenWith((row) => ({ ...row, data: { ...row.data, id: "x-phantom" } }))).sync()
    expect(r.error).toMatchObject({ code: "bad-reply" })
    expect(await a.db.payments.get("x-phantom")).toBeUndefined()
    expect(await a.db.outbox.count()).toBe(0)
  })

  it("leaves out a rewritten row at another version than the push's", async () => {
    const { a } = await cancelledOffline("answer-version")
    const r = await a.engine(rewrittenWith((row) => ({ ...row, version: row.version + 1_000 }))).sync()
    expect(r.error).toMatchObject({ code: "bad-reply", message: expect.stringMatching(/payments\/x-1 is at version/) })
    expect((await a.db.payments.get("x-1"))?.date).not.toBe(todayInParis())
  })

  it("refuses a whole answer whose acknowledged id is malformed: nothing is acknowledged, the change stays owed", async () => {
    const { a } = await cancelledOffline("answer-core")
    const r = await a.engine(answerEdited((body) => ({ ...body, lastMutationId: "all" }))).sync()
    expect(r.error).toMatchObject({ code: "bad-reply", message: expect.stringMatching(/\/sync\/push is not understood/) })
    expect(await a.db.outbox.count()).toBe(1)
    expect((await a.engine().sync()).error).toBeUndefined()
    expect(await a.db.outbox.count()).toBe(0)
    expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
  })

  it("works with a server from before rewritten rows: the cancellation shows the device's day until the pull brings the server's", async () => {
    const { a, yesterday } = await cancelledOffline("answer-old-server")
    const older = answerEdited(({ numbered: _n, rewritten: _r, ...rest }) => rest)
    expect(await a.engine(older).push(a.session)).toMatchObject({ pushed: 1, conflicts: 0 })
    expect((await a.db.payments.get("x-1"))?.date).toBe(yesterday)
    expect(await a.db.outbox.count()).toBe(0)
    expect((await a.engine(older).sync()).error).toBeUndefined()
    expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
  })

  it("keeps the outbox and the acknowledged id when the worker dies while the answer's rows are written", async () => {
    const { a, yesterday } = await cancelledOffline("answer-killed")
    const before = (await a.db.syncState.toArray())[0]!.lastMutationId
    // The write of the answer's rows fails half-way (the service worker stopped): the ack must go with it.
    const spy = vi.spyOn(LocalRows.prototype, "write").mockImplementationOnce(async function (this: LocalRows) {
      throw new Error("worker stopped")
    })
    try {
      await expect(a.engine().push(a.session)).rejects.toThrow(/worker stopped/)
    } finally {
      spy.mockRestore()
    }
    expect(await a.db.outbox.count()).toBe(1)
    expect((await a.db.syncState.toArray())[0]!.lastMutationId).toBe(before)
    expect((await a.db.payments.get("x-1"))?.date).toBe(yesterday)

    // The next life replays the push (the server skips it) and pulls the row as kept.
    expect((await a.engine().sync()).error).toBeUndefined()
    expect(await a.db.outbox.count()).toBe(0)
    expect((await a.db.payments.get("x-1"))?.date).toBe(todayInParis())
  })

  describe("a document the server rewrote (numbered, re-dated), while this device or another changes it", () => {
    async function sentQuote(label: string) {
      const team = await live.server.team(label)
      await giveSeller(live.server, team.admin)
      const a = await live.client(team, team.agent.token)
      const quotes = new ReplicatedRepository(a.db, "quotes")
      await quotes.put(draftDocument("quote", "q-f", "cust-f", [gloves("l1", 2000, 899)], { date: "2026-01-05" }))
      expect((await a.engine().sync()).error).toBeUndefined()
      await quotes.put({ ...(await quotes.get("q-f"))!, status: "sent", updatedAt: 2 })
      return { team, a, quotes }
    }

    it("keeps an edit made while the push was in flight on top of the row the answer brings", async () => {
      const { team, a, quotes } = await sentQuote("answer-inflight")
      // The customer accepts on the phone while the "sent" push is on its way: the answer must not undo it.
      let pushes = 0
      const accepting: typeof fetch = async (input, init) => {
        const res = await fetch(input, init)
        if (String(input).endsWith("/sync/push") && ++pushes === 1) await quotes.put({ ...(await quotes.get("q-f"))!, status: "accepted", updatedAt: 3 })
        return res
      }
      // The push goes on with the acceptance in a second batch, made on the version the first answer gave.
      expect(await a.engine(accepting).push(a.session)).toMatchObject({ batches: 2, conflicts: 0 })
      const shown = await quotes.get("q-f")
      expect(shown).toMatchObject({ status: "accepted", date: todayInParis(), updatedAt: 3 })
      expect(shown?.number).toMatch(/^DEV-\d{4}-\d{5}$/)
      expect(await a.db.outbox.count()).toBe(0)
      expect((await live.server.rowsOf(team.id)).find((x) => x.id === "q-f")?.data).toMatchObject({ status: "accepted", number: shown!.number })
    })

    it("ends with the team's row after the next pull when another device changed it since the answer", async () => {
      const { team, a, quotes } = await sentQuote("answer-other")
      await a.engine().push(a.session)
      const numbered = (await quotes.get("q-f"))!
      expect(numbered.number).toMatch(/^DEV-/)
      const b = await live.client(team, team.agent2.token)
      await b.engine().sync()
      const onB = new ReplicatedRepository(b.db, "quotes")
      await onB.put({ ...(await onB.get("q-f"))!, status: "accepted", updatedAt: 9 })
      expect((await b.engine().sync()).conflicts).toBe(0)
      expect((await a.engine().sync()).error).toBeUndefined()
      expect(await quotes.get("q-f")).toEqual((await live.server.rowsOf(team.id)).find((x) => x.id === "q-f")!.data)
      expect(await quotes.get("q-f")).toMatchObject({ status: "accepted", number: numbered.number, updatedAt: 9 })
    })
  })
})
