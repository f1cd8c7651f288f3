// @vitest-environment jsdom
import { cleanup, fireEvent, type render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer, type Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { PrefillLine } from "~src/domain/documents/quote-form"

import { addLine, type Answer, quoteContext, renderQuoteEditor, searchIn } from "./quote-editor-test-kit"

const base = generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0]!
const uk = Customer.parse({ ...base, country: "GB", language: "en", siren: null, vatNumber: "GB123456789" })
const germanBusiness = Customer.parse({ ...base, country: "DE", language: "en", siren: null, vatNumber: "DE123456789" })
const french = Customer.parse({ ...base, country: "FR", language: "fr" })
const gloves: Product = { id: "p-gloves", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A new quote for this customer in the English interface, the catalog its one product. */
function showNewQuote(customer: Customer, prefill: PrefillLine[] = []) {
  const answer: Answer = (type, payload) => {
    if (type === "quotes/context") return quoteContext(customer)
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "products/search") return searchIn([gloves], payload.query)
    return undefined
  }
  return renderQuoteEditor("en", customer, answer, { prefill })
}

const rate = (n: number) => screen.getByLabelText(`VAT % ${n}`) as HTMLSelectElement
const vatTotal = (view: ReturnType<typeof render>) => view.container.querySelector('[data-comptoir="total-vat"]')!.getAttribute("data-cents")

describe("a quote for a customer outside France", () => {
  it("for a UK customer, starts catalog and free lines at 0 % with the export mention; the agent may still choose 20 %", async () => {
    const view = showNewQuote(uk)
    await addLine("en", "GN-4410")
    await addLine("en", "Express delivery", false)
    await vi.waitFor(() => expect(rate(2).value).toBe("0"))
    expect(rate(1).value).toBe("0")
    expect(view.container.querySelector('[data-comptoir="quote-vat-regime"]')?.textContent).toContain("VAT exempt: export, article 262 I of the French tax code (CGI)")
    fireEvent.change(view.container.querySelector('input[name="lines.0.unitPrice"]')!, { target: { value: "10.00" } })
    await vi.waitFor(() => expect(vatTotal(view)).toBe("0"))
    fireEvent.change(rate(1), { target: { value: "20" } })
    await vi.waitFor(() => expect(vatTotal(view)).toBe("200"))
  })

  it("for a business in Germany with its VAT number, says intra-Community supply", async () => {
    const view = showNewQuote(germanBusiness)
    await addLine("en", "GN-4410")
    await vi.waitFor(() => expect(rate(1).value).toBe("0"))
    expect(view.container.querySelector('[data-comptoir="quote-vat-regime"]')).toHaveProperty("dataset.regime", "intra-eu")
  })

  it("prefilled from a UK customer's order mail, its lines are at 0 % too", async () => {
    showNewQuote(uk, [{ ref: "GN-4410", quantity: 3, unit: "" }, { ref: "UNKNOWN-1", quantity: 1, unit: "u" }])
    await vi.waitFor(() => expect(rate(2).value).toBe("0"))
    expect(rate(1).value).toBe("0")
  })

  it("in France, keeps the catalog's 20 % and says nothing of an exemption", async () => {
    const view = showNewQuote(french)
    await addLine("en", "GN-4410")
    await vi.waitFor(() => expect(rate(1).value).toBe("20"))
    expect(view.container.querySelector('[data-comptoir="quote-vat-regime"]')).toBeNull()
  })
})
