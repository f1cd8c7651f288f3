import { describe, expect, it } from "vitest"

import type { PricingRules } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"
import { compactCode } from "../search/fold-text"
import { pastDelivery } from "./past-delivery"
import { draftOrderFromReview } from "./review"
import { priceReview, type LineToPrice } from "./review-pricing"

const product = (ref: string, nameFr: string, price: number, vat = 2000): Product => ({
  id: `p-${ref}`, ref, nameFr, nameEn: nameFr, unit: "boîte", unitPriceCents: price, vatRateBp: vat, createdAt: 0, updatedAt: 0
})
const GLOVES = product("GN-4410", "Gants nitrile taille M (boîte de 100)", 890)
const COFFEE = product("REF-1006", "Café en grains 1 kg", 1890, 550)
const products = new Map([GLOVES, COFFEE].map((p) => [compactCode(p.ref), p]))
const BAKERY: Customer = {
  id: "cust-1", code: "C-1", company: "Boulangerie Lefèvre", siren: null, vatNumber: null, addresses: [], country: "FR", language: "fr",
  creditLimitCents: null, paymentTermsDays: 30, salesRep: "", tags: [], notes: "", contacts: [], createdAt: 0, updatedAt: 0
}
// Gloves at 7.90 (catalog 8.90); 10 % off everything else.
const pricing: PricingRules = { discountBp: 1000, specialPrices: [{ productId: GLOVES.id, unitPriceCents: 790 }] }
const today = "2026-12-06"
const review = (lines: LineToPrice[]) => priceReview({ lines, customer: BAKERY, pricing, products, today })

describe("the prices a captured order's review shows before it is confirmed", () => {
  it("prices each line at the customer's negotiated price, else the catalog's less their discount, with its net and the totals", () => {
    const r = review([{ ref: "gn-4410", quantity: 3, unit: "" }, { ref: "REF-1006", quantity: 2, unit: "kg" }])
    expect(r.lines.map((l) => (l.priced ? [l.line.ref, l.line.unitPriceCents, l.line.discountBp, l.line.priceSource?.source, l.netCents] : l))).toEqual([
      ["GN-4410", 790, 0, "special-price", 2370],
      ["REF-1006", 1890, 1000, "customer-discount", 3402]
    ])
    // 23.70 at 20 % and 34.02 at 5.5 %: VAT 4.74 + 1.87.
    expect(r.totals).toMatchObject({ totalExclVatCents: 5772, totalVatCents: 661, totalInclVatCents: 6433 })
    expect(r.unpriced).toBe(0)
  })

  it("gives a line with no product, or no quantity yet, no price and leaves it out of the totals (never a 0 € line)", () => {
    const r = review([{ ref: "GN-4410", quantity: 1, unit: "" }, { ref: "XX-0000", quantity: 4, unit: "" }, { ref: "", quantity: 1, unit: "" }, { ref: "REF-1006", quantity: null, unit: "" }])
    expect(r.lines.map((l) => (l.priced ? "priced" : l.reason))).toEqual(["priced", "no-product", "no-product", "quantity"])
    expect(r.totals.totalExclVatCents).toBe(790)
    expect(r.unpriced).toBe(3)
  })

  it("shows exactly the lines and totals the confirmed order stores", () => {
    const lines = [{ ref: "GN-4410", quantity: 12, unit: "boîte" }, { ref: "REF-1006", quantity: 2.5, unit: "" }]
    const shown = review(lines)
    const stored = draftOrderFromReview({
      id: "o-1", lineIds: ["l-1", "l-2"], reviewed: { customerCode: "C-1", poNumber: "", deliveryDate: "", deliveryAddress: "", lines }, customer: BAKERY, pricing, products,
      message: { messageId: "m", subject: "Commande", from: "a@b.fr" }, today, now: 1, by: "agent"
    })
    if (!stored.ok) throw new Error(stored.error)
    expect(stored.order.lines.map(({ id: _id, ...l }) => l)).toEqual(shown.lines.map((l) => (l.priced ? l.line : null)))
    expect([stored.order.totalExclVatCents, stored.order.totalVatCents, stored.order.totalInclVatCents]).toEqual([shown.totals.totalExclVatCents, shown.totals.totalVatCents, shown.totals.totalInclVatCents])
  })

  it("prices an export customer's lines without French VAT, as the order will", () => {
    const r = priceReview({ lines: [{ ref: "GN-4410", quantity: 1, unit: "" }], customer: { ...BAKERY, country: "GB", language: "en" }, pricing: null, products, today })
    expect(r.totals).toMatchObject({ totalExclVatCents: 890, totalVatCents: 0, totalInclVatCents: 890 })
  })
})

describe("a requested delivery date already past", () => {
  it("is flagged when before today, or before the mail's own day (which says more)", () => {
    expect(pastDelivery("2026-12-02", today, "2026-12-01T09:15:00")).toEqual({ kind: "before-today", today })
    expect(pastDelivery("2025-12-03", today, "2026-12-01T09:15:00")).toEqual({ kind: "before-mail", mailDay: "2026-12-01" })
    expect(pastDelivery("2026-11-30", today, null)).toEqual({ kind: "before-today", today })
    // A webmail showing "Tue 09:12" gives no day: the capture is dated today, which is no reason to blame the mail.
    expect(pastDelivery("2026-12-02", today, `${today}T12:00:00`)).toEqual({ kind: "before-today", today })
  })

  it("is not flagged for today, a day to come, or no date", () => {
    expect(pastDelivery(today, today, "2026-12-01T09:15:00")).toBeNull()
    expect(pastDelivery("2026-12-10", today, "2026-12-01T09:15:00")).toBeNull()
    expect(pastDelivery("", today, null)).toBeNull()
  })
})
