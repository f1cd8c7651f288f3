import * as z from "zod"

import { CustomerPrice } from "../catalog/price-source"
import type { Customer, Product } from "../customers/customer.schema"
import { teamMemberNamed } from "../customers/sales-rep"
import type { DocumentLine, SalesDocument } from "./document.schema"
import { parseScaledDecimal, PERCENT_SCALE, QUANTITY_SCALE } from "./money"
import { addDaysIso, checkPaymentTerms, MAX_END_OF_MONTH_DAYS, MAX_NET_DAYS, termsFromDays, type PaymentTerms } from "./payment-terms"
import { englishMentionMissing, productExemptionMention, type ProductMention } from "./exemption-text"
import { computeTotals, FRENCH_VAT_RATES_BP, type DocumentTotals, type TotalsLine } from "./totals"
import { defaultVatRateBp, type VatRegime } from "./vat-regime"

/**
 * The quote form as a person fills it: amounts as typed ("12,50", "12.50", "1 250"), percentages as typed
 * ("5,5"), read into integer cents and basis points without a float. Error messages are i18n keys
 * (`quotes.errors.*`): the form says them in the agent's language.
 */
export type Quote = Extract<SalesDocument, { type: "quote" }>

export const VAT_RATE_CHOICES = FRENCH_VAT_RATES_BP.map((bp) => ({ bp, value: bpToPercentText(bp) }))

export const QuoteLineValues = z
  .object({
    id: z.string().min(1).max(100),
    productId: z.string().max(100).nullable(),
    ref: z.string().max(60),
    label: z.string().max(500),
    unit: z.string().max(30),
    quantity: z.string().max(30),
    unitPrice: z.string().max(30),
    discountPercent: z.string().max(10),
    vatRate: z.string().max(10),
    /** The product's exemption mention, kept with the line (not a field the agent types): printed at 0 %. */
    vatExemption: z.string().max(300).optional(),
    /** The price the customer's rules gave the line (not typed either): the note under the price reads it. */
    priceSource: CustomerPrice.optional()
  })
  .superRefine((l, ctx) => {
    if (!l.label.trim()) ctx.addIssue({ code: "custom", path: ["label"], message: "quotes.errors.label" })
    const q = parseScaledDecimal(l.quantity, 3)
    if (q === null || q === 0) ctx.addIssue({ code: "custom", path: ["quantity"], message: "quotes.errors.quantity" })
    // An empty price (a free line just added) is missing, not mistyped: the agent is told to type one.
    if (parseScaledDecimal(l.unitPrice, 2) === null) ctx.addIssue({ code: "custom", path: ["unitPrice"], message: l.unitPrice.trim() ? "quotes.errors.unitPrice" : "quotes.errors.unitPriceMissing" })
    const d = l.discountPercent.trim() === "" ? 0 : parseScaledDecimal(l.discountPercent, 2)
    if (d === null || d > PERCENT_SCALE) ctx.addIssue({ code: "custom", path: ["discountPercent"], message: "quotes.errors.discount" })
    if (!VAT_RATE_CHOICES.some((c) => parseScaledDecimal(l.vatRate, 2) === c.bp)) ctx.addIssue({ code: "custom", path: ["vatRate"], message: "quotes.errors.vatRate" })
  })
export type QuoteLineValues = z.infer<typeof QuoteLineValues>

export const QuoteFormValues = z
  .object({
    customerId: z.string().min(1).max(100),
    contactId: z.string().max(100),
    language: z.enum(["fr", "en"]),
    termsKind: z.enum(["on-receipt", "net", "end-of-month"]),
    termsDays: z.string().max(5),
    validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "quotes.errors.validUntil"),
    salesRep: z.string().max(120),
    notes: z.string().max(5000),
    /** The call it was asked for in (the caller card's or the outcome form's "New quote"). */
    callId: z.string().max(100).optional(),
    lines: z.array(QuoteLineValues).min(1, "quotes.errors.noLine").max(500)
  })
  .superRefine((v, ctx) => {
    if (v.termsKind === "on-receipt") return
    const days = /^\d{1,3}$/.test(v.termsDays.trim()) ? Number(v.termsDays.trim()) : NaN
    if (!Number.isInteger(days)) return ctx.addIssue({ code: "custom", path: ["termsDays"], message: "quotes.errors.termsDays" })
    const check = checkPaymentTerms({ kind: v.termsKind, days })
    if (!check.ok) ctx.addIssue({ code: "custom", path: ["termsDays"], message: check.reason === "net-over-60-days" ? "quotes.errors.termsNetCap" : check.reason === "end-of-month-over-45-days" ? "quotes.errors.termsEndOfMonthCap" : "quotes.errors.termsDays" })
  })
export type QuoteFormValues = z.infer<typeof QuoteFormValues>

export { MAX_END_OF_MONTH_DAYS, MAX_NET_DAYS }

/** "20" for 2000 bp, "5.5" for 550: the value of the VAT select (the server's API speaks percentages too). */
export function bpToPercentText(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const frac = String(bp % 100).padStart(2, "0").replace(/0+$/, "")
  return frac ? `${whole}.${frac}` : String(whole)
}

/** Cents as the form shows them to be edited: "12,50" (fr) or "12.50" (en). */
export function centsToInput(cents: number, lang: "fr" | "en"): string {
  const s = `${Math.trunc(cents / 100)}${lang === "fr" ? "," : "."}${String(Math.abs(cents % 100)).padStart(2, "0")}`
  return cents < 0 && cents > -100 ? `-${s}` : s
}

/** Thousandths as typed back: 2500 → "2,5" (fr) or "2.5" (en). */
export function milliToInput(milli: number, lang: "fr" | "en"): string {
  const abs = Math.abs(milli)
  const frac = String(abs % QUANTITY_SCALE).padStart(3, "0").replace(/0+$/, "")
  return `${milli < 0 ? "-" : ""}${Math.floor(abs / QUANTITY_SCALE)}${frac ? (lang === "fr" ? "," : ".") + frac : ""}`
}

/** A form line read into a document line; null when a field does not parse (the form shows why). */
export function lineFromValues(l: QuoteLineValues): DocumentLine | null {
  const quantityMilli = parseScaledDecimal(l.quantity, 3)
  const unitPriceCents = parseScaledDecimal(l.unitPrice, 2)
  const discountBp = l.discountPercent.trim() === "" ? 0 : parseScaledDecimal(l.discountPercent, 2)
  const vatRateBp = parseScaledDecimal(l.vatRate, 2)
  if (quantityMilli === null || quantityMilli === 0 || unitPriceCents === null || discountBp === null || discountBp > PERCENT_SCALE || vatRateBp === null) return null
  if (!(FRENCH_VAT_RATES_BP as readonly number[]).includes(vatRateBp)) return null
  // The product's mention goes with a 0 % line only: moved to another rate, the line no longer needs one.
  const vatExemption = vatRateBp === 0 ? l.vatExemption?.trim() : undefined
  return { id: l.id, productId: l.productId, ref: l.ref.trim(), label: l.label.trim(), unit: l.unit.trim() || "u", quantityMilli, unitPriceCents, discountBp, vatRateBp, ...(vatExemption ? { vatExemption } : {}), ...(l.priceSource ? { priceSource: l.priceSource } : {}) }
}

/** Totals of the lines that parse so far: the form shows them live while the agent types. */
export function liveTotals(lines: readonly QuoteLineValues[]): DocumentTotals {
  const parsed = lines.map(lineFromValues).filter((x): x is DocumentLine => x !== null)
  return computeTotals(parsed as TotalsLine[])
}

export function termsFromValues(v: Pick<QuoteFormValues, "termsKind" | "termsDays">): PaymentTerms {
  return v.termsKind === "on-receipt" ? { kind: "on-receipt" } : { kind: v.termsKind, days: Number(v.termsDays.trim()) }
}

/**
 * A product picked from the search, as a new line in the quote's language; `price` is the customer's price
 * (src/domain/catalog/pricing.ts), else the catalog's. Its VAT rate is the catalog's for a customer in France, 0 %
 * for an intra-Community supply or an export (`regime`, vat-regime.ts): the documents then print the customer's
 * exemption mention. The agent may still change it.
 */
export function lineFromProduct(p: Product, lang: "fr" | "en", id: string, price?: CustomerPrice, regime: VatRegime = "domestic"): QuoteLineValues {
  return {
    id,
    productId: p.id,
    ref: p.ref,
    label: lang === "fr" ? p.nameFr : p.nameEn,
    unit: p.unit,
    quantity: "1",
    unitPrice: centsToInput(price?.unitPriceCents ?? p.unitPriceCents, lang),
    discountPercent: price?.discountBp ? percentToInput(price.discountBp, lang) : "",
    vatRate: bpToPercentText(defaultVatRateBp(regime, p.vatRateBp)),
    // The product's mention in the quote's language, as the documents will print it (exemption-text.ts).
    ...exemptionOf(p, lang),
    priceSource: price ?? { unitPriceCents: p.unitPriceCents, discountBp: 0, source: "catalog", catalogPriceCents: p.unitPriceCents }
  }
}

/**
 * The labels to change when the agent switches a quote from `from` to `to`: a line that still carries its product's
 * catalog name in `from` (as `lineFromProduct` wrote it) takes the name in `to`, so an English quote does not print
 * the French names of the lines added while it was French. A label the agent typed or edited, a free line (no
 * product) and a product the form does not know keep their words. The unit is not touched: the line keeps the
 * catalog's word, shown and printed in the quote's language (`unitFor`).
 */
export function relabelledLines(lines: readonly Pick<QuoteLineValues, "productId" | "label">[], products: ReadonlyMap<string, Pick<Product, "nameFr" | "nameEn">>, from: "fr" | "en", to: "fr" | "en"): { index: number; label: string }[] {
  if (from === to) return []
  const out: { index: number; label: string }[] = []
  lines.forEach((l, index) => {
    const p = l.productId ? products.get(l.productId) : undefined
    if (!p) return
    const [was, now] = from === "fr" ? [p.nameFr, p.nameEn] : [p.nameEn, p.nameFr]
    if (l.label.trim() === was.trim() && l.label !== now) out.push({ index, label: now })
  })
  return out
}

/** A line's `vatExemption` field for this product in `lang`: none for a taxed product or one without a mention. */
function exemptionOf(p: ProductMention, lang: "fr" | "en"): { vatExemption?: string } {
  const m = productExemptionMention(p, lang)
  return m ? { vatExemption: m.text } : {}
}

/**
 * The exemption mentions to rewrite when the agent switches a quote to `to`: a line of a 0 % product takes its
 * product's mention in that language (the agent never types a mention: it is the catalog's), so an English quote
 * does not print the French mention of a line added while it was French. Lines without a known product keep theirs.
 */
export function rewordedExemptions(lines: readonly Pick<QuoteLineValues, "productId" | "vatExemption">[], products: ReadonlyMap<string, ProductMention>, to: "fr" | "en"): { index: number; vatExemption: string | undefined }[] {
  const out: { index: number; vatExemption: string | undefined }[] = []
  lines.forEach((l, index) => {
    const p = l.productId ? products.get(l.productId) : undefined
    if (!p) return
    const vatExemption = exemptionOf(p, to).vatExemption
    if (vatExemption !== l.vatExemption) out.push({ index, vatExemption })
  })
  return out
}

/**
 * Whether this line of an English quote will print its product's French exemption mention, for want of an English
 * one in the catalog (and no usual legal wording to give in English): the form says so under the line's VAT rate.
 */
export function lineMentionFrenchOnly(l: Pick<QuoteLineValues, "productId" | "vatRate" | "vatExemption"> | undefined, products: ReadonlyMap<string, ProductMention>, lang: "fr" | "en"): boolean {
  if (lang !== "en" || !l?.productId || !l.vatExemption || parseScaledDecimal(l.vatRate, 2) !== 0) return false
  const p = products.get(l.productId)
  return p !== undefined && englishMentionMissing(p) && l.vatExemption === p.vatExemption?.trim()
}

/**
 * The numbers to rewrite when the agent switches a quote to `to`: a quantity, a price or a discount that reads as a
 * number takes the decimal mark of `to` ("8,90" becomes "8.90" on an English quote, and back), so the form reads as
 * the PDF will. What does not read as a number stays as typed, with its error.
 */
export function renumberedLines(lines: readonly Pick<QuoteLineValues, "quantity" | "unitPrice" | "discountPercent">[], to: "fr" | "en"): { index: number; field: "quantity" | "unitPrice" | "discountPercent"; value: string }[] {
  const out: { index: number; field: "quantity" | "unitPrice" | "discountPercent"; value: string }[] = []
  lines.forEach((l, index) => {
    const rewrite = (field: "quantity" | "unitPrice" | "discountPercent", parsed: number | null, text: (v: number) => string) => {
      if (parsed === null || l[field].trim() === "") return
      const value = text(parsed)
      if (value !== l[field]) out.push({ index, field, value })
    }
    rewrite("quantity", parseScaledDecimal(l.quantity, 3), (v) => milliToInput(v, to))
    rewrite("unitPrice", parseScaledDecimal(l.unitPrice, 2), (v) => centsToInput(v, to))
    rewrite("discountPercent", parseScaledDecimal(l.discountPercent, 2), (v) => percentToInput(v, to))
  })
  return out
}

/** Basis points as typed back: 1250 → "12,5" (fr) or "12.5" (en). */
export function percentToInput(bp: number, lang: "fr" | "en"): string {
  return bpToPercentText(bp).replace(".", lang === "fr" ? "," : ".")
}

/** A line typed freely: 20 % in France, 0 % for an intra-Community supply or an export (vat-regime.ts). */
export function emptyLine(id: string, regime: VatRegime = "domestic"): QuoteLineValues {
  return { id, productId: null, ref: "", label: "", unit: "u", quantity: "1", unitPrice: "", discountPercent: "", vatRate: bpToPercentText(defaultVatRateBp(regime, 2000)) }
}

/**
 * The sales rep a new quote starts with: the customer's own rep when that rep is one of the team's members (as the
 * team spells the name), else the agent; with neither known, what the customer's file says.
 */
export function defaultSalesRep(customerRep: string | null, agentName: string | null, teamMembers: readonly string[] = []): string {
  return teamMemberNamed(customerRep, teamMembers) ?? agentName ?? customerRep ?? ""
}

/**
 * The form of a new quote for a customer: the customer's language and payment terms, its first contact, the
 * customer's own rep as sales rep when a team member, else the agent (defaultSalesRep), valid for the team's
 * default number of days.
 */
export function newQuoteValues(
  c: Customer,
  opts: { today: string; validityDays: number; agentName: string | null; teamMembers?: readonly string[]; contactId?: string | null; callId?: string | null }
): QuoteFormValues {
  const terms = termsFromDays(c.paymentTermsDays)
  const contact = opts.contactId && c.contacts.some((x) => x.id === opts.contactId) ? opts.contactId : (c.contacts[0]?.id ?? "")
  return {
    customerId: c.id,
    contactId: contact,
    language: c.language,
    termsKind: terms.kind,
    termsDays: terms.kind === "on-receipt" ? "" : String(terms.days),
    validUntil: addDaysIso(opts.today, opts.validityDays),
    salesRep: defaultSalesRep(c.salesRep, opts.agentName, opts.teamMembers),
    notes: "",
    ...(opts.callId ? { callId: opts.callId } : {}),
    lines: []
  }
}

/** A stored quote back into the form (editing a draft). */
export function valuesFromQuote(q: Quote): QuoteFormValues {
  return {
    customerId: q.customerId,
    contactId: q.contactId ?? "",
    language: q.language,
    termsKind: q.paymentTerms.kind,
    termsDays: q.paymentTerms.kind === "on-receipt" ? "" : String(q.paymentTerms.days),
    validUntil: q.validUntil,
    salesRep: q.salesRep ?? "",
    notes: q.notes,
    ...(q.callId ? { callId: q.callId } : {}),
    lines: q.lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      ref: l.ref,
      label: l.label,
      unit: l.unit,
      quantity: milliToInput(l.quantityMilli, q.language),
      unitPrice: centsToInput(l.unitPriceCents, q.language),
      discountPercent: l.discountBp ? bpToPercentText(l.discountBp).replace(".", q.language === "fr" ? "," : ".") : "",
      vatRate: bpToPercentText(l.vatRateBp),
      ...(l.vatExemption ? { vatExemption: l.vatExemption } : {}),
      ...(l.priceSource ? { priceSource: l.priceSource } : {})
    }))
  }
}

/**
 * The draft quote these values make (totals computed here, the same way the server checks them). Throws when a
 * line does not parse: the form validates first.
 */
export function quoteFromValues(v: QuoteFormValues, base: { id: string; date: string; now: number; existing?: Quote | null }): Quote {
  const lines = v.lines.map((l, i) => {
    const line = lineFromValues(l)
    if (!line) throw new RangeError(`line ${i + 1} does not parse`)
    return line
  })
  const t = computeTotals(lines)
  const prev = base.existing ?? null
  return {
    id: base.id,
    type: "quote",
    status: prev?.status ?? "draft",
    customerId: v.customerId,
    contactId: v.contactId || null,
    language: v.language,
    number: prev?.number ?? null,
    date: base.date,
    validUntil: v.validUntil,
    paymentTerms: termsFromValues(v),
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    notes: v.notes,
    salesRep: v.salesRep.trim() || null,
    sourceId: prev?.sourceId ?? null,
    callId: v.callId || prev?.callId || null,
    history: prev?.history ?? [],
    createdAt: prev?.createdAt ?? base.now,
    updatedAt: base.now
  }
}

/** A line handed to a new quote from elsewhere (an order captured from a mail): a catalog ref, how many, which unit. */
export interface PrefillLine {
  ref: string
  quantity: number
  unit: string
}

const MAX_PREFILL_LINES = 100

/** The query of `#/quotes/new?…` that opens the quote form for a customer with these lines (`line=REF|qty|unit`). */
export function quotePrefillQuery(customerId: string, lines: readonly PrefillLine[]): string {
  const q = new URLSearchParams({ customer: customerId })
  for (const l of lines.slice(0, MAX_PREFILL_LINES)) q.append("line", [l.ref.trim(), String(l.quantity), l.unit.trim()].join("|"))
  return q.toString()
}

/** The lines of a `#/quotes/new?…` query; a malformed one (no ref, no positive quantity) is left out. */
export function prefillLinesOf(query: URLSearchParams): PrefillLine[] {
  const out: PrefillLine[] = []
  for (const raw of query.getAll("line").slice(0, MAX_PREFILL_LINES)) {
    const [ref = "", qty = "", unit = ""] = raw.split("|")
    const quantity = Number(qty)
    if (ref.trim() === "" || !(quantity > 0) || quantity > 1_000_000) continue
    out.push({ ref: ref.trim().slice(0, 60), quantity, unit: unit.trim().slice(0, 30) })
  }
  return out
}

/** A prefilled line as a quote line: the catalog's label, price and VAT (the customer's regime's), the quantity and unit handed over. */
export function lineFromPrefill(p: Product, l: PrefillLine, lang: "fr" | "en", id: string, price?: CustomerPrice, regime: VatRegime = "domestic"): QuoteLineValues {
  return { ...lineFromProduct(p, lang, id, price, regime), quantity: milliToInput(Math.round(l.quantity * 1000), lang), unit: (l.unit || p.unit).slice(0, 30) }
}

/**
 * The line (1-based) that already has line `i`'s catalog product, or null: a product picked twice makes a second
 * line, as it may (another discount, another delivery), and the later line says where the first is, so a slip shows.
 */
export function earlierLineOfProduct(lines: readonly (Pick<QuoteLineValues, "productId"> | undefined)[] | undefined, i: number): number | null {
  const id = lines?.[i]?.productId
  if (!id) return null
  const first = lines.findIndex((l) => l?.productId === id)
  return first >= 0 && first < i ? first + 1 : null
}
