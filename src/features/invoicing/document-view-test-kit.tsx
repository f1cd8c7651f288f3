// Test helpers for a document's page (`DocumentView`), read by the tests of its parts.
import { render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { vi } from "vitest"

import type { SalesDocument } from "~src/domain/documents/document.schema"
import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

export const ID = "0193a1b2-0000-7000-8000-000000000007"

/** A document as `documents/get` returns it; `documents/act` answers ok. */
export function doc(over: Record<string, unknown>): SalesDocument {
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

export function stubChrome(document: SalesDocument, extra: Record<string, unknown> = {}) {
  const data = { document, row: null, customer: null, payments: [], creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { email: "", name: "", role: "agent" }, reminders: [], seller: null, correctedInvoice: null, today: "2026-12-03", ...extra }
  const sendMessage = vi.fn(async (m: { type?: string }) => (m.type === "documents/act" ? { ok: true, data: { ok: true, id: ID } } : { ok: true, data }))
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return sendMessage
}

export function view(lang: "en" | "fr") {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <DocumentView id={ID} />
    </I18nextProvider>
  )
}

