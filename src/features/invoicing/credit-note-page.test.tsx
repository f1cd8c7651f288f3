// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { doc, stubChrome, view } from "./document-view-test-kit"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const l = { id: "c1", productId: null, ref: "RAM-A4", label: "Ramette A4", unit: "ramette", quantityMilli: -2_000, unitPriceCents: 450, discountBp: 0, vatRateBp: 2000, invoiceLineId: "l1" }
const credit = (over: Record<string, unknown> = {}) =>
  doc({ type: "credit-note", status: "issued", number: "AV-2026-00004", language: "fr", lines: [l], correctsInvoiceId: "inv-31", sourceId: "inv-31", totalExclVatCents: -900, totalVatCents: -180, totalInclVatCents: -1080, ...over })
const corrected = { id: "inv-31", number: "FAC-2026-00031", date: "2026-11-20", customerPoNumber: "PO-4411", order: { id: "ord-20", number: "CMD-2026-00020" } }
const source = { id: "inv-31", type: "invoice", number: "FAC-2026-00031" }

/** Each fact of the page as "term: what it says", and where its link leads. */
function facts(): string[] {
  return [...document.querySelectorAll(".c-doc-facts dt")].map((dt) => {
    const dd = dt.nextElementSibling!
    const a = dd.querySelector("a")
    return `${dt.textContent}: ${dd.textContent}${a ? ` (${a.getAttribute("href")})` : ""}`
  })
}

describe("a credit note's page, as an accountant reconciles it", () => {
  it("names the invoice it corrects (to open), that invoice's order and the customer's order number, in French", async () => {
    stubChrome(credit(), { source, correctedInvoice: corrected })
    view("fr")
    await screen.findByText("AV-2026-00004")
    expect(facts().slice(2)).toEqual([
      "Facture corrigée: FAC-2026-00031 du 20/11/2026 (#/invoices/inv-31)",
      "Commande: CMD-2026-00020 (#/orders/ord-20)",
      "N° de commande client: PO-4411"
    ])
  })

  it("says so in English, and that the invoice carried no customer's order number nor came from an order", async () => {
    stubChrome(credit({ language: "en" }), { source, correctedInvoice: { ...corrected, customerPoNumber: null, order: null } })
    view("en")
    await screen.findByText("AV-2026-00004")
    expect(facts().slice(2)).toEqual(["Corrects invoice: FAC-2026-00031 of 20 Nov 2026 (#/invoices/inv-31)", "Customer's order no.: None on the invoice"])
  })
})
