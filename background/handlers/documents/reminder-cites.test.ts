import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { DocumentStore } from "~src/db/document-store"
import { getDb } from "~src/db/database"
import { Invoice } from "~src/domain/documents/document.schema"

import { ask, stubChrome } from "../handler-test-kit"

const line = { id: "l1", label: "Ruban adhésif", quantityMilli: 1000, unitPriceCents: 68_754, discountBp: 0, vatRateBp: 2000 }
const customerId = `cites-${Math.random()}`
const at = (iso: string) => Date.parse(`${iso}T09:00:00Z`)
/**
 * The walk of 7 Dec (branch walk14): Vergers Baudry-Le Goff's FAC-2026-00095, due 14 Nov, friendly reminder on 22 Nov,
 * firm on 1 Dec; 23 days late on 7 Dec, the formal notice not reached, so the firm one is offered again.
 */
const invoice = Invoice.parse({
  id: `inv-${customerId}`,
  customerId,
  language: "fr",
  type: "invoice",
  status: "issued",
  number: "FAC-2026-00095",
  date: "2026-09-15",
  dueDate: "2026-11-14",
  paymentTerms: { kind: "net", days: 60 },
  lines: [line],
  totalExclVatCents: 68_754,
  totalVatCents: 13_751,
  totalInclVatCents: 82_505,
  history: [
    { status: "issued", at: at("2026-09-15"), by: "a@x" },
    { status: "reminder:friendly", at: at("2026-11-22"), by: "a@x" },
    { status: "reminder:firm", at: at("2026-12-01"), by: "b@x" }
  ],
  createdAt: 1,
  updatedAt: 1
})

describe("a reminder prepared again", () => {
  beforeEach(async () => {
    stubChrome()
    await new DocumentStore(getDb()).put(invoice)
    vi.useFakeTimers({ toFake: ["Date"] })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("cites the reminder of its own level sent on an earlier day, beside the lower ones", async () => {
    vi.setSystemTime(new Date("2026-12-07T10:00:00Z"))
    const view = await ask<{ reminders: { level: string; body: string }[] }>("documents/get", { id: invoice.id })
    expect(view.reminders.map((r) => r.level)).toEqual(["firm"])
    expect(view.reminders[0]!.body).toContain("Malgré nos rappels du 22 novembre 2026 et du 1er décembre 2026, la facture FAC-2026-00095")
  })

  it("does not cite the one logged today, which is this mail shown again", async () => {
    vi.setSystemTime(new Date("2026-12-01T15:00:00Z"))
    const view = await ask<{ reminders: { level: string; body: string }[] }>("documents/get", { id: invoice.id })
    expect(view.reminders[0]!.body).toContain("Malgré notre rappel du 22 novembre 2026, la facture FAC-2026-00095")
  })
})
