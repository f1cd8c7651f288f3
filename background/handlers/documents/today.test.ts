import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { DocumentStore } from "~src/db/document-store"
import { getDb } from "~src/db/database"
import { Invoice } from "~src/domain/documents/document.schema"

import { ask, stubChrome } from "../handler-test-kit"

const line = { id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 10_000, discountBp: 0, vatRateBp: 2000 }
const customerId = `today-${Math.random()}`
/** Due on 28 November: 7 days late on 5 December (the friendly reminder's day), 6 on the 4th. */
const invoice = Invoice.parse({
  id: `inv-${customerId}`,
  customerId,
  language: "fr",
  type: "invoice",
  status: "issued",
  number: "FAC-2026-00042",
  date: "2026-10-29",
  dueDate: "2026-11-28",
  paymentTerms: { kind: "net", days: 30 },
  lines: [line],
  totalExclVatCents: 10_000,
  totalVatCents: 2000,
  totalInclVatCents: 12_000,
  createdAt: 1,
  updatedAt: 1
})

describe("the workspace's invoices read on France's calendar", () => {
  const zone = process.env.TZ
  beforeEach(async () => {
    stubChrome()
    await new DocumentStore(getDb()).put(invoice)
    // A device on UTC (a laptop set to London in winter): 23:30 there is already 00:30 the next day in Paris.
    process.env.TZ = "UTC"
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-04T23:30:00Z"))
  })
  afterEach(() => {
    vi.useRealTimers()
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
    vi.unstubAllGlobals()
  })

  it("offers France's day as the payment's date at 00:30 in Paris, the day documents are dated, not the device's", async () => {
    const view = await ask<{ today: string; document: { id: string } | null }>("documents/get", { id: invoice.id })
    expect(view.document?.id).toBe(invoice.id)
    expect(view.today).toBe("2026-12-05")
  })

  it("counts the days overdue on France's day: the invoice due on 28 November is 7 days late and in the dunning list", async () => {
    const list = await ask<{ today: string; rows: { id: string; daysOverdue: number; dunning: { due: string | null } | null }[] }>("documents/list", { kind: "dunning", customerId, limit: 50 })
    expect(list.today).toBe("2026-12-05")
    expect(list.rows.map((r) => [r.id, r.daysOverdue, r.dunning?.due])).toEqual([[invoice.id, 7, "friendly"]])
  })
})
