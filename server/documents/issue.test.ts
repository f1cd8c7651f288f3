import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { computeTotals } from "../../src/domain/documents/totals"
import { SCHEMA_VERSION, type Mutation } from "../../src/domain/sync/protocol"
import { clientId, skipPostgres, TestServer, type TestTeam } from "../test/harness"
import { todayInParis } from "./issue"

const YEAR = todayInParis().slice(0, 4)

function draftQuote(id: string, overrides: Record<string, unknown> = {}) {
  const lines = [
    { id: `${id}-1`, label: "Gants nitrile taille M (boîte de 100)", quantityMilli: 3000, unitPriceCents: 899, discountBp: 0, vatRateBp: 2000 },
    { id: `${id}-2`, label: "Livre technique", quantityMilli: 1000, unitPriceCents: 10, discountBp: 0, vatRateBp: 550 }
  ]
  const t = computeTotals(lines)
  return {
    id,
    type: "quote",
    status: "draft",
    customerId: "cust-1",
    language: "fr",
    date: "2026-01-05",
    validUntil: "2099-12-31",
    paymentTerms: { kind: "net", days: 30 },
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    createdAt: 1,
    updatedAt: 1,
    ...overrides
  }
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
    })

    it("refuses to issue a quote whose totals do not match its lines, and the next one takes the next number", async () => {
      const cid = clientId()
      const v = await create(team.agent.token, cid, 1, draftQuote(`q-bad-${backend}`, { totalVatCents: 541, totalInclVatCents: 3248 }))
      const r = await server.push(team.agent.token, cid, [{ mid: 2, table: "quotes", op: "put", key: `q-bad-${backend}`, fields: { status: "sent" }, baseVersion: v } as Mutation])
      expect(r.conflicts).toHaveLength(1)
      expect(r.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/totals do not match.*totalVatCents: 541 ≠ 540/) })
      expect(r.conflicts[0]!.serverRow!.data!.status).toBe("draft")

      const v2 = await create(team.agent.token, cid, 3, draftQuote(`q-next-${backend}`))
      const ok = await server.push(team.agent.token, cid, [{ mid: 4, table: "quotes", op: "put", key: `q-next-${backend}`, fields: { status: "sent" }, baseVersion: v2 } as Mutation])
      expect(ok.conflicts).toEqual([])
      const row = (await pullAll(server, team.agent.token)).find((x) => x.key === `q-next-${backend}`)!
      expect(row.data!.number).toBe(`DEV-${YEAR}-00005`)
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
