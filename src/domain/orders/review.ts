import type { PricingRules } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"
import type { Order } from "../documents/document.schema"
import { confirmCheck, customerRisk } from "../documents/flow"
import type { CustomerRisk, RiskSettings } from "../documents/risk"
import { MAX_NET_DAYS } from "../documents/payment-terms"
import { compactCode, foldText } from "../search/fold-text"
import type { CustomerMemory, ExtractedOrder } from "./types"
import { priceReview } from "./review-pricing"
import { unitOfWord } from "./units"

/**
 * What follows the extractor once the agent has reviewed its proposal: the draft order built from the
 * reviewed fields (priced by `priceReview`, as the review showed them), what to remember for that customer, and the customer's
 * risk fed from the local documents. Pure: the background handlers call these with what IndexedDB holds.
 */

export interface ReviewedLine {
  ref: string
  quantity: number
  unit: string
  /** The proposal's line this one was (lines can be removed and added in the review); -1 for a line the agent added. */
  proposed?: number
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

/** Words that end a product's name in a sentence ("… pour jeudi", "… et 3 rouleaux"). */
const STOP = new Set([
  "pour", "et", "avant", "livraison", "merci", "sous", "avec", "ref", "reference", "commande", "bc", "livrer", "a",
  "for", "and", "by", "before", "delivery", "please", "thanks", "svp", "stp", "under", "with", "po", "order", "to", "deliver"
])

/**
 * The customer's own words for a product, from the mail's line the agent corrected: the words after its quantity
 * and unit ("Merci de livrer 10 boîtes de gants bleus pour jeudi" → "gants bleus"), or before a quantity that ends
 * the line ("gants bleus x10"), as the extractor's memory matches them (the same words in a row). Null when nothing
 * of a name is left.
 */
export function aliasWords(evidence: string, quantity?: number): string | null {
  const words = foldText(evidence).split(" ").filter((w) => w !== "")
  const numberAt = (w: string) => /^x?(\d+(?:[.,]\d+)?)x?$/.exec(w)?.[1]
  // A sentence naming several products is the evidence of each: the line's own quantity says where its name is.
  const own = quantity === undefined ? -1 : words.findIndex((w) => Number(numberAt(w)?.replace(",", ".")) === quantity)
  const at = own >= 0 ? own : words.findIndex((w) => numberAt(w) !== undefined)
  const nameWord = (w: string) => !/\d/.test(w) && unitOfWord(w) === null && !FILLER.has(w)
  let name: string[] = []
  if (at >= 0) {
    let i = at + 1
    while (i < words.length && !nameWord(words[i]!) && !STOP.has(words[i]!)) i++
    // Fillers inside a name stay ("gants de cuisine"), those at its end go.
    while (i < words.length && !STOP.has(words[i]!) && (nameWord(words[i]!) || FILLER.has(words[i]!))) name.push(words[i++]!)
    while (name.length > 0 && FILLER.has(name[name.length - 1]!)) name.pop()
    if (name.length === 0) {
      let j = at - 1
      while (j >= 0 && nameWord(words[j]!) && !STOP.has(words[j]!)) name.unshift(words[j--]!)
    }
  } else name = words.filter(nameWord)
  return name.length === 0 ? null : name.slice(0, 5).join(" ")
}

/**
 * What the agent's review teaches about this customer: a line whose product they changed gives the mail's words
 * for it; the delivery address they confirmed becomes the usual one; their order number's prefix; the refs they
 * order. Returns a new memory; the old one is not changed.
 */
export function learnFromReview(memory: CustomerMemory, proposal: ExtractedOrder, reviewed: ReviewedOrder): CustomerMemory {
  const aliases: Record<string, string> = { ...(memory.productAliases ?? {}) }
  reviewed.lines.forEach((kept, k) => {
    const i = kept.proposed ?? k
    const proposed = proposal.lines[i]
    if (proposed === undefined || compactCode(kept.ref) === compactCode(proposed.ref)) return
    const words = aliasWords(proposal.evidence[`lines.${i}`] ?? "", proposed.quantity)
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
  /** The customer's prices (`customerPrices`), null without any: the lines are priced by them as a quote's are. */
  pricing: PricingRules | null
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
 * The draft order of a reviewed capture: the catalog's label and VAT for each line and the customer's price (the
 * agent reviewed quantities and products, not prices), totals by `computeTotals`, and the message it came from in `sourceId`
 * and the notes (an order has no field for a delivery address: it goes there too).
 */
export function draftOrderFromReview(input: DraftOrderInput): DraftOrderResult {
  const { reviewed, customer } = input
  if (reviewed.lines.length === 0) return { ok: false, error: "no-lines" }
  const language = customer.language === "en" ? "en" : "fr"
  // The review showed the agent these very prices and totals (`priceReview`): the order cannot say otherwise.
  const priced = priceReview({ lines: reviewed.lines, customer, pricing: input.pricing, products: input.products, today: input.today })
  const lines: Order["lines"] = []
  for (const [i, l] of priced.lines.entries()) {
    if (!l.priced) return { ok: false, error: "unknown-product", ref: l.ref }
    lines.push({ id: input.lineIds[i] ?? `${input.id}-${i}`, ...l.line })
  }
  const totals = priced.totals
  const sender = input.message.from.toLowerCase()
  const contact = customer.contacts.find((c) => c.emails.some((e) => e.toLowerCase() === sender)) ?? null
  const notes = [
    // Written in the customer's language, with its punctuation: “…” and "address:" in English, « … » and "livraison :" in French.
    language === "en"
      ? `Captured from the mail “${input.message.subject}” (${input.message.from}, ${input.message.messageId})`
      : `Saisie depuis le mail «\u00a0${input.message.subject}\u00a0» (${input.message.from}, ${input.message.messageId})`,
    reviewed.deliveryAddress.trim() ? (language === "en" ? `Delivery address: ${reviewed.deliveryAddress.trim()}` : `Adresse de livraison\u00a0: ${reviewed.deliveryAddress.trim()}`) : ""
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
  return `${id.slice(0, 83)}#${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`
}

type Docs = Parameters<typeof customerRisk>[0]

/**
 * The customer's risk and whether the reviewed order may be stored, judged exactly as the invoicing view judges
 * an order's confirmation (`customerRisk` over invoices, credit notes, payments and confirmed orders, then
 * `confirmCheck`, under the team's overdue threshold): a blocked customer, or one this order puts over the limit,
 * needs a manager's override, which the server checks again when the order is confirmed.
 */
export function reviewRisk(
  customer: Pick<Customer, "creditLimitCents">,
  docs: Pick<Docs, "invoices" | "orders" | "creditNotes" | "payments">,
  order: Pick<Order, "id" | "totalInclVatCents" | "riskOverride">,
  today: string,
  settings?: RiskSettings
): { risk: CustomerRisk; check: ReturnType<typeof confirmCheck> } {
  const risk = customerRisk({ creditLimitCents: customer.creditLimitCents, ...docs, orders: docs.orders.filter((o) => o.id !== order.id), today }, settings)
  return { risk, check: confirmCheck(risk, order) }
}
