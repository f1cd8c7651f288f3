// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"
import type { OrderCapture } from "~src/messaging/contract"

import { OrderReview } from "./order-review"

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
  send: vi.fn(async (type: string) => {
    if (type === "orders/capture")
      return {
        capture: { id: "cap1", webmail: "gmail", messageId: "m1", subject: "gants", from: { address: "a@b.fr", name: "Amélie" }, date: null, unread: [], read: [], proposal: current, at: 1 },
        customer: null,
        risk: null,
        products: [],
        mayOverride: false
      }
    return { products: [], customers: [] }
  })
}))

const show = (lang: "fr" | "en") =>
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <OrderReview captureId="cap1" />
    </I18nextProvider>
  )

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
