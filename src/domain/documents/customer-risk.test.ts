import { describe, expect, it } from "vitest"

import type { PaymentRecord, SalesDocument } from "./document.schema"
import { customerRisk } from "./customer-risk"

type Inv = Extract<SalesDocument, { type: "invoice" }>
type Ord = Extract<SalesDocument, { type: "order" }>
type Cn = Extract<SalesDocument, { type: "credit-note" }>

const base = { customerId: "c1", contactId: null, language: "fr" as const, number: null, lines: [], totalExclVatCents: 0, totalVatCents: 0, notes: "", salesRep: null, sourceId: null, history: [], createdAt: 0, updatedAt: 0 }
const invoice = (id: string, status: Inv["status"], dueDate: string, total: number): Inv => ({ ...base, id, type: "invoice", status, date: "2026-09-01", dueDate, paymentTerms: { kind: "net", days: 30 }, totalInclVatCents: total })
const order = (id: string, status: Ord["status"], total: number): Ord => ({ ...base, id, type: "order", status, date: "2026-11-01", paymentTerms: { kind: "net", days: 30 }, customerPoNumber: null, deliveryDate: null, riskOverride: null, totalInclVatCents: total })
const pay = (invoiceId: string, amountCents: number): PaymentRecord => ({ id: `p-${invoiceId}-${amountCents}`, invoiceId, customerId: "c1", date: "2026-11-01", amountCents, method: "transfer", reference: "", createdAt: 0 })

describe("a customer's risk from the documents on this device", () => {
  it("counts issued invoices less their payments and credit notes, and confirmed orders, never drafts", () => {
    const credit: Cn = { ...base, id: "cn1", type: "credit-note", status: "issued", date: "2026-11-02", correctsInvoiceId: "i2", totalInclVatCents: -20_000 }
    const r = customerRisk(
      { creditLimitCents: 1_000_000 },
      {
        invoices: [invoice("i1", "issued", "2026-12-31", 100_000), invoice("i2", "issued", "2026-12-31", 50_000), invoice("i3", "draft", "2026-12-31", 999_999)],
        creditNotes: [credit],
        orders: [order("o1", "confirmed", 70_000), order("o2", "draft", 999_999), order("o3", "invoiced", 999_999)],
        payments: [pay("i1", 40_000)]
      },
      "2026-12-02"
    )
    expect(r.unpaidInvoicesCents).toBe(60_000 + 30_000)
    expect(r.openOrdersCents).toBe(70_000)
    expect(r.outstandingCents).toBe(160_000)
    expect(r.level).toBe("ok")
  })

  it("blocks a customer whose unpaid invoice is 45 days late, and says how much and how late", () => {
    const r = customerRisk({ creditLimitCents: null }, { invoices: [invoice("i1", "issued", "2026-10-18", 12_000)], creditNotes: [], orders: [], payments: [] }, "2026-12-02")
    expect(r.level).toBe("blocked")
    expect(r.reasons[0]).toEqual({ code: "overdue-beyond-threshold", overdueCents: 12_000, days: 45, thresholdDays: 30 })
  })
})
