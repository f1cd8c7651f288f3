import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"
import { draftDocument, gloves } from "../test/documents"
import { giveSeller } from "../test/seller"
import { todayInParis } from "./issue"

// "Cancel this payment" (issue #10, walk19): a payment record naming the one it cancels (`cancels`), which the server
// checks with the domain's rule on its own rows: the reason, once only, never a cancellation, who may, the credit.
for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`a payment cancelled on the server (${backend})`, () => {
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
    async function customer(c: string) {
      expect((await push(team.admin, "customers", c, { id: c, code: c.toUpperCase(), company: "Client annulation", country: "FR", language: "fr", creditLimitCents: null, createdAt: 1, updatedAt: 1 })).conflicts).toEqual([])
    }
    async function issuedInvoice(id: string, customerId: string, quantityMilli: number) {
      const d = draftDocument("invoice", id, customerId, [gloves("l1", quantityMilli, 10_000)])
      const created = await push(team.agent, "invoices", d.id, d, 0)
      expect(created.conflicts).toEqual([])
      expect((await push(team.agent, "invoices", d.id, { status: "issued" }, created.version)).conflicts).toEqual([])
    }
    const pay = (user: TestUser, id: string, invoiceId: string, customerId: string, amountCents: number, extra: Record<string, unknown> = {}) =>
      push(user, "payments", id, { id, invoiceId, customerId, date: todayInParis(), amountCents, method: "transfer", reference: "", createdAt: Date.now(), recordedBy: user.email, ...extra })
    const cancel = (user: TestUser, id: string, of: { id: string; invoiceId: string; customerId: string; amountCents: number; method?: string }, reason = "1 000 € tapés au lieu de 100 €") =>
      pay(user, id, of.invoiceId, of.customerId, -of.amountCents, { method: of.method ?? "transfer", cancels: of.id, cancelReason: reason })

    it("takes an agent's own cancellation of a payment recorded today, once, with a reason, and never of a cancellation", async () => {
      const c = `cancel-${backend}`
      await customer(c)
      await issuedInvoice(`i-cancel-${backend}`, c, 1000)
      const p = { id: `p-cancel-${backend}`, invoiceId: `i-cancel-${backend}`, customerId: c, amountCents: 10_000 }
      expect((await pay(team.agent, p.id, p.invoiceId, c, p.amountCents)).conflicts).toEqual([])

      expect((await cancel(team.agent, `x-empty-${backend}`, p, "  ")).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/say why the payment is cancelled/) })
      expect((await cancel(team.agent, `x-unknown-${backend}`, { ...p, id: "p-none" })).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/not among the customer's payments/) })
      expect((await cancel(team.agent, `x-half-${backend}`, { ...p, amountCents: 5_000 })).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/the payment's own amount/) })
      // Another agent's payment is not theirs to cancel.
      expect((await cancel(team.agent2, `x-other-${backend}`, p)).conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/only a manager cancels a payment, or the agent who recorded it on the same day/) })

      expect((await cancel(team.agent, `x-cancel-${backend}`, p)).conflicts).toEqual([])
      const row = (await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === `x-cancel-${backend}`)
      expect(row!.data).toMatchObject({ cancels: p.id, cancelReason: "1 000 € tapés au lieu de 100 €", amountCents: -10_000, recordedBy: team.agent.email })

      expect((await cancel(team.manager, `x-twice-${backend}`, p)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/already cancelled on \d{4}-\d{2}-\d{2} by /) })
      expect((await cancel(team.manager, `x-of-x-${backend}`, { ...p, id: `x-cancel-${backend}`, amountCents: -10_000 })).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/a cancellation is not cancelled/) })
      // The invoice is owed in full again: 120.00 € is taken, not refused as an overpayment.
      expect((await pay(team.agent, `p-again-${backend}`, p.invoiceId, c, 12_000)).conflicts).toEqual([])
    })

    // Cancelled offline at 23:55, pushed at 00:10: the team takes it on the server's day, not among refused changes.
    it("takes a cancellation the device dated yesterday and stores it dated the server's day, still judging an agent's right on the day the server stored the payment", async () => {
      const c = `cancel-late-${backend}`
      await customer(c)
      await issuedInvoice(`i-late-${backend}`, c, 1000)
      const yesterday = todayInParis(Date.now() - 24 * 3_600_000)
      const offline = (user: TestUser, id: string, of: { id: string; invoiceId: string; customerId: string; amountCents: number }) =>
        pay(user, id, of.invoiceId, of.customerId, -of.amountCents, { date: yesterday, createdAt: Date.now() - 3_600_000, cancels: of.id, cancelReason: "doublon" })

      // Recorded and cancelled offline, both reaching the server today: the agent's own payment of the server's day.
      const both = { id: `p-late-${backend}`, invoiceId: `i-late-${backend}`, customerId: c, amountCents: 2_000 }
      expect((await pay(team.agent, both.id, both.invoiceId, c, both.amountCents, { date: yesterday })).conflicts).toEqual([])
      expect((await offline(team.agent, `x-late-${backend}`, both)).conflicts).toEqual([])
      const stored = (await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === `x-late-${backend}`)
      expect(stored!.data).toMatchObject({ cancels: both.id, date: todayInParis(), amountCents: -2_000 })

      // Stored yesterday by the server: no longer the agent's to cancel, whatever the device's date; a manager's.
      const synced = { id: `p-synced-${backend}`, invoiceId: `i-late-${backend}`, customerId: c, amountCents: 3_000 }
      expect((await pay(team.agent, synced.id, synced.invoiceId, c, synced.amountCents, { date: yesterday })).conflicts).toEqual([])
      await server.backend.db.query(`UPDATE rows SET updated_at = updated_at - interval '1 day' WHERE table_name = 'payments' AND id = $1`, [synced.id])
      expect((await offline(team.agent, `x-synced-${backend}`, synced)).conflicts[0]).toMatchObject({ reason: "forbidden" })
      expect((await offline(team.manager, `x-synced-m-${backend}`, synced)).conflicts).toEqual([])
      expect((await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === `x-synced-m-${backend}`)!.data).toMatchObject({ date: todayInParis() })
    })

    // The device showed its own date until its next pull: the push's answer now carries the row as kept.
    it("answers a pushed cancellation with the date it was kept under", async () => {
      const c = `cancel-answer-${backend}`
      await customer(c)
      await issuedInvoice(`i-answer-${backend}`, c, 1000)
      const p = { id: `p-answer-${backend}`, invoiceId: `i-answer-${backend}`, customerId: c, amountCents: 4_000 }
      expect((await pay(team.agent, p.id, p.invoiceId, c, p.amountCents)).conflicts).toEqual([])
      const yesterday = todayInParis(Date.now() - 24 * 3_600_000)
      const answer = await pay(team.agent, `x-answer-${backend}`, p.invoiceId, c, -p.amountCents, { date: yesterday, cancels: p.id, cancelReason: "doublon" })
      expect(answer.conflicts).toEqual([])
      const kept = (await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === `x-answer-${backend}`)!
      expect(kept.data).toMatchObject({ date: todayInParis() })
      expect(answer.rewritten).toEqual([{ table: "payments", key: `x-answer-${backend}`, version: answer.version, deleted: false, data: kept.data }])

      // Dated today by the device: kept as sent, so the answer carries no row.
      const q = { id: `p-answer-2-${backend}`, invoiceId: p.invoiceId, customerId: c, amountCents: 1_000 }
      expect((await pay(team.agent, q.id, q.invoiceId, c, q.amountCents)).conflicts).toEqual([])
      const same = await cancel(team.agent, `x-answer-2-${backend}`, q)
      expect(same.conflicts).toEqual([])
      expect(same.rewritten).toBeUndefined()
    })

    it("lets a manager cancel any payment, and refuses to cancel an overpayment whose credit paid another invoice until that credit is cancelled", async () => {
      const c = `cancel-credit-${backend}`
      await customer(c)
      await issuedInvoice(`i-cc-a-${backend}`, c, 1000)
      await issuedInvoice(`i-cc-b-${backend}`, c, 2000)
      // 150.00 € on a 120.00 € invoice: 30.00 € of credit, applied to the second invoice.
      const over = { id: `p-cc-over-${backend}`, invoiceId: `i-cc-a-${backend}`, customerId: c, amountCents: 15_000 }
      expect((await pay(team.agent, over.id, over.invoiceId, c, over.amountCents, { overpaymentCents: 3_000 })).conflicts).toEqual([])
      const credit = { id: `p-cc-credit-${backend}`, invoiceId: `i-cc-b-${backend}`, customerId: c, amountCents: 3_000, method: "credit" }
      expect((await pay(team.agent, credit.id, credit.invoiceId, c, credit.amountCents, { method: "credit" })).conflicts).toEqual([])

      const refused = await cancel(team.manager, `x-cc-over-${backend}`, over)
      expect(refused.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/30\.00 € of this payment's credit were applied to FAC-\d{4}-\d{5}: cancel that credit first/) })
      expect((await cancel(team.manager, `x-cc-credit-${backend}`, credit, "crédit sur la mauvaise facture")).conflicts).toEqual([])
      expect((await cancel(team.manager, `x-cc-over-2-${backend}`, over)).conflicts).toEqual([])
    })

    it("refuses to cancel an overpayment whose excess was refunded until that refund is cancelled: the invoice is never owed more than its total", async () => {
      const c = `cancel-refund-${backend}`
      await customer(c)
      await issuedInvoice(`i-cr-${backend}`, c, 1000)
      // 150.00 € on a 120.00 € invoice, the 30.00 € excess sent back to the customer.
      const over = { id: `p-cr-over-${backend}`, invoiceId: `i-cr-${backend}`, customerId: c, amountCents: 15_000 }
      expect((await pay(team.agent, over.id, over.invoiceId, c, over.amountCents, { overpaymentCents: 3_000 })).conflicts).toEqual([])
      const refund = { id: `p-cr-refund-${backend}`, invoiceId: over.invoiceId, customerId: c, amountCents: -3_000 }
      expect((await pay(team.agent, refund.id, refund.invoiceId, c, refund.amountCents)).conflicts).toEqual([])

      expect((await cancel(team.manager, `x-cr-over-${backend}`, over)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/30\.00 € of this invoice's payments were sent back on \d{4}-\d{2}-\d{2}: cancel that refund first/) })
      expect((await cancel(team.manager, `x-cr-refund-${backend}`, refund, "remboursement jamais parti")).conflicts).toEqual([])
      expect((await cancel(team.manager, `x-cr-over-2-${backend}`, over)).conflicts).toEqual([])
    })
  })
}
