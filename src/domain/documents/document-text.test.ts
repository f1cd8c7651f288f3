import { describe, expect, it } from "vitest"

import type { Customer } from "../customers/customer.schema"
import { DEMO_SELLER } from "../demo/demo-seller"
import { documentSummary, documentView } from "./document-text"
import { newQuoteValues, quoteFromValues, emptyLine } from "./quote-form"

const british: Customer = {
  id: "c24",
  code: "C-00024",
  company: "Northcott Printing LLP",
  siren: null,
  vatNumber: null,
  addresses: [{ label: "", line: "203 High Street", postalCode: "CF10 1EP", city: "Cardiff", country: "GB" }],
  country: "GB",
  language: "en",
  creditLimitCents: null,
  paymentTermsDays: 30,
  salesRep: "",
  tags: [],
  notes: "",
  contacts: [],
  createdAt: 0,
  updatedAt: 0
}

const quoteFor = (customer: Customer) =>
  quoteFromValues({ ...newQuoteValues(customer, { today: "2026-12-04", validityDays: 30, agentName: null }), lines: [{ ...emptyLine("l1"), label: "Toner", unitPrice: "10" }] }, { id: "q1", date: "2026-12-04", now: 1 })

describe("the customer's block on a document", () => {
  it("writes a British customer's town before its postcode and names the country in words", () => {
    expect(documentView(quoteFor(british), DEMO_SELLER, british, "en").customer).toEqual(["Northcott Printing LLP", "203 High Street", "Cardiff CF10 1EP", "United Kingdom", "Customer code: C-00024"])
  })

  it("prints the customer's order number on its invoice, in the document's language", () => {
    const invoice = { ...quoteFor(british), type: "invoice" as const, status: "issued" as const, number: "FAC-2026-00012", dueDate: "2027-01-03", customerPoNumber: "NH-4471" }
    expect(documentView(invoice as never, DEMO_SELLER, british, "en").dates).toContainEqual({ label: "Your order no.", value: "NH-4471" })
    expect(documentView(invoice as never, DEMO_SELLER, british, "fr").dates).toContainEqual({ label: "Votre commande n°", value: "NH-4471" })
    expect(documentView({ ...invoice, customerPoNumber: null } as never, DEMO_SELLER, british, "en").dates.map((d) => d.label)).not.toContain("Your order no.")
  })

  it("names that country in French on a French document", () => {
    expect(documentView(quoteFor(british), DEMO_SELLER, british, "fr").customer).toContain("Royaume-Uni")
  })

  it("writes a French customer's postcode first and no country", () => {
    const french: Customer = { ...british, addresses: [{ label: "", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }], country: "FR", language: "fr" }
    expect(documentView(quoteFor(french), DEMO_SELLER, french, "fr").customer.slice(1, 3)).toEqual(["3 rue Mercière", "69002 Lyon"])
  })
})

describe("the text of Copy and Insert into reply", () => {
  const french: Customer = { ...british, addresses: [{ label: "", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }], country: "FR", language: "fr" }

  it("puts a space before each colon in French, as the legal mentions and the PDF do, and none in English", () => {
    const fr = documentSummary(quoteFor(french), DEMO_SELLER, french, "fr").text
    expect(fr).toContain("- Toner : 1 u × 10,00\u00a0€ = 10,00\u00a0€")
    expect(fr).toContain("Total HT : 10,00\u00a0€")
    expect(fr).toContain("Total TTC : 12,00\u00a0€")
    expect(fr).not.toMatch(/\S:/)
    const en = documentSummary(quoteFor(british), DEMO_SELLER, british, "en").text
    expect(en).toContain("Total excl. VAT: €10.00")
    expect(en).not.toMatch(/ :/)
  })

  const discounted = () =>
    quoteFromValues(
      { ...newQuoteValues(french, { today: "2026-12-04", validityDays: 30, agentName: null }), lines: [{ ...emptyLine("l1"), ref: "REF-1011", label: "Enveloppes C4 (250)", unit: "boîte", quantity: "7", unitPrice: "21,90", discountPercent: "5" }] },
      { id: "q2", date: "2026-12-04", now: 1 }
    )

  it("says a line's discount, so that quantity × price gives the amount written after it", () => {
    const fr = documentSummary(discounted(), DEMO_SELLER, french, "fr")
    expect(fr.text).toContain("- REF-1011 Enveloppes C4 (250) : 7 boîtes × 21,90\u00a0€ − remise 5\u00a0% = 145,64\u00a0€")
    expect(fr.blocks.find((b) => b.kind === "table")).toMatchObject({ head: ["Réf.", "Désignation", "Qté", "PU HT", "Remise", "Montant HT"] })
    expect(documentSummary(discounted(), DEMO_SELLER, french, "en").text).toContain("7 boxes × €21.90 − 5% discount = €145.64")
  })

  it("gives an order's requested delivery date, as its PDF does", () => {
    const order = { ...quoteFor(french), type: "order" as const, status: "confirmed" as const, number: "CMD-2026-00173", deliveryDate: "2026-12-18", customerPoNumber: null }
    expect(documentSummary(order as never, DEMO_SELLER, french, "fr").text).toContain("Livraison souhaitée le : 18/12/2026")
    expect(documentSummary(order as never, DEMO_SELLER, french, "en").text).toContain("Requested delivery date: 18 December 2026.")
  })
})
