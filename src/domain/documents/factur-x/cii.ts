import { create } from "xmlbuilder2"
import type * as z from "zod"

import type { Customer } from "../../customers/customer.schema"
import type { CreditNote, Invoice } from "../document.schema"
import { exemptionMentions, paymentMentions, termsText, type SellerIdentity } from "../legal-mentions"
import { PERCENT_SCALE } from "../money"
import { computeTotals, type DocumentTotals } from "../totals"
import { vatRegime } from "../vat-regime"

type InvoiceDoc = z.infer<typeof Invoice>
type CreditNoteDoc = z.infer<typeof CreditNote>

/** EN 16931 core specification identifier: the Factur-X "EN 16931" (Comfort) profile. */
export const EN16931_GUIDELINE = "urn:cen.eu:en16931:2017"
export const FACTUR_X_FILENAME = "factur-x.xml"

const NS = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
}

/** UN/ECE Recommendation 20 codes of the units our catalogs use; anything else is a "piece" (C62). */
const UNIT_CODES: Record<string, string> = {
  u: "C62", pc: "C62", pce: "C62", piece: "C62", unit: "C62", unité: "C62",
  kg: "KGM", g: "GRM", t: "TNE", l: "LTR", m: "MTR", m2: "MTK", "m²": "MTK", m3: "MTQ", "m³": "MTQ",
  h: "HUR", hour: "HUR", heure: "HUR", j: "DAY", day: "DAY", jour: "DAY", box: "XBX", boîte: "XBX", carton: "CT"
}

export interface CiiInput {
  doc: InvoiceDoc | CreditNoteDoc
  seller: SellerIdentity
  buyer: Pick<Customer, "company" | "siren" | "vatNumber" | "addresses" | "country">
  /** For a credit note: the number and date of the invoice it corrects (BT-25, BT-26). */
  correctedInvoice?: { number: string; date: string; customerPoNumber?: string | null } | null
  /** An order reference the buyer gave (BT-13). */
  buyerOrderReference?: string | null
}

export interface CiiResult {
  xml: string
  /** The totals written into the XML, as the domain computed them (positive for a credit note, per EN 16931). */
  totals: DocumentTotals
}

/**
 * The Cross Industry Invoice (UN/CEFACT CII, Factur-X EN 16931 profile) of an issued invoice or credit note.
 * The amounts are those of `computeTotals` (BR-CO-17: VAT per rate on the sum of that rate's line nets), so
 * the XML and the PDF cannot disagree. A credit note (type 381) carries positive amounts: the type says it
 * reduces what is owed, and EN 16931 validators refuse the negative quantities our credit notes store.
 */
export function buildCii(input: CiiInput): CiiResult {
  const { doc, seller, buyer } = input
  if (doc.number === null) throw new Error("only an issued document (with its number) becomes a Factur-X")
  const sign = doc.type === "credit-note" ? -1 : 1
  const lines = doc.lines.map((l) => ({ ...l, quantityMilli: l.quantityMilli * sign }))
  const totals = computeTotals(lines)
  const zeroCategory = zeroRateCategory(buyer.country, buyer.vatNumber !== null)
  // A 0 % line whose product carries its own exemption mention is exempt for the product's reason (E); the
  // others are read from the customer (K intra-EU, G export, E franchise).
  const categoryOf = (l: (typeof lines)[number]): "S" | "K" | "G" | "E" => (l.vatRateBp !== 0 ? "S" : l.vatExemption?.trim() ? "E" : zeroCategory)
  const zeroGroups = zeroRateGroups(lines, totals.lineNetCents, categoryOf, (group) => exemptionMentions(group, buyer.country, buyer.vatNumber !== null, doc.language))

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(NS.rsm, "rsm:CrossIndustryInvoice", {
    "xmlns:rsm": NS.rsm,
    "xmlns:ram": NS.ram,
    "xmlns:qdt": NS.qdt,
    "xmlns:udt": NS.udt
  })
  const ram = (parent: ReturnType<typeof root.ele>, name: string) => parent.ele(NS.ram, `ram:${name}`)
  const text = (parent: ReturnType<typeof root.ele>, name: string, value: string) => ram(parent, name).txt(value)
  const amount = (parent: ReturnType<typeof root.ele>, name: string, cents: number, currency = false) =>
    parent.ele(NS.ram, `ram:${name}`, currency ? { currencyID: "EUR" } : {}).txt(formatCentsDecimal(cents))
  const date102 = (parent: ReturnType<typeof root.ele>, name: string, iso: string, qualified = false) =>
    ram(parent, name).ele(qualified ? NS.qdt : NS.udt, `${qualified ? "qdt" : "udt"}:DateTimeString`, { format: "102" }).txt(iso.replaceAll("-", ""))

  ram(root.ele(NS.rsm, "rsm:ExchangedDocumentContext"), "GuidelineSpecifiedDocumentContextParameter").ele(NS.ram, "ram:ID").txt(EN16931_GUIDELINE)

  const header = root.ele(NS.rsm, "rsm:ExchangedDocument")
  text(header, "ID", doc.number)
  text(header, "TypeCode", doc.type === "credit-note" ? "381" : "380")
  date102(header, "IssueDateTime", doc.date)
  // The French mandatory mentions, with the subject codes the French CIUS reads them by.
  const mentions = paymentMentions(seller, doc.language, buyer.siren !== null || buyer.vatNumber !== null, doc.date)
  const subjects = ["PMD", ...(mentions.length === 3 ? ["PMT"] : []), "AAB"]
  mentions.forEach((m, i) => {
    const note = ram(header, "IncludedNote")
    text(note, "Content", m)
    text(note, "SubjectCode", subjects[i] ?? "AAI")
  })
  if (doc.notes.trim()) text(ram(header, "IncludedNote"), "Content", doc.notes.trim())

  const tx = root.ele(NS.rsm, "rsm:SupplyChainTradeTransaction")
  lines.forEach((l, i) => {
    const item = ram(tx, "IncludedSupplyChainTradeLineItem")
    text(ram(item, "AssociatedDocumentLineDocument"), "LineID", String(i + 1))
    const product = ram(item, "SpecifiedTradeProduct")
    if (l.ref) text(product, "SellerAssignedID", l.ref)
    text(product, "Name", l.label)
    const agreement = ram(item, "SpecifiedLineTradeAgreement")
    if (l.discountBp > 0) {
      const gross = ram(agreement, "GrossPriceProductTradePrice")
      text(gross, "ChargeAmount", formatScaled(BigInt(l.unitPriceCents), 2))
      const allowance = ram(gross, "AppliedTradeAllowanceCharge")
      ram(allowance, "ChargeIndicator").ele(NS.udt, "udt:Indicator").txt("false")
      // Per unit: price × discount, exact (cents × basis points → 6 decimals of a euro).
      text(allowance, "ActualAmount", formatScaled(BigInt(l.unitPriceCents) * BigInt(l.discountBp), 6))
    }
    // Net unit price = price × (1 − discount), exact; quantity × this, rounded half up, is the line net.
    text(ram(agreement, "NetPriceProductTradePrice"), "ChargeAmount", formatScaled(BigInt(l.unitPriceCents) * BigInt(PERCENT_SCALE - l.discountBp), 6))
    ram(ram(item, "SpecifiedLineTradeDelivery"), "BilledQuantity").att("unitCode", unitCode(l.unit)).txt(formatScaled(BigInt(l.quantityMilli), 3))
    const settlement = ram(item, "SpecifiedLineTradeSettlement")
    const tax = ram(settlement, "ApplicableTradeTax")
    text(tax, "TypeCode", "VAT")
    text(tax, "CategoryCode", categoryOf(l))
    text(tax, "RateApplicablePercent", formatScaled(BigInt(l.vatRateBp), 2))
    amount(ram(settlement, "SpecifiedTradeSettlementLineMonetarySummation"), "LineTotalAmount", totals.lineNetCents[i]!)
  })

  const agreement = ram(tx, "ApplicableHeaderTradeAgreement")
  if (input.buyerOrderReference) text(agreement, "BuyerReference", input.buyerOrderReference)
  party(agreement, "SellerTradeParty", {
    name: seller.name,
    siren: seller.siren,
    address: { line: seller.address.line, postalCode: seller.address.postalCode, city: seller.address.city, country: seller.address.country },
    vatNumber: seller.vatNumber
  })
  const buyerAddress = buyer.addresses[0]
  party(agreement, "BuyerTradeParty", {
    name: buyer.company,
    siren: buyer.siren,
    address: { line: buyerAddress?.line ?? "", postalCode: buyerAddress?.postalCode ?? "", city: buyerAddress?.city ?? "", country: buyerAddress?.country ?? buyer.country },
    vatNumber: buyer.vatNumber
  })
  // BT-13, the buyer's purchase order reference (after the parties, as the schema orders them); a credit note
  // names its invoice's, as its PDF does.
  const po = doc.type === "invoice" ? doc.customerPoNumber : (input.correctedInvoice?.customerPoNumber ?? null)
  if (po) text(ram(agreement, "BuyerOrderReferencedDocument"), "IssuerAssignedID", po)
  ram(tx, "ApplicableHeaderTradeDelivery")

  const settlement = ram(tx, "ApplicableHeaderTradeSettlement")
  text(settlement, "InvoiceCurrencyCode", "EUR")
  // The VAT breakdown (BG-23) is one per category and rate: the 0 % rate may split into E and K or G.
  for (const v of totals.vatByRate) {
    const groups = v.vatRateBp === 0 ? zeroGroups : [{ category: "S" as const, baseCents: v.baseCents, reasons: [] as string[], ownMention: false }]
    for (const g of groups) {
      const tax = ram(settlement, "ApplicableTradeTax")
      amount(tax, "CalculatedAmount", v.vatRateBp === 0 ? 0 : v.vatCents)
      text(tax, "TypeCode", "VAT")
      // BT-120, the exemption reason in words: the mentions the PDF prints for these lines.
      if (g.category !== "S") text(tax, "ExemptionReason", g.reasons.join(" ; "))
      amount(tax, "BasisAmount", g.baseCents)
      text(tax, "CategoryCode", g.category)
      // BT-121, its code: fixed by K and G; for E, the franchise's, unless a product gives its own reason that
      // names no article with a code here (the text alone then satisfies BR-E-10).
      const code = g.category === "S" ? null : exemptionReasonCode(g.category, g.ownMention ? g.reasons : null)
      if (code) text(tax, "ExemptionReasonCode", code)
      text(tax, "RateApplicablePercent", formatScaled(BigInt(v.vatRateBp), 2))
    }
  }
  if (doc.type === "invoice") {
    const terms = ram(settlement, "SpecifiedTradePaymentTerms")
    text(terms, "Description", termsText(doc.paymentTerms, doc.language))
    date102(terms, "DueDateDateTime", doc.dueDate)
  }
  const sum = ram(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation")
  amount(sum, "LineTotalAmount", totals.totalExclVatCents)
  amount(sum, "TaxBasisTotalAmount", totals.totalExclVatCents)
  amount(sum, "TaxTotalAmount", totals.totalVatCents, true)
  amount(sum, "GrandTotalAmount", totals.totalInclVatCents)
  amount(sum, "DuePayableAmount", totals.totalInclVatCents)
  if (input.correctedInvoice) {
    const ref = ram(settlement, "InvoiceReferencedDocument")
    text(ref, "IssuerAssignedID", input.correctedInvoice.number)
    date102(ref, "FormattedIssueDateTime", input.correctedInvoice.date, true)
  }

  function party(parent: ReturnType<typeof root.ele>, name: string, p: { name: string; siren: string | null; address: { line: string; postalCode: string; city: string; country: string }; vatNumber: string | null }) {
    const el = ram(parent, name)
    text(el, "Name", p.name)
    // SIREN under the ISO 6523 scheme 0002 (the French registry), as the French CIUS asks.
    if (p.siren) ram(el, "SpecifiedLegalOrganization").ele(NS.ram, "ram:ID", { schemeID: "0002" }).txt(p.siren)
    const addr = ram(el, "PostalTradeAddress")
    if (p.address.postalCode) text(addr, "PostcodeCode", p.address.postalCode)
    if (p.address.line) text(addr, "LineOne", p.address.line)
    if (p.address.city) text(addr, "CityName", p.address.city)
    text(addr, "CountryID", p.address.country)
    if (p.vatNumber) ram(el, "SpecifiedTaxRegistration").ele(NS.ram, "ram:ID", { schemeID: "VA" }).txt(p.vatNumber)
  }

  return { xml: root.end({ prettyPrint: true }), totals }
}

/** The EN 16931 VAT category of a 0 % line, from the same regime as the French exemption mention (vat-regime.ts). */
export function zeroRateCategory(country: string, hasVatNumber: boolean): "K" | "G" | "E" {
  const regime = vatRegime(country, hasVatNumber)
  return regime === "intra-eu" ? "K" : regime === "export" ? "G" : "E"
}

/**
 * The VATEX code of a 0 % breakdown: K and G have theirs; E is the franchise (CGI 293 B) when its lines use the
 * customer-derived mention, or when every product's own mention cites 293 B; otherwise none (text only).
 */
export function exemptionReasonCode(category: "K" | "G" | "E", ownReasons: readonly string[] | null): string | null {
  if (category === "K") return "VATEX-EU-IC"
  if (category === "G") return "VATEX-EU-G"
  if (ownReasons === null || ownReasons.every((r) => /\b293\s*B\b/i.test(r))) return "VATEX-FR-FRANCHISE"
  return null
}

type ZeroLine = { vatRateBp: number; vatExemption?: string | undefined }

/** The 0 % lines grouped by VAT category, each with its base (the sum of its line nets) and its mentions. */
function zeroRateGroups<L extends ZeroLine>(
  lines: readonly L[],
  lineNetCents: readonly number[],
  categoryOf: (l: L) => "S" | "K" | "G" | "E",
  mentionsOf: (group: readonly L[]) => string[]
): { category: "K" | "G" | "E"; baseCents: number; reasons: string[]; ownMention: boolean }[] {
  const byCategory = new Map<"K" | "G" | "E", { lines: L[]; baseCents: number; ownMention: boolean }>()
  lines.forEach((l, i) => {
    const c = categoryOf(l)
    if (c === "S") return
    const g = byCategory.get(c) ?? { lines: [], baseCents: 0, ownMention: false }
    g.lines.push(l)
    g.baseCents += lineNetCents[i]!
    if (l.vatExemption?.trim()) g.ownMention = true
    byCategory.set(c, g)
  })
  return [...byCategory].map(([category, g]) => ({ category, baseCents: g.baseCents, reasons: mentionsOf(g.lines), ownMention: g.ownMention }))
}

function unitCode(unit: string): string {
  return UNIT_CODES[unit.trim().toLowerCase()] ?? "C62"
}

/** Cents as the decimal CII amounts use ("1234.50", "-0.05"), without a float. */
export function formatCentsDecimal(cents: number): string {
  return formatScaled(BigInt(cents), 2)
}

/** An integer holding `decimals` decimals, as a decimal string: (12345n, 3) → "12.345". */
export function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0")
  const whole = digits.slice(0, digits.length - decimals)
  const frac = digits.slice(digits.length - decimals)
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${frac}` : ""}`
}
