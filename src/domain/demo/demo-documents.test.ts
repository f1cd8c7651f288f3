import { describe, expect, it } from "vitest"

import { CallLog } from "../calls/call-log.schema"
import { Customer } from "../customers/customer.schema"
import { formatCents } from "../documents/money"
import { checkCancellation } from "../documents/payment-cancel"
import { invoiceBalance } from "../documents/payments"
import { assessRisk } from "../documents/risk"
import { generateCustomers, generateProducts } from "./demo-data"
import { generateDemoDocuments, OVER_LIMIT_QUOTE_ID } from "./demo-documents"

const TODAY = "2026-12-02"
const customers = generateCustomers({ count: 300 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c))
const demo = generateDemoDocuments(customers, generateProducts(), TODAY)

describe("the demo team's documents", () => {
  it("has quotes, orders, invoices, a credit note and payments, each a valid document", () => {
    const types = new Set(demo.documents.map((d) => d.type))
    expect([...types].sort()).toEqual(["credit-note", "invoice", "order", "quote"])
    // What the server would check when issuing them: French rates, signs by type, payments on seeded invoices.
    for (const d of demo.documents) {
      for (const l of d.lines) expect([2000, 1000, 550, 210, 0]).toContain(l.vatRateBp)
      for (const l of d.lines) expect(Math.sign(l.quantityMilli)).toBe(d.type === "credit-note" ? -1 : 1)
    }
    const invoiceIds = new Set(demo.documents.filter((d) => d.type === "invoice").map((d) => d.id))
    expect(demo.payments.length).toBeGreaterThan(20)
    for (const p of demo.payments) expect(invoiceIds.has(p.invoiceId)).toBe(true)
  })

  it("numbers issued documents without gaps per type and year, and leaves drafts unnumbered", () => {
    for (const { type, year, last } of demo.lastNumbers) {
      const nums = demo.documents.filter((d) => d.type === type && d.number?.includes(`-${year}-`)).map((d) => Number(d.number!.slice(-5)))
      expect(nums.sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1))
    }
    for (const d of demo.documents.filter((x) => x.status === "draft")) expect(d.number).toBeNull()
  })

  it("has overdue invoices and one customer over its credit limit", () => {
    const invoices = demo.documents.filter((d) => d.type === "invoice")
    const overdue = invoices.filter((i) => i.type === "invoice" && i.dueDate < TODAY && invoiceBalance(i.totalInclVatCents, demo.payments.filter((p) => p.invoiceId === i.id)).remainingCents > 0)
    expect(overdue.length).toBeGreaterThan(3)
    const c = customers.find((x) => x.id === demo.overLimitCustomerId)!
    const risk = assessRisk({
      creditLimitCents: c.creditLimitCents,
      invoices: invoices.filter((i) => i.customerId === c.id).map((i) => ({ issueDate: i.date, dueDate: (i as { dueDate: string }).dueDate, totalInclVatCents: i.totalInclVatCents, payments: demo.payments.filter((p) => p.invoiceId === i.id) })),
      openOrders: demo.documents.filter((d) => d.type === "order" && d.status === "confirmed" && d.customerId === c.id),
      today: TODAY
    })
    expect(risk.level).toBe("blocked")
    expect(risk.reasons[0]?.code).toBe("over-limit")
  })

  it("charges no French VAT to its UK and US customers (exports), and the catalog's rates to its French ones", () => {
    const country = new Map(customers.map((c) => [c.id, c.country]))
    const abroad = demo.documents.filter((d) => country.get(d.customerId) !== "FR")
    const home = demo.documents.filter((d) => country.get(d.customerId) === "FR")
    expect(new Set(abroad.map((d) => country.get(d.customerId)))).toEqual(new Set(["GB", "US"]))
    for (const d of abroad) expect({ number: d.number, rates: [...new Set(d.lines.map((l) => l.vatRateBp))], vat: d.totalVatCents }).toEqual({ number: d.number, rates: [0], vat: 0 })
    expect(home.flatMap((d) => d.lines).some((l) => l.vatRateBp === 2000)).toBe(true)
  })

  it("has a call history of valid call logs, each to a demo customer, for the customer card's timeline", () => {
    expect(demo.callLogs.length).toBeGreaterThan(60)
    const ids = new Set(customers.map((c) => c.id))
    for (const l of demo.callLogs) {
      expect(CallLog.safeParse(l).success).toBe(true)
      expect(ids.has(l.customerId!)).toBe(true)
    }
    expect(new Set(demo.callLogs.map((l) => l.outcome)).size).toBeGreaterThanOrEqual(6)
    expect(demo.callLogs.some((l) => l.appointment !== null && l.callbackAt === null)).toBe(true)
  })
})

describe("the demo's dates, as an agent reads them on the morning it is made", () => {
  it("never records a payment before the invoice it pays was issued", () => {
    // Customers paying on receipt have their due date on the invoice's date: paid "a few days before the due date"
    // must not go back before the invoice itself.
    const invoices = new Map(demo.documents.filter((d) => d.type === "invoice").map((d) => [d.id, d]))
    const early = demo.payments.filter((p) => p.date < invoices.get(p.invoiceId)!.date)
    expect(early.map((p) => `${invoices.get(p.invoiceId)!.number} issued ${invoices.get(p.invoiceId)!.date}, paid ${p.date}`)).toEqual([])
  })

  it("shows no call that has not happened yet: every call ended before the day began in Paris", () => {
    // The seed runs when the server starts (npm start, early in the morning too); a call "today at 11:57" seen at 9:00 is in the future.
    const dayBegan = Date.parse(`${TODAY}T00:00:00+01:00`)
    const later = demo.callLogs.filter((l) => l.startedAt + l.durationSeconds * 1000 > dayBegan)
    expect(later.map((l) => new Date(l.startedAt).toISOString())).toEqual([])
  })
})

describe("the demo's walkthrough of a blocked order", () => {
  it("has an accepted, still valid quote for the customer over its limit", () => {
    const q = demo.documents.find((d) => d.id === OVER_LIMIT_QUOTE_ID)
    expect(q).toMatchObject({ type: "quote", status: "accepted", customerId: demo.overLimitCustomerId, number: expect.stringMatching(/^DEV-/) })
    expect(q?.type === "quote" && q.validUntil >= TODAY).toBe(true)
  })
})

describe("the demo's payment typed wrong", () => {
  const cancellation = demo.payments.find((p) => p.cancels !== undefined)
  const typo = demo.payments.find((p) => p.id === cancellation?.cancels)
  const invoice = demo.documents.find((d): d is Extract<typeof d, { type: "invoice" }> => d.type === "invoice" && d.id === cancellation?.invoiceId)
  const own = demo.payments.filter((p) => p.invoiceId === invoice?.id)
  const right = own.find((p) => p !== typo && p !== cancellation)

  it("has a French customer's transfer typed wrong, cancelled the same day by the agent who typed it, with why, then the right one", () => {
    expect(cancellation, "a cancelled payment").toBeDefined()
    expect(customers.find((c) => c.id === invoice!.customerId)?.country).toBe("FR")
    expect(own.map((p) => p.id)).toEqual([typo!.id, cancellation!.id, right!.id])
    expect({ method: typo!.method, date: typo!.date, by: typo!.recordedBy }).toEqual({ method: "transfer", date: cancellation!.date, by: "agent1@demo.comptoir.test" })
    expect(cancellation).toMatchObject({ amountCents: -typo!.amountCents, method: "transfer", recordedBy: typo!.recordedBy })
    expect(cancellation!.cancelReason).toBe(`Montant mal saisi : ${formatCents(right!.amountCents, "fr")} et non ${formatCents(typo!.amountCents, "fr")}`)
    // Recorded in that order, on one morning: the typo, its cancellation, the right transfer.
    expect(typo!.createdAt < cancellation!.createdAt && cancellation!.createdAt < right!.createdAt).toBe(true)
    expect(right).toMatchObject({ method: "transfer", date: typo!.date, recordedBy: typo!.recordedBy })
  })

  it("passes the rules the server checks a cancellation with, on the day it was made, by the agent who made it", () => {
    const mine = { invoices: [invoice!], creditNotes: [], payments: demo.payments.filter((p) => p.customerId === invoice!.customerId && p !== cancellation) }
    expect(checkCancellation(cancellation!, mine, { email: "agent1@demo.comptoir.test", role: "agent" }, cancellation!.date)).toBeNull()
  })

  it("leaves the invoice paid by the right transfer alone, on its day", () => {
    expect(invoiceBalance(invoice!.totalInclVatCents, own)).toMatchObject({ paidCents: right!.amountCents, remainingCents: 0, state: "paid", paidOn: right!.date, excessCents: 0 })
    expect(right!.amountCents).toBe(invoice!.totalInclVatCents)
  })
})
