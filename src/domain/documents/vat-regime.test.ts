import { describe, expect, it } from "vitest"

import { customerVatRegime, defaultVatRateBp, regimeExemptionMention, vatRegime } from "./vat-regime"

describe("the VAT regime of a French seller's customer", () => {
  it("is domestic in France and in Monaco, with or without a VAT number", () => {
    expect(vatRegime("FR", true)).toBe("domestic")
    expect(vatRegime("FR", false)).toBe("domestic")
    expect(vatRegime("MC", true)).toBe("domestic")
    expect(vatRegime("MC", false)).toBe("domestic")
  })

  it("is an intra-Community supply to a German business with its VAT number, domestic for a German consumer", () => {
    expect(customerVatRegime({ country: "DE", vatNumber: "DE123456789" })).toBe("intra-eu")
    expect(customerVatRegime({ country: "DE", vatNumber: null })).toBe("domestic")
    expect(customerVatRegime({ country: "DE", vatNumber: "  " })).toBe("domestic")
  })

  it("is an export for the United Kingdom, the United States and Switzerland, VAT number or not", () => {
    expect(customerVatRegime({ country: "GB", vatNumber: "GB123456789" })).toBe("export")
    expect(customerVatRegime({ country: "US", vatNumber: null })).toBe("export")
    expect(customerVatRegime({ country: "CH", vatNumber: "CHE123456789" })).toBe("export")
  })

  it("keeps the catalog's rate at home and starts new lines at 0 % for an intra-Community supply or an export", () => {
    expect(defaultVatRateBp("domestic", 2000)).toBe(2000)
    expect(defaultVatRateBp("domestic", 550)).toBe(550)
    expect(defaultVatRateBp("intra-eu", 2000)).toBe(0)
    expect(defaultVatRateBp("export", 550)).toBe(0)
  })

  it("says why in French and in English: article 262 ter I for the intra-Community supply, 262 I for the export", () => {
    expect(regimeExemptionMention("intra-eu", "fr")).toBe("Exonération de TVA, article 262 ter, I du CGI (livraison intracommunautaire)")
    expect(regimeExemptionMention("intra-eu", "en")).toBe("VAT exempt: intra-Community supply, article 262 ter, I of the French tax code (CGI)")
    expect(regimeExemptionMention("export", "fr")).toBe("Exonération de TVA, article 262 I du CGI (exportation)")
    expect(regimeExemptionMention("export", "en")).toBe("VAT exempt: export, article 262 I of the French tax code (CGI)")
  })
})
