import type { Customer } from "../customers/customer.schema"
import type { SalesDocument } from "./document.schema"
import { exemptionMentions, paymentMentions, sellerLines, termsText, type DocLanguage, type SellerIdentity } from "./legal-mentions"
import { formatCents, MINUS_SIGN, PERCENT_SCALE, QUANTITY_SCALE } from "./money"
import { computeTotals, type DocumentTotals } from "./totals"
import { notesForCustomer } from "./timeline"
import { unitFor } from "./unit-words"
import { countryName, townLine } from "../customers/postal-address"

/**
 * What a customer reads on a document, in the customer's language (never the agent's): the PDF and the text
 * inserted into a reply are both built from here, so they say the same thing.
 */
const LABELS = {
  fr: {
    // What Odoo prints as the sales order and a French customer calls the "accusé de réception de commande".
    title: { quote: "Devis", order: "Confirmation de commande", invoice: "Facture", "credit-note": "Avoir" },
    number: "N°",
    notNumbered: "Brouillon, numéroté à l'envoi",
    orderNotNumbered: "Brouillon, numéroté à la confirmation",
    draftOrder: "Brouillon : cette commande n'est pas encore confirmée.",
    deliveryDate: "Livraison souhaitée le",
    deliveryAddress: "Adresse de livraison",
    date: "Date",
    validUntil: "Valable jusqu'au",
    dueDate: "Échéance",
    customerPo: "Votre commande n°",
    correctsInvoice: "Avoir sur la facture n°",
    invoiceOf: (number: string, date: string) => `${number} du ${date}`,
    customer: "Client",
    customerCode: "Code client",
    customerVat: "N° TVA client",
    salesRep: "Votre contact",
    ref: "Réf.",
    label: "Désignation",
    quantity: "Qté",
    unit: "Unité",
    unitPrice: "PU HT",
    discount: "Remise",
    vat: "TVA",
    lineTotal: "Montant HT",
    totalExclVat: "Total HT",
    vatAt: (rate: string) => `TVA ${rate}`,
    vatBase: "Base HT",
    totalInclVat: "Total TTC",
    terms: "Conditions de paiement",
    acceptance: "Date, signature et mention « Bon pour accord »",
    page: (n: number, of: number) => `Page ${n} / ${of}`
  },
  en: {
    title: { quote: "Quote", order: "Order confirmation", invoice: "Invoice", "credit-note": "Credit note" },
    number: "No.",
    notNumbered: "Draft, numbered when sent",
    orderNotNumbered: "Draft, numbered when confirmed",
    draftOrder: "Draft: this order is not confirmed yet.",
    deliveryDate: "Requested delivery date",
    deliveryAddress: "Delivery address",
    date: "Date",
    validUntil: "Valid until",
    dueDate: "Due date",
    customerPo: "Your order no.",
    correctsInvoice: "Credit note for invoice no.",
    invoiceOf: (number: string, date: string) => `${number} of ${date}`,
    customer: "Customer",
    customerCode: "Customer code",
    customerVat: "Customer VAT no.",
    salesRep: "Your contact",
    ref: "Ref.",
    label: "Description",
    quantity: "Qty",
    unit: "Unit",
    unitPrice: "Unit price excl. VAT",
    discount: "Discount",
    vat: "VAT",
    lineTotal: "Amount excl. VAT",
    totalExclVat: "Total excl. VAT",
    vatAt: (rate: string) => `VAT ${rate}`,
    vatBase: "Base excl. VAT",
    totalInclVat: "Total incl. VAT",
    terms: "Payment terms",
    acceptance: "Date, signature and the words “Agreed and accepted”",
    page: (n: number, of: number) => `Page ${n} of ${of}`
  }
} as const

export type DocumentLabels = (typeof LABELS)[DocLanguage]

export function documentLabels(lang: DocLanguage): DocumentLabels {
  return LABELS[lang]
}

/** "2,5" (fr) or "2.5" (en): thousandths without trailing zeros, no float on the way. */
export function formatQuantity(milli: number, lang: DocLanguage): string {
  const sign = milli < 0 ? MINUS_SIGN : ""
  const abs = Math.abs(milli)
  const whole = Math.floor(abs / QUANTITY_SCALE)
  const frac = String(abs % QUANTITY_SCALE).padStart(3, "0").replace(/0+$/, "")
  const wholeText = nb(new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(whole))
  return sign + wholeText + (frac ? (lang === "fr" ? "," : ".") + frac : "")
}

/** Basis points as a percentage: 550 → "5,5 %" (fr), "5.5%" (en). */
export function formatPercent(bp: number, lang: DocLanguage): string {
  return nb(new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 2 }).format(bp / PERCENT_SCALE))
}

/** An ISO date as the customer reads it: 02/12/2026 (fr), 2 December 2026 (en). */
export function formatIsoDate(iso: string, lang: DocLanguage): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return lang === "fr"
    ? new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(date)
    : new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(date)
}

/** Text for a document: French formats put narrow no-break spaces (U+202F) in numbers, which not every PDF font has. */
export function nb(text: string): string {
  return text.replace(/\u202f/g, "\u00a0")
}

export function money(cents: number, lang: DocLanguage): string {
  return nb(formatCents(cents, lang))
}

export interface DocumentView {
  lang: DocLanguage
  labels: DocumentLabels
  title: string
  /** The number, or the draft's notice. */
  numberText: string
  dates: { label: string; value: string }[]
  seller: string[]
  customer: string[]
  salesRep: string | null
  head: string[]
  rows: string[][]
  totals: DocumentTotals
  totalRows: { label: string; value: string; cents: number; strong?: boolean }[]
  vatRows: string[][]
  terms: string | null
  mentions: string[]
  /** A draft order's warning that it is not confirmed yet (its PDF may be sent to be checked before confirming). */
  draftNotice: string | null
  /** An order's delivery address, when it has one (its notes' "Delivery address:" line, from a captured mail). */
  deliveryAddress: string | null
}

/** What a document names beyond itself: for a credit note, the invoice it corrects (its number, date and the buyer's order number). */
export interface DocumentRefs {
  correctedInvoice?: { number: string; date: string; customerPoNumber?: string | null } | null
}

/**
 * A document as rows of text in its language: the one source of the PDF's layout and the reply's summary.
 * The totals are computed again from the lines (the same function the server checks with).
 */
export function documentView(doc: SalesDocument, seller: SellerIdentity, customer: Customer, lang: DocLanguage, refs: DocumentRefs = {}): DocumentView {
  const l = LABELS[lang]
  const totals = computeTotals(doc.lines)
  const dates: { label: string; value: string }[] = [{ label: l.date, value: formatIsoDate(doc.date, lang) }]
  if (doc.type === "quote") dates.push({ label: l.validUntil, value: formatIsoDate(doc.validUntil, lang) })
  if (doc.type === "invoice") dates.push({ label: l.dueDate, value: formatIsoDate(doc.dueDate, lang) })
  if (doc.type === "order" && doc.deliveryDate) dates.push({ label: l.deliveryDate, value: formatIsoDate(doc.deliveryDate, lang) })
  // The buyer's own reference, which its accounts payable match the invoice on ("quote our PO number on the invoice").
  if ((doc.type === "order" || doc.type === "invoice") && doc.customerPoNumber) dates.push({ label: l.customerPo, value: doc.customerPoNumber })
  // A credit note names the invoice it corrects (French law asks it), and the buyer's order that invoice named, so
  // the buyer's accounts payable set it against both.
  const corrected = doc.type === "credit-note" ? refs.correctedInvoice : null
  if (corrected) {
    dates.push({ label: l.correctsInvoice, value: l.invoiceOf(corrected.number, formatIsoDate(corrected.date, lang)) })
    if (corrected.customerPoNumber) dates.push({ label: l.customerPo, value: corrected.customerPoNumber })
  }
  const address = customer.addresses[0]
  const contact = customer.contacts.find((c) => c.id === doc.contactId) ?? null
  const contactName = contact ? `${contact.firstName} ${contact.lastName}`.trim() : ""
  const customerLines = [
    customer.company,
    ...(contactName ? [contactName] : []),
    ...(address ? [address.line, townLine(address), address.country !== "FR" ? countryName(address.country, lang) : ""] : []),
    `${l.customerCode}${lang === "fr" ? " :" : ":"} ${customer.code}`,
    ...(customer.vatNumber ? [`${l.customerVat} ${customer.vatNumber}`] : [])
  ].filter((s) => s.trim() !== "")
  const anyDiscount = doc.lines.some((x) => x.discountBp > 0)
  const head = [l.ref, l.label, l.quantity, l.unitPrice, ...(anyDiscount ? [l.discount] : []), l.vat, l.lineTotal]
  const rows = doc.lines.map((x, i) => [
    x.ref,
    x.label,
    `${formatQuantity(x.quantityMilli, lang)} ${unitFor(x.unit, x.quantityMilli, lang)}`.trim(),
    money(x.unitPriceCents, lang),
    ...(anyDiscount ? [x.discountBp ? formatPercent(x.discountBp, lang) : ""] : []),
    formatPercent(x.vatRateBp, lang),
    money(totals.lineNetCents[i]!, lang)
  ])
  const vatRows = totals.vatByRate.map((v) => [l.vatAt(formatPercent(v.vatRateBp, lang)), money(v.baseCents, lang), money(v.vatCents, lang)])
  const totalRows = [
    { label: l.totalExclVat, value: money(totals.totalExclVatCents, lang), cents: totals.totalExclVatCents },
    ...totals.vatByRate.map((v) => ({ label: l.vatAt(formatPercent(v.vatRateBp, lang)), value: money(v.vatCents, lang), cents: v.vatCents })),
    { label: l.totalInclVat, value: money(totals.totalInclVatCents, lang), cents: totals.totalInclVatCents, strong: true }
  ]
  const terms = "paymentTerms" in doc ? nb(termsText(doc.paymentTerms, lang)) : null
  // An order's notes without the line that is for us (the mail it was captured from), its delivery address apart.
  const { address: deliveryAddress, rest: notes } = doc.type === "order" ? deliveryAddressOf(notesForCustomer(doc)) : { address: null, rest: doc.notes }
  const mentions = [
    ...paymentMentions(seller, lang, true, doc.date),
    ...exemptionMentions(doc.lines, customer.country, customer.vatNumber !== null, lang),
    ...(notes.trim() ? [notes.trim()] : [])
  ].map(nb)
  return {
    lang,
    labels: l,
    title: l.title[doc.type],
    numberText: doc.number ?? (doc.type === "order" ? l.orderNotNumbered : l.notNumbered),
    dates,
    seller: sellerLines(seller, lang).map(nb),
    customer: customerLines,
    salesRep: doc.salesRep,
    head,
    rows,
    totals,
    totalRows,
    vatRows,
    terms,
    mentions,
    draftNotice: doc.type === "order" && doc.status === "draft" ? l.draftOrder : null,
    deliveryAddress: deliveryAddress === null ? null : nb(deliveryAddress)
  }
}

/** The "Delivery address: …" line a captured order's notes carry (`draftOrderFromReview`, in either language). */
const DELIVERY_LINE = /^(?:Delivery address|Adresse de livraison)[\s\u00a0]*:[\s\u00a0]*(.+)$/

/** An order's delivery address out of its notes, and the notes without it. */
export function deliveryAddressOf(notes: string): { address: string | null; rest: string } {
  const lines = notes.split("\n")
  const i = lines.findIndex((x) => DELIVERY_LINE.test(x.trim()))
  if (i < 0) return { address: null, rest: notes }
  const address = DELIVERY_LINE.exec(lines[i]!.trim())![1]!.trim()
  return { address, rest: lines.filter((_, k) => k !== i).join("\n") }
}

/** The summary put into a reply: paragraphs, the lines and the totals as tables (an HTML editor) or as text. */
export type SummaryBlock = { kind: "p"; text: string } | { kind: "table"; head: string[]; rows: string[][] }

export function documentSummary(doc: SalesDocument, seller: SellerIdentity, customer: Customer, lang: DocLanguage): { text: string; blocks: SummaryBlock[] } {
  const v = documentView(doc, seller, customer, lang)
  const fr = lang === "fr"
  const what = `${v.title.toLowerCase()} ${doc.number ?? ""}`.replace(/\s+$/, "")
  const validity = doc.type === "quote" ? (fr ? `, valable jusqu'au ${formatIsoDate(doc.validUntil, lang)}` : `, valid until ${formatIsoDate(doc.validUntil, lang)}`) : ""
  // The buyer's own reference, as the PDF names it: what the buyer files the confirmation against.
  const po = (doc.type === "order" || doc.type === "invoice") && doc.customerPoNumber ? (fr ? `, votre commande n°\u00a0${doc.customerPoNumber}` : `, your order no. ${doc.customerPoNumber}`) : ""
  const intro = fr ? `Veuillez trouver ci-dessous notre ${what} du ${formatIsoDate(doc.date, lang)}${validity}${po}.` : `Please find below our ${what} of ${formatIsoDate(doc.date, lang)}${validity}${po}.`
  // A discounted line says its discount, else quantity × price is not the amount written after it.
  const anyDiscount = doc.lines.some((x) => x.discountBp > 0)
  const discountOf = (bp: number) => (bp ? formatPercent(bp, lang) : "")
  const lineRows = doc.lines.map((x, i) => [x.ref, x.label, v.rows[i]![2]!, v.rows[i]![3]!, ...(anyDiscount ? [discountOf(x.discountBp)] : []), money(v.totals.lineNetCents[i]!, lang)])
  const lineHead = [v.labels.ref, v.labels.label, v.labels.quantity, v.labels.unitPrice, ...(anyDiscount ? [v.labels.discount] : []), v.labels.lineTotal]
  const delivery = doc.type === "order" && doc.deliveryDate ? `${v.labels.deliveryDate}${fr ? " :" : ":"} ${formatIsoDate(doc.deliveryDate, lang)}.` : null
  const blocks: SummaryBlock[] = [
    { kind: "p", text: fr ? "Bonjour," : "Hello," },
    { kind: "p", text: intro },
    ...(delivery ? [{ kind: "p" as const, text: delivery }] : []),
    { kind: "table", head: lineHead, rows: lineRows },
    { kind: "table", head: [], rows: v.totalRows.map((t) => [t.label, t.value]) },
    ...(v.terms ? [{ kind: "p" as const, text: `${v.terms}.` }] : []),
    // The legal mentions travel with the text too (penalties, indemnity, discount, VAT exemption), as on the PDF.
    ...(v.mentions.length ? [{ kind: "p" as const, text: v.mentions.join("\n") }] : []),
    { kind: "p", text: [fr ? "Cordialement," : "Kind regards,", v.salesRep ?? "", seller.name].filter(Boolean).join("\n") }
  ]
  // French puts a space before a colon ("Total TTC : 122,41 €"), as the legal mentions and the PDF write it.
  const colon = fr ? " :" : ":"
  const lineDiscount = (r: string[]) => (anyDiscount && r[4] ? (fr ? ` − remise ${r[4]}` : ` − ${r[4]} discount`) : "")
  const text = blocks
    .map((b) =>
      b.kind === "p"
        ? b.text
        : b.head.length
          ? b.rows.map((r) => `- ${r[0] ? `${r[0]} ` : ""}${r[1]}${colon} ${r[2]} × ${r[3]}${lineDiscount(r)} = ${r.at(-1)}`).join("\n")
          : b.rows.map((r) => `${r[0]}${colon} ${r[1]}`).join("\n")
    )
    .join("\n\n")
  return { text, blocks }
}
