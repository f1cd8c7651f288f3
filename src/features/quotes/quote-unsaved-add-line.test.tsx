// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer, type Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { hasUnsavedWork } from "~src/features/workspace/unsaved-work"

import { type Answer, quoteContext, renderQuoteEditor, searchIn } from "./quote-editor-test-kit"

const customer = Customer.parse({ ...generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0]!, country: "FR", language: "fr" })
const coffee: Product = { id: "p-coffee", ref: "REF-1006", nameFr: "Café en grain 1 kg", nameEn: "Coffee beans 1 kg", unit: "kg", unitPriceCents: 1662, vatRateBp: 550, createdAt: 0, updatedAt: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A new quote, nothing touched yet, with "Add a line" at hand; the catalog holds the coffee. */
async function newQuote() {
  const answer: Answer = (type, payload) => {
    if (type === "quotes/context") return quoteContext(customer)
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "products/search") return searchIn([coffee], payload.query)
    return undefined
  }
  renderQuoteEditor("fr", customer, answer)
  const add = (await screen.findByRole("combobox", { name: "Ajouter une ligne : tapez la référence ou le nom d'un produit" })) as HTMLInputElement
  // The form's first effects (its own unsaved mark among them) have run.
  await act(async () => undefined)
  return add
}

const type = (add: HTMLInputElement, text: string) => act(async () => void fireEvent.change(add, { target: { value: text } }))

describe("unsaved work on a quote form", () => {
  it("is none on a new quote the agent has not touched", async () => {
    await newQuote()
    expect(hasUnsavedWork()).toBe(false)
  })

  it("includes a ref or product name typed in Add a line and not added yet: the next New quote asks before replacing it", async () => {
    const add = await newQuote()
    await type(add, "cafe en grain")
    expect(hasUnsavedWork()).toBe(true)
  })

  it("is none again once the box is emptied, and never for a box holding only spaces", async () => {
    const add = await newQuote()
    await type(add, "cafe en grain")
    await type(add, "")
    expect(hasUnsavedWork()).toBe(false)
    await type(add, "   ")
    expect(hasUnsavedWork()).toBe(false)
  })

  it("is no longer counted once the form is gone", async () => {
    const add = await newQuote()
    await type(add, "cafe en grain")
    cleanup()
    expect(hasUnsavedWork()).toBe(false)
  })
})
