import { describe, expect, it } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import type { DocumentLine, SalesDocument } from "~src/domain/documents/document.schema"
import { lineFromProduct, newQuoteValues, quoteFromValues, relabelledLines } from "~src/domain/documents/quote-form"
import { computeTotals } from "~src/domain/documents/totals"

import { documentFileName, documentPdf } from "./document-pdf"

const customer: Customer = {
  id: "cust-1",
  code: "C-00042",
  company: "Boulangerie Martin SARL",
  siren: "552100554",
  vatNumber: "FR76552100554",
  addresses: [{ label: "", line: "3 place du Marché", postalCode: "21000", city: "Dijon", country: "FR" }],
  country: "FR",
  language: "fr",
  creditLimitCents: 500_000,
  paymentTermsDays: 30,
  salesRep: null,
  tags: [],
  notes: "",
  contacts: [{ id: "p-1", firstName: "Claire", lastName: "Martin", role: "Gérante", phones: [], emails: ["claire@martin.test"] }],
  createdAt: 0,
  updatedAt: 0
}

function quote(lines: DocumentLine[], extra: Partial<SalesDocument> = {}): SalesDocument {
  const t = computeTotals(lines)
  return {
    id: "0193a1b2-0000-7000-8000-000000000001",
    type: "quote",
    status: "sent",
    customerId: customer.id,
    contactId: "p-1",
    language: "fr",
    number: "DEV-2026-00017",
    date: "2026-12-02",
    validUntil: "2027-01-01",
    paymentTerms: { kind: "net", days: 30 },
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    notes: "",
    salesRep: "Agent Un",
    sourceId: null,
    history: [],
    createdAt: 0,
    updatedAt: 0,
    ...extra
  } as SalesDocument
}

const line = (i: number, over: Partial<DocumentLine> = {}): DocumentLine => ({
  id: `l${i}`,
  productId: null,
  ref: `REF-${1000 + i}`,
  label: `Ramette papier A4 n° ${i}`,
  unit: "ramette",
  quantityMilli: 3000,
  unitPriceCents: 549,
  discountBp: 0,
  vatRateBp: 2000,
  ...over
})

/** The PDF's text as a reader extracts it, pages joined, spaces of every kind as one. */
async function textOf(bytes: Uint8Array, raw = false): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs")
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise
  const parts: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    parts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "))
  }
  return raw ? parts.join(" ") : parts.join(" ").replace(/[\s\u00a0\u202f]+/g, " ")
}

describe("a quote's PDF", () => {
  it("reads back, in French, the number, the lines, the VAT per rate, the totals and the legal mentions", async () => {
    // 3 × 5,49 € at 20 % and 2 × 18,90 € at 5,5 % with 10 % off: 16,47 € and 34,02 €.
    const doc = quote([line(1), line(2, { label: "Café en grains 1 kg", unit: "kg", quantityMilli: 2000, unitPriceCents: 1890, discountBp: 1000, vatRateBp: 550 })])
    const text = await textOf(await documentPdf(doc, DEMO_SELLER, customer, "fr"))
    expect(text).toContain("Devis")
    expect(text).toContain("DEV-2026-00017")
    expect(text).toContain("Boulangerie Martin SARL")
    expect(text).toContain("Café en grains 1 kg")
    expect(text).toContain("Total HT 50,49 €")
    expect(text).toContain("TVA 20 % 3,29 €")
    expect(text).toContain("TVA 5,5 % 1,87 €")
    expect(text).toContain("Total TTC 55,65 €")
    expect(text).toContain("SIREN 732829320")
    expect(text).toContain("TVA FR44732829320")
    expect(text).toContain("Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €")
    expect(text).toContain("Pas d'escompte pour paiement anticipé")
    expect(text).toContain("Paiement à 30 jours date de facture")
    expect(text).toContain("Valable jusqu'au : 01/01/2027")
    // The share capital's thousands separator is a space the font has (fr-FR writes U+202F, which Roboto lacks).
    expect(text).toContain("au capital de 50 000,00 €")
    expect(await textOf(await documentPdf(doc, DEMO_SELLER, customer, "fr"), true)).not.toContain("\u202f")
  })

  it("speaks English to an English-speaking customer, with the €40 indemnity and the VAT exemption of a 0 % export line", async () => {
    const uk: Customer = { ...customer, company: "Harbour Tools Ltd", country: "GB", language: "en", vatNumber: null, addresses: [{ label: "", line: "1 Dock Road", postalCode: "BS1 4RN", city: "Bristol", country: "GB" }] }
    const doc = quote([line(1, { label: "A4 copy paper", vatRateBp: 0 })], { language: "en" } as Partial<SalesDocument>)
    const text = await textOf(await documentPdf(doc, DEMO_SELLER, uk, "en"))
    expect(text).toContain("Quote")
    expect(text).toContain("Total excl. VAT €16.47")
    expect(text).toContain("Total incl. VAT €16.47")
    expect(text).toContain("Fixed compensation for recovery costs in case of late payment: €40")
    expect(text).toContain("VAT exempt: export, article 262 I of the French tax code (CGI)")
    expect(text).toContain("Valid until: 1 January 2027")
    expect(text).not.toContain("Total HT")
  })

  it("prints a 0 % product's own exemption mention, and the seller's own penalty rate and discount", async () => {
    const own = "Exonération de TVA, article 261-4-4° du CGI (formation professionnelle)"
    const doc = quote([line(1), line(2, { label: "Formation HACCP", unit: "u", quantityMilli: 1000, unitPriceCents: 45_000, vatRateBp: 0, vatExemption: own })])
    const seller = { ...DEMO_SELLER, latePenalty: { kind: "fixed" as const, rateBp: 1200 }, earlyPaymentDiscountBp: 200 }
    const bytes = await documentPdf(doc, seller, customer, "fr")
    const text = await textOf(bytes)
    expect(text).toContain(own)
    // The customer is French without its own reason: the country's mention (293 B) is not printed for this line.
    expect(text).not.toContain("293 B")
    expect(text).toContain("Pénalités de retard : 12 % par an")
    expect(text).toContain("Escompte pour paiement anticipé : 2 %")
    expect(text).not.toContain("Pas d'escompte")
  })

  it("prints a 0 % product's English exemption mention on an English quote, and no French one", async () => {
    const training: Product = { id: "p-form", ref: "FORM-HACCP", nameFr: "Formation HACCP", nameEn: "HACCP training", unit: "jour", unitPriceCents: 45_000, vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° a du CGI", vatExemptionEn: "VAT exempt: vocational training, article 261-4-4° a of the French tax code (CGI)", createdAt: 0, updatedAt: 0 }
    const uk: Customer = { ...customer, company: "Harbour Tools Ltd", language: "en" }
    const values = { ...newQuoteValues(uk, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [lineFromProduct(training, "en", "l1")] }
    const doc = { ...quoteFromValues(values, { id: "q-en", date: "2026-12-02", now: 1 }), number: "DEV-2026-00010", status: "sent" as const }
    const bytes = await documentPdf(doc, DEMO_SELLER, uk, "en")
    const text = await textOf(bytes)
    expect(text).toContain("VAT exempt: vocational training, article 261-4-4° a of the French tax code (CGI)")
    expect(text).not.toContain("Exonération")
  })

  it("prints each line's unit agreeing with its quantity, in the document's language (2 pièces, 1,5 kg; 1 box, 2 boxes)", async () => {
    const lines = [
      line(1, { unit: "pièce", quantityMilli: 2000 }),
      line(2, { unit: "pièce", quantityMilli: 1000 }),
      line(3, { unit: "kg", quantityMilli: 1500 }),
      line(4, { unit: "rouleau", quantityMilli: 12_000 }),
      line(5, { unit: "boîte", quantityMilli: 1000 }),
      line(6, { unit: "boîte", quantityMilli: 2000 })
    ]
    const fr = await textOf(await documentPdf(quote(lines), DEMO_SELLER, customer, "fr"))
    for (const q of ["2 pièces", "1 pièce", "1,5 kg", "12 rouleaux", "1 boîte", "2 boîtes"]) expect(fr).toContain(`${q} `)
    expect(fr).not.toContain("2 pièce ")
    const en = await textOf(await documentPdf(quote(lines, { language: "en" } as Partial<SalesDocument>), DEMO_SELLER, { ...customer, language: "en" }, "en"))
    for (const q of ["2 pieces", "1 piece", "1.5 kg", "12 rolls", "1 box", "2 boxes"]) expect(en).toContain(`${q} `)
    expect(en).not.toContain("boîte")
  })

  it("prints the English names of the lines a quote had in French once the agent switched it to English, a typed label as typed", async () => {
    const gloves: Product = { id: "p-gloves", ref: "GN-4410", nameFr: "Gants nitrile M", nameEn: "Nitrile gloves M", unit: "boîte", unitPriceCents: 890, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
    const paper: Product = { id: "p-paper", ref: "RAM-A4", nameFr: "Ramette papier A4", nameEn: "A4 copy paper ream", unit: "ramette", unitPriceCents: 549, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
    const values = { ...newQuoteValues(customer, { today: "2026-12-02", validityDays: 30, agentName: null }), lines: [{ ...lineFromProduct(gloves, "fr", "l1"), quantity: "2" }, { ...lineFromProduct(paper, "fr", "l2"), label: "Papier recyclé, livré lundi" }] }
    for (const { index, label } of relabelledLines(values.lines, new Map([gloves, paper].map((p) => [p.id, p])), "fr", "en")) values.lines[index] = { ...values.lines[index]!, label }
    const doc = quoteFromValues({ ...values, language: "en" }, { id: "q-en", date: "2026-12-02", now: 1 })
    const text = await textOf(await documentPdf(doc, DEMO_SELLER, { ...customer, language: "en" }, "en"))
    expect(text).toContain("Nitrile gloves M")
    expect(text).toContain("2 boxes ")
    expect(text).not.toContain("Gants")
    // The agent's own words are theirs to translate: printed as typed.
    expect(text).toContain("Papier recyclé, livré lundi")
  })

  it("lays 50 lines over several pages with the table's header on each, and says a draft has no number yet", async () => {
    const doc = quote(Array.from({ length: 50 }, (_, i) => line(i + 1)), { number: null, status: "draft" } as Partial<SalesDocument>)
    const bytes = await documentPdf(doc, DEMO_SELLER, customer, "fr")
    const text = await textOf(bytes)
    expect(text).toContain("Brouillon, numéroté à l'envoi")
    expect(text).toContain("Ramette papier A4 n° 50")
    expect(text.match(/Désignation/g)!.length).toBeGreaterThanOrEqual(2)
    expect(text).toContain("Page 2 / ")
    expect(documentFileName(doc)).toBe("quote-0193a1b2.pdf")
    expect(documentFileName(quote([line(1)]))).toBe("DEV-2026-00017.pdf")
  })
})

describe("an invoice's and a credit note's PDF", () => {
  const invoice = (language: "fr" | "en", customerPoNumber: string | null) =>
    quote([line(1)], { type: "invoice", status: "issued", number: "FAC-2026-00031", dueDate: "2027-01-01", language, customerPoNumber } as Partial<SalesDocument>)

  it("prints the customer's order number, which the buyer's accounts payable match the invoice on, in the document's language", async () => {
    expect(await textOf(await documentPdf(invoice("fr", "BC-2026-0458"), DEMO_SELLER, customer, "fr"))).toContain("Votre commande n° : BC-2026-0458")
    const en = await textOf(await documentPdf(invoice("en", "NH-4471"), DEMO_SELLER, { ...customer, language: "en" }, "en"))
    expect(en).toContain("Your order no.: NH-4471")
    expect(await textOf(await documentPdf(invoice("fr", null), DEMO_SELLER, customer, "fr"))).not.toContain("Votre commande")
  })


  it("names on a credit note the invoice it corrects, with its date, and that invoice's order number", async () => {
    const credit = quote([line(1, { quantityMilli: -1000 })], { type: "credit-note", status: "issued", number: "AV-2026-00004", correctsInvoiceId: "inv-1" } as Partial<SalesDocument>)
    const corrected = { number: "FAC-2026-00031", date: "2026-11-20", customerPoNumber: "BC-2026-0458" }
    const fr = await textOf(await documentPdf(credit, DEMO_SELLER, customer, "fr", { correctedInvoice: corrected }))
    expect(fr).toContain("Avoir sur la facture n° : FAC-2026-00031 du 20/11/2026")
    expect(fr).toContain("Votre commande n° : BC-2026-0458")
    const en = await textOf(await documentPdf({ ...credit, language: "en" }, DEMO_SELLER, { ...customer, language: "en" }, "en", { correctedInvoice: { ...corrected, customerPoNumber: null } }))
    expect(en).toContain("Credit note for invoice no.: FAC-2026-00031 of 20 November 2026")
    expect(en).not.toContain("Your order no.")
  })
})

describe("an order's PDF, the order confirmation the customer receives", () => {
  const captured = "Saisie depuis le mail «\u00a0Commande BC-2026-0458\u00a0» (claire@martin.test, roundcube:1)\nAdresse de livraison\u00a0: ZA du Plateau, 26500 Bourg-lès-Valence\nLivrer par le quai 3"
  const order = (over: Record<string, unknown>) =>
    quote([line(1), line(2, { label: "Café en grains 1 kg", unit: "kg", quantityMilli: 2000, unitPriceCents: 1890, discountBp: 1000, vatRateBp: 550 })], {
      type: "order",
      status: "confirmed",
      number: "CMD-2026-00020",
      customerPoNumber: "BC-2026-0458",
      deliveryDate: "2026-12-15",
      riskOverride: null,
      sourceId: "mail:roundcube:1",
      notes: captured,
      ...over
    } as Partial<SalesDocument>)

  it("says in French what was ordered: its number, the buyer's PO, the delivery day and address, the totals per VAT rate, the seller and its mentions", async () => {
    const text = await textOf(await documentPdf(order({}), DEMO_SELLER, customer, "fr"))
    const read = [
      "Confirmation de commande",
      "N° CMD-2026-00020",
      "Votre commande n° : BC-2026-0458",
      "Livraison souhaitée le : 15/12/2026",
      "Adresse de livraison ZA du Plateau, 26500 Bourg-lès-Valence",
      "Café en grains 1 kg",
      "TVA 20 % 3,29 €",
      "TVA 5,5 % 1,87 €",
      "Total TTC 55,65 €",
      "SIREN 732829320",
      "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €",
      "Livrer par le quai 3"
    ]
    expect(read.filter((said) => !text.includes(said))).toEqual([])
    // The mail it was captured from is ours, not the customer's to read; the address is printed once, in its block.
    expect(text).not.toContain("Saisie depuis le mail")
    expect(text.match(/Bourg-lès-Valence/g)).toHaveLength(1)
    expect(text).not.toContain("Brouillon")
  })

  it("says in English that a draft order is not confirmed yet, with no number", async () => {
    const draft = order({ status: "draft", number: null, language: "en", notes: "", sourceId: null })
    const text = await textOf(await documentPdf(draft, DEMO_SELLER, { ...customer, language: "en" }, "en"))
    const read = ["Order confirmation", "No. Draft, numbered when confirmed", "Draft: this order is not confirmed yet.", "Requested delivery date: 15 December 2026", "Your order no.: BC-2026-0458", "Total incl. VAT €55.65"]
    expect(read.filter((said) => !text.includes(said))).toEqual([])
    expect(text).not.toContain("Delivery address")
  })
})
