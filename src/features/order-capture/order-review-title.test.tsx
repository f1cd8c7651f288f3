// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { OrderCapture } from "~src/messaging/contract"

import { BAKERY, captureReply, noPricesReply, showReview } from "./review-test-kit"

const order = (isOrder = true): OrderCapture["proposal"] => ({
  is_order: isOrder,
  order_decision: isOrder ? "order" : "not-order",
  customer_code: "C-00101",
  po_number: null,
  delivery_date: null,
  delivery_address: null,
  lines: [{ ref: "GN-4410", quantity: 6, unit: "boîte" }],
  confidence: { "lines.0": 0.9, customer_code: 0.98 },
  evidence: { "lines.0": "6 bte gants M", order_act: "merci de livrer", is_order: "" }
})

let proposal = order()
let customer: Customer | null = BAKERY
vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines: unknown[] }) => {
    if (type === "orders/price") return noPricesReply(req)
    if (type === "orders/capture") return captureReply(proposal, customer)
    return { products: [], customers: [] }
  })
}))

afterEach(() => {
  cleanup()
  document.title = ""
  proposal = order()
  customer = BAKERY
})

describe("the browser tab of a captured mail's review", () => {
  it("is named after the customer, in French", async () => {
    showReview("fr")
    await waitFor(() => expect(document.title).toBe("Commande — Boulangerie Lefèvre SARL · Comptoir"))
  })

  it("is named after the sender when no customer is known, in English", async () => {
    customer = null
    showReview("en")
    await waitFor(() => expect(document.title).toBe("Order — Amélie · Comptoir"))
  })

  it("of a mail that is no order is named after its sender, not as an order", async () => {
    proposal = order(false)
    showReview("en")
    await screen.findByText("This message is not an order.")
    await waitFor(() => expect(document.title).toBe("Message — Amélie · Comptoir"))
  })
})
