// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { OrderCapture } from "~src/messaging/contract"

import { BAKERY, captureReply, noPricesReply, showReview } from "./review-test-kit"

/** A plain order: the bakery's code and two lines read in the mail, no order number, no day, no address. */
const plainOrder = (): OrderCapture["proposal"] => ({
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
  // What the extractor gives a field the mail does not fill: below the review's threshold, with no words.
  confidence: { "lines.0": 0.9, "lines.1": 0.9, customer_code: 0.98, po_number: 0.6, delivery_date: 0.6, delivery_address: 0.6 },
  evidence: {
    "lines.0": "6 bte gants M",
    "lines.1": "1 rouleau essuie-tout",
    customer_code: "amelie.lefevre@boulangerie-lefevre.fr",
    order_act: "merci de livrer"
  }
})

let proposal: OrderCapture["proposal"] = plainOrder()
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
  proposal = plainOrder()
  customer = BAKERY
})

// getByText reads the French no-break space before a colon as a space.
const field = (name: string) => document.querySelector(`[data-field="${name}"]`) as HTMLElement
const hintUnder = (name: string) => field(name).querySelector('[data-comptoir="evidence"]')
/** Orange: the field's highlight or an orange line of words anywhere in it. */
const orange = (el: Element) =>
  el.getAttribute("data-low") === "true" || el.classList.contains("c-evidence-low") || el.querySelector(".c-evidence-low") !== null

describe("an optional field the mail does not give", () => {
  it("has no order number: a quiet grey word under the field, which is not highlighted", async () => {
    showReview("en")
    await screen.findByText("None in the mail (optional).")
    expect(hintUnder("poNumber")?.textContent).toBe("None in the mail (optional).")
    expect(orange(field("poNumber"))).toBe(false)
  })

  it("asks for no day: the usual lead time, calmly, in French too", async () => {
    showReview("fr")
    await screen.findByText("Aucun jour demandé dans le mail : délai habituel.")
    expect(orange(field("deliveryDate"))).toBe(false)
  })

  it("names no delivery address: the customer's usual one, calmly, the file's address offered beside it", async () => {
    showReview("en")
    await screen.findByText("None in the mail: the customer's usual address.")
    expect(orange(field("deliveryAddress"))).toBe(false)
    expect(field("deliveryAddress").querySelector('[data-comptoir="order-address-hint"]')?.textContent).toContain(
      "12 rue de la République, 69002 Lyon"
    )
  })

  it("leaves no orange at all on a plain order read with confidence", async () => {
    const { container } = showReview("fr")
    await screen.findByText("Aucun dans le mail (facultatif).")
    expect(container.querySelectorAll('[data-low="true"], .c-evidence-low')).toHaveLength(0)
  })
})

describe("what the mail gives with a doubt, or what the order cannot do without", () => {
  it("an order number read with doubt stays orange, with the words to check", async () => {
    proposal = {
      ...plainOrder(),
      po_number: "4521",
      confidence: { ...plainOrder().confidence, po_number: 0.6 },
      evidence: { ...plainOrder().evidence, po_number: "réf 4521" }
    }
    showReview("en")
    const hint = await screen.findByText(/Check: from the mail: “réf 4521”/)
    expect(hint.classList.contains("c-evidence-low")).toBe(true)
    expect(field("poNumber").getAttribute("data-low")).toBe("true")
  })

  it("no customer found: the code field is orange and says the customer is needed", async () => {
    proposal = {
      ...plainOrder(),
      customer_code: null,
      confidence: { ...plainOrder().confidence, customer_code: 0 },
      evidence: { ...plainOrder().evidence, customer_code: "" }
    }
    customer = null
    showReview("en")
    const hint = await screen.findByText("Not found from the mail: required, find the customer above or type their code.")
    expect(hint.classList.contains("c-evidence-low")).toBe(true)
    expect(field("customerCode").getAttribute("data-low")).toBe("true")
  })

  it("no line read in the mail: said in orange above the empty table, before the agent tries to confirm", async () => {
    proposal = {
      ...plainOrder(),
      lines: [],
      confidence: { customer_code: 0.98 },
      evidence: { customer_code: "amelie.lefevre@boulangerie-lefevre.fr" }
    }
    showReview("fr")
    const note = await screen.findByText("Aucune ligne trouvée dans le mail : ajoutez les produits que le client demande.")
    expect(note.classList.contains("c-evidence-low")).toBe(true)
  })
})
