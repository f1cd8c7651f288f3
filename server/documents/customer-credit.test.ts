import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"
import { draftDocument, gloves } from "../test/documents"
import { giveSeller } from "../test/seller"
import { todayInParis } from "./issue"

// The customer's credit applied to another invoice of theirs (issue #10, walk17): a payment of method "credit", which
// the server checks against the credit it counts from its own rows, never from what the device says it holds.
for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`the customer's credit applied on the server (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    const devices = new Devices(() => server)
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team()
      await giveSeller(server, team.admin)
    }, 90_000)
    afterAll(async () => server?.close())

    async function push(user: TestUser, table: string, key: string, fields: Record<string, unknown>, baseVersion?: number) {
      return devices.push(user, [{ table, op: "put", key, fields, ...(baseVersion === undefined ? {} : { baseVersion }) }])
    }
    async function issuedInvoice(id: string, customerId: string, quantityMilli: number) {
      const d = draftDocument("invoice", id, customerId, [gloves("l1", quantityMilli, 10_000)])
      const created = await push(team.agent, "invoices", d.id, d, 0)
      expect(created.conflicts).toEqual([])
      expect((await push(team.agent, "invoices", d.id, { status: "issued" }, created.version)).conflicts).toEqual([])
    }
    const payment = (id: string, invoiceId: string, customerId: string, amountCents: number, method: string, extra: Record<string, unknown> = {}) =>
      push(team.agent, "payments", id, { id, invoiceId, customerId, date: todayInParis(), amountCents, method, reference: "", createdAt: 1, ...extra })

    it("takes the credit an overpayment left on another invoice of the customer, and refuses more than the customer holds", async () => {
      const c = `credit-${backend}`
      expect((await push(team.admin, "customers", c, { id: c, code: c.toUpperCase(), company: "Client crédit", country: "FR", language: "fr", creditLimitCents: null, createdAt: 1, updatedAt: 1 })).conflicts).toEqual([])
      // 120.00 € and 240.00 € invoices; 150.00 € paid on the first: 30.00 € of credit.
      await issuedInvoice(`i-credit-a-${backend}`, c, 1000)
      await issuedInvoice(`i-credit-b-${backend}`, c, 2000)
      expect((await payment(`p-credit-over-${backend}`, `i-credit-a-${backend}`, c, 15_000, "transfer", { overpaymentCents: 3_000 })).conflicts).toEqual([])

      const tooMuch = await payment(`p-credit-40-${backend}`, `i-credit-b-${backend}`, c, 4_000, "credit")
      expect(tooMuch.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/the customer holds 30\.00 € of credit, not 40\.00 €/) })
      expect((await payment(`p-credit-neg-${backend}`, `i-credit-b-${backend}`, c, -1_000, "credit")).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/positive amount/) })

      expect((await payment(`p-credit-30-${backend}`, `i-credit-b-${backend}`, c, 3_000, "credit", { reference: "FAC-1" })).conflicts).toEqual([])
      const row = (await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === `p-credit-30-${backend}`)
      expect(row!.data).toMatchObject({ amountCents: 3_000, method: "credit" })
      // Spent: the same credit applied again (another agent, the same click) is refused, counted once.
      expect((await payment(`p-credit-again-${backend}`, `i-credit-b-${backend}`, c, 3_000, "credit")).conflicts[0]).toMatchObject({ message: expect.stringMatching(/holds 0\.00 € of credit/) })
    })

    it("refuses a credit that would overpay the invoice it is applied to, and a refund of an excess already applied elsewhere", async () => {
      const c = `credit-small-${backend}`
      expect((await push(team.admin, "customers", c, { id: c, code: c.toUpperCase(), company: "Client petit", country: "FR", language: "fr", creditLimitCents: null, createdAt: 1, updatedAt: 1 })).conflicts).toEqual([])
      await issuedInvoice(`i-small-a-${backend}`, c, 1000)
      await issuedInvoice(`i-small-b-${backend}`, c, 100)
      // 60.00 € of credit; the second invoice is 12.00 €.
      expect((await payment(`p-small-over-${backend}`, `i-small-a-${backend}`, c, 18_000, "transfer", { overpaymentCents: 6_000 })).conflicts).toEqual([])
      expect((await payment(`p-small-20-${backend}`, `i-small-b-${backend}`, c, 2_000, "credit")).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/12\.00 € left to pay; 20\.00 € of credit would overpay it/) })
      expect((await payment(`p-small-12-${backend}`, `i-small-b-${backend}`, c, 1_200, "credit")).conflicts).toEqual([])
      // 48.00 € of credit left: sending back the whole 60.00 € excess would count the 12.00 € applied twice.
      expect((await payment(`p-small-refund-all-${backend}`, `i-small-a-${backend}`, c, -6_000, "transfer")).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/60\.00 € of this invoice's excess would be taken back, but the customer holds 48\.00 € of credit/) })
      expect((await payment(`p-small-refund-${backend}`, `i-small-a-${backend}`, c, -4_800, "transfer", { reference: "Remboursement" })).conflicts).toEqual([])
    })
  })
}
