// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { createI18n } from "~src/i18n"

import { CustomerAddressHint } from "./customer-address-hint"

const customer = Customer.parse({
  id: "c1",
  code: "C-00012",
  company: "Cave Saint-Jean",
  country: "FR",
  language: "fr",
  addresses: [{ label: "Livraison", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }],
  createdAt: 1,
  updatedAt: 1
})

const show = (value: string, c: Customer | null = customer, onUse = vi.fn()) => {
  render(
    <I18nextProvider i18n={createI18n("fr")}>
      <CustomerAddressHint customer={c} value={value} onUse={onUse} />
    </I18nextProvider>
  )
  return onUse
}

afterEach(cleanup)

describe("the review's delivery address when the mail gives none", () => {
  it("offers the customer file's address, and puts it in the field only on the agent's click", () => {
    const onUse = show("")
    expect(screen.getByText(/La fiche client indique : 3 rue Mercière, 69002 Lyon\./)).toBeTruthy()
    expect(onUse).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole("button", { name: "L'utiliser" }))
    expect(onUse).toHaveBeenCalledWith("3 rue Mercière, 69002 Lyon")
  })

  it("says nothing once the field holds an address, or for a customer without one, or no customer", () => {
    show("12 quai Rambaud, Lyon")
    show("", { ...customer, addresses: [] })
    show("", null)
    expect(document.querySelector('[data-comptoir="order-address-hint"]')).toBeNull()
  })
})
