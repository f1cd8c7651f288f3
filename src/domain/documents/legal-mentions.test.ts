import { describe, expect, it } from "vitest"

import { paymentMentions, sellerLines, termsText, vatExemptionMention, type SellerIdentity } from "./legal-mentions"

const seller: SellerIdentity = {
  name: "Comptoir Démo",
  legalForm: "SAS",
  shareCapitalCents: 1_000_000,
  siren: "123456789",
  rcsCity: "Lyon",
  vatNumber: "FR32123456789",
  address: { line: "12 rue de la République", postalCode: "69002", city: "Lyon", country: "FR" },
  latePenalty: { kind: "ecb-plus-10" },
  earlyPaymentDiscountBp: 0
}

describe("legal mentions", () => {
  it("gives a business customer the penalty rate, the 40 € indemnity and the absence of discount, in French", () => {
    expect(paymentMentions(seller, "fr", true)).toEqual([
      "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points",
      "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €",
      "Pas d'escompte pour paiement anticipé"
    ])
  })

  it("speaks English to an English-speaking customer and leaves out the indemnity for a consumer", () => {
    const lines = paymentMentions({ ...seller, earlyPaymentDiscountBp: 150 }, "en", false)
    expect(lines.join("\n")).not.toMatch(/40/)
    expect(lines).toContain("Early-payment discount: 1.5%")
  })

  it("identifies the seller with legal form, capital, SIREN, RCS and VAT number", () => {
    const [first, , third] = sellerLines(seller, "fr")
    expect(first).toMatch(/^Comptoir Démo, SAS au capital de 10\s000,00\s€$/)
    expect(third).toBe("SIREN 123456789 RCS Lyon · TVA FR32123456789")
  })

  it("says why a 0 % line has no VAT", () => {
    expect(vatExemptionMention("DE", true, "fr")).toMatch(/262 ter, I/)
    expect(vatExemptionMention("US", false, "en")).toMatch(/export/)
    expect(vatExemptionMention("FR", true, "fr")).toMatch(/293 B/)
  })

  it("does not call a sale to Monaco an export: Monaco is in the French VAT territory", () => {
    expect(vatExemptionMention("MC", false, "fr")).toBe("TVA non applicable, article 293 B du CGI")
    expect(vatExemptionMention("GB", false, "en")).toBe("VAT exempt: export, article 262 I of the French tax code (CGI)")
  })

  it("writes the payment terms in words", () => {
    expect(termsText({ kind: "end-of-month", days: 45 }, "fr")).toBe("Paiement à 45 jours fin de mois")
    expect(termsText({ kind: "net", days: 30 }, "en")).toBe("Payment within 30 days of the invoice date")
  })
})
