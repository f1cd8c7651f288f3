import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { computeTotals } from "../../src/domain/documents/totals"
import type { Mutation } from "../../src/domain/sync/protocol"
import { issueToken } from "../auth/users"
import { seedDemo } from "../seed-demo"
import { clientId, TestServer } from "../test/harness"
import { todayInParis } from "./issue"

describe("the demo team's paperwork", () => {
  let server: TestServer
  let teamId: string
  let token: string
  beforeAll(async () => {
    server = await TestServer.start("pglite")
    teamId = (await seedDemo(server.db, { customers: 300 })).teamId
    const [user] = await server.db.query<{ user_id: string }>("SELECT user_id FROM users WHERE email = 'agent1@demo.comptoir.test'")
    token = (await issueToken(server.db, "session", { userId: user!.user_id, teamId }, 3_600_000)).token
  }, 90_000)
  afterAll(async () => server?.close())

  it("holds quotes, orders, invoices, payments and call logs", async () => {
    const counts = await server.db.query<{ table_name: string; n: number }>("SELECT table_name, count(*)::int AS n FROM rows WHERE team_id = $1 GROUP BY table_name", [teamId])
    const by = Object.fromEntries(counts.map((c) => [c.table_name, c.n]))
    for (const t of ["quotes", "orders", "invoices", "creditNotes", "payments", "callLogs"]) expect(by[t], t).toBeGreaterThan(0)
  })

  it("seeds its UK and US customers' quotes, orders and invoices without French VAT (exports)", async () => {
    const docs = await server.db.query<{ vat: number; country: string }>(
      `SELECT (d.data->>'totalVatCents')::int AS vat, c.data->>'country' AS country FROM rows d JOIN rows c ON c.team_id = d.team_id AND c.table_name = 'customers' AND c.id = d.data->>'customerId'
       WHERE d.team_id = $1 AND d.table_name IN ('quotes', 'orders', 'invoices', 'creditNotes')`,
      [teamId]
    )
    const abroad = docs.filter((d) => d.country !== "FR")
    expect(abroad.length).toBeGreaterThan(0)
    expect(abroad.filter((d) => d.vat !== 0)).toEqual([])
    expect(docs.some((d) => d.country === "FR" && d.vat > 0)).toBe(true)
  })

  it("numbers the next quote after the seeded ones, never reusing one", async () => {
    const year = Number(todayInParis().slice(0, 4))
    // Expected from the seeded documents themselves, not from the counter the issuing code reads.
    const seeded = await server.db.query<{ n: string }>("SELECT data->>'number' AS n FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND data->>'number' LIKE $2", [teamId, `DEV-${year}-%`])
    expect(seeded.length).toBeGreaterThan(0)
    const highest = Math.max(...seeded.map((r) => Number(r.n.slice(-5))))
    const lines = [{ id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 1000, discountBp: 0, vatRateBp: 2000 }]
    const { totalExclVatCents, totalVatCents, totalInclVatCents } = computeTotals(lines)
    const [customer] = await server.db.query<{ id: string }>("SELECT id FROM rows WHERE team_id = $1 AND table_name = 'customers' LIMIT 1", [teamId])
    const doc = { id: "q-after-seed", type: "quote", status: "draft", customerId: customer!.id, language: "fr", date: todayInParis(), validUntil: "2099-01-01", paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents, totalVatCents, totalInclVatCents, createdAt: 1, updatedAt: 1 }
    const cid = clientId()
    const created = await server.push(token, cid, [{ mid: 1, table: "quotes", op: "put", key: doc.id, fields: doc, baseVersion: 0 } as Mutation])
    expect(created.conflicts).toEqual([])
    const sent = await server.push(token, cid, [{ mid: 2, table: "quotes", op: "put", key: doc.id, fields: { status: "sent" }, baseVersion: created.version } as Mutation])
    expect(sent.conflicts).toEqual([])
    const [row] = await server.db.query<{ data: { number: string } }>("SELECT data FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND id = 'q-after-seed'", [teamId])
    expect(row!.data.number).toBe(`DEV-${year}-${String(highest + 1).padStart(5, "0")}`)
    const same = await server.db.query("SELECT 1 FROM rows WHERE team_id = $1 AND table_name = 'quotes' AND data->>'number' = $2", [teamId, row!.data.number])
    expect(same).toHaveLength(1)
  })
})
