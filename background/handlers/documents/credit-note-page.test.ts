import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { DocumentStore } from "~src/db/document-store"
import { getDb } from "~src/db/database"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { CreditNote, Invoice, Order } from "~src/domain/documents/document.schema"

import { ask, stubChrome } from "../handler-test-kit"

const line = { id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 50_000, discountBp: 0, vatRateBp: 2000 }
const customerId = `credit-page-${Math.random()}`
const base = { customerId, language: "fr" as const, lines: [line], totalExclVatCents: 50_000, totalVatCents: 10_000, totalInclVatCents: 60_000, createdAt: 1, updatedAt: 1 }
const terms = { paymentTerms: { kind: "net" as const, days: 30 } }
const order = Order.parse({ ...base, ...terms, id: `ord-${customerId}`, type: "order", status: "invoiced", number: "CMD-2026-00090", date: "2026-11-18", customerPoNumber: "PO-4411" })
const invoice = Invoice.parse({ ...base, ...terms, id: `inv-${customerId}`, type: "invoice", status: "issued", number: "FAC-2026-00090", date: "2026-11-20", dueDate: "2026-12-20", sourceId: order.id, customerPoNumber: "PO-4411" })
const credit = CreditNote.parse({
  ...base,
  id: `cn-${customerId}`,
  type: "credit-note",
  status: "issued",
  number: "AV-2026-00012",
  date: "2026-12-01",
  lines: [{ ...line, id: "c1", quantityMilli: -1000, invoiceLineId: "l1" }],
  totalExclVatCents: -50_000,
  totalVatCents: -10_000,
  totalInclVatCents: -60_000,
  correctsInvoiceId: invoice.id,
  sourceId: invoice.id
})
/** An invoice made without an order (none on this device). */
const direct = Invoice.parse({ ...invoice, id: `inv2-${customerId}`, number: "FAC-2026-00091", sourceId: null, customerPoNumber: null })
const directCredit = CreditNote.parse({ ...credit, id: `cn2-${customerId}`, number: "AV-2026-00013", correctsInvoiceId: direct.id, sourceId: direct.id })

type Corrected = { id: string; number: string; date: string; customerPoNumber: string | null; order: { id: string; number: string | null } | null } | null

describe("a credit note's page names what an accountant reconciles it with", () => {
  beforeEach(async () => {
    stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 79 }).map(({ writtenPhones: _w, ...rest }) => rest)
    await new CustomerRepository(getDb()).upsert([{ ...c!, id: customerId, code: `CPAGE-${Math.floor(Math.random() * 1e6)}` }])
    for (const d of [order, invoice, credit, direct, directCredit]) await new DocumentStore(getDb()).put(d)
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("gives the invoice it corrects (to open), that invoice's order and the customer's order number it carried", async () => {
    const page = await ask<{ correctedInvoice: Corrected }>("documents/get", { id: credit.id })
    expect(page.correctedInvoice).toEqual({ id: invoice.id, number: "FAC-2026-00090", date: "2026-11-20", customerPoNumber: "PO-4411", order: { id: order.id, number: "CMD-2026-00090" } })
  })

  it("gives no order for an invoice made without one", async () => {
    const page = await ask<{ correctedInvoice: Corrected }>("documents/get", { id: directCredit.id })
    expect(page.correctedInvoice).toEqual({ id: direct.id, number: "FAC-2026-00091", date: "2026-11-20", customerPoNumber: null, order: null })
  })
})
