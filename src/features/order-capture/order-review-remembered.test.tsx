// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { OrderCapture } from "~src/messaging/contract"

import { captureReply, noPricesReply, showReview } from "./review-test-kit"

// The mail names no address: the extractor proposes the one the agent confirmed on this customer's last order.
const proposal: OrderCapture["proposal"] = {
  is_order: true,
  order_decision: "order",
  customer_code: "C-00007",
  po_number: null,
  delivery_date: null,
  delivery_address: "ZA du Plateau, 12 rue des Frères-Lumière, 26500 Bourg-lès-Valence",
  lines: [{ ref: "REF-1013", quantity: 6, unit: "pièce" }],
  confidence: { "lines.0": 0.9, customer_code: 0.98, delivery_address: 0.65 },
  evidence: { "lines.0": "6 palettes de stockage", delivery_address: "usual delivery address (remembered)", order_act: "pouvez-vous nous livrer" }
}

vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines: unknown[] }) => (type === "orders/capture" ? captureReply(proposal) : type === "orders/price" ? noPricesReply(req) : { products: [], customers: [] }))
}))

afterEach(cleanup)

describe("a delivery address remembered from the customer's earlier order", () => {
  it("is said to be the usual one, in the agent's language, not quoted as the mail's words", async () => {
    showReview("fr")
    const said = await screen.findByText((_, el) => el?.getAttribute("data-field") === "delivery_address")
    expect(said.textContent).not.toMatch(/d'après le mail|remembered/)
    expect(said.textContent).toContain("adresse de livraison habituelle")
  })

  it("in English too", async () => {
    showReview("en")
    const said = await screen.findByText((_, el) => el?.getAttribute("data-field") === "delivery_address")
    expect(said.textContent).not.toContain("from the mail")
    expect(said.textContent).toContain("usual delivery address")
  })
})

// The order is priced by the customer's own prices and VAT regime, as a quote (review.ts `draftOrderFromReview`):
// the review said "Prices and VAT come from the catalog", untrue for a customer with a special price or an export.
describe("the note under a captured order's lines", () => {
  it("says the prices are the customer's own, not the catalog's, in French", async () => {
    showReview("fr")
    const note = await screen.findByText(/brouillon/)
    expect(note.textContent).not.toContain("viennent du catalogue")
    expect(note.textContent).toContain("prix de ce client")
  })

  it("and in English", async () => {
    showReview("en")
    const note = await screen.findByText(/draft/)
    expect(note.textContent).not.toContain("come from the catalog")
    expect(note.textContent).toContain("this customer's prices")
  })
})
