// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { SalesDocument } from "~src/domain/documents/document.schema"
import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

const ID = "0193a1b2-0000-7000-8000-000000000007"

/** A document as `documents/get` returns it; `documents/act` answers ok. */
function doc(over: Record<string, unknown>): SalesDocument {
  const l = { id: "l1", productId: null, ref: "RAM-A4", label: "Ramette A4", unit: "ramette", quantityMilli: 10_000, unitPriceCents: 450, discountBp: 0, vatRateBp: 2000 }
  return {
    id: ID,
    type: "order",
    status: "draft",
    customerId: "cust-1",
    contactId: null,
    language: "en",
    number: null,
    date: "2026-12-02",
    paymentTerms: { kind: "net", days: 30 },
    customerPoNumber: null,
    deliveryDate: null,
    riskOverride: null,
    lines: [l],
    totalExclVatCents: 4500,
    totalVatCents: 900,
    totalInclVatCents: 5400,
    notes: "",
    salesRep: null,
    sourceId: null,
    history: [],
    createdAt: 0,
    updatedAt: 0,
    ...over
  } as unknown as SalesDocument
}

function stubChrome(document: SalesDocument) {
  const data = { document, row: null, customer: null, payments: [], creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { email: "", name: "", role: "agent" }, reminders: [], seller: null, correctedInvoice: null, today: "2026-12-03" }
  const sendMessage = vi.fn(async (m: { type?: string }) => (m.type === "documents/act" ? { ok: true, data: { ok: true, id: ID } } : { ok: true, data }))
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return sendMessage
}

function view(lang: "en" | "fr") {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <DocumentView id={ID} />
    </I18nextProvider>
  )
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the customer's order number on a document's page", () => {
  it("is typed on a draft order made from a quote, which has none, and saved for its invoice to carry", async () => {
    const sendMessage = stubChrome(doc({ sourceId: "quote-1" }))
    view("en")
    expect((await screen.findByText("Customer's order no.")).nextElementSibling?.textContent).toBe("None yet")
    fireEvent.click(screen.getByRole("button", { name: "Add the customer's order no." }))
    fireEvent.change(screen.getByLabelText("Customer's order no."), { target: { value: "PO-2026-118" } })
    fireEvent.click(screen.getByRole("button", { name: "Save" }))
    await vi.waitFor(() => expect(sendMessage.mock.calls.map(([m]) => m).find((m) => m.type === "documents/act")).toMatchObject({ payload: { id: ID, step: { action: "po-number", poNumber: "PO-2026-118" } } }))
  })

  it("is changed on a draft in French, from the number it has", async () => {
    stubChrome(doc({ language: "fr", customerPoNumber: "BC-0458" }))
    view("fr")
    expect((await screen.findByText("BC-0458")).previousElementSibling?.textContent).toBe("N° de commande client")
    fireEvent.click(screen.getByRole("button", { name: "Modifier" }))
    expect((screen.getByLabelText("N° de commande client") as HTMLInputElement).value).toBe("BC-0458")
  })

  it("reads as text once the order is confirmed or the invoice issued, and is not offered where there is none", async () => {
    stubChrome(doc({ type: "invoice", status: "issued", number: "FAC-2026-00031", dueDate: "2027-01-02", customerPoNumber: "NH-4471" }))
    view("en")
    expect((await screen.findByText("NH-4471")).previousElementSibling?.textContent).toBe("Customer's order no.")
    expect(document.querySelector('[data-comptoir="po-number-edit"]')).toBeNull()
    cleanup()
    stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012" }))
    view("en")
    await screen.findByText("CMD-2026-00012")
    expect(screen.queryByText("Customer's order no.")).toBeNull()
  })
})
