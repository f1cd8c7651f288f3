import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { DocumentStore } from "~src/db/document-store"
import { getDb } from "~src/db/database"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { Invoice, Order } from "~src/domain/documents/document.schema"

import { ask, stubChrome } from "../handler-test-kit"

const line = { id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 50_000, discountBp: 0, vatRateBp: 2000 }
const customerId = `order-risk-${Math.random()}`
const base = { customerId, language: "fr" as const, lines: [line], totalExclVatCents: 50_000, totalVatCents: 10_000, totalInclVatCents: 60_000, paymentTerms: { kind: "net" as const, days: 30 }, createdAt: 1, updatedAt: 1 }
/** 600 € owed, not due yet on 2 December. */
const invoice = Invoice.parse({ ...base, id: `inv-${customerId}`, type: "invoice", status: "issued", number: "FAC-2026-00090", date: "2026-11-20", dueDate: "2026-12-20" })
/** 600 € confirmed, not invoiced yet: with the invoice, 1 200 € for a limit of 1 000 €. */
const order = Order.parse({ ...base, id: `ord-${customerId}`, type: "order", status: "confirmed", number: "CMD-2026-00090", date: "2026-12-01" })

interface Risk {
  level: string
  reasons: { code: string; outstandingCents?: number }[]
}

describe("a confirmed order's page and the customer's card say the same outstanding", () => {
  beforeEach(async () => {
    stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 78 }).map(({ writtenPhones: _w, ...rest }) => rest)
    await new CustomerRepository(getDb()).upsert([{ ...c!, id: customerId, code: `ORISK-${Math.floor(Math.random() * 1e6)}`, creditLimitCents: 100_000 }])
    await new DocumentStore(getDb()).put(invoice)
    await new DocumentStore(getDb()).put(order)
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("counts the confirmed order itself on its own page: 1 200 € over the 1 000 € limit, as the card says", async () => {
    const card = await ask<Risk>("documents/risk", { customerId })
    expect(card.level).toBe("blocked")
    expect(card.reasons[0]).toMatchObject({ code: "over-limit", outstandingCents: 120_000 })
    const page = await ask<{ risk: Risk }>("documents/get", { id: order.id })
    expect(page.risk.level).toBe("blocked")
    expect(page.risk.reasons[0]).toMatchObject({ code: "over-limit", outstandingCents: 120_000 })
  })
})
