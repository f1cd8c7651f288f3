// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { Customer } from "~src/domain/customers/customer.schema"
import { createI18n } from "~src/i18n"

import { CustomerCard } from "./customer-card"
import { testCustomer } from "./test-customer"

const customer = testCustomer

function renderCard(c: Customer, lang: "en" | "fr" = "en") {
  // The card asks the background for its risk and documents: nothing comes back here, it shows without them.
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: false, error: "offline" })), getURL: (p: string) => `chrome-extension://x/${p}` } })
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <CustomerCard customer={c} agentCountry="FR" />
    </I18nextProvider>
  )
}

/** The label of the card's line whose value is this element. */
const labelOf = (value: Element) => value.previousElementSibling?.textContent

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the customer card's facts", () => {
  it("names a foreign customer's VAT number as a VAT number, not « SIREN · VAT » over a number that is no SIREN", () => {
    renderCard(customer({ vatNumber: "GB868836376" }))
    const legal = screen.getByText("GB868836376")
    expect(labelOf(legal)).toBe("VAT number")
    cleanup()
    renderCard(customer({ country: "FR", language: "fr", siren: "521637900", vatNumber: "FR05521637900" }), "fr")
    expect(labelOf(screen.getByText("521637900 · FR05521637900"))).toBe("SIREN · TVA")
    cleanup()
    renderCard(customer({ country: "FR", language: "fr", siren: "521637900" }), "fr")
    expect(labelOf(screen.getByText("521637900"))).toBe("SIREN")
  })

  it("says payment terms of 0 days are « on receipt », as the quote form and the customer editor call them", () => {
    for (const lang of ["en", "fr"] as const) {
      const i18n = createI18n(lang)
      renderCard(customer({ paymentTermsDays: 0 }), lang)
      expect(screen.getByText(i18n.t("card.fields.paymentTerms")).nextElementSibling!.textContent).toBe(i18n.t("quotes.form.termsOnReceipt"))
      cleanup()
    }
  })

  it("keeps a British postcode in one piece on the card's narrow column: \"Glasgow G1 1XQ\" never wraps between G1 and 1XQ", () => {
    renderCard(customer({ addresses: [{ label: "", line: "126 High Street", postalCode: "G1 1XQ", city: "Glasgow", country: "GB" }] }))
    const address = screen.getByText(/126 High Street/)
    expect(labelOf(address)).toBe("Address")
    expect(address.textContent).toBe("126 High Street, Glasgow G1\u00a01XQ")
  })
})

