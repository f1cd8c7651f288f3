// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { OrderCapture } from "~src/messaging/contract"

import { captureReply, noPricesReply, showReview } from "./review-test-kit"

const proposal = (decision: "order" | "ask"): OrderCapture["proposal"] => ({
  is_order: true,
  order_decision: decision,
  customer_code: "C-00101",
  po_number: null,
  delivery_date: null,
  delivery_address: null,
  lines: [{ ref: "GN-4410", quantity: 6, unit: "boîte" }],
  confidence: { "lines.0": 0.9, customer_code: 0.98 },
  evidence: { "lines.0": "6 bte gants M", order_act: "", order_doubts: decision === "ask" ? "quel serait votre prix ?" : "" }
})

let current: OrderCapture["proposal"] = proposal("ask")
vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines: unknown[] }) => {
    if (type === "orders/price") return noPricesReply(req)
    if (type === "orders/capture")
      return captureReply(current)
    return { products: [], customers: [] }
  })
}))

const show = showReview

afterEach(cleanup)

describe("the order review of a mail that does not read like an order", () => {
  it("says so in French with the words that made it hesitate, and proposes nothing until the agent captures it anyway", async () => {
    current = proposal("ask")
    const { container } = show("fr")
    await screen.findByText("Ce message ne ressemble pas à une commande.")
    expect(container.querySelector('[data-comptoir="order-ask-doubt"]')?.textContent).toContain("quel serait votre prix ?")
    expect(container.querySelector('[data-comptoir="order-review"]')).toBeNull()
    fireEvent.click(screen.getByText("Saisir quand même"))
    await waitFor(() => expect(container.querySelector('[data-comptoir="order-review"]')).not.toBeNull())
    expect((container.querySelector('[name="lines.0.ref"]') as HTMLInputElement).value).toBe("GN-4410")
  })

  it("says in English that nothing was proposed when the agent answers “Not an order”", async () => {
    current = proposal("ask")
    const { container } = show("en")
    fireEvent.click(await screen.findByText("Not an order"))
    expect(container.querySelector('[data-comptoir="not-an-order"]')?.textContent).toContain("nothing was proposed or saved")
    expect(container.querySelector('[data-comptoir="order-review"]')).toBeNull()
  })

  it("shows the order form at once for a mail with an order act", async () => {
    current = proposal("order")
    const { container } = show("en")
    await waitFor(() => expect(container.querySelector('[data-comptoir="order-review"]')).not.toBeNull())
    expect(container.querySelector('[data-comptoir="order-ask"]')).toBeNull()
  })
})
