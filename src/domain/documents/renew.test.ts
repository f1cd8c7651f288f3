import { describe, expect, it } from "vitest"

import { Quote } from "./document.schema"
import { renewQuote } from "./renew"
import { computeTotals } from "./totals"

const lines = [
  { id: "a", productId: "p1", ref: "GANT-01", label: "Gants", unit: "u", quantityMilli: 10_000, unitPriceCents: 1250, discountBp: 500, vatRateBp: 2000 },
  { id: "b", productId: "p2", ref: "FORM-01", label: "Formation", unit: "u", quantityMilli: 1000, unitPriceCents: 45_000, discountBp: 0, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI" }
]
const t = computeTotals(lines)
const quote = (status: "draft" | "sent" | "accepted" | "refused" | "expired", validUntil = "2026-11-15") =>
  Quote.parse({
    id: "q-old",
    type: "quote",
    status,
    customerId: "c1",
    contactId: "p-1",
    language: "en",
    number: status === "draft" ? null : "DEV-2026-00012",
    date: "2026-10-16",
    validUntil,
    paymentTerms: { kind: "end-of-month", days: 45 },
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    notes: "Delivery by pallet",
    salesRep: "Agent Un",
    callId: "call-7",
    history: [{ status: "sent", at: 5, by: "agent1@x" }],
    createdAt: 1,
    updatedAt: 5
  })
const ctx = { id: "q-new", now: 9_000, by: "agent2@demo.comptoir.test", today: "2026-12-02", validityDays: 30 }

describe("renewing a quote", () => {
  it("offers an expired quote again as a new draft: same customer, contact, language, terms, lines and notes, dated today, valid 30 days, linked to the old one", () => {
    const r = renewQuote(quote("sent"), ctx)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({
      id: "q-new",
      status: "draft",
      number: null,
      customerId: "c1",
      contactId: "p-1",
      language: "en",
      date: "2026-12-02",
      validUntil: "2027-01-01",
      paymentTerms: { kind: "end-of-month", days: 45 },
      notes: "Delivery by pallet",
      salesRep: "Agent Un",
      sourceId: "q-old",
      history: [{ status: "draft", at: 9_000, by: "agent2@demo.comptoir.test" }],
      totalInclVatCents: t.totalInclVatCents
    })
    expect(r.value.lines.map((l) => l.id)).toEqual(["q-new-l1", "q-new-l2"])
    expect(r.value.lines.map(({ id: _id, ...rest }) => rest)).toEqual(lines.map(({ id: _id, ...rest }) => rest))
    // The call it was first asked in belongs to the old quote.
    expect(r.value.callId ?? null).toBeNull()
  })

  it("renews a refused quote too, even one still within its date", () => {
    expect(renewQuote(quote("refused", "2027-03-01"), ctx)).toMatchObject({ ok: true, value: { sourceId: "q-old", validUntil: "2027-01-01" } })
    expect(renewQuote(quote("expired"), { ...ctx, validityDays: 15 })).toMatchObject({ ok: true, value: { validUntil: "2026-12-17" } })
  })

  it("refuses a quote that is still open or was accepted, saying what it is", () => {
    expect(renewQuote(quote("sent", "2026-12-31"), ctx)).toMatchObject({ ok: false, code: "quote-not-renewable", params: { status: "sent" } })
    expect(renewQuote(quote("accepted"), ctx)).toMatchObject({ ok: false, code: "quote-not-renewable", params: { status: "accepted" } })
    expect(renewQuote(quote("draft"), ctx)).toMatchObject({ ok: false, code: "quote-not-renewable", params: { status: "draft" } })
  })
})
