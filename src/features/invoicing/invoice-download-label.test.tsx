// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { doc, stubChrome, view } from "./document-view-test-kit"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const invoice = doc({ type: "invoice", status: "issued", number: "FAC-2026-00021", dueDate: "2027-01-02", language: "fr" })
const creditNote = doc({ type: "credit-note", status: "issued", number: "AV-2026-00004", language: "fr", correctsInvoiceId: "0193a1b2-0000-7000-8000-000000000021", paymentTerms: undefined })

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** An issued invoice's only PDF button, as a first-day agent looks for it (issue #10). */
describe("an issued invoice's download button", () => {
  it("says it downloads the invoice as a PDF, in French, Factur-X written beside it as a note", async () => {
    stubChrome(invoice, { customer })
    view("fr")
    const button = await screen.findByRole("button", { name: "Télécharger la facture (PDF)" })
    expect(button.getAttribute("data-comptoir")).toBe("facturx-download")
    expect(button.textContent).not.toMatch(/Factur-X/)
    expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toMatch(/^Factur-X \(PDF\/A-3 \+ XML\)/)
  })

  it("says the same in English", async () => {
    stubChrome(invoice, { customer })
    view("en")
    const button = await screen.findByRole("button", { name: "Download the invoice (PDF)" })
    expect(button.getAttribute("data-comptoir")).toBe("facturx-download")
    expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toMatch(/^Factur-X \(PDF\/A-3 \+ XML\)/)
  })

  it("names a credit note's file a credit note, not an invoice", async () => {
    stubChrome(creditNote, { customer })
    view("fr")
    expect((await screen.findByRole("button", { name: "Télécharger l'avoir (PDF)" })).getAttribute("data-comptoir")).toBe("facturx-download")
  })
})
