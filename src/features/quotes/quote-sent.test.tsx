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

const lines = [
  { id: "l1", productId: null, ref: "GN-4410", label: "Nitrile gloves M (box of 100)", unit: "boîte", quantityMilli: 10_000, unitPriceCents: 890, discountBp: 500, vatRateBp: 2000 },
  { id: "l2", productId: null, ref: "REF-1006", label: "Coffee beans 1 kg", unit: "kg", quantityMilli: 1500, unitPriceCents: 1890, discountBp: 0, vatRateBp: 550 }
]
const totals = computeTotals(lines)
const sent: Quote = {
  id: "0193a1b2-0000-7000-8000-0000000000aa",
  type: "quote",
  status: "sent",
  customerId: customer.id,
  contactId: customer.contacts[0]?.id ?? null,
  language: "en",
  number: "DEV-2026-00042",
  date: "2026-12-03",
  validUntil: "2027-01-02",
  paymentTerms: { kind: "net", days: 30 },
  lines,
  totalExclVatCents: totals.totalExclVatCents,
  totalVatCents: totals.totalVatCents,
  totalInclVatCents: totals.totalInclVatCents,
  notes: "Delivery within 5 working days.",
  salesRep: "Claire Martin",
  sourceId: null,
  history: [],
  createdAt: 0,
  updatedAt: 0
} as Quote

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function showSentQuote(language: "fr" | "en", quote: Quote = sent) {
  const answers: Record<string, unknown> = {
    "quotes/get": { quote, customer, seller: null, refusal: null },
    "quotes/context": { customer, agentName: "Claire Martin", today: "2026-12-03", validityDays: 30, sellerProblems: [], risk: null },
    "pricing/get": { pricing: null, mayEdit: false }
  }
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async ({ type }: { type: string }) => (type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" })) } })
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <QuoteEditor quoteId={quote.id} customerId={null} contactId={null} callId={null} />
    </I18nextProvider>
  )
}

describe("a sent quote in the editor", () => {
  it("reads as a document: no field to type in, its lines and facts as text, its totals under the same hooks", async () => {
    const { container } = showSentQuote("en")
    await screen.findByText("DEV-2026-00042")
    // Greyed-out inputs looked like a form that had stopped working.
    expect(container.querySelectorAll('[data-comptoir="quote-form"] :is(input, textarea, select)')).toHaveLength(0)
    const form = container.querySelector('[data-comptoir="quote-sheet"]')!
    expect(container.querySelector('[data-comptoir="quote-line-add"]')).toBeNull()
    expect(container.querySelector('[data-comptoir="quote-issue"]')).toBeNull()
    const quantities = [...form.querySelectorAll('[data-comptoir="line-quantity"]')].map((c) => c.textContent)
    // The unit in the quote's language, as its PDF prints it.
    expect(quantities).toEqual(["10 boxes", "1.5 kg"])
    expect(form.textContent).toContain("Nitrile gloves M (box of 100)")
    expect(form.textContent).toContain("30 days from the invoice date")
    expect(form.textContent).toContain("2 Jan 2027")
    expect(form.textContent).toContain("Delivery within 5 working days.")
    expect(container.querySelector('[data-comptoir="total-incl-vat"]')?.getAttribute("data-cents")).toBe(String(totals.totalInclVatCents))
    expect(container.querySelector('[data-comptoir="total-excl-vat"]')?.getAttribute("data-cents")).toBe(String(totals.totalExclVatCents))
    expect(container.querySelector('[data-comptoir="total-vat"]')?.getAttribute("data-cents")).toBe(String(totals.totalVatCents))
    expect(container.querySelector('[data-comptoir="document-number"]')?.textContent).toBe("DEV-2026-00042")
  })

  it("keeps what can still be done with it: the PDF, the reply, the copy and the customer's answer", async () => {
    const { container } = showSentQuote("fr")
    await screen.findByText("DEV-2026-00042")
    for (const hook of ["quote-pdf", "insert-into-reply", "quote-copy"]) expect(container.querySelector(`[data-comptoir="${hook}"]`)).not.toBeNull()
    expect([...container.querySelectorAll('[data-comptoir="transition"]')].map((b) => b.getAttribute("data-to"))).toEqual(["accepted", "refused"])
    expect(screen.getByText("30 jours à compter de la date de facture")).toBeTruthy()
  })

  it("a quote the customer refused says so on its chip, in both languages, not that the server refused it", async () => {
    const refused = { ...sent, status: "refused" } as Quote
    for (const [language, word] of [["en", "Refused"], ["fr", "Refusé"]] as const) {
      const { container, unmount } = showSentQuote(language, refused)
      await screen.findByText("DEV-2026-00042")
      expect(container.querySelector('[data-comptoir="quote-status"]')?.textContent).toBe(word)
      unmount()
    }
  })
})

const pdfButton = async () => (await screen.findByText(/download PDF/i, { selector: '[data-comptoir="quote-pdf"]' })).textContent

describe("the PDF button of a draft", () => {
  it("only downloads on a saved draft left as it is, and says it saves the draft first once the agent changes something", async () => {
    showSentQuote("en", { ...sent, status: "draft", number: null } as Quote)
    expect(await pdfButton()).toBe("Download PDF")
    fireEvent.change(screen.getByLabelText("Notes on the quote"), { target: { value: "Delivery on Monday." } })
    await vi.waitFor(async () => expect(await pdfButton()).toBe("Save draft and download PDF"))
  })
})

describe("the reply and copy buttons of a draft", () => {
  const labels = () => [...document.querySelectorAll('[data-comptoir="insert-into-reply"], [data-comptoir="quote-copy"]')].map((b) => b.textContent)

  it("only insert or copy on a saved draft left as it is, and say they save the draft first once the agent changes something", async () => {
    showSentQuote("fr", { ...sent, status: "draft", number: null } as Quote)
    await screen.findByText("Télécharger le PDF", { selector: '[data-comptoir="quote-pdf"]' })
    expect(labels()).toEqual(["Insérer dans la réponse", "Copier le texte"])
    fireEvent.change(screen.getByLabelText("Notes sur le devis"), { target: { value: "Livraison lundi." } })
    await vi.waitFor(() => expect(labels()).toEqual(["Enregistrer le brouillon et insérer dans la réponse", "Enregistrer le brouillon et copier le texte"]))
  })

  it("never say they save a sent quote, which is not edited any more", async () => {
    showSentQuote("en")
    await screen.findByText("DEV-2026-00042")
    expect(labels()).toEqual(["Insert into reply", "Copy as text"])
  })
})
