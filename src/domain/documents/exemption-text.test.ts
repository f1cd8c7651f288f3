import { describe, expect, it } from "vitest"

import type { Product } from "../customers/customer.schema"
import { englishMentionNote, valuesFromProduct } from "../catalog/product-form"
import { englishMentionMissing, englishOfKnownMention, productExemptionMention } from "./exemption-text"
import { lineFromProduct, lineMentionFrenchOnly, rewordedExemptions } from "./quote-form"

const base: Product = { id: "p1", ref: "FORM-1", nameFr: "Formation", nameEn: "Training", unit: "jour", unitPriceCents: 90_000, vatRateBp: 0, createdAt: 0, updatedAt: 0 }
const withBoth: Product = { ...base, vatExemption: "Exonération de TVA, article 261-4-4° du CGI", vatExemptionEn: "VAT exempt: vocational training, article 261-4-4° of the French tax code (CGI)" }
const frenchOnly: Product = { ...base, id: "p2", vatExemption: "Exonération de TVA, article 261-4-4° du CGI" }
const usual: Product = { ...base, id: "p3", vatExemption: "TVA non applicable - art. 293 B du CGI" }

describe("the English of a French exemption mention", () => {
  it("is recognised whatever the accents, case, punctuation and 'art.' of a usual wording", () => {
    expect(englishOfKnownMention("tva non applicable, ART 293 B du Code général des impôts")).toMatch(/^VAT not applicable, article 293 B/)
    expect(englishOfKnownMention("Exoneration de TVA - article 262 ter I du CGI")).toMatch(/intra-Community supply/)
  })

  it("is not given for a sub-paragraph, another article or a reason in the team's own words", () => {
    for (const text of ["Exonération de TVA, article 261-4-4° du CGI", "Exonération de TVA, article 262 bis du CGI", "Autoliquidation", "TVA non applicable, article 293 B du CGI, sauf pour les formations", ""]) {
      expect(englishOfKnownMention(text)).toBeNull()
    }
  })
})

describe("a product's mention in a document's language", () => {
  it("says when an English document would print the French text", () => {
    expect(productExemptionMention(frenchOnly, "en")).toEqual({ text: frenchOnly.vatExemption, frenchOnly: true })
    expect([withBoth, frenchOnly, usual].map(englishMentionMissing)).toEqual([false, true, false])
    // A product with an English mention only prints none on a French document: the country's mention is printed.
    expect(productExemptionMention({ vatRateBp: 0, vatExemptionEn: "VAT exempt" }, "fr")).toBeNull()
  })
})

describe("the quote form and the English mention", () => {
  const products = new Map([withBoth, frenchOnly, usual].map((p) => [p.id, p]))

  it("rewords a line's mention when the quote changes language, and leaves lines without a known product alone", () => {
    const lines = [lineFromProduct(withBoth, "fr", "l1"), lineFromProduct(frenchOnly, "fr", "l2"), lineFromProduct(usual, "fr", "l3"), { productId: null, vatExemption: "Exonéré" }]
    expect(rewordedExemptions(lines, products, "en")).toEqual([
      { index: 0, vatExemption: withBoth.vatExemptionEn },
      { index: 2, vatExemption: "VAT not applicable, article 293 B of the French tax code (CGI)" }
    ])
    const back = rewordedExemptions([lineFromProduct(withBoth, "en", "l1")], products, "fr")
    expect(back).toEqual([{ index: 0, vatExemption: withBoth.vatExemption }])
  })

  it("warns on an English quote's 0 % line that will print its product's French mention, not on a French quote", () => {
    const line = lineFromProduct(frenchOnly, "en", "l2")
    expect(lineMentionFrenchOnly(line, products, "en")).toBe(true)
    expect(lineMentionFrenchOnly(line, products, "fr")).toBe(false)
    expect(lineMentionFrenchOnly({ ...line, vatRate: "20" }, products, "en")).toBe(false)
    expect(lineMentionFrenchOnly(lineFromProduct(withBoth, "en", "l1"), products, "en")).toBe(false)
  })
})

describe("the product editor's note under the English mention", () => {
  it("gives the English a usual wording will print, warns when the French text will be printed, and says nothing once it is typed", () => {
    expect(englishMentionNote(valuesFromProduct(usual, "fr"))).toEqual({ kind: "derived", text: "VAT not applicable, article 293 B of the French tax code (CGI)" })
    expect(englishMentionNote(valuesFromProduct(frenchOnly, "fr"))).toEqual({ kind: "missing" })
    expect(englishMentionNote(valuesFromProduct(withBoth, "fr"))).toBeNull()
    expect(englishMentionNote({ ...valuesFromProduct(frenchOnly, "fr"), vatRate: "20" })).toBeNull()
  })
})
