import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { DocumentStore } from "~src/db/document-store"
import { getDb } from "~src/db/database"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import { Invoice } from "~src/domain/documents/document.schema"

import { ask, stubChrome } from "../handler-test-kit"

const line = { id: "l1", label: "Gants", quantityMilli: 1000, unitPriceCents: 10_000, discountBp: 0, vatRateBp: 2000 }
const customerId = `risk-${Math.random()}`
/** Due on 23 October, unpaid: 40 days late on 2 December. */
const invoice = Invoice.parse({
  id: `inv-${customerId}`,
  customerId,
  language: "fr",
  type: "invoice",
  status: "issued",
  number: "FAC-2026-00077",
  date: "2026-09-23",
  dueDate: "2026-10-23",
  paymentTerms: { kind: "net", days: 30 },
  lines: [line],
  totalExclVatCents: 10_000,
  totalVatCents: 2000,
  totalInclVatCents: 12_000,
  createdAt: 1,
  updatedAt: 1
})
const teamSettings = () => new ReplicatedRepository(getDb(), "teamSettings")

describe("the customer's risk on this device, under the team's overdue threshold", () => {
  beforeEach(async () => {
    stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 77 }).map(({ writtenPhones: _w, ...rest }) => rest)
    await new CustomerRepository(getDb()).upsert([{ ...c!, id: customerId, code: `RISK-${Math.floor(Math.random() * 1e6)}`, creditLimitCents: 10_000_000 }])
    await new DocumentStore(getDb()).put(invoice)
    vi.useFakeTimers({ toFake: ["Date"] })
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"))
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("blocks a customer 40 days late under the default 30 days", async () => {
    await teamSettings().put({ id: "seller", seller: DEMO_SELLER, quoteValidityDays: 30, updatedAt: 1 })
    const risk = await ask<{ level: string; reasons: unknown[] }>("documents/risk", { customerId })
    expect(risk.level).toBe("blocked")
    expect(risk.reasons[0]).toMatchObject({ code: "overdue-beyond-threshold", days: 40, thresholdDays: 30 })
  })

  it("only watches the same customer once a manager set the team's threshold to 45 days, and the settings say 45", async () => {
    await teamSettings().put({ id: "seller", seller: DEMO_SELLER, quoteValidityDays: 30, riskOverdueDays: 45, updatedAt: 2 })
    const risk = await ask<{ level: string; reasons: unknown[] }>("documents/risk", { customerId })
    expect(risk.level).toBe("watch")
    expect(risk.reasons[0]).toMatchObject({ code: "overdue", days: 40 })
    expect((await ask<{ riskOverdueDays: number }>("team/seller", {})).riskOverdueDays).toBe(45)
  })
})
