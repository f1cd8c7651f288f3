// Shared by the quote editor's component tests: the background answered in-process and "Add a line" driven as an
// agent does, so each test file keeps only what its case needs.
import { fireEvent, render, screen, within } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { vi } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import type { PrefillLine } from "~src/domain/documents/quote-form"
import { createI18n } from "~src/i18n"

import { QuoteEditor } from "./quote-form"

/** What the test's background answers to a message; `undefined` is "not in this test" (an error reply). */
export type Answer = (type: string, payload: Record<string, unknown>) => unknown

/** The context the editor asks for first, for this customer. */
export const quoteContext = (customer: Customer) => ({ customer, agentName: "Claire Martin", today: "2026-12-03", validityDays: 30, sellerProblems: [], risk: null })

/** Products whose ref or names hold the query, as the catalog search would offer them. */
export const searchIn = (products: Product[], query: unknown) => ({
  products: products.filter((p) => `${p.ref} ${p.nameFr} ${p.nameEn}`.toLowerCase().includes(String(query).toLowerCase()))
})

/** Renders the editor on a new quote (or `quoteId`'s) for the customer, the background answering through `answer`. */
export function renderQuoteEditor(ui: "fr" | "en", customer: Customer, answer: Answer, open: { quoteId?: string; prefill?: PrefillLine[] } = {}) {
  vi.stubGlobal("chrome", {
    runtime: {
      sendMessage: vi.fn(async ({ type, payload }: { type: string; payload: Record<string, unknown> }) => {
        const data = answer(type, payload)
        return data === undefined ? { ok: false, error: "not in this test" } : { ok: true, data }
      })
    }
  })
  return render(
    <I18nextProvider i18n={createI18n(ui)}>
      <QuoteEditor quoteId={open.quoteId ?? null} customerId={customer.id} contactId={null} callId={null} prefill={open.prefill} />
    </I18nextProvider>
  )
}

const addLabel = { fr: "Ajouter une ligne : tapez la référence ou le nom d'un produit", en: "Add a line: type a product's ref or name" }

/** Types in "Add a line" and takes the first product offered (Enter with none offered adds a free line). */
export async function addLine(ui: "fr" | "en", query: string, fromCatalog = true) {
  const add = await screen.findByRole("combobox", { name: addLabel[ui] })
  fireEvent.change(add, { target: { value: query } })
  if (fromCatalog) fireEvent.click(await within(await screen.findByRole("listbox")).findByRole("option"))
  else {
    await screen.findByText(ui === "fr" ? /Aucun produit/ : /No product/)
    fireEvent.keyDown(add, { key: "Enter" })
  }
}
