// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { Quote } from "~src/domain/documents/document.schema"
import { computeTotals } from "~src/domain/documents/totals"
import { createI18n } from "~src/i18n"

import { QuoteEditor } from "./quote-form"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const lines = [{ id: "l1", productId: null, ref: "GN-4410", label: "Nitrile gloves M (box of 100)", unit: "u", quantityMilli: 10_000, unitPriceCents: 890, discountBp: 0, vatRateBp: 2000 }]
const totals = computeTotals(lines)
const draft = {
  id: "0193a1b2-0000-7000-8000-0000000000bb",
  type: "quote",
  status: "draft",
  customerId: customer.id,
  contactId: customer.contacts[0]?.id ?? null,
  language: "en",
  number: null,
  date: "2026-12-03",
  validUntil: "2027-01-02",
  paymentTerms: { kind: "net", days: 30 },
  lines,
  totalExclVatCents: totals.totalExclVatCents,
  totalVatCents: totals.totalVatCents,
  totalInclVatCents: totals.totalInclVatCents,
  notes: "",
  salesRep: "Claire Martin",
  sourceId: null,
  history: [],
  createdAt: 0,
  updatedAt: 0
} as unknown as Quote

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function show(quoteId: string | null) {
  const answers: Record<string, unknown> = {
    "quotes/get": { quote: draft, customer, seller: null, refusal: null },
    "quotes/context": { customer, agentName: "Claire Martin", teamMembers: ["Claire Martin"], today: "2026-12-03", validityDays: 30, sellerProblems: [], risk: null },
    "pricing/get": { pricing: null, mayEdit: false }
  }
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async ({ type }: { type: string }) => (type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" })) } })
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <QuoteEditor quoteId={quoteId} customerId={quoteId ? null : customer.id} contactId={null} callId={null} />
    </I18nextProvider>
  )
}

const pdfButton = async () => (await screen.findByText(/download PDF/i, { selector: '[data-comptoir="quote-pdf"]' })).textContent

describe("the quote form's PDF button", () => {
  it("says it saves the draft first on a quote never saved", async () => {
    show(null)
    expect(await pdfButton()).toBe("Save draft and download PDF")
  })

  it("only downloads on a saved draft left as it is, and says it saves again once the agent changes something", async () => {
    show(draft.id)
    expect(await pdfButton()).toBe("Download PDF")
    fireEvent.change(screen.getByLabelText("Notes on the quote"), { target: { value: "Delivery on Monday." } })
    await vi.waitFor(async () => expect(await pdfButton()).toBe("Save draft and download PDF"))
  })
})
