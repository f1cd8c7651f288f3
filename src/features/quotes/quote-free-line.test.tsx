// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { addLine, type Answer, quoteContext, renderQuoteEditor } from "./quote-editor-test-kit"

const customer = Customer.parse({
  ...generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0]!,
  country: "FR",
  language: "en"
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A new quote in the English interface, with an empty catalog: whatever is typed in "Add a line" is a free line. */
async function quoteWithAFreeLine() {
  const answer: Answer = (type) => {
    if (type === "quotes/context") return quoteContext(customer)
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "products/search") return { products: [] }
    return undefined
  }
  const view = renderQuoteEditor("en", customer, answer)
  await addLine("en", "Express delivery", false)
  const price = (await screen.findByLabelText("Unit price excl. VAT (€) 1")) as HTMLInputElement
  // Let the form's validation after the new line settle before reading what it shows.
  await vi.waitFor(() => expect(view.container.querySelector('[data-comptoir="quote-line-total"]')).not.toBeNull())
  await new Promise((r) => setTimeout(r, 50))
  return { view, price }
}

const priceError = (view: { container: HTMLElement }) =>
  view.container.querySelector('input[name="lines.0.unitPrice"] ~ [data-comptoir="field-error"]')

describe("a free line on a quote (no catalog product)", () => {
  it("does not show its empty unit price in error before the agent has typed one", async () => {
    const { view, price } = await quoteWithAFreeLine()
    expect(price.value).toBe("")
    expect(price.getAttribute("aria-invalid")).toBe("false")
    expect(priceError(view)).toBeNull()
  })

  it("puts the cursor in its price, the one field it waits for, not in its empty reference", async () => {
    const { price } = await quoteWithAFreeLine()
    expect(document.activeElement).toBe(price)
  })

  it("shows the price in error once the agent has typed one that does not read as an amount", async () => {
    const { view, price } = await quoteWithAFreeLine()
    fireEvent.change(price, { target: { value: "abc" } })
    fireEvent.blur(price)
    await vi.waitFor(() => expect(priceError(view)?.textContent).toBeTruthy())
    expect(price.getAttribute("aria-invalid")).toBe("true")
  })

  it("shows the empty price in error when the agent saves the quote without typing one", async () => {
    const { view, price } = await quoteWithAFreeLine()
    fireEvent.click(view.container.querySelector('[data-comptoir="quote-save"]')!)
    await vi.waitFor(() => expect(priceError(view)?.textContent).toBeTruthy())
    expect(price.getAttribute("aria-invalid")).toBe("true")
  })
})
