import { describe, expect, it } from "vitest"

import { CreditNote, Invoice, Order, PaymentRecord, Quote } from "./document.schema"
import { DEFAULT_DUNNING_SCHEDULE } from "./dunning"
import { filterRows, sortRows, summarize, toRows } from "./listing"
import { mailtoLink, reminderMail } from "./reminder-mail"

const line = { id: "l", label: "Gants", quantityMilli: 1000, unitPriceCents: 10_000, discountBp: 0, vatRateBp: 2000 }
const common = { customerId: "c1", language: "fr" as const, lines: [line], totalExclVatCents: 10_000, totalVatCents: 2000, totalInclVatCents: 12_000, createdAt: 1, updatedAt: 1 }
const today = "2026-12-02"
const customers = new Map([
  ["c1", { company: "Boulangerie Lefèvre", code: "C-00012" }],
  ["c2", { company: "Acme Ltd", code: "C-00099" }]
])

const quote = Quote.parse({ ...common, id: "q", type: "quote", status: "sent", number: "DEV-2026-00001", date: "2026-10-01", validUntil: "2026-10-31", paymentTerms: { kind: "net", days: 30 } })
const order = Order.parse({ ...common, id: "o", type: "order", status: "confirmed", number: "CMD-2026-00001", date: "2026-11-01", paymentTerms: { kind: "net", days: 30 } })
const late = Invoice.parse({ ...common, id: "i1", type: "invoice", status: "issued", number: "FAC-2026-00001", date: "2026-10-01", dueDate: "2026-10-31", paymentTerms: { kind: "net", days: 30 }, history: [{ status: "reminder:friendly", at: Date.parse("2026-11-08T09:00:00Z"), by: "a@x" }] })
const paid = Invoice.parse({ ...common, id: "i2", customerId: "c2", type: "invoice", status: "issued", number: "FAC-2026-00002", date: "2026-11-20", dueDate: "2026-12-20", paymentTerms: { kind: "net", days: 30 } })
const credit = CreditNote.parse({ ...common, id: "cn", type: "credit-note", status: "issued", number: "AV-2026-00001", date: "2026-11-02", correctsInvoiceId: "i1", lines: [{ ...line, quantityMilli: -250 }], totalExclVatCents: -2500, totalVatCents: -500, totalInclVatCents: -3000 })
const payment = PaymentRecord.parse({ id: "p", invoiceId: "i2", customerId: "c2", date: "2026-11-25", amountCents: 12_000, method: "transfer", createdAt: 1 })

const rows = toRows([quote, order, late, paid, credit], { today, customers, payments: [payment], creditNotes: [credit], schedule: DEFAULT_DUNNING_SCHEDULE })
const byId = (id: string) => rows.find((r) => r.id === id)!

describe("workspace lists", () => {
  it("shows a sent quote past its date as expired", () => {
    expect(byId("q").status).toBe("expired")
  })

  it("works out what is left to pay after a credit note, the days overdue and the next reminder", () => {
    // Credited 30 € and paid nothing: unpaid, not partly paid (a credit note is not a payment).
    expect(byId("i1")).toMatchObject({ remainingCents: 9000, paymentState: "unpaid", daysOverdue: 32 })
    expect(byId("i1").dunning).toMatchObject({ due: "firm", reached: "formal-notice", direct: "formal-notice", skips: ["firm"], sent: [{ level: "friendly", at: "2026-11-08" }] })
    expect(byId("i2")).toMatchObject({ remainingCents: 0, paymentState: "paid", daysOverdue: 0, dunning: null })
  })

  it("keeps an overdue invoice its credit notes took back entirely out of the unpaid, the overdue and the dunning, and calls it credited", () => {
    const full = CreditNote.parse({ ...credit, id: "cn2", number: "AV-2026-00002", lines: [{ ...line, quantityMilli: -750 }], totalExclVatCents: -7500, totalVatCents: -1500, totalInclVatCents: -9000 })
    const settled = toRows([late, full, credit], { today, customers, payments: [], creditNotes: [credit, full], schedule: DEFAULT_DUNNING_SCHEDULE })
    expect(settled[0]).toMatchObject({ remainingCents: 0, paymentState: "credited", daysOverdue: 0, dunning: null })
    expect(filterRows(settled, { status: "unpaid" })).toEqual([])
    expect(filterRows(settled, { overdue: true })).toEqual([])
    expect(summarize(settled)).toMatchObject({ unpaidInvoices: { count: 0, cents: 0 }, overdueInvoices: { count: 0, cents: 0, maxDays: 0 } })
  })

  it("finds an invoice its credit notes settled under its own filter, Settled by credit note, and not under Paid, where no money came in", () => {
    const full = CreditNote.parse({ ...credit, id: "cn2", number: "AV-2026-00002", lines: [{ ...line, quantityMilli: -750 }], totalExclVatCents: -7500, totalVatCents: -1500, totalInclVatCents: -9000 })
    const all = toRows([late, paid, full, credit], { today, customers, payments: [payment], creditNotes: [credit, full], schedule: DEFAULT_DUNNING_SCHEDULE })
    expect(filterRows(all, { status: "credited" }).map((r) => r.id)).toEqual(["i1"])
    expect(filterRows(all, { status: "paid" }).map((r) => r.id)).toEqual(["i2"])
  })

  it("finds a document number typed whole, not another document whose customer's code has the same digits", () => {
    // DEV-2026-00099 is Boulangerie Lefèvre's (C-00012), DEV-2026-00012 Acme's (C-00099): each number, one quote.
    const mine = Quote.parse({ ...quote, id: "q99", number: "DEV-2026-00099" })
    const theirs = Quote.parse({ ...quote, id: "q12", customerId: "c2", number: "DEV-2026-00012" })
    const quotes = toRows([mine, theirs], { today, customers, payments: [], creditNotes: [], schedule: DEFAULT_DUNNING_SCHEDULE })
    expect(filterRows(quotes, { query: "DEV-2026-00012" }).map((r) => r.id)).toEqual(["q12"])
    expect(filterRows(quotes, { query: "dev-2026-00099" }).map((r) => r.id)).toEqual(["q99"])
  })

  it("filters by status, customer, dates, overdue, and searches number or customer without accents", () => {
    expect(filterRows(rows, { query: "lefevre fac" }).map((r) => r.id)).toEqual(["i1"])
    expect(filterRows(rows, { query: "c-00099" }).map((r) => r.id)).toEqual(["i2"])
    expect(filterRows(rows, { query: "Lefèvre DEV" }).map((r) => r.id)).toEqual(["q"])
    expect(filterRows(rows, { overdue: true }).map((r) => r.id)).toEqual(["i1"])
    expect(filterRows(rows, { status: "paid" }).map((r) => r.id)).toEqual(["i2"])
    expect(filterRows(rows, { customerId: "c2" }).map((r) => r.id)).toEqual(["i2"])
    expect(filterRows(rows, { from: "2026-11-01", to: "2026-11-02" }).map((r) => r.id)).toEqual(["o", "cn"])
    expect(sortRows([...rows], "date")[0]!.id).toBe("i2")
  })

  it("sums the card's open quotes, open orders, unpaid and overdue invoices", () => {
    const open = toRows([{ ...quote, validUntil: "2026-12-31" }, order, late, paid], { today, customers, payments: [payment], creditNotes: [credit], schedule: DEFAULT_DUNNING_SCHEDULE })
    expect(summarize(open)).toEqual({
      openQuotes: { count: 1, cents: 12_000 },
      openOrders: { count: 1, cents: 12_000 },
      unpaidInvoices: { count: 1, cents: 9000 },
      // The most overdue one named too: the payment reminder script says its number, amount and due date.
      overdueInvoices: { count: 1, cents: 9000, maxDays: 32, mostOverdue: { number: "FAC-2026-00001", remainingCents: 9000, dueDate: "2026-10-31", daysOverdue: 32 } }
    })
  })
})

describe("reminder mails", () => {
  const facts = { invoiceNumber: "FAC-2026-00001", invoiceDate: "2026-10-01", dueDate: "2026-10-31", remainingCents: 9000, daysOverdue: 32, customerName: "Acme", contactName: "", sellerName: "Comptoir Démo", agentName: "Julie", earlierReminders: ["2026-11-08"] }

  it("writes the formal notice in French with the amount, the dates and the 8 days to pay", () => {
    const m = reminderMail("formal-notice", "fr", facts)
    expect(m.subject).toBe("Mise en demeure : facture FAC-2026-00001")
    expect(m.body).toMatch(/90,00\s€/u)
    expect(m.body).toContain("1 octobre 2026")
    expect(m.body).toContain("sous 8 jours")
    expect(m.body.startsWith("Madame, Monsieur,")).toBe(true)
  })

  it("writes the friendly reminder in English for an English-speaking customer", () => {
    const m = reminderMail("friendly", "en", { ...facts, contactName: "Mr Smith" })
    expect(m.subject).toBe("Reminder: invoice FAC-2026-00001")
    expect(m.body).toMatch(/^Dear Mr Smith,/)
    expect(m.body).toContain("€90.00")
    expect(m.body).toContain("31 October 2026")
  })

  it("builds a mailto link that keeps accents and line breaks", () => {
    const link = mailtoLink("compta@acme.test", reminderMail("firm", "fr", facts))
    expect(decodeURIComponent(link.split("body=")[1]!)).toContain("\n\nMalgré notre rappel du 8 novembre 2026")
  })
})
