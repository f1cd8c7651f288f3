// @vitest-environment jsdom
import { cleanup, fireEvent, type render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer, type Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import { lineFromProduct, newQuoteValues, quoteFromValues, type PrefillLine, type Quote, type QuoteFormValues } from "~src/domain/documents/quote-form"

import { addLine, type Answer, quoteContext, renderQuoteEditor, searchIn } from "./quote-editor-test-kit"

/** A French customer: its quotes start in French, the agent switches one to English. */
const customer = Customer.parse({ ...generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0], language: "fr" })
const gloves: Product = { id: "p-gloves", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
const coffee: Product = { id: "p-coffee", ref: "CAF-1006", nameFr: "Café en grains 1 kg", nameEn: "Coffee beans 1 kg", unit: "kg", unitPriceCents: 1890, vatRateBp: 550, createdAt: 0, updatedAt: 0 }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/**
 * A new quote for the customer (or its stored draft, or one prefilled from an order mail), its catalog the two
 * products; what is saved and copied is kept to be read.
 */
function showNewQuote(ui: "fr" | "en", open: { draft?: Quote; prefill?: PrefillLine[] } = {}) {
  const saved: { values: QuoteFormValues | null; copied: string | null } = { values: null, copied: null }
  let stored: Quote | null = open.draft ?? null
  const answer: Answer = (type, payload) => {
    if (type === "quotes/context") return quoteContext(customer)
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "products/search") return searchIn([gloves, coffee], payload.query)
    if (type === "quotes/save") {
      saved.values = payload.values as QuoteFormValues
      stored = quoteFromValues(saved.values, { id: String(payload.id), date: "2026-12-03", now: 1 })
      return { ok: true, quote: stored }
    }
    if (type === "quotes/get") return { quote: stored, customer, seller: DEMO_SELLER, refusal: null }
    if (type === "catalog/products") return { products: [gloves, coffee].filter((p) => (payload.ids as string[]).includes(p.id)) }
    return undefined
  }
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (text: string) => void (saved.copied = text) } })
  const view = renderQuoteEditor(ui, customer, answer, { quoteId: open.draft?.id, prefill: open.prefill })
  return { saved, view }
}

// A new quote is saved before it is copied, and its button says so.
const t = { fr: { label: "Désignation", unit: "Unité", copy: "Enregistrer le brouillon et copier le texte" }, en: { label: "Description", unit: "Unit", copy: "Save draft and copy as text" } }

const labelOf = (ui: "fr" | "en", n: number) => (screen.getByLabelText(`${t[ui].label} ${n}`) as HTMLTextAreaElement).value
const language = (view: ReturnType<typeof render>) => view.container.querySelector<HTMLSelectElement>('select[name="language"]')!

describe("a quote switched to English after its lines were added in French", () => {
  it("re-labels the catalog lines in English when the quote's language changes to English", async () => {
    for (const ui of ["fr", "en"] as const) {
      const { saved, view } = showNewQuote(ui)
      await addLine(ui, "GN-4410")
      await vi.waitFor(() => expect(labelOf(ui, 1)).toBe("Gants nitrile M"))
      fireEvent.change(screen.getByLabelText(`${t[ui].unit} 1`).closest("tr")!.querySelector('input[name="lines.0.quantity"]')!, { target: { value: "2" } })
      fireEvent.change(language(view), { target: { value: "en" } })
      await vi.waitFor(() => expect(labelOf(ui, 1)).toBe("Nitrile gloves M"))
      // The unit reads in English; the catalog's word is what the line keeps.
      expect((screen.getByLabelText(`${t[ui].unit} 1`) as HTMLTextAreaElement).value).toBe("boxes")
      // What the customer gets (here "Copy"; the PDF and the reply are made from the same saved quote) is in English.
      fireEvent.click(screen.getByRole("button", { name: t[ui].copy }))
      await vi.waitFor(() => expect(saved.copied).not.toBeNull())
      expect(saved.values?.lines[0]).toMatchObject({ label: "Nitrile gloves M", unit: "boîte" })
      expect(saved.copied).toContain("GN-4410 Nitrile gloves M: 2 boxes")
      expect(saved.copied).not.toContain("Gants")
      // And the notice says both things were done.
      expect(view.container.querySelector('[data-comptoir="quote-notice"]')?.textContent).toBe(ui === "fr" ? "Brouillon enregistré et copié dans le presse-papiers." : "Draft saved and copied to the clipboard.")
      view.unmount()
    }
  })

  it("keeps a label the agent typed when the language changes, and a free line's words", async () => {
    const { view } = showNewQuote("fr")
    await addLine("fr", "GN-4410")
    await addLine("fr", "Café")
    await addLine("fr", "Livraison express samedi", false)
    await vi.waitFor(() => expect(labelOf("fr", 3)).toBe("Livraison express samedi"))
    fireEvent.change(screen.getByLabelText("Désignation 1"), { target: { value: "Gants nitrile M, livrés le 12" } })
    fireEvent.change(language(view), { target: { value: "en" } })
    await vi.waitFor(() => expect(labelOf("fr", 2)).toBe("Coffee beans 1 kg"))
    expect(labelOf("fr", 1)).toBe("Gants nitrile M, livrés le 12")
    expect(labelOf("fr", 3)).toBe("Livraison express samedi")
    // Back to French: the catalog line is French again, the agent's words are still theirs.
    fireEvent.change(language(view), { target: { value: "fr" } })
    await vi.waitFor(() => expect(labelOf("fr", 2)).toBe("Café en grains 1 kg"))
    expect(labelOf("fr", 1)).toBe("Gants nitrile M, livrés le 12")
    expect(labelOf("fr", 3)).toBe("Livraison express samedi")
  })

  it("re-labels a reopened French draft's catalog lines, and those of a quote prefilled from an order mail", async () => {
    const values = { ...newQuoteValues(customer, { today: "2026-12-03", validityDays: 30, agentName: null }), lines: [lineFromProduct(gloves, "fr", "l1"), { ...lineFromProduct(coffee, "fr", "l2"), label: "Café du matin" }] }
    const draft = quoteFromValues(values, { id: "q-draft", date: "2026-12-03", now: 1 })
    const reopened = showNewQuote("en", { draft })
    await vi.waitFor(() => expect(labelOf("en", 1)).toBe("Gants nitrile M"))
    fireEvent.change(language(reopened.view), { target: { value: "en" } })
    await vi.waitFor(() => expect(labelOf("en", 1)).toBe("Nitrile gloves M"))
    expect(labelOf("en", 2)).toBe("Café du matin")
    reopened.view.unmount()

    const prefilled = showNewQuote("fr", { prefill: [{ ref: "CAF-1006", quantity: 3, unit: "" }, { ref: "INCONNU-1", quantity: 1, unit: "u" }] })
    await vi.waitFor(() => expect(labelOf("fr", 1)).toBe("Café en grains 1 kg"))
    fireEvent.change(language(prefilled.view), { target: { value: "en" } })
    await vi.waitFor(() => expect(labelOf("fr", 1)).toBe("Coffee beans 1 kg"))
    expect(labelOf("fr", 2)).toBe("INCONNU-1")
  })
})

describe("a quote's numbers after its language changes", () => {
  const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
  const text = (hook: string) => document.querySelector(`[data-comptoir="${hook}"]`)!.textContent

  it("writes the lines' quantities, prices and discounts, and the amounts, with the decimal mark of the quote's language", async () => {
    const shown = showNewQuote("fr")
    const { view } = shown
    await addLine("fr", "GN-4410")
    await vi.waitFor(() => expect(field("lines.0.unitPrice").value).toBe("8,90"))
    fireEvent.change(field("lines.0.quantity"), { target: { value: "2,5" } })
    fireEvent.change(field("lines.0.discountPercent"), { target: { value: "12,5" } })
    await vi.waitFor(() => expect(text("quote-line-total")).toBe("19,47\u00a0€"))
    fireEvent.change(language(view), { target: { value: "en" } })
    await vi.waitFor(() => expect(field("lines.0.quantity").value).toBe("2.5"))
    expect(field("lines.0.unitPrice").value).toBe("8.90")
    expect(field("lines.0.discountPercent").value).toBe("12.5")
    expect(text("quote-line-total")).toBe("€19.47")
    expect(text("total-incl-vat")).toBe("€23.36")
    // The text copied for the customer (made, like the PDF, from the saved quote in its language) says the same.
    const saved = shown.saved
    fireEvent.click(screen.getByRole("button", { name: t.fr.copy }))
    await vi.waitFor(() => expect(saved.copied).not.toBeNull())
    expect(saved.copied).toContain("2.5 boxes")
    expect(saved.copied).toContain("€23.36")
    fireEvent.change(language(view), { target: { value: "fr" } })
    await vi.waitFor(() => expect(field("lines.0.quantity").value).toBe("2,5"))
    expect(field("lines.0.unitPrice").value).toBe("8,90")
    expect(text("total-incl-vat")).toBe("23,36\u00a0€")
  })
})

describe("a quote's VAT rates, written as its amounts and its PDF are", () => {
  const vatRow = () => document.querySelector('[data-comptoir="total-vat-rate"]')!.closest("tr")!
  const rateShown = (i: number) => document.querySelector<HTMLSelectElement>(`select[name="lines.${i}.vatRate"]`)!.selectedOptions[0]!.textContent

  it("writes a French quote's VAT rate with a comma in the totals and the line, the agent's interface being English", async () => {
    const { view } = showNewQuote("en")
    await addLine("en", "CAF-1006")
    await vi.waitFor(() => expect(vatRow().textContent).toContain("1,04\u00a0€"))
    expect(vatRow().cells[0]!.textContent).toBe("VAT 5,5\u00a0%")
    expect(rateShown(0)).toBe("5,5")
    // Switched to English, the quote's numbers take the point and the percent sign its English place: the rate with them.
    fireEvent.change(language(view), { target: { value: "en" } })
    await vi.waitFor(() => expect(vatRow().textContent).toContain("€1.04"))
    expect(vatRow().cells[0]!.textContent).toBe("VAT 5.5%")
    expect(rateShown(0)).toBe("5.5")
  })

  it("writes an English quote's VAT rate with a point, the agent's interface being French", async () => {
    const { view } = showNewQuote("fr")
    await addLine("fr", "CAF-1006")
    fireEvent.change(language(view), { target: { value: "en" } })
    await vi.waitFor(() => expect(vatRow().textContent).toContain("€1.04"))
    expect(vatRow().cells[0]!.textContent).toBe("TVA 5.5%")
    expect(rateShown(0)).toBe("5.5")
  })
})
