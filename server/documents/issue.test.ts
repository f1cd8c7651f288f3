import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { computeTotals } from "../../src/domain/documents/totals"
import { SCHEMA_VERSION, type Mutation } from "../../src/domain/sync/protocol"
import { clientId, skipPostgres, TestServer, type TestTeam } from "../test/harness"
import { draftDocument } from "../test/documents"
import { giveSeller } from "../test/seller"
import { todayInParis } from "./issue"

const YEAR = todayInParis().slice(0, 4)

function draftQuote(id: string, overrides: Record<string, unknown> = {}) {
  const lines = [
    { id: `${id}-1`, label: "Gants nitrile taille M (boîte de 100)", quantityMilli: 3000, unitPriceCents: 899, discountBp: 0, vatRateBp: 2000 },
    { id: `${id}-2`, label: "Livre technique", quantityMilli: 1000, unitPriceCents: 10, discountBp: 0, vatRateBp: 550 }
  ]
  return draftDocument("quote", id, "cust-1", lines, { date: "2026-01-05", ...overrides })
}

async function pullAll(server: TestServer, token: string) {
  const rows: { table: string; key: string; data: Record<string, unknown> | null; version: number }[] = []
  let cursor = ""
  for (;;) {
    const page = await server.pull(token, cursor, 500)
    rows.push(...(page.rows as typeof rows))
    cursor = page.cursor
    if (!page.hasMore) break
  }
  return rows
}

for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`issuing documents (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team()
      await giveSeller(server, team.admin)
    }, 90_000)
    afterAll(async () => server?.close())

    async function create(token: string, cid: string, mid: number, doc: Record<string, unknown>) {
      const r = await server.push(token, cid, [{ mid, table: "quotes", op: "put", key: String(doc.id), fields: doc, baseVersion: 0 } as Mutation])
      expect(r.conflicts).toEqual([])
      return r.version
    }

    it("gives two agents issuing at once consecutive numbers, without a gap", async () => {
      const agents = [team.agent, team.agent2, team.manager, team.admin]
      const clients = agents.map(() => clientId())
      const ids = agents.map((_, i) => `q-conc-${backend}-${i}`)
      const versions = await Promise.all(agents.map((a, i) => create(a.token, clients[i]!, 1, draftQuote(ids[i]!))))
      const replies = await Promise.all(
        agents.map((a, i) => server.push(a.token, clients[i]!, [{ mid: 2, table: "quotes", op: "put", key: ids[i]!, fields: { status: "sent" }, baseVersion: versions[i]! } as Mutation]))
      )
      for (const r of replies) expect(r.conflicts).toEqual([])
      const rows = (await pullAll(server, team.agent.token)).filter((r) => ids.includes(r.key))
      const numbers = rows.map((r) => String(r.data!.number)).sort()
      expect(numbers).toEqual([1, 2, 3, 4].map((n) => `DEV-${YEAR}-0000${n}`))
      for (const r of rows) expect(r.data!.date).toBe(todayInParis())
      // Each push answered with the row it numbered, as a pull brings it: the agent knows it in one round trip.
      replies.forEach((r, i) => expect(r.numbered).toEqual([rows.find((x) => x.key === ids[i])]))
    })

    it("answers the push that confirms an order (numbered under the lock taken first) with its number, and a push that numbers nothing without", async () => {
      const cid = clientId()
      const order = draftDocument("order", `o-answer-${backend}`, "cust-1", [{ id: "l1", label: "Gants nitrile", quantityMilli: 1000, unitPriceCents: 899, discountBp: 0, vatRateBp: 2000 }])
      const created = await server.push(team.agent.token, cid, [{ mid: 1, table: "orders", op: "put", key: order.id, fields: order, baseVersion: 0 } as Mutation])
      expect(created.conflicts).toEqual([])
      expect(created.numbered).toBeUndefined()
      const confirmed = await server.push(team.agent.token, cid, [{ mid: 2, table: "orders", op: "put", key: order.id, fields: { status: "confirmed" }, baseVersion: created.version } as Mutation])
      expect(confirmed.conflicts).toEqual([])
      const row = (await pullAll(server, team.agent.token)).find((x) => x.key === order.id)!
      expect(row.data!.number).toMatch(new RegExp(`^CMD-${YEAR}-\\d{5}$`))
      expect(confirmed.numbered).toEqual([row])
    })

    it("numbers a quote sent by two agents at once only once, and the next quote takes the next number (no gap from the loser)", async () => {
      const [a, b] = [team.agent, team.agent2]
      const [ca, cb] = [clientId(), clientId()]
      const id = `q-race-${backend}`
      const v = await create(a.token, ca, 1, draftQuote(id))
      // Both read the draft before either locks: the second to lock finds the row moved, rolls back its number
      // and decides again under the lock (server/sync/sync-service.ts), where the quote is already sent.
      const replies = await Promise.all([a, b].map((u, i) => server.push(u.token, [ca, cb][i]!, [{ mid: i === 0 ? 2 : 1, table: "quotes", op: "put", key: id, fields: { status: "sent" }, baseVersion: v } as Mutation])))
      expect(replies.filter((r) => r.conflicts.length === 0).length).toBeGreaterThanOrEqual(1)
      const sent = (await pullAll(server, a.token)).find((r) => r.key === id)!
      const taken = Number(String(sent.data!.number).slice(-5))
      const next = `q-after-race-${backend}`
      const v2 = await create(a.token, ca, 3, draftQuote(next))
      expect((await server.push(a.token, ca, [{ mid: 4, table: "quotes", op: "put", key: next, fields: { status: "sent" }, baseVersion: v2 } as Mutation])).conflicts).toEqual([])
      const after = (await pullAll(server, a.token)).find((r) => r.key === next)!
      expect(after.data!.number).toBe(`DEV-${YEAR}-${String(taken + 1).padStart(5, "0")}`)
    })

    it("refuses to issue a quote whose totals do not match its lines, and the next one takes the next number", async () => {
      const cid = clientId()
      const issue = async (mid: number, id: string, overrides: Record<string, unknown> = {}) => {
        const v = await create(team.agent.token, cid, mid, draftQuote(id, overrides))
        return server.push(team.agent.token, cid, [{ mid: mid + 1, table: "quotes", op: "put", key: id, fields: { status: "sent" }, baseVersion: v } as Mutation])
      }
      const numberOf = async (id: string) => String((await pullAll(server, team.agent.token)).find((x) => x.key === id)!.data!.number)
      expect((await issue(1, `q-before-${backend}`)).conflicts).toEqual([])
      const before = Number((await numberOf(`q-before-${backend}`)).slice(-5))

      const r = await issue(3, `q-bad-${backend}`, { totalVatCents: 541, totalInclVatCents: 3248 })
      expect(r.conflicts).toHaveLength(1)
      expect(r.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/totals do not match.*totalVatCents: 541 ≠ 540/) })
      expect(r.conflicts[0]!.serverRow!.data!.status).toBe("draft")

      expect((await issue(5, `q-next-${backend}`)).conflicts).toEqual([])
      expect(await numberOf(`q-next-${backend}`)).toBe(`DEV-${YEAR}-${String(before + 1).padStart(5, "0")}`)
    })

    it("refuses a rate France does not have, a negative line on a quote, and a rewritten history", async () => {
      const cid = clientId()
      const odd = draftQuote(`q-rate-${backend}`)
      const lines = odd.lines.map((l, i) => (i === 0 ? { ...l, vatRateBp: 1960 } : l))
      const t = computeTotals(lines)
      const v = await create(team.agent.token, cid, 1, { ...odd, lines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents })
      const rate = await server.push(team.agent.token, cid, [{ mid: 2, table: "quotes", op: "put", key: odd.id, fields: { status: "sent" }, baseVersion: v } as Mutation])
      expect(rate.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/19.6 % is not a French rate/) })

      const neg = draftQuote(`q-neg-${backend}`)
      const negLines = neg.lines.map((l, i) => (i === 0 ? { ...l, quantityMilli: -3000 } : l))
      const nt = computeTotals(negLines)
      const v2 = await create(team.agent.token, cid, 3, { ...neg, lines: negLines, totalExclVatCents: nt.totalExclVatCents, totalVatCents: nt.totalVatCents, totalInclVatCents: nt.totalInclVatCents })
      const negative = await server.push(team.agent.token, cid, [{ mid: 4, table: "quotes", op: "put", key: neg.id, fields: { status: "sent" }, baseVersion: v2 } as Mutation])
      expect(negative.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/positive quantities only/) })

      const v3 = await create(team.agent.token, cid, 5, draftQuote(`q-hist-${backend}`, { history: [{ status: "draft", at: 1, by: "a@b.c" }] }))
      const sent = await server.push(team.agent.token, cid, [{ mid: 6, table: "quotes", op: "put", key: `q-hist-${backend}`, fields: { status: "sent", history: [{ status: "draft", at: 1, by: "a@b.c" }, { status: "sent", at: 2, by: "a@b.c" }] }, baseVersion: v3 } as Mutation])
      expect(sent.conflicts).toEqual([])
      const rewrite = await server.push(team.agent.token, cid, [{ mid: 7, table: "quotes", op: "put", key: `q-hist-${backend}`, fields: { status: "accepted", history: [{ status: "accepted", at: 3, by: "x@y.z" }] }, baseVersion: sent.version } as Mutation])
      expect(rewrite.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: expect.stringMatching(/history .* can only grow/) })
    })

    it("keeps a draft made offline unnumbered, and numbers it when it is issued later", async () => {
      const cid = clientId()
      const v = await create(team.agent.token, cid, 1, draftQuote(`q-offline-${backend}`, { date: "2025-12-30" }))
      let row = (await pullAll(server, team.agent.token)).find((x) => x.key === `q-offline-${backend}`)!
      expect(row.data!.number).toBeNull()
      await server.push(team.agent.token, cid, [{ mid: 2, table: "quotes", op: "put", key: `q-offline-${backend}`, fields: { status: "sent" }, baseVersion: v } as Mutation])
      row = (await pullAll(server, team.agent.token)).find((x) => x.key === `q-offline-${backend}`)!
      expect(row.data!.number).toMatch(new RegExp(`^DEV-${YEAR}-\\d{5}$`))
      expect(row.data!.date).toBe(todayInParis())
    })

    it("refuses a number written by a client, an edit of a sent quote, and an illegal transition", async () => {
      const cid = clientId()
      const forged = await server.push(team.agent.token, cid, [{ mid: 1, table: "quotes", op: "put", key: `q-forged-${backend}`, fields: draftQuote(`q-forged-${backend}`, { number: "DEV-2026-99999" }), baseVersion: 0 } as Mutation])
      expect(forged.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/numbers are given by the server/) })

      const v = await create(team.agent.token, cid, 2, draftQuote(`q-edit-${backend}`))
      const accept = await server.push(team.agent.token, cid, [{ mid: 3, table: "quotes", op: "put", key: `q-edit-${backend}`, fields: { status: "accepted" }, baseVersion: v } as Mutation])
      expect(accept.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: "status cannot go from draft to accepted" })

      const sent = await server.push(team.agent.token, cid, [{ mid: 4, table: "quotes", op: "put", key: `q-edit-${backend}`, fields: { status: "sent" }, baseVersion: v } as Mutation])
      expect(sent.conflicts).toEqual([])
      const edit = await server.push(team.agent.token, cid, [{ mid: 5, table: "quotes", op: "put", key: `q-edit-${backend}`, fields: { notes: "remise oubliée" }, baseVersion: sent.version } as Mutation])
      expect(edit.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: expect.stringMatching(/a sent quote cannot be edited \(notes\)/) })
    })

    it("refuses payment terms over 60 days on the server too, naming the field", async () => {
      const res = await server.request("POST", "/sync/push", team.agent.token, {
        clientId: clientId(),
        schemaVersion: SCHEMA_VERSION,
        mutations: [{ mid: 1, table: "quotes", op: "put", key: `q-terms-${backend}`, fields: draftQuote(`q-terms-${backend}`, { paymentTerms: { kind: "net", days: 90 } }), baseVersion: 0 }]
      })
      expect(res.status).toBe(400)
      expect(String(res.body.message)).toMatch(/paymentTerms: .*cannot exceed 60 days/)
    })
  })
}
