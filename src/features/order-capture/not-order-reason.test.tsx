// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { OrderCapture } from "~src/messaging/contract"

import { captureReply, noPricesReply, showReview } from "./review-test-kit"

let reason = ""
const proposal = (): OrderCapture["proposal"] => ({
  is_order: false,
  order_decision: "not-order",
  customer_code: "C-00101",
  po_number: null,
  delivery_date: null,
  delivery_address: null,
  lines: [],
  confidence: {},
  evidence: { is_order: reason }
})

vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines: unknown[] }) => {
    if (type === "orders/price") return noPricesReply(req)
    if (type === "orders/capture")
      return captureReply(proposal())
    return { products: [], customers: [] }
  })
}))

const show = showReview

afterEach(cleanup)

describe("why a mail is not an order, as the review says it", () => {
  it("says the extractor's verdict in French to an agent working in French, never its English words", async () => {
    reason = "asks about prices, lead time or a quote"
    const { container } = show("fr")
    await screen.findByText(/Ce message n'est pas une commande/)
    const said = container.querySelector('[data-comptoir="not-an-order"]')?.textContent ?? ""
    expect(said).toContain("il demande un prix, un délai ou un devis")
    expect(said).not.toContain("asks about")
  })

  it("quotes the mail's own words as they are, beside a translated verdict", async () => {
    reason = "written to colleagues, the supplier in copy, annuler"
    const { container } = show("en")
    await screen.findByText(/This message is not an order/)
    const said = container.querySelector('[data-comptoir="not-order-reason"]')?.textContent ?? ""
    expect(said).toBe(" (written to the sender's colleagues, us in copy; it says “annuler”)")
  })

  it("quotes each of the mail's words once: a word already inside a longer quote is not said again", async () => {
    reason = "comparing suppliers, your best price, asks about prices, lead time or a quote, please don't ship anything, price"
    const { container } = show("en")
    await screen.findByText(/This message is not an order/)
    const said = container.querySelector('[data-comptoir="not-order-reason"]')?.textContent ?? ""
    expect(said).toBe(" (it says “comparing suppliers”; it says “your best price”; it asks about prices, lead times or a quote; it says “please don't ship anything”)")
  })
})
