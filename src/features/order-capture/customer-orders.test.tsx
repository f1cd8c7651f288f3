// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { CustomerOrders } from "./customer-orders"

// What orders/review.ts writes on a captured order's first line of notes: the customer's language, the webmail's id.
const order = {
  id: "o1",
  number: null,
  date: "2026-12-07",
  customerPoNumber: null,
  totalInclVatCents: 145_104,
  lines: [{}, {}, {}],
  sourceId: "mail:roundcube:2",
  notes: "Saisie depuis le mail «\u00a0Commande linge et hygiène - réouverture\u00a0» (n.menard@hotels-fontaine.fr, roundcube:2)\nLivraison avant 11h"
}

vi.mock("~src/messaging/send", () => ({ send: vi.fn(async () => ({ orders: [order] })) }))

const show = (lang: "fr" | "en") =>
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <CustomerOrders customerId="c1" />
    </I18nextProvider>
  )

afterEach(cleanup)

describe("a customer's orders captured from a mail", () => {
  it("name the mail by its subject and sender, without the webmail's internal message id", async () => {
    show("fr")
    const row = (await screen.findByText(/Commande linge et hygiène/)).closest("li")!
    expect(row.textContent).toContain("n.menard@hotels-fontaine.fr")
    expect(row.textContent).not.toContain("roundcube:2")
  })

  it("say where the order came from in the agent's language, whatever language the customer wrote in", async () => {
    show("en")
    const row = (await screen.findByText(/Commande linge et hygiène/)).closest("li")!
    expect(row.textContent).toContain("Captured from the mail “Commande linge et hygiène - réouverture” (n.menard@hotels-fontaine.fr)")
    expect(row.textContent).not.toContain("Saisie depuis")
  })
})
