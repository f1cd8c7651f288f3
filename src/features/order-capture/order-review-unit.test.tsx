// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { OrderCapture } from "~src/messaging/contract"
import { send } from "~src/messaging/send"

import { captureReply, noPricesReply, showReview } from "./review-test-kit"

const proposal: OrderCapture["proposal"] = {
  is_order: true,
  order_decision: "order",
  customer_code: "C-00101",
  po_number: null,
  delivery_date: null,
  delivery_address: null,
  lines: [
    { ref: "GN-4410", quantity: 6, unit: "boîte" },
    { ref: "ESS-300", quantity: 1, unit: "rouleau" }
  ],
  confidence: { "lines.0": 0.9, "lines.1": 0.9, customer_code: 0.98 },
  evidence: { "lines.0": "6 bte gants M", "lines.1": "1 rouleau essuie-tout", order_act: "merci de livrer" }
}

vi.mock("~src/messaging/send", () => ({
  send: vi.fn(async (type: string, req: { lines: unknown[] }) => {
    if (type === "orders/price") return noPricesReply(req)
    if (type === "orders/capture")
      return captureReply(proposal)
    if (type === "orders/confirm") return { ok: false, error: "unknown-customer" }
    return { products: [], customers: [] }
  })
}))

const show = showReview

const unitField = async (n: number) => (await screen.findByLabelText(new RegExp(`^(Unit|Unité) ${n}$`))) as HTMLInputElement

afterEach(() => {
  cleanup()
  vi.mocked(send).mockClear()
})

describe("the units of a captured order's lines", () => {
  it("read in the agent's language to an English agent, agreeing with the quantity, as the order's page and PDF say them", async () => {
    show("en")
    expect((await unitField(1)).value).toBe("boxes")
    expect((await unitField(2)).value).toBe("roll")
  })

  it("read in French to a French agent", async () => {
    show("fr")
    expect((await unitField(1)).value).toBe("boîtes")
    expect((await unitField(2)).value).toBe("rouleau")
  })

  it("are confirmed as the catalog's words, the shown ones kept and the one the agent typed in English too", async () => {
    show("en")
    const second = await unitField(2)
    fireEvent.focus(second)
    fireEvent.change(second, { target: { value: "cartons" } })
    fireEvent.blur(second)
    expect(second.value).toBe("carton")
    fireEvent.click(screen.getByText("Confirm the order"))
    await waitFor(() => expect(vi.mocked(send).mock.calls.some(([type]) => type === "orders/confirm")).toBe(true))
    const [, request] = vi.mocked(send).mock.calls.find(([type]) => type === "orders/confirm")! as unknown as [string, { review: { lines: { unit: string }[] } }]
    expect(request.review.lines.map((l) => l.unit)).toEqual(["boîte", "carton"])
  })
})
