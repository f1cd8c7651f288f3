// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { priceReview, type LineToPrice } from "~src/domain/orders/review-pricing"
import { compactCode } from "~src/domain/search/fold-text"
import type { OrderCapture } from "~src/messaging/contract"
import { send } from "~src/messaging/send"

import { captureReply, showReview } from "./review-test-kit"

const GLOVES: Product = { id: "p-gn", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
const CUSTOMER = { language: "fr", country: "FR", vatNumber: null } as Pick<Customer, "language" | "country" | "vatNumber">
let deliveryDate: string | null = null
let mailDate: string | null = null

const proposal = (): OrderCapture["proposal"] => ({
  is_order: true,
  order_decision: "order",
  customer_code: "C-00101",
  po_number: null,
  delivery_date: deliveryDate,
  delivery_address: null,
  lines: [
    { ref: "GN-4410", quantity: 6, unit: "boîte" },
    { ref: "ZZ-9999", quantity: 1, unit: "rouleau" }
  ],
  confidence: { "lines.0": 0.9, "lines.1": 0.9, customer_code: 0.98, delivery_date: 0.9 },
  evidence: { "lines.0": "6 bte gants M", "lines.1": "1 rouleau essuie-tout", order_act: "merci de livrer" }
})

// The background's `orders/price` as the handler answers it: `priceReview` over the customer's special price on gloves.
vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines?: LineToPrice[] }) => {
    if (type === "orders/capture") {
      const reply = captureReply(proposal())
      return { ...reply, capture: { ...reply.capture, date: mailDate } }
    }
    if (type === "orders/price") {
      const r = priceReview({ lines: req.lines!, customer: CUSTOMER, pricing: { discountBp: 0, specialPrices: [{ productId: "p-gn", unitPriceCents: 790 }] }, products: new Map([[compactCode(GLOVES.ref), GLOVES]]), today: "2026-12-06" })
      return {
        customer: true,
        lines: r.lines.map((l) => (l.priced ? { priced: true, unitPriceCents: l.line.unitPriceCents, discountBp: l.line.discountBp, vatRateBp: l.line.vatRateBp, netCents: l.netCents, priceSource: l.line.priceSource } : { priced: false, reason: l.reason })),
        ...r.totals,
        unpriced: r.unpriced
      }
    }
    if (type === "orders/confirm") return { ok: false, error: "unknown-customer" }
    return { products: [], customers: [] }
  })
}))

afterEach(() => {
  cleanup()
  vi.mocked(send).mockClear()
  deliveryDate = null
  mailDate = null
})

const rows = () => screen.getAllByRole("row").filter((r) => r.getAttribute("data-comptoir") === "order-line")
const totals = () => document.querySelector('[data-comptoir="order-totals"]') as HTMLElement
const nb = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ")

describe("the prices a captured order's review shows before confirming", () => {
  it("gives each line its unit price (the customer's special one), its net, and the totals in the agent's French; a line with no product has no price and says so", async () => {
    showReview("fr")
    await waitFor(() => expect(nb(totals()?.textContent)).toContain("Total TTC56,88 €"))
    const [gloves, unknown] = rows()
    expect(nb(within(gloves!).getByText(/^7,90 €/).textContent)).toContain("Prix spécial client (catalogue 8,90 €)")
    expect(nb(gloves!.querySelector('[data-comptoir="line-net"]')?.textContent)).toBe("47,40 €")
    expect(unknown!.querySelector('[data-comptoir="line-no-price"]')?.textContent).toBe("Pas de prix\u00a0: aucun produit n'a cette référence.")
    expect(nb(unknown!.textContent)).not.toMatch(/0,00/)
    expect(nb(totals().textContent)).toContain("Total HT47,40 €")
    expect(nb(totals().textContent)).toContain("TVA 20 %9,48 €")
    expect(totals().querySelector('[data-comptoir="order-totals-unpriced"]')?.textContent).toContain("Sans la ligne qui n'a pas de prix")
  })

  it("updates the line and the totals when the agent changes a quantity or gives the unknown line a product", async () => {
    showReview("en")
    await waitFor(() => expect(nb(totals()?.textContent)).toContain("Total incl. VAT€56.88"))
    fireEvent.change(screen.getByLabelText("Quantity 1"), { target: { value: "10" } })
    await waitFor(() => expect(nb(totals().textContent)).toContain("Total incl. VAT€94.80"))
    fireEvent.change(screen.getByLabelText("Ref 2"), { target: { value: "GN-4410" } })
    await waitFor(() => expect(nb(totals().textContent)).toContain("Total incl. VAT€104.28"))
    expect(totals().querySelector('[data-comptoir="order-totals-unpriced"]')).toBeNull()
  })
})

describe("a delivery date already past in the review", () => {
  it("is flagged in words and highlighted, still editable, and confirming is not blocked", async () => {
    deliveryDate = "2026-11-27"
    mailDate = "2026-11-25T09:00:00"
    showReview("en")
    const warning = await screen.findByText(/This delivery date is already past \(today is/)
    expect(warning.closest('[data-field="deliveryDate"]')?.getAttribute("data-low")).toBe("true")
    fireEvent.click(screen.getByText("Confirm the order"))
    await waitFor(() => expect(vi.mocked(send).mock.calls.some(([type]) => type === "orders/confirm")).toBe(true))
  })

  it("says when the date is before the mail itself", async () => {
    deliveryDate = "2025-12-03"
    mailDate = "2026-12-01T09:15:00"
    showReview("fr")
    expect((await screen.findByText(/précède le mail lui-même/)).textContent).toContain("(01/12/2026)")
  })

  it("is not flagged for a day to come", async () => {
    deliveryDate = "2099-01-04"
    showReview("en")
    await screen.findByText("Delivery date")
    expect(document.querySelector('[data-comptoir="delivery-date-past"]')).toBeNull()
    expect(document.querySelector('[data-field="deliveryDate"]')?.getAttribute("data-low")).toBe("false")
  })
})
