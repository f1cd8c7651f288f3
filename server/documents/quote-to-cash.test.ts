import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { DEMO_SELLER } from "../../src/domain/demo/demo-seller"
import { addDaysIso } from "../../src/domain/documents/payment-terms"
import { computeTotals } from "../../src/domain/documents/totals"
import { Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"
import { draftDocument, gloves, type TestLine } from "../test/documents"
import { giveSeller } from "../test/seller"
import { todayInParis } from "./issue"

const YEAR = todayInParis().slice(0, 4)
const line = gloves
const doc = (type: "order" | "invoice" | "credit-note", id: string, customerId: string, lines: TestLine[], extra: Record<string, unknown> = {}) => draftDocument(type, id, customerId, lines, extra)

const TABLE = { order: "orders", invoice: "invoices", "credit-note": "creditNotes" } as const

for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`quote to cash on the server (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    const devices = new Devices(() => server)
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team()
      await giveSeller(server, team.admin)
    }, 90_000)
    afterAll(async () => server?.close())

    /** One push of one mutation from this user's device. */
    async function push(user: TestUser, table: string, key: string, fields: Record<string, unknown>, baseVersion?: number) {
      return devices.push(user, [{ table, op: "put", key, fields, ...(baseVersion === undefined ? {} : { baseVersion }) }])
    }

    async function customer(id: string, creditLimitCents: number | null) {
      const r = await push(team.admin, "customers", id, { id, code: id.toUpperCase(), company: `Client ${id}`, country: "FR", language: "fr", creditLimitCents, createdAt: 1, updatedAt: 1 })
      expect(r.conflicts).toEqual([])
    }

    /** Creates a draft and moves it to its numbered status; returns the version after issuing. */
    async function issued(user: TestUser, type: "invoice" | "credit-note", d: ReturnType<typeof doc>) {
      const created = await push(user, TABLE[type], d.id, d, 0)
      expect(created.conflicts).toEqual([])
      const r = await push(user, TABLE[type], d.id, { status: "issued" }, created.version)
      expect(r.conflicts).toEqual([])
      return r.version
    }

    it("refuses an agent's confirmation of an order that puts the customer over its limit, with the reason in words", async () => {
      await customer("over-1", 100_000)
      const order = doc("order", `o-over-${backend}`, "over-1", [line("l1", 100_000, 1000)])
      const v = (await push(team.agent, "orders", order.id, order, 0)).version
      const r = await push(team.agent, "orders", order.id, { status: "confirmed" }, v)
      expect(r.conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/needs a manager's override: outstanding 1200\.00 € over the credit limit of 1000\.00 €/) })
      expect(r.conflicts[0]!.serverRow!.data).toMatchObject({ status: "draft", number: null })
    })

    it("refuses an override written by an agent, or one naming another manager", async () => {
      const order = doc("order", `o-agent-override-${backend}`, "over-1", [line("l1", 100_000, 1000)])
      const v = (await push(team.agent, "orders", order.id, order, 0)).version
      const byAgent = await push(team.agent, "orders", order.id, { riskOverride: { by: team.agent.email, reason: "I know them", at: 1 } }, v)
      expect(byAgent.conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/only a manager or an admin/) })
      const forged = await push(team.manager, "orders", order.id, { riskOverride: { by: team.admin.email, reason: "as the admin said", at: 1 } }, v)
      expect(forged.conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/names the manager who gives it/) })
    })

    it("lets the agent confirm once a manager has overridden the block, and keeps who and why for good", async () => {
      const order = doc("order", `o-overridden-${backend}`, "over-1", [line("l1", 100_000, 1000)])
      const v1 = (await push(team.agent, "orders", order.id, order, 0)).version
      const override = { by: team.manager.email, reason: "Pays by transfer before delivery", at: 5 }
      const v2 = await push(team.manager, "orders", order.id, { riskOverride: override }, v1)
      expect(v2.conflicts).toEqual([])
      const confirmed = await push(team.agent, "orders", order.id, { status: "confirmed" }, v2.version)
      expect(confirmed.conflicts).toEqual([])
      const rewrite = await push(team.manager, "orders", order.id, { riskOverride: { ...override, reason: "something else" } }, confirmed.version)
      expect(rewrite.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: expect.stringMatching(/a confirmed order cannot be edited \(riskOverride\)/) })
      const rows = (await server.pull(team.agent.token, "", 500)).rows.filter((r) => r.key === order.id)
      expect(rows[0]!.data).toMatchObject({ status: "confirmed", number: expect.stringMatching(new RegExp(`^CMD-${YEAR}-\\d{5}$`)), riskOverride: override })
    })

    it("blocks a customer within its limit whose invoice is overdue beyond 30 days, until a manager overrides", async () => {
      await customer("late-1", 10_000_000)
      // An invoice issued 80 days ago, due 50 days ago and unpaid: written as the demo seed writes history.
      const old = { ...doc("invoice", `i-late-${backend}`, "late-1", [line("l1", 1000, 5000)]), status: "issued", number: `FAC-1999-${backend}`, date: addDaysIso(todayInParis(), -80), dueDate: addDaysIso(todayInParis(), -50) }
      await server.db.query(`INSERT INTO rows (team_id, table_name, id, data, version) VALUES ($1, 'invoices', $2, $3::jsonb, 1)`, [team.id, old.id, JSON.stringify(old)])
      const order = doc("order", `o-late-${backend}`, "late-1", [line("l1", 1000, 1000)])
      const v = (await push(team.agent, "orders", order.id, order, 0)).version
      const refused = await push(team.agent, "orders", order.id, { status: "confirmed" }, v)
      expect(refused.conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/60\.00 € overdue, the oldest by 50 days \(invoices overdue more than 30 days\)/) })
      const o = await push(team.manager, "orders", order.id, { riskOverride: { by: team.manager.email, reason: "Agreed payment plan", at: 9 } }, v)
      expect((await push(team.agent, "orders", order.id, { status: "confirmed" }, o.version)).conflicts).toEqual([])
    })

    it("confirms by the team's own overdue threshold: an invoice 50 days late passes at 60 days, and needs an override at 45", async () => {
      // A team of its own: the threshold is the whole team's setting, the other tests keep 30 days.
      const own = await server.team("threshold")
      const threshold = async (user: TestUser, days: number) => push(user, "teamSettings", "seller", { id: "seller", seller: DEMO_SELLER, quoteValidityDays: 30, riskOverdueDays: days, updatedAt: Date.now() })
      expect((await threshold(own.manager, 60)).conflicts).toEqual([])
      await push(own.admin, "customers", "late-2", { id: "late-2", code: "LATE-2", company: "Client late-2", country: "FR", language: "fr", creditLimitCents: 10_000_000, createdAt: 1, updatedAt: 1 })
      const old = { ...doc("invoice", `i-late2-${backend}`, "late-2", [line("l1", 1000, 5000)]), status: "issued", number: `FAC-1998-${backend}`, date: addDaysIso(todayInParis(), -80), dueDate: addDaysIso(todayInParis(), -50) }
      await server.db.query(`INSERT INTO rows (team_id, table_name, id, data, version) VALUES ($1, 'invoices', $2, $3::jsonb, 1)`, [own.id, old.id, JSON.stringify(old)])
      const confirm = async (id: string) => {
        const order = doc("order", id, "late-2", [line("l1", 1000, 1000)])
        const v = (await push(own.agent, "orders", order.id, order, 0)).version
        return push(own.agent, "orders", order.id, { status: "confirmed" }, v)
      }
      expect((await confirm(`o-late2-a-${backend}`)).conflicts).toEqual([])
      expect((await threshold(own.manager, 45)).conflicts).toEqual([])
      const refused = await confirm(`o-late2-b-${backend}`)
      expect(refused.conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/the oldest by 50 days \(invoices overdue more than 45 days\)/) })
      // Only a manager sets it, and within 1 to 365 days.
      expect((await threshold(own.agent, 90)).conflicts[0]).toMatchObject({ reason: "forbidden" })
      await expect(threshold(own.manager, 400)).rejects.toThrow(/400 .*the overdue threshold is at most 365 days/)
    })

    it("refuses to accept a sent quote whose validity date has passed (expired by date)", async () => {
      const lines = [line("l1", 1000, 1000)]
      const t = computeTotals(lines)
      const q = { id: `q-exp-${backend}`, type: "quote", status: "draft", customerId: "pay-1", language: "fr", date: todayInParis(), validUntil: todayInParis(), paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents: t.totalExclVatCents, totalVatCents: t.totalVatCents, totalInclVatCents: t.totalInclVatCents, createdAt: 1, updatedAt: 1 }
      const v = (await push(team.agent, "quotes", q.id, q, 0)).version
      const sent = await push(team.agent, "quotes", q.id, { status: "sent" }, v)
      expect(sent.conflicts).toEqual([])
      // The day after its validity date, as a device whose clock is right sees it: the stored row says sent.
      await server.db.query(`UPDATE rows SET data = jsonb_set(data, '{validUntil}', to_jsonb($3::text)) WHERE team_id = $1 AND table_name = 'quotes' AND id = $2`, [team.id, q.id, addDaysIso(todayInParis(), -1)])
      const accept = await push(team.agent, "quotes", q.id, { status: "accepted" }, sent.version)
      expect(accept.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: expect.stringMatching(/expired on .*re-send it/) })
    })

    it("records partial payments up to what is left, and refuses one more cent or a payment on a draft", async () => {
      await customer("pay-1", null)
      const inv = doc("invoice", `i-pay-${backend}`, "pay-1", [line("l1", 1000, 10_000)])
      const draftOnly = doc("invoice", `i-draft-${backend}`, "pay-1", [line("l1", 1000, 10_000)])
      expect((await push(team.agent, "invoices", draftOnly.id, draftOnly, 0)).conflicts).toEqual([])
      await issued(team.agent, "invoice", inv)
      const pay = (id: string, invoiceId: string, amountCents: number) =>
        push(team.agent, "payments", id, { id, invoiceId, customerId: "pay-1", date: todayInParis(), amountCents, method: "transfer", reference: "VIR", createdAt: 1 })
      expect((await pay(`p-draft-${backend}`, draftOnly.id, 100)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/issued invoice/) })
      expect((await pay(`p-1-${backend}`, inv.id, 4_000)).conflicts).toEqual([])
      expect((await pay(`p-2-${backend}`, inv.id, 8_001)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/80\.00 € left to pay/) })
      expect((await pay(`p-3-${backend}`, inv.id, 8_000)).conflicts).toEqual([])
    })

    it("records an overpayment the device acknowledged with its exact excess, and refuses one not acknowledged or for another figure", async () => {
      await customer("pay-over", null)
      const inv = doc("invoice", `i-pay-over-${backend}`, "pay-over", [line("l1", 1000, 10_000)])
      await issued(team.agent, "invoice", inv)
      const pay = (id: string, amountCents: number, overpaymentCents?: number) =>
        push(team.agent, "payments", id, { id, invoiceId: inv.id, customerId: "pay-over", date: todayInParis(), amountCents, method: "transfer", reference: "VIR", createdAt: 1, ...(overpaymentCents ? { overpaymentCents } : {}) })
      // 150.00 € on an invoice of 120.00 €: 30.00 € over.
      expect((await pay(`p-over-none-${backend}`, 15_000)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/120\.00 € left to pay.*30\.00 € over it, not recorded as an overpayment/) })
      expect((await pay(`p-over-other-${backend}`, 15_000, 2_000)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/device said 20\.00 € over/) })
      expect((await pay(`p-over-ok-${backend}`, 15_000, 3_000)).conflicts).toEqual([])
      const row = (await server.pull(team.agent.token, "", 500)).rows.find((r) => r.key === `p-over-ok-${backend}`)
      expect(row!.data).toMatchObject({ amountCents: 15_000, overpaymentCents: 3_000 })
      // The invoice is paid: the same transfer recorded again by another agent, with the same words, is refused.
      expect((await pay(`p-over-again-${backend}`, 15_000, 3_000)).conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/0\.00 € left to pay/) })
    })

    it("keeps who recorded a payment, and refuses one naming another user than the one who pushes it", async () => {
      await customer("pay-by", null)
      const inv = doc("invoice", `i-pay-by-${backend}`, "pay-by", [line("l1", 1000, 10_000)])
      await issued(team.agent, "invoice", inv)
      const pay = (id: string, recordedBy: string) => push(team.agent, "payments", id, { id, invoiceId: inv.id, customerId: "pay-by", date: todayInParis(), amountCents: 1000, method: "cheque", reference: "", createdAt: 1, recordedBy })
      expect((await pay(`p-by-${backend}`, team.agent.email)).conflicts).toEqual([])
      const row = (await server.pull(team.agent.token, "", 500)).rows.find((r) => r.key === `p-by-${backend}`)
      expect(row!.data).toMatchObject({ recordedBy: team.agent.email })
      expect((await pay(`p-other-${backend}`, team.admin.email)).conflicts[0]).toMatchObject({ reason: "forbidden", message: expect.stringMatching(/names who recorded it/) })
    })

    it("numbers a credit note that corrects part of an issued invoice, and refuses one taking back more than the invoice", async () => {
      await customer("cn-1", null)
      const inv = doc("invoice", `i-cn-${backend}`, "cn-1", [line("l1", 2000, 10_000)])
      await issued(team.agent, "invoice", inv)
      const part = doc("credit-note", `cn-part-${backend}`, "cn-1", [line("l1", -1000, 10_000)], { correctsInvoiceId: inv.id })
      await issued(team.agent, "credit-note", part)
      const rows = (await server.pull(team.agent.token, "", 500)).rows.filter((r) => r.key === part.id)
      expect(rows[0]!.data!.number).toMatch(new RegExp(`^AV-${YEAR}-\\d{5}$`))
      const tooMuch = doc("credit-note", `cn-more-${backend}`, "cn-1", [line("l1", -2000, 10_000)], { correctsInvoiceId: inv.id })
      const v = (await push(team.agent, "creditNotes", tooMuch.id, tooMuch, 0)).version
      const r = await push(team.agent, "creditNotes", tooMuch.id, { status: "issued" }, v)
      expect(r.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/only 1 of "Gants nitrile" is left to credit on FAC-.* \(2 invoiced\), not 2/) })
    })

    /** An invoice of 12 rolls and a pallet: crediting rolls alone never reaches its amount. */
    const rolls = (id: string, quantityMilli: number) => ({ id, label: "Rouleau film étirable", quantityMilli, unitPriceCents: 1500, discountBp: 0, vatRateBp: 2000 })
    const pallet = (id: string) => ({ id, label: "Palette", quantityMilli: 1000, unitPriceCents: 100_000, discountBp: 0, vatRateBp: 2000 })
    const creditOf = (id: string, invoiceId: string, quantityMilli: number, invoiceLineId?: string) =>
      doc("credit-note", id, "cn-rolls", [{ ...rolls(`${id}-l1`, -quantityMilli), ...(invoiceLineId ? { invoiceLineId } : {}) }], { correctsInvoiceId: invoiceId })

    it("refuses a credit note that, with an earlier one, credits more rolls than the invoice has, with the reason in words", async () => {
      await customer("cn-rolls", null)
      const inv = doc("invoice", `i-rolls-${backend}`, "cn-rolls", [rolls("l1", 12_000), pallet("l2")])
      await issued(team.agent, "invoice", inv)
      await issued(team.agent, "credit-note", creditOf(`cn-rolls-1-${backend}`, inv.id, 1000, "l1"))
      const more = creditOf(`cn-rolls-2-${backend}`, inv.id, 12_000, "l1")
      const v = (await push(team.agent, "creditNotes", more.id, more, 0)).version
      const r = await push(team.agent, "creditNotes", more.id, { status: "issued" }, v)
      expect(r.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/only 11 of "Rouleau film étirable" are left to credit on FAC-.* \(12 invoiced\), not 12/) })
      expect(r.conflicts[0]!.serverRow!.data).toMatchObject({ status: "draft", number: null })
      // What is left is still creditable.
      await issued(team.agent, "credit-note", creditOf(`cn-rolls-3-${backend}`, inv.id, 11_000, "l1"))
    })

    it("counts an older credit note that does not name its invoice line, matched on the line's label, price, discount and VAT rate", async () => {
      const inv = doc("invoice", `i-rolls-old-${backend}`, "cn-rolls", [rolls("l1", 12_000), pallet("l2")])
      await issued(team.agent, "invoice", inv)
      await issued(team.agent, "credit-note", creditOf(`cn-old-1-${backend}`, inv.id, 5000))
      const more = creditOf(`cn-old-2-${backend}`, inv.id, 8000, "l1")
      const v = (await push(team.agent, "creditNotes", more.id, more, 0)).version
      const r = await push(team.agent, "creditNotes", more.id, { status: "issued" }, v)
      expect(r.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/only 7 of "Rouleau film étirable"/) })
    })

    it("lets only one of two agents issuing credit notes of the same rolls at once through when together they exceed the invoice", async () => {
      const inv = doc("invoice", `i-rolls-race-${backend}`, "cn-rolls", [rolls("l1", 12_000), pallet("l2")])
      await issued(team.agent, "invoice", inv)
      const [a, b] = [creditOf(`cn-race-a-${backend}`, inv.id, 7000, "l1"), creditOf(`cn-race-b-${backend}`, inv.id, 7000, "l1")]
      const va = (await push(team.agent, "creditNotes", a.id, a, 0)).version
      const vb = (await push(team.agent2, "creditNotes", b.id, b, 0)).version
      const replies = await Promise.all([
        push(team.agent, "creditNotes", a.id, { status: "issued" }, va),
        push(team.agent2, "creditNotes", b.id, { status: "issued" }, vb)
      ])
      expect(replies.map((r) => r.conflicts.length).sort()).toEqual([0, 1])
      expect(replies.flatMap((r) => r.conflicts)[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/only 5 of "Rouleau film étirable"/) })
      const numbered = (await server.pull(team.agent.token, "", 1000)).rows.filter((r) => r.key === a.id || r.key === b.id).filter((r) => r.data!.number !== null)
      expect(numbered).toHaveLength(1)
    })

    async function stored(id: string) {
      return (await server.pull(team.agent.token, "", 1000)).rows.find((r) => r.key === id)!.data as { status: string; customerPoNumber: string | null; history: { status: string; at: number; by: string; from?: string | null; to?: string | null }[] }
    }

    /** A confirmed order of customer po-1, its version and its history as the server keeps them. */
    async function confirmedOrder(id: string) {
      const v = (await push(team.agent, "orders", id, doc("order", id, "po-1", [line("l1", 2_000, 1250)]), 0)).version
      const confirmed = await push(team.agent, "orders", id, { status: "confirmed", history: [{ status: "confirmed", at: 10, by: team.agent.email }] }, v)
      expect(confirmed.conflicts).toEqual([])
      return { version: confirmed.version, history: (await stored(id)).history }
    }

    it("takes the customer's order number on a confirmed order, with the history entry that says who added it", async () => {
      await customer("po-1", null)
      const id = `o-po-confirmed-${backend}`
      const { version, history } = await confirmedOrder(id)
      const r = await push(team.agent2, "orders", id, { customerPoNumber: "PO-77120", history: [...history, { status: "po-number", at: 20, by: team.agent2.email }] }, version)
      expect(r.conflicts).toEqual([])
      expect(await stored(id)).toMatchObject({ status: "confirmed", customerPoNumber: "PO-77120", history: [...history, { status: "po-number", at: 20, by: team.agent2.email }] })
    })

    it("keeps in the history entry the number a confirmed order's customer PO replaced, added then corrected", async () => {
      const id = `o-po-from-to-${backend}`
      const { version, history } = await confirmedOrder(id)
      const added = { status: "po-number", at: 20, by: team.agent.email, from: null, to: "PO-4411" }
      const v = await push(team.agent, "orders", id, { customerPoNumber: "PO-4411", history: [...history, added] }, version)
      expect(v.conflicts).toEqual([])
      const corrected = { status: "po-number", at: 30, by: team.agent2.email, from: "PO-4411", to: "PO-4412" }
      const r = await push(team.agent2, "orders", id, { customerPoNumber: "PO-4412", history: [...history, added, corrected] }, v.version)
      expect(r.conflicts).toEqual([])
      expect((await stored(id)).history.slice(-2)).toEqual([added, corrected])
    })

    it("refuses a history entry that says the customer PO changed from or to another number than it did", async () => {
      const id = `o-po-wrong-from-${backend}`
      const { version, history } = await confirmedOrder(id)
      const wrongFrom = await push(team.agent, "orders", id, { customerPoNumber: "PO-4411", history: [...history, { status: "po-number", at: 20, by: team.agent.email, from: "PO-0001", to: "PO-4411" }] }, version)
      expect(wrongFrom.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/history says the customer's order number changed from PO-0001 to PO-4411, but it changed from \(none\) to PO-4411/) })
      const wrongTo = await push(team.agent, "orders", id, { customerPoNumber: "PO-4411", history: [...history, { status: "po-number", at: 20, by: team.agent.email, from: null, to: "PO-9999" }] }, version)
      expect(wrongTo.conflicts[0]).toMatchObject({ reason: "invalid" })
      expect((await stored(id)).customerPoNumber).toBeNull()
    })

    it("refuses a confirmed order's number changed without its history entry", async () => {
      const id = `o-po-unlogged-${backend}`
      const { version } = await confirmedOrder(id)
      const unlogged = await push(team.agent, "orders", id, { customerPoNumber: "PO-1" }, version)
      expect(unlogged.conflicts[0]).toMatchObject({ reason: "invalid", message: expect.stringMatching(/changes with an entry in its history/) })
      expect((await stored(id)).customerPoNumber).toBeNull()
    })

    it("refuses the number on an invoiced order, saying its invoice carries it", async () => {
      const id = `o-po-invoiced-${backend}`
      const { version, history } = await confirmedOrder(id)
      const invoicedHistory = [...history, { status: "invoiced", at: 30, by: team.agent.email }]
      const invoiced = await push(team.agent, "orders", id, { status: "invoiced", history: invoicedHistory }, version)
      expect(invoiced.conflicts).toEqual([])
      const r = await push(team.agent, "orders", id, { customerPoNumber: "PO-LATE", history: [...invoicedHistory, { status: "po-number", at: 40, by: team.agent.email }] }, invoiced.version)
      expect(r.conflicts[0]).toMatchObject({ reason: "illegal-transition", message: expect.stringMatching(/of an invoiced order cannot change: its invoice carries it/) })
      expect((await stored(id)).customerPoNumber).toBeNull()
    })
  })
}
