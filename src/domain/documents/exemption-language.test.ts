import { describe, expect, it } from "vitest"

import type { Customer, Product } from "../customers/customer.schema"
import { DEMO_SELLER } from "../demo/demo-seller"
import { documentSummary } from "./document-text"
import { lineFromProduct, newQuoteValues, quoteFromValues } from "./quote-form"

/**
 * Issue #10: "English-speaking customers get their documents in English", but a 0 % product's exemption mention had
 * one text, French, which an English quote printed. These go through the APIs the quote form and the reply use.
 */
const english: Customer = {
  id: "c-uk",
  code: "C-00077",
  company: "Harbour Foods Ltd",
  siren: null,
  vatNumber: null,
  addresses: [],
  country: "FR",
  language: "en",
  creditLimitCents: null,
  paymentTermsDays: 30,
  salesRep: null,
  tags: [],
  notes: "",
  contacts: [],
  createdAt: 0,
  updatedAt: 0
}
const training: Product = {
  id: "p-form",
  ref: "FORM-HACCP",
  nameFr: "Formation HACCP",
  nameEn: "HACCP training",
  unit: "jour",
  unitPriceCents: 45_000,
  vatRateBp: 0,
  vatExemption: "Exonération de TVA, article 261-4-4° a du CGI (formation professionnelle continue)",
  vatExemptionEn: "VAT exempt: continuing vocational training, article 261-4-4° a of the French tax code (CGI)",
  createdAt: 0,
  updatedAt: 0
}

/** The reply text of a sent quote of this one line, in the customer's language. */
function replyText(line: ReturnType<typeof lineFromProduct>, customer: Customer): string {
  const values = { ...newQuoteValues(customer, { today: "2026-12-05", validityDays: 30, agentName: null }), lines: [line] }
  const q = { ...quoteFromValues(values, { id: "q1", date: "2026-12-05", now: 1 }), number: "DEV-2026-00009", status: "sent" as const }
  return documentSummary(q, DEMO_SELLER, customer, customer.language === "en" ? "en" : "fr").text
}

describe("a 0 % product's exemption mention on a document in English", () => {
  it("is the product's English mention on an English quote's line and reply text, the French one on a French quote", () => {
    const line = lineFromProduct(training, "en", "l1")
    expect(line.vatExemption).toBe(training.vatExemptionEn)
    const text = replyText(line, english)
    expect(text).toContain("VAT exempt: continuing vocational training, article 261-4-4° a of the French tax code (CGI)")
    expect(text).not.toContain("Exonération")
    expect(lineFromProduct(training, "fr", "l1").vatExemption).toBe(training.vatExemption)
  })

  it("is the law's English wording when the product has only a usual French one (293 B, 262 ter I, 262 I, 261)", () => {
    const only = (vatExemption: string) => lineFromProduct({ ...training, vatExemption, vatExemptionEn: undefined }, "en", "l1").vatExemption
    expect(only("TVA non applicable, art. 293 B du CGI")).toBe("VAT not applicable, article 293 B of the French tax code (CGI)")
    expect(only("Exonération de TVA, article 262 ter, I du CGI (livraison intracommunautaire)")).toBe("VAT exempt: intra-Community supply, article 262 ter, I of the French tax code (CGI)")
    expect(only("Exonération de TVA, art. 262 I du CGI")).toBe("VAT exempt: export, article 262 I of the French tax code (CGI)")
    expect(only("Exonération de TVA, article 261 du CGI")).toBe("VAT exempt: article 261 of the French tax code (CGI)")
  })

  it("stays French, rather than a guess, when the French text is not one of the usual wordings", () => {
    const own = "Exonération de TVA, article 261-4-4° du CGI"
    expect(lineFromProduct({ ...training, vatExemption: own, vatExemptionEn: undefined }, "en", "l1").vatExemption).toBe(own)
    // An English mention written by the team is printed as written, even where a usual French one is recognised.
    expect(lineFromProduct({ ...training, vatExemption: "TVA non applicable, art. 293 B du CGI", vatExemptionEn: "VAT not applicable (art. 293 B CGI)" }, "en", "l1").vatExemption).toBe("VAT not applicable (art. 293 B CGI)")
  })

  it("is none on a taxed product, whatever mentions it carries", () => {
    expect(lineFromProduct({ ...training, vatRateBp: 2000 }, "en", "l1").vatExemption).toBeUndefined()
  })
})
