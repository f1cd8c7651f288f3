import { describe, expect, it } from "vitest"

import type { Customer, Product } from "../customers/customer.schema"
import { priceFor, type PricingRules } from "../catalog/pricing"
import { lineFromProduct, lineFromValues } from "../documents/quote-form"
import { computeTotals } from "../documents/totals"
import { compactCode } from "../search/fold-text"
import type { CreditNote, Invoice, Order } from "../documents/document.schema"
import { OrderExtractor } from "./extract-order"
import { aliasWords, draftOrderFromReview, learnFromReview, messageSourceId, reviewRisk, type ReviewedOrder } from "./review"
import type { OrderMail } from "./types"

const product = (ref: string, nameFr: string, nameEn: string, unit: string, price: number, vat = 2000): Product => ({
  id: `p-${ref}`, ref, nameFr, nameEn, unit, unitPriceCents: price, vatRateBp: vat, createdAt: 0, updatedAt: 0
})
const PRODUCTS = [
  product("GN-4409", "Gants nitrile taille S (boîte de 100)", "Nitrile gloves size S (box of 100)", "boîte", 890),
  product("GN-4410", "Gants nitrile taille M (boîte de 100)", "Nitrile gloves size M (box of 100)", "boîte", 890),
  product("GN-4411", "Gants nitrile taille L (boîte de 100)", "Nitrile gloves size L (box of 100)", "boîte", 890),
  product("REF-1006", "Café en grains 1 kg", "Coffee beans 1 kg", "kg", 1890, 550)
]
const BAKERY: Customer = {
  id: "cust-1", code: "C-1", company: "Boulangerie Lefèvre", siren: null, vatNumber: null, addresses: [], country: "FR", language: "fr",
  creditLimitCents: 100_000, paymentTermsDays: 30, salesRep: "Marc", tags: [], notes: "",
  contacts: [{ id: "ct-1", firstName: "Amélie", lastName: "Lefèvre", role: "", phones: [], emails: ["amelie@boulangerie-lefevre.fr"] }], createdAt: 0, updatedAt: 0
}
const mail = (text: string): OrderMail => ({
  from: { address: "amelie@boulangerie-lefevre.fr", name: "Amélie Lefèvre" }, to: [], subject: "Commande", date: "2026-03-10T09:00:00", text, htmlText: "", attachments: []
})
const reviewOf = (order: ReturnType<OrderExtractor["extract"]>, over: Partial<ReviewedOrder> = {}): ReviewedOrder => ({
  customerCode: order.customer_code ?? "", poNumber: order.po_number ?? "", deliveryDate: order.delivery_date ?? "", deliveryAddress: order.delivery_address ?? "",
  lines: order.lines.map((l) => ({ ...l })), ...over
})

describe("what the agent's review teaches about a customer", () => {
  it("keeps the customer's own words for a product, without the quantity and unit", () => {
    expect(aliasWords("10 boîtes de gants bleus")).toBe("gants bleus")
    expect(aliasWords("Merci de nous livrer 10 boîtes de gants nitrile bleus pour jeudi.")).toBe("gants nitrile bleus")
    expect(aliasWords("- gants bleus x10")).toBe("gants bleus")
    expect(aliasWords("3 boîtes de gants de cuisine")).toBe("gants de cuisine")
    expect(aliasWords("Could you please supply 48 rolls of packing tape and 6 boxes of blue gloves under PO WL-7810?", 6)).toBe("blue gloves")
    expect(aliasWords("x12")).toBeNull()
  })

  it("reads the customer's name for a product as the product the agent chose, the next time they write", () => {
    const first = new OrderExtractor({ customers: [BAKERY], products: PRODUCTS }).extract(mail("Bonjour,\nMerci de nous livrer 10 boîtes de gants nitrile bleus.\nAmélie"))
    expect(first.is_order).toBe(true)
    expect(first.lines[0]!.ref).not.toBe("GN-4411")
    const corrected = reviewOf(first, { lines: [{ ref: "GN-4411", quantity: 10, unit: "boîte" }] })
    const memory = learnFromReview({}, first, corrected)
    expect(memory.productAliases).toEqual({ "gants nitrile bleus": "GN-4411" })

    const next = new OrderExtractor({ customers: [BAKERY], products: PRODUCTS, memory: { "C-1": memory } }).extract(mail("Bonjour,\nMerci de nous livrer 4 boîtes de gants nitrile bleus pour jeudi.\nAmélie"))
    expect(next.lines).toEqual([{ ref: "GN-4411", quantity: 4, unit: "boîte" }])
  })

  it("remembers the delivery address confirmed and the order number's prefix, and uses the address when a mail gives none", () => {
    const first = new OrderExtractor({ customers: [BAKERY], products: PRODUCTS }).extract(mail("Merci de livrer 2 boîtes de gants nitrile taille M."))
    const memory = learnFromReview({}, first, reviewOf(first, { deliveryAddress: "Fournil, 3 rue Neuve, 69002 Lyon", poNumber: "BL-2031" }))
    expect(memory).toMatchObject({ deliveryAddress: "Fournil, 3 rue Neuve, 69002 Lyon", poPrefix: "BL-", usualRefs: ["GN-4410"] })
    const next = new OrderExtractor({ customers: [BAKERY], products: PRODUCTS, memory: { "C-1": memory } }).extract(mail("Merci de livrer 3 boîtes de gants nitrile taille M."))
    expect(next.delivery_address).toBe("Fournil, 3 rue Neuve, 69002 Lyon")
  })

  it("learns nothing about products from lines the agent kept", () => {
    const first = new OrderExtractor({ customers: [BAKERY], products: PRODUCTS }).extract(mail("Merci de livrer 2 boîtes de gants nitrile taille M."))
    expect(learnFromReview({}, first, reviewOf(first, { lines: [{ ref: "GN-4410", quantity: 5, unit: "boîte" }] })).productAliases).toEqual({})
  })
})

describe("the draft order of a reviewed capture", () => {
  const reviewed: ReviewedOrder = {
    customerCode: "C-1", poNumber: "BL-2031", deliveryDate: "2026-03-12", deliveryAddress: "3 rue Neuve, 69002 Lyon",
    lines: [{ ref: "gn-4410", quantity: 3, unit: "boîte" }, { ref: "REF-1006", quantity: 2.5, unit: "" }]
  }
  const input = {
    id: "o-1", lineIds: ["l-1", "l-2"], reviewed, customer: BAKERY, products: new Map(PRODUCTS.map((p) => [compactCode(p.ref), p])),
    message: { messageId: "roundcube:7", subject: "Commande de mars", from: "amelie@boulangerie-lefevre.fr" }, today: "2026-03-10", now: 1000, by: "agent@comptoir.test",
    pricing: null as PricingRules | null
  }

  it("takes labels, prices and VAT from the catalog for a customer without prices of its own, and totals them as the documents do", () => {
    const r = draftOrderFromReview(input)
    if (!r.ok) throw new Error(r.error)
    const o = r.order
    expect(o.lines.map((l) => [l.ref, l.label, l.quantityMilli, l.unitPriceCents, l.vatRateBp, l.unit])).toEqual([
      ["GN-4410", "Gants nitrile taille M (boîte de 100)", 3000, 890, 2000, "boîte"],
      ["REF-1006", "Café en grains 1 kg", 2500, 1890, 550, "kg"]
    ])
    expect(o.totalInclVatCents).toBe(computeTotals(o.lines).totalInclVatCents)
    expect(o).toMatchObject({ status: "draft", number: null, customerId: "cust-1", contactId: "ct-1", customerPoNumber: "BL-2031", deliveryDate: "2026-03-12", paymentTerms: { kind: "net", days: 30 } })
  })

  it("charges no French VAT to a customer it exports to (UK) nor to an EU business with its VAT number, as a quote does", () => {
    const vatOf = (customer: Customer) => {
      const r = draftOrderFromReview({ ...input, customer })
      if (!r.ok) throw new Error(r.error)
      return [r.order.lines.map((l) => l.vatRateBp), r.order.totalVatCents]
    }
    expect(vatOf({ ...BAKERY, country: "GB", language: "en", vatNumber: "GB641019084" })).toEqual([[0, 0], 0])
    expect(vatOf({ ...BAKERY, country: "DE", vatNumber: "DE129273398" })).toEqual([[0, 0], 0])
    expect(vatOf(BAKERY)[0]).toEqual([2000, 550])
  })

  it("prices a captured order's line at the customer's negotiated price, as a quote would", () => {
    // Gloves at 7.90 from 3 boxes, coffee 15 % off in March, 10 % off everything else (catalog: 8.90 and 18.90).
    const pricing: PricingRules = {
      discountBp: 1000,
      specialPrices: [{ productId: "p-GN-4410", unitPriceCents: 790, minQuantityMilli: 3000 }],
      discounts: [{ productId: "p-REF-1006", discountBp: 1500, validFrom: "2026-03-01", validTo: "2026-03-31" }]
    }
    const linesOf = (lines: ReviewedOrder["lines"], today = input.today) => {
      const r = draftOrderFromReview({ ...input, pricing, today, reviewed: { ...reviewed, lines } })
      if (!r.ok) throw new Error(r.error)
      expect(r.order.totalInclVatCents).toBe(computeTotals(r.order.lines).totalInclVatCents)
      return r.order.lines.map((l) => [l.ref, l.unitPriceCents, l.discountBp, l.priceSource?.source])
    }
    expect(linesOf(reviewed.lines)).toEqual([["GN-4410", 790, 0, "special-price"], ["REF-1006", 1890, 1500, "customer-discount"]])
    // Below the break, and after the promotion: the customer's 10 % off the catalog.
    expect(linesOf([{ ref: "GN-4410", quantity: 2, unit: "" }, { ref: "REF-1006", quantity: 1, unit: "" }], "2026-04-02")).toEqual([["GN-4410", 890, 1000, "customer-discount"], ["REF-1006", 1890, 1000, "customer-discount"]])
    // The quote form's line for the same customer, product, quantity and date charges the same.
    const gloves = PRODUCTS[1]!
    const quoted = lineFromValues({ ...lineFromProduct(gloves, "fr", "q-1", priceFor(gloves, pricing, { date: input.today, quantityMilli: 3000 })), quantity: "3" })
    expect([quoted?.unitPriceCents, quoted?.discountBp]).toEqual(linesOf([{ ref: "GN-4410", quantity: 3, unit: "" }])[0]!.slice(1, 3))
  })

  it("keeps the message's id and subject, and the delivery address in the notes", () => {
    const r = draftOrderFromReview(input)
    if (!r.ok) throw new Error(r.error)
    expect(r.order.sourceId).toBe("mail:roundcube:7")
    expect(r.order.notes).toContain("Commande de mars")
    expect(r.order.notes).toContain("3 rue Neuve, 69002 Lyon")
  })

  it("writes the notes with the punctuation of the customer's language", () => {
    const english = draftOrderFromReview({ ...input, customer: { ...BAKERY, language: "en" } })
    const french = draftOrderFromReview(input)
    if (!english.ok || !french.ok) throw new Error("not drafted")
    expect(english.order.notes).toBe("Captured from the mail “Commande de mars” (amelie@boulangerie-lefevre.fr, roundcube:7)\nDelivery address: 3 rue Neuve, 69002 Lyon")
    expect(french.order.notes).toBe("Saisie depuis le mail «\u00a0Commande de mars\u00a0» (amelie@boulangerie-lefevre.fr, roundcube:7)\nAdresse de livraison\u00a0: 3 rue Neuve, 69002 Lyon")
  })

  it("gives an English customer's order line of a 0 % product the product's English exemption mention", () => {
    const training: Product = { ...product("FORM-1", "Formation HACCP", "HACCP training", "jour", 45_000, 0), vatExemption: "Exonération de TVA, article 261-4-4° du CGI", vatExemptionEn: "VAT exempt: vocational training, article 261-4-4° of the French tax code (CGI)" }
    const products = new Map([...input.products, [compactCode(training.ref), training]])
    const order = (language: "fr" | "en") => draftOrderFromReview({ ...input, customer: { ...BAKERY, language }, products, reviewed: { ...reviewed, lines: [{ ref: "FORM-1", quantity: 1, unit: "" }] } })
    const [en, fr] = [order("en"), order("fr")]
    if (!en.ok || !fr.ok) throw new Error("not drafted")
    expect(en.order.lines[0]!.vatExemption).toBe("VAT exempt: vocational training, article 261-4-4° of the French tax code (CGI)")
    expect(fr.order.lines[0]!.vatExemption).toBe("Exonération de TVA, article 261-4-4° du CGI")
  })

  it("refuses a ref the catalog does not have, naming it", () => {
    expect(draftOrderFromReview({ ...input, reviewed: { ...reviewed, lines: [{ ref: "NOPE-1", quantity: 1, unit: "" }] } })).toEqual({ ok: false, error: "unknown-product", ref: "NOPE-1" })
  })

  it("fits a long message id into the source id, the same way each time", () => {
    const long = "x".repeat(300)
    expect(messageSourceId(long)).toHaveLength(100)
    expect(messageSourceId(long)).toBe(messageSourceId(long))
    expect(messageSourceId(long)).not.toBe(messageSourceId(long + "y"))
  })
})

describe("the customer's risk in the review, as the invoicing views judge it", () => {
  // Limit 1,000 €: an invoice of 1,200 € issued on 1 January, due 31 January, 5 March is 33 days past due.
  const invoice = { id: "i-1", type: "invoice", status: "issued", date: "2026-01-01", dueDate: "2026-01-31", totalInclVatCents: 120_000 } as Invoice
  const creditNote = { id: "cn-1", type: "credit-note", status: "issued", correctsInvoiceId: "i-1", totalInclVatCents: -120_000 } as CreditNote
  const order = { id: "o-new", totalInclVatCents: 10_000, riskOverride: null }
  const docs = { invoices: [invoice], orders: [] as Order[], creditNotes: [] as CreditNote[], payments: [] }

  it("blocks an order for a customer with an invoice overdue beyond the threshold, until a manager overrides it", () => {
    const { risk, check } = reviewRisk(BAKERY, docs, order, "2026-03-05")
    expect(risk.level).toBe("blocked")
    expect(check).toMatchObject({ allowed: false, needsOverride: true })
    expect(check.reasons.map((r) => r.code)).toContain("overdue-beyond-threshold")
    expect(reviewRisk(BAKERY, docs, { ...order, riskOverride: { by: "boss@team.example", reason: "paid by cheque today", at: 1 } }, "2026-03-05").check.allowed).toBe(true)
  })

  it("counts a credit note against the invoice it corrects: nothing owed, nothing blocked", () => {
    const { risk, check } = reviewRisk(BAKERY, { ...docs, creditNotes: [creditNote] }, order, "2026-03-05")
    expect(risk.outstandingCents).toBe(0)
    expect(risk.level).toBe("ok")
    expect(check.allowed).toBe(true)
  })

  it("counts confirmed orders but neither drafts nor the order under review", () => {
    const confirmed = { id: "o-1", status: "confirmed", totalInclVatCents: 50_000 } as Order
    const draft = { id: "o-2", status: "draft", totalInclVatCents: 99_999 } as Order
    const self = { id: "o-new", status: "confirmed", totalInclVatCents: 70_000 } as Order
    expect(reviewRisk(BAKERY, { ...docs, invoices: [], orders: [confirmed, draft, self] }, order, "2026-03-05").risk.outstandingCents).toBe(50_000)
  })
})
