import { describe, expect, it } from "vitest"

import type { Customer, Product } from "../customers/customer.schema"
import { documentSummary } from "./document-text"
import { DEMO_SELLER } from "../demo/demo-seller"
import { centsToInput, earlierLineOfProduct, emptyLine, lineFromPrefill, lineFromProduct, lineFromValues, liveTotals, newQuoteValues, prefillLinesOf, QuoteFormValues, quotePrefillQuery, quoteFromValues, relabelledLines, valuesFromQuote, type QuoteLineValues } from "./quote-form"

const customer: Customer = {
  id: "c1",
  code: "C-00042",
  company: "Boulangerie Martin SARL",
  siren: null,
  vatNumber: null,
  addresses: [],
  country: "FR",
  language: "fr",
  creditLimitCents: null,
  paymentTermsDays: 45,
  salesRep: "Rep du client",
  tags: [],
  notes: "",
  contacts: [{ id: "p1", firstName: "Claire", lastName: "Martin", role: "", phones: [], emails: [] }],
  createdAt: 0,
  updatedAt: 0
}

const line = (over: Partial<QuoteLineValues>): QuoteLineValues => ({ ...emptyLine("l1"), label: "Gants", unitPrice: "10", ...over })

describe("the quote form's values", () => {
  it("read euros as typed, with a comma or a point, into exact cents", () => {
    expect(lineFromValues(line({ unitPrice: "12,50" }))?.unitPriceCents).toBe(1250)
    expect(lineFromValues(line({ unitPrice: "12.5" }))?.unitPriceCents).toBe(1250)
    expect(lineFromValues(line({ unitPrice: "1 234,56" }))?.unitPriceCents).toBe(123456)
    expect(lineFromValues(line({ unitPrice: "0,1" }))?.unitPriceCents).toBe(10)
    expect(lineFromValues(line({ unitPrice: "12,505" }))).toBeNull()
    expect(lineFromValues(line({ unitPrice: "douze" }))).toBeNull()
  })

  it("read percentages into basis points and quantities into thousandths", () => {
    const l = lineFromValues(line({ quantity: "2,5", discountPercent: "12,5", vatRate: "5.5" }))!
    expect(l).toMatchObject({ quantityMilli: 2500, discountBp: 1250, vatRateBp: 550 })
    expect(lineFromValues(line({ discountPercent: "" }))?.discountBp).toBe(0)
    expect(lineFromValues(line({ discountPercent: "101" }))).toBeNull()
    expect(lineFromValues(line({ vatRate: "19.6" }))).toBeNull()
    expect(lineFromValues(line({ quantity: "0" }))).toBeNull()
  })

  it("total the lines that parse so far the way the server does (BR-CO-17: three 0,10 € lines at 5,5 % carry 0,02 € of VAT)", () => {
    const lines = [1, 2, 3].map((i) => line({ id: `l${i}`, unitPrice: "0,10", vatRate: "5.5" }))
    const t = liveTotals([...lines, line({ id: "bad", unitPrice: "?" })])
    expect(t).toMatchObject({ totalExclVatCents: 30, totalVatCents: 2, totalInclVatCents: 32 })
  })

  it("refuse payment terms beyond 60 days net or 45 days end of month, in words the form translates", () => {
    const base = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [line({ unitPrice: "1" })] }
    const messages = (v: QuoteFormValues) => (QuoteFormValues.safeParse(v).error?.issues ?? []).map((i) => i.message)
    expect(messages({ ...base, termsKind: "net", termsDays: "60" })).toEqual([])
    expect(messages({ ...base, termsKind: "net", termsDays: "61" })).toEqual(["quotes.errors.termsNetCap"])
    expect(messages({ ...base, termsKind: "end-of-month", termsDays: "46" })).toEqual(["quotes.errors.termsEndOfMonthCap"])
    expect(messages({ ...base, lines: [line({ unitPrice: "1", label: " " })] })).toEqual(["quotes.errors.label"])
    expect(messages({ ...base, lines: [] })).toEqual(["quotes.errors.noLine"])
  })

  it("ask for a free line's missing price as missing, and for a mistyped one as mistyped", () => {
    const base = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [line({ unitPrice: "1" })] }
    const messages = (v: QuoteFormValues) => (QuoteFormValues.safeParse(v).error?.issues ?? []).map((i) => i.message)
    expect(messages({ ...base, lines: [line({ label: "Livraison express samedi", unitPrice: " " })] })).toEqual(["quotes.errors.unitPriceMissing"])
    expect(messages({ ...base, lines: [line({ label: "Livraison express samedi", unitPrice: "12,5,0" })] })).toEqual(["quotes.errors.unitPrice"])
  })

  it("start a customer's quote with the customer's own sales rep when that rep is on the team, else with the agent", () => {
    const team = ["Agent Un", "Rep du client"]
    expect(newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un", teamMembers: team }).salesRep).toBe("Rep du client")
    expect(newQuoteValues({ ...customer, salesRep: "Quelqu'un d'ailleurs" }, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un", teamMembers: team }).salesRep).toBe("Agent Un")
    expect(newQuoteValues({ ...customer, salesRep: null }, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un", teamMembers: team }).salesRep).toBe("Agent Un")
    expect(newQuoteValues({ ...customer, salesRep: "Marc Lefebvre" }, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un", teamMembers: ["Marc Lefèbvre"] }).salesRep).toBe("Marc Lefèbvre")
  })

  it("start a customer's quote in the customer's language and terms, its first contact, the agent as sales rep, valid 30 days", () => {
    const v = newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un" })
    expect(v).toMatchObject({ customerId: "c1", contactId: "p1", language: "fr", termsKind: "net", termsDays: "45", validUntil: "2027-01-01", salesRep: "Agent Un", lines: [] })
    expect(newQuoteValues({ ...customer, paymentTermsDays: null }, { today: "2026-12-02", validityDays: 30, agentName: null })).toMatchObject({ termsDays: "30", salesRep: "Rep du client" })
  })

  it("fill a line from a catalog product in the quote's language, and make the same quote back from a stored one", () => {
    const p: Product = { id: "pr1", ref: "REF-1006", nameFr: "Café en grains 1 kg", nameEn: "Coffee beans 1 kg", unit: "kg", unitPriceCents: 1890, vatRateBp: 550, createdAt: 0, updatedAt: 0 }
    expect(lineFromProduct(p, "en", "x")).toMatchObject({ label: "Coffee beans 1 kg", unitPrice: "18.90", vatRate: "5.5", unit: "kg" })
    expect(centsToInput(5, "fr")).toBe("0,05")
    const values = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un" }), lines: [{ ...lineFromProduct(p, "fr", "x"), quantity: "2,5", discountPercent: "10" }] }
    const q = quoteFromValues(values, { id: "q1", date: "2026-12-02", now: 1 })
    expect(q).toMatchObject({ status: "draft", number: null, totalExclVatCents: 4253, totalVatCents: 234, totalInclVatCents: 4487, paymentTerms: { kind: "net", days: 45 } })
    expect(valuesFromQuote(q)).toEqual(values)
  })

  it("start a quote asked for during a call with the caller as contact, and keep the call's id on the quote it makes", () => {
    const withTwo = { ...customer, contacts: [...customer.contacts, { id: "p2", firstName: "Paul", lastName: "Martin", role: "", phones: ["+33612345678"], emails: [] }] }
    const v = newQuoteValues(withTwo, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un", contactId: "p2", callId: "call-42" })
    expect(v).toMatchObject({ contactId: "p2", callId: "call-42" })
    const q = quoteFromValues({ ...v, lines: [line({})] }, { id: "q2", date: "2026-12-02", now: 1 })
    expect(q).toMatchObject({ contactId: "p2", callId: "call-42" })
    expect(valuesFromQuote(q).callId).toBe("call-42")
    // Saving the draft again from a form that no longer carries it keeps the link.
    const { callId: _c, ...again } = valuesFromQuote(q)
    expect(quoteFromValues(again, { id: "q2", date: "2026-12-02", now: 2, existing: q }).callId).toBe("call-42")
    expect(quoteFromValues({ ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [line({})] }, { id: "q3", date: "2026-12-02", now: 1 }).callId).toBeNull()
  })

  it("summarise a quote for a reply in its language, the lines and the totals as text", () => {
    const values = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: "Agent Un" }), lines: [line({ ref: "REF-1", unitPrice: "100", quantity: "2" })] }
    const q = { ...quoteFromValues(values, { id: "q1", date: "2026-12-02", now: 1 }), number: "DEV-2026-00003" }
    const { text } = documentSummary(q, DEMO_SELLER, customer, "fr")
    expect(text).toContain("notre devis DEV-2026-00003 du 02/12/2026, valable jusqu'au 01/01/2027.")
    expect(text).toContain("- REF-1 Gants : 2 u × 100,00\u00a0€ = 200,00\u00a0€")
    expect(text).toContain("Total TTC : 240,00\u00a0€")
    expect(text).toContain("Paiement à 45 jours date de facture.")
    // The legal mentions travel with the text as with the PDF.
    expect(text).toContain("Pénalités de retard : taux de refinancement de la BCE majoré de 10 points")
    expect(text).toContain("Pas d'escompte pour paiement anticipé")
  })

  it("carry a 0 % product's exemption mention from the catalog to the stored line and back, and drop it at another rate", () => {
    const p = { id: "p9", ref: "FORM-01", nameFr: "Formation HACCP", nameEn: "HACCP training", unit: "u", unitPriceCents: 45_000, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI", createdAt: 0, updatedAt: 0 }
    const l = lineFromProduct(p, "fr", "l1")
    expect(l.vatExemption).toBe("Exonération de TVA, article 261-4-4° du CGI")
    const values = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [l] }
    const q = quoteFromValues(values, { id: "q1", date: "2026-12-02", now: 1 })
    expect(q.lines[0]!.vatExemption).toBe("Exonération de TVA, article 261-4-4° du CGI")
    expect(valuesFromQuote(q).lines[0]!.vatExemption).toBe("Exonération de TVA, article 261-4-4° du CGI")
    expect(quoteFromValues({ ...values, lines: [{ ...l, vatRate: "20" }] }, { id: "q1", date: "2026-12-02", now: 1 }).lines[0]!.vatExemption).toBeUndefined()
    expect(lineFromProduct({ ...p, vatRateBp: 2000 }, "fr", "l2").vatExemption).toBeUndefined()
    const { text } = documentSummary({ ...q, number: "DEV-2026-00004" }, DEMO_SELLER, customer, "fr")
    expect(text).toContain("Exonération de TVA, article 261-4-4° du CGI")
  })
})

describe("a new quote prefilled from elsewhere (an order captured from a mail)", () => {
  it("carries the customer and each line's ref, quantity and unit through the route's query and back", () => {
    const query = quotePrefillQuery("cust-1", [{ ref: "GN-4410", quantity: 12, unit: "boîte" }, { ref: "EAU-50", quantity: 2.5, unit: "" }])
    const params = new URLSearchParams(query)
    expect(params.get("customer")).toBe("cust-1")
    expect(prefillLinesOf(params)).toEqual([{ ref: "GN-4410", quantity: 12, unit: "boîte" }, { ref: "EAU-50", quantity: 2.5, unit: "" }])
  })

  it("leaves out a line without a ref or a positive quantity", () => {
    expect(prefillLinesOf(new URLSearchParams("customer=c&line=%7C3%7Cu&line=GN-4410%7C0%7Cu&line=GN-4410%7Cabc&line=GN-4411%7C4%7C"))).toEqual([{ ref: "GN-4411", quantity: 4, unit: "" }])
  })

  it("takes the catalog's label, price and VAT, and the quantity and unit handed over, written the quote's way", () => {
    const p = { id: "p1", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
    expect(lineFromPrefill(p, { ref: "GN-4410", quantity: 2.5, unit: "carton" }, "fr", "l1")).toMatchObject({ productId: "p1", ref: "GN-4410", label: "Gants nitrile M", quantity: "2,5", unit: "carton", unitPrice: "8,90", vatRate: "20" })
    expect(lineFromPrefill(p, { ref: "GN-4410", quantity: 3, unit: "" }, "en", "l1")).toMatchObject({ label: "Nitrile gloves M", quantity: "3", unit: "boîte" })
  })
})

describe("a quote whose language the agent changes", () => {
  const gloves: Product = { id: "p1", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
  const coffee: Product = { id: "p2", ref: "REF-1006", nameFr: "Café en grains 1 kg", nameEn: "Coffee beans 1 kg", unit: "kg", unitPriceCents: 1890, vatRateBp: 550, createdAt: 0, updatedAt: 0 }
  const products = new Map([gloves, coffee].map((p) => [p.id, p]))

  it("re-labels the catalog lines in English when the quote's language changes to English, and back in French", () => {
    const lines = [{ ...lineFromProduct(gloves, "fr", "l1"), quantity: "2" }, lineFromProduct(coffee, "fr", "l2")]
    expect(relabelledLines(lines, products, "fr", "en")).toEqual([
      { index: 0, label: "Nitrile gloves M" },
      { index: 1, label: "Coffee beans 1 kg" }
    ])
    const english = [lineFromProduct(gloves, "en", "l1")]
    expect(relabelledLines(english, products, "en", "fr")).toEqual([{ index: 0, label: "Gants nitrile M" }])
    expect(relabelledLines(lines, products, "fr", "fr")).toEqual([])
  })

  it("keeps a label the agent typed when the language changes, and a free line or a product it does not know", () => {
    const typed = { ...lineFromProduct(gloves, "fr", "l1"), label: "Gants nitrile M, livrés le 12" }
    const free = { ...emptyLine("l2"), ref: "SUR-MESURE", label: "Gants nitrile M" }
    const gone = { ...lineFromProduct(gloves, "fr", "l3"), productId: "deleted" }
    const coffeeFr = lineFromProduct(coffee, "fr", "l4")
    expect(relabelledLines([typed, free, gone, coffeeFr], products, "fr", "en")).toEqual([{ index: 3, label: "Coffee beans 1 kg" }])
  })

  it("prints the re-labelled lines in English in the reply's text, the unit in English from the catalog's word", () => {
    const values = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [{ ...lineFromProduct(gloves, "fr", "l1"), quantity: "2" }] }
    for (const { index, label } of relabelledLines(values.lines, products, "fr", "en")) values.lines[index] = { ...values.lines[index]!, label }
    const q = { ...quoteFromValues({ ...values, language: "en" }, { id: "q1", date: "2026-12-02", now: 1 }), number: "DEV-2026-00005" }
    expect(q.lines[0]).toMatchObject({ label: "Nitrile gloves M", unit: "boîte" })
    const { text } = documentSummary(q, DEMO_SELLER, { ...customer, language: "en" }, "en")
    expect(text).toContain("GN-4410 Nitrile gloves M: 2 boxes")
    expect(text).not.toContain("Gants")
  })
})

describe("a new line for a customer outside France (issue #10: UK customers were quoted 20 % French VAT)", () => {
  const gloves: Product = { id: "p1", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
  const training: Product = { id: "p3", ref: "FORM-HYG", nameFr: "Formation hygiène", nameEn: "Hygiene training", unit: "u", unitPriceCents: 45_000, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI", createdAt: 0, updatedAt: 0 }
  const uk = { ...customer, country: "GB", language: "en" as const, vatNumber: "GB123456789" }

  it("starts at 0 % for an export or an intra-Community supply, and at the catalog's rate in France", () => {
    expect(lineFromProduct(gloves, "en", "l1", undefined, "export").vatRate).toBe("0")
    expect(lineFromProduct(gloves, "en", "l1", undefined, "intra-eu").vatRate).toBe("0")
    expect(lineFromProduct(gloves, "fr", "l1", undefined, "domestic").vatRate).toBe("20")
    expect(lineFromProduct(gloves, "fr", "l1").vatRate).toBe("20")
    expect(lineFromPrefill(gloves, { ref: "GN-4410", quantity: 3, unit: "" }, "en", "l2", undefined, "export").vatRate).toBe("0")
    expect(emptyLine("l3", "export").vatRate).toBe("0")
    expect(emptyLine("l3").vatRate).toBe("20")
  })

  it("keeps a 0 % product's own exemption mention, and prints the export mention for the others on a UK quote", () => {
    expect(lineFromProduct(training, "en", "l1", undefined, "export")).toMatchObject({ vatRate: "0", vatExemption: "Exonération de TVA, article 261-4-4° du CGI" })
    const values = { ...newQuoteValues(uk, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [lineFromProduct(gloves, "en", "l1", undefined, "export")] }
    const q = { ...quoteFromValues(values, { id: "q1", date: "2026-12-02", now: 1 }), number: "DEV-2026-00006" }
    expect(q).toMatchObject({ totalExclVatCents: 890, totalVatCents: 0, totalInclVatCents: 890 })
    const { text } = documentSummary(q, DEMO_SELLER, uk, "en")
    expect(text).toContain("VAT exempt: export, article 262 I of the French tax code (CGI)")
  })
})

describe("a catalog product on two lines of a quote", () => {
  const lines = [{ productId: "p-gloves" }, { productId: null }, { productId: "p-coffee" }, { productId: "p-gloves" }, { productId: "p-gloves" }]

  it("points each later line to the first line that has it, and the first line nowhere", () => {
    expect(lines.map((_, i) => earlierLineOfProduct(lines, i))).toEqual([null, null, null, 1, 1])
  })

  it("follows the lines when the first one is removed", () => {
    const rest = lines.slice(1)
    expect(rest.map((_, i) => earlierLineOfProduct(rest, i))).toEqual([null, null, null, 3])
  })
})
