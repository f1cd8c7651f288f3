import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { DEMO_SELLER } from "../../src/domain/demo/demo-seller"
import { SCHEMA_VERSION, type Mutation } from "../../src/domain/sync/protocol"
import { draftDocument, gloves } from "../test/documents"
import { clientId, Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"

const lines = [gloves("l1", 2000, 899)]
const draft = (type: "quote" | "order" | "invoice", id: string, customerId = "cust-seller") => draftDocument(type, id, customerId, lines)

for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`the seller identity and a quote's status on the server (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    const devices = new Devices(() => server)
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team()
    }, 90_000)
    afterAll(async () => server?.close())

    async function push(user: TestUser, table: string, key: string, fields: Record<string, unknown>, baseVersion?: number, extra: ReadonlyArray<Omit<Mutation, "mid">> = []) {
      return devices.push(user, [...extra, { table, op: "put", key, fields, ...(baseVersion === undefined ? {} : { baseVersion }) }])
    }

    it("refuses to number a quote or an invoice while the team has no seller identity, and says so in words", async () => {
      const q = await push(team.agent, "quotes", "q-no-seller", draft("quote", "q-no-seller"), 0)
      const sent = await push(team.agent, "quotes", "q-no-seller", { status: "sent" }, q.version)
      expect(sent.conflicts).toMatchObject([{ reason: "invalid", message: expect.stringMatching(/^a quote cannot be issued while the team's seller identity is incomplete \(the seller identity has not been filled in\)/) }])
      expect(sent.conflicts[0]!.serverRow!.data).toMatchObject({ status: "draft", number: null })

      const i = await push(team.agent, "invoices", "i-no-seller", draft("invoice", "i-no-seller"), 0)
      const issued = await push(team.agent, "invoices", "i-no-seller", { status: "issued" }, i.version)
      expect(issued.conflicts[0]?.message).toMatch(/^an invoice cannot be issued while the team's seller identity is incomplete/)
    })

    it("names each missing piece of a seller identity stored incomplete, and issues in the push that completes it", async () => {
      // Pushes of an incomplete identity are refused by the table's schema; a row kept from before is not.
      await server.db.query(
        `INSERT INTO rows (team_id, table_name, id, data, version, deleted, updated_at) VALUES ($1, 'teamSettings', 'seller', $2::jsonb, 1, false, now())`,
        [team.id, JSON.stringify({ id: "seller", seller: { name: "Comptoir", legalForm: "SAS", siren: "12345", vatNumber: "", address: { line: "", postalCode: "69002", city: "Lyon", country: "FR" } }, updatedAt: 1 })]
      )
      const q = await push(team.manager, "quotes", "q-partial", draft("quote", "q-partial"), 0)
      const sent = await push(team.manager, "quotes", "q-partial", { status: "sent" }, q.version)
      const message = sent.conflicts[0]?.message ?? ""
      expect(message).toContain("the SIREN has 9 digits")
      expect(message).toContain("the VAT number starts with the country code")
      expect(message).toContain("the street address is missing")
      expect(message).toContain("the city of the trade register (RCS) is missing")

      const seller = { id: "seller", seller: DEMO_SELLER, quoteValidityDays: 30, updatedAt: Date.now() }
      const again = await push(team.manager, "quotes", "q-partial", { status: "sent" }, q.version, [{ table: "teamSettings", op: "put", key: "seller", fields: seller }])
      expect(again.conflicts).toEqual([])
      const row = (await server.rowsOf(team.id)).find((r) => r.id === "q-partial")!
      expect(String(row.data!.number)).toMatch(/^DEV-\d{4}-00001$/)
    })

    it("refuses a late-payment penalty rate below three times the legal interest rate, pushed or kept from before", async () => {
      const low = { id: "seller", seller: { ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 300 } }, quoteValidityDays: 30, updatedAt: Date.now() }
      const pushed = await server.request("POST", "/sync/push", team.manager.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations: [{ mid: 1, table: "teamSettings", op: "put", key: "seller", fields: low }] })
      expect(pushed.status).toBe(400)
      expect(JSON.stringify(pushed.body)).toContain("three times the legal interest rate")

      // A rate the law overtook (stored before a new half-year): the row stays readable, issuing is refused.
      const other = await server.team("low-penalty")
      await server.db.query(`INSERT INTO rows (team_id, table_name, id, data, version, deleted, updated_at) VALUES ($1, 'teamSettings', 'seller', $2::jsonb, 1, false, now())`, [other.id, JSON.stringify(low)])
      // Its lines include a 0 % product with its own exemption mention, which the server keeps as sent.
      const training = { id: "l2", label: "Formation HACCP", quantityMilli: 1000, unitPriceCents: 45_000, discountBp: 0, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI" }
      const q = await push(other.agent, "quotes", "q-low-penalty", draftDocument("quote", "q-low-penalty", "cust-low", [...lines, training]), 0)
      const sent = await push(other.agent, "quotes", "q-low-penalty", { status: "sent" }, q.version)
      expect(sent.conflicts).toMatchObject([{ reason: "invalid", message: expect.stringMatching(/^a quote cannot be issued .*below three times the legal interest rate: \d+\.\d+% in the (first|second) half of \d{4}/) }])

      const fair = { ...low, seller: { ...DEMO_SELLER, latePenalty: { kind: "fixed", rateBp: 1200 }, earlyPaymentDiscountBp: 150 }, updatedAt: Date.now() }
      const again = await push(other.manager, "quotes", "q-low-penalty", { status: "sent" }, q.version, [{ table: "teamSettings", op: "put", key: "seller", fields: fair }])
      expect(again.conflicts).toEqual([])
      const row = (await server.rowsOf(other.id)).find((r) => r.id === "q-low-penalty")!
      expect(String(row.data!.number)).toMatch(/^DEV-\d{4}-00001$/)
      expect((row.data!.lines as { vatExemption?: string }[])[1]!.vatExemption).toBe("Exonération de TVA, article 261-4-4° du CGI")
    })

    it("does not ask an order for the seller identity (it stays in-house)", async () => {
      const other = await server.team("no-seller")
      const o = await push(other.agent, "orders", "o-no-seller", draft("order", "o-no-seller", "cust-none"), 0)
      const confirmed = await push(other.agent, "orders", "o-no-seller", { status: "confirmed" }, o.version)
      expect(confirmed.conflicts).toEqual([])
    })

    it("takes a sent quote to accepted with its timestamped history, and refuses a refusal made on the older version", async () => {
      const q = await push(team.agent, "quotes", "q-race", draft("quote", "q-race"), 0)
      const sent = await push(team.agent, "quotes", "q-race", { status: "sent", history: [{ status: "sent", at: 1_000, by: team.agent.email }] }, q.version)
      expect(sent.conflicts).toEqual([])
      const accepted = await push(team.agent, "quotes", "q-race", { status: "accepted", history: [{ status: "sent", at: 1_000, by: team.agent.email }, { status: "accepted", at: 2_000, by: team.agent.email }] }, sent.version)
      expect(accepted.conflicts).toEqual([])
      // Another agent's device still on the sent version refuses it: the server keeps the acceptance.
      const late = await push(team.agent2, "quotes", "q-race", { status: "refused", history: [{ status: "sent", at: 1_000, by: team.agent.email }, { status: "refused", at: 2_500, by: team.agent2.email }] }, sent.version)
      expect(late.conflicts).toMatchObject([{ reason: "stale", serverRow: { version: accepted.version, data: { status: "accepted" } } }])
      const row = (await server.rowsOf(team.id)).find((r) => r.id === "q-race")!
      expect(row.data).toMatchObject({ status: "accepted", history: [{ status: "sent", at: 1_000 }, { status: "accepted", at: 2_000 }] })
    })
  })
}
