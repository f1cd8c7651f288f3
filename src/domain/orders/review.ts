import type { Customer, Product } from "../customers/customer.schema"
import type { RiskInvoice, RiskOrder } from "../documents/risk"
import type { Invoice, Order, PaymentRecord } from "../documents/document.schema"
import { computeTotals } from "../documents/totals"
import { MAX_NET_DAYS } from "../documents/payment-terms"
import { compactCode, foldText } from "../search/fold-text"
import type { CustomerMemory, ExtractedOrder } from "./types"
import { unitOfWord } from "./units"

/**
 * What follows the extractor once the agent has reviewed its proposal: the draft order built from the
 * reviewed fields (prices and VAT from the catalog), what to remember for that customer, and the customer's
 * risk fed from the local documents. Pure: the background handlers call these with what IndexedDB holds.
 */

export interface ReviewedLine {
  ref: string
  quantity: number
  unit: string
}

export interface ReviewedOrder {
  customerCode: string
  poNumber: string
  /** YYYY-MM-DD or "". */
  deliveryDate: string
  deliveryAddress: string
  lines: ReviewedLine[]
}

/** The mail the order came from, as the order keeps it. */
export interface MessageLink {
  messageId: string
  subject: string
  from: string
}

/** Words that join a product's name to its quantity, never a name of their own. */
const FILLER = new Set([
  "de", "des", "du", "d", "la", "le", "les", "l", "en", "a", "au", "aux", "et", "pour", "svp", "stp", "merci",
  "of", "the", "a", "an", "and", "for", "please", "x", "qte", "qty", "quantite", "quantity", "ref", "reference"
])

/**
 * The customer's own words for a product, from the mail's line the agent corrected: the line without its
 * numbers, unit words and fillers ("10 boîtes de gants bleus" → "gants bleus"), as the extractor's memory
 * matches them (the same words in a row). Null when nothing of a name is left.
 */
export function aliasWords(evidence: string): string | null {
  const words = foldText(evidence)
    .split(" ")
    .filter((w) => w !== "" && !/\d/.test(w) && unitOfWord(w) === null && !FILLER.has(w))
  // The name is the first run of words: "gants bleus merci pour jeudi" keeps "gants bleus" (FILLER cut "merci").
  return words.length === 0 ? null : words.slice(0, 5).join(" ")
}

/**
 * What the agent's review teaches about this customer: a line whose product they changed gives the mail's words
 * for it; the delivery address they confirmed becomes the usual one; their order number's prefix; the refs they
 * order. Returns a new memory; the old one is not changed.
 */
export function learnFromReview(memory: CustomerMemory, proposal: ExtractedOrder, reviewed: ReviewedOrder): CustomerMemory {
  const aliases: Record<string, string> = { ...(memory.productAliases ?? {}) }
  proposal.lines.forEach((proposed, i) => {
    const kept = reviewed.lines[i]
    if (kept === undefined || compactCode(kept.ref) === compactCode(proposed.ref)) return
    const words = aliasWords(proposal.evidence[`lines.${i}`] ?? "")
    if (words !== null) aliases[words] = kept.ref
  })
  const address = reviewed.deliveryAddress.trim()
  const prefix = /^([A-Za-z]{2,6}[-/ ]?)\d/.exec(reviewed.poNumber.trim())?.[1] ?? null
  const usual = [...new Set([...reviewed.lines.map((l) => l.ref), ...(memory.usualRefs ?? [])])].slice(0, 200)
  return {
    ...memory,
    productAliases: aliases,
    deliveryAddress: address !== "" ? address : (memory.deliveryAddress ?? null),
    poPrefix: prefix ?? memory.poPrefix ?? null,
    usualRefs: usual
  }
}

export interface DraftOrderInput {
  id: string
  lineIds: readonly string[]
  reviewed: ReviewedOrder
  customer: Customer
  /** By ref, compacted (`compactCode`). */
  products: ReadonlyMap<string, Product>
  message: MessageLink
  /** YYYY-MM-DD, the order's date. */
  today: string
  now: number
  by: string
}

export type DraftOrderResult = { ok: true; order: Order } | { ok: false; error: "unknown-product"; ref: string } | { ok: false; error: "no-lines" }

/**
 * The draft order of a reviewed capture: the catalog's label, price and VAT for each line (the agent reviewed
 * quantities and products, not prices), totals by `computeTotals`, and the message it came from in `sourceId`
 * and the notes (an order has no field for a delivery address: it goes there too).
 */
export function draftOrderFromReview(input: DraftOrderInput): DraftOrderResult {
  const { reviewed, customer } = input
  if (reviewed.lines.length === 0) return { ok: false, error: "no-lines" }
  const language = customer.language === "en" ? "en" : "fr"
  const lines: Order["lines"] = []
  for (const [i, l] of reviewed.lines.entries()) {
    const product = input.products.get(compactCode(l.ref))
    if (product === undefined) return { ok: false, error: "unknown-product", ref: l.ref }
    lines.push({
      id: input.lineIds[i] ?? `${input.id}-${i}`,
      productId: product.id,
      ref: product.ref,
      label: language === "en" ? product.nameEn : product.nameFr,
      unit: (l.unit.trim() || product.unit).slice(0, 30),
      quantityMilli: Math.round(l.quantity * 1000),
      unitPriceCents: product.unitPriceCents,
      discountBp: 0,
      vatRateBp: product.vatRateBp
    })
  }
  const totals = computeTotals(lines)
  const sender = input.message.from.toLowerCase()
  const contact = customer.contacts.find((c) => c.emails.some((e) => e.toLowerCase() === sender)) ?? null
  const notes = [
    `${language === "en" ? "Captured from the mail" : "Saisie depuis le mail"} « ${input.message.subject} » (${input.message.from}, ${input.message.messageId})`,
    reviewed.deliveryAddress.trim() ? `${language === "en" ? "Delivery address" : "Adresse de livraison"} : ${reviewed.deliveryAddress.trim()}` : ""
  ]
    .filter((s) => s !== "")
    .join("\n")
    .slice(0, 5000)
  const days = customer.paymentTermsDays
  return {
    ok: true,
    order: {
      id: input.id,
      type: "order",
      status: "draft",
      customerId: customer.id,
      contactId: contact?.id ?? null,
      language,
      number: null,
      date: input.today,
      lines,
      totalExclVatCents: totals.totalExclVatCents,
      totalVatCents: totals.totalVatCents,
      totalInclVatCents: totals.totalInclVatCents,
      notes,
      salesRep: customer.salesRep,
      sourceId: messageSourceId(input.message.messageId),
      history: [{ status: "draft", at: input.now, by: input.by.slice(0, 254) }],
      createdAt: input.now,
      updatedAt: input.now,
      paymentTerms: days === null || days === 0 ? { kind: "on-receipt" } : { kind: "net", days: Math.min(days, MAX_NET_DAYS) },
      customerPoNumber: reviewed.poNumber.trim() ? reviewed.poNumber.trim().slice(0, 60) : null,
      deliveryDate: /^\d{4}-\d{2}-\d{2}$/.test(reviewed.deliveryDate) ? reviewed.deliveryDate : null,
      riskOverride: null
    }
  }
}

/** `sourceId` holds 100 characters: a longer message id (Outlook's fallback of sender, subject and date) is cut to a stable hash. */
export function messageSourceId(messageId: string): string {
  const id = `mail:${messageId}`
  if (id.length <= 100) return id
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < messageId.length; i++) {
    const c = messageId.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
  }
  return `${id.slice(0, 82)}#${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`
}

/** The risk function's input from a customer's local invoices, orders and payments. */
export function riskInputOf(
  customer: Pick<Customer, "creditLimitCents">,
  docs: { invoices: readonly Invoice[]; orders: readonly Order[]; payments: readonly PaymentRecord[] },
  today: string
): { creditLimitCents: number | null; invoices: RiskInvoice[]; openOrders: RiskOrder[]; today: string } {
  const invoices = docs.invoices
    .filter((i) => i.status === "issued")
    .map((i) => ({
      issueDate: i.date,
      dueDate: i.dueDate,
      totalInclVatCents: i.totalInclVatCents,
      payments: docs.payments.filter((p) => p.invoiceId === i.id).map((p) => ({ date: p.date, amountCents: p.amountCents, method: p.method }))
    }))
  const openOrders = docs.orders.filter((o) => o.status === "confirmed").map((o) => ({ totalInclVatCents: o.totalInclVatCents }))
  return { creditLimitCents: customer.creditLimitCents, invoices, openOrders, today }
}
