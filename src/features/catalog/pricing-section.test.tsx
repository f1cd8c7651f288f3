// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { createI18n } from "~src/i18n"

import { PricingSection } from "./pricing-section"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const products = generateProducts()

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A customer's prices: gloves at a special price through December 2026, and a discount from 1 March 2027. */
function showPrices(language: "fr" | "en") {
  const pricing = {
    id: customer.id,
    discountBp: 0,
    specialPrices: [{ productId: products[0]!.id, unitPriceCents: 499, validFrom: "2026-12-01", validTo: "2026-12-31" }],
    discounts: [{ productId: null, discountBp: 500, validFrom: "2027-03-01" }],
    categoryDiscounts: [],
    updatedAt: 0
  }
  const answers: Record<string, unknown> = {
    "customers/get": { customers: [customer] },
    "pricing/get": { pricing, mayEdit: true },
    "catalog/list": { products, mayEdit: true }
  }
  vi.stubGlobal("chrome", {
    runtime: { sendMessage: vi.fn(async ({ type }: { type: string }) => (type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" })) },
    storage: { local: { get: async () => ({}) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <PricingSection path={[customer.id]} />
    </I18nextProvider>
  )
}

const wordsOf = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby")!)!.textContent

describe("a customer's prices: the rules' dates", () => {
  it("are written out in French under each date input of the rules, named by their column", async () => {
    showPrices("fr")
    const [from, ...otherFroms] = await screen.findAllByLabelText("Valable du")
    const [to] = screen.getAllByLabelText("Jusqu'au")
    expect(from!.getAttribute("name")).toBe("specialPrices.0.validFrom")
    expect(wordsOf(from!)).toBe("mardi 1er décembre 2026")
    expect(wordsOf(to!)).toBe("jeudi 31 décembre 2026")
    expect(wordsOf(otherFroms[0]!)).toBe("lundi 1er mars 2027")
    // A rule without an end says nothing under its empty input.
    expect(wordsOf(screen.getAllByLabelText("Jusqu'au")[1]!)).toBe("")
  })

  it("in English for the English interface, following the day typed", async () => {
    showPrices("en")
    const [, to] = await screen.findAllByLabelText("Valid to")
    fireEvent.change(to!, { target: { value: "2027-03-31" } })
    expect(wordsOf(to!)).toBe("Wednesday 31 March 2027")
  })
})

describe("the list of customers with prices of their own", () => {
  function showList(language: "fr" | "en") {
    const pricing = { id: customer.id, discountBp: 1250, specialPrices: [], discounts: [], categoryDiscounts: [], updatedAt: 0 }
    const answers: Record<string, unknown> = { "pricing/list": { entries: [{ pricing, company: customer.company, code: customer.code }] } }
    vi.stubGlobal("chrome", {
      runtime: { sendMessage: vi.fn(async ({ type }: { type: string }) => (type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" })) },
      storage: { local: { get: async () => ({}) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
    })
    render(
      <I18nextProvider i18n={createI18n(language)}>
        <PricingSection path={[]} />
      </I18nextProvider>
    )
  }

  it("writes an English discount as 12.5%, the sign against the number, and a French one as 12,5 % without a break", async () => {
    showList("en")
    const row = (await screen.findByText(customer.company)).closest("tr")!
    expect(row.textContent).toContain("12.5%")
    cleanup()
    showList("fr")
    const rowFr = (await screen.findByText(customer.company)).closest("tr")!
    expect(rowFr.textContent).toContain("12,5\u00a0%")
  })
})
