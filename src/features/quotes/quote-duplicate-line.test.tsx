// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer, type Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { addLine, type Answer, quoteContext, renderQuoteEditor, searchIn } from "./quote-editor-test-kit"

const customer = Customer.parse({ ...generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0], language: "fr" })
const gloves: Product = { id: "p-gloves", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
const coffee: Product = { id: "p-coffee", ref: "CAF-1006", nameFr: "Café en grains 1 kg", nameEn: "Coffee beans 1 kg", unit: "kg", unitPriceCents: 1890, vatRateBp: 550, createdAt: 0, updatedAt: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A new quote whose agent adds the gloves, the coffee, then the gloves again (another discount, say). */
async function glovesTwice(ui: "fr" | "en") {
  const answer: Answer = (type, payload) => {
    if (type === "quotes/context") return quoteContext(customer)
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "products/search") return searchIn([gloves, coffee], payload.query)
    return undefined
  }
  renderQuoteEditor(ui, customer, answer)
  for (const query of ["GN-4410", "CAF-1006", "GN-4410"]) {
    const before = document.querySelectorAll('[data-comptoir="quote-line"]').length
    await addLine(ui, query)
    await vi.waitFor(() => expect(document.querySelectorAll('[data-comptoir="quote-line"]')).toHaveLength(before + 1))
  }
  return [...document.querySelectorAll<HTMLElement>('[data-comptoir="quote-line"]')]
}

const noteOf = (line: HTMLElement | undefined) => line?.querySelector('[data-comptoir="quote-line-duplicate"]')?.textContent ?? null

describe("a product added to a quote that already has it on a line", () => {
  it("still makes a line of its own, which says in French which line already has it", async () => {
    const lines = await glovesTwice("fr")
    expect(lines).toHaveLength(3)
    expect(lines.map(noteOf)).toEqual([null, null, "Déjà en ligne 1"])
    expect(within(lines[2]!).getByLabelText("Désignation 3")).toHaveProperty("value", "Gants nitrile M")
  })

  it("says it in English too", async () => {
    const lines = await glovesTwice("en")
    expect(lines.map(noteOf)).toEqual([null, null, "Already on line 1"])
    expect(screen.getAllByText("Already on line 1")).toHaveLength(1)
  })
})
