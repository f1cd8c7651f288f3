import type { Product } from "../customers/customer.schema"
import { parseScaledDecimal } from "../documents/money"
import { centsToInput, percentToInput, type QuoteLineValues } from "../documents/quote-form"
import type { CustomerPrice } from "./price-source"
import { priceFor, type PricingRules } from "./pricing"

/**
 * A quote line's price against the customer's rules, as the line is edited: the quantity crossing a break
 * reprices it, a price the agent typed stays theirs. Whether the agent typed it is read from the line itself
 * (its price differs from the one its rule gave), so a reopened draft knows it too.
 */

/** Whether the line's price and discount are not the ones its rule gave: the agent typed theirs. */
export function typedByHand(line: Pick<QuoteLineValues, "unitPrice" | "discountPercent">, source: CustomerPrice): boolean {
  const cents = parseScaledDecimal(line.unitPrice, 2)
  const discountBp = line.discountPercent.trim() === "" ? 0 : parseScaledDecimal(line.discountPercent, 2)
  return cents !== source.unitPriceCents || discountBp !== source.discountBp
}

/**
 * The line once its quantity (or the document's date) changed: the customer's price for the new quantity, or, if
 * the agent typed the price, their price kept with the rule's price as the new source (the note says what the
 * customer's price would be). The same object when nothing changes, a line without a source (typed freely) too.
 */
export function repricedLine(line: QuoteLineValues, pricing: PricingRules | null, date: string, lang: "fr" | "en", category?: string): QuoteLineValues {
  const source = line.priceSource
  if (!source || !line.productId) return line
  return pricedAgainst(line, { id: line.productId, unitPriceCents: source.catalogPriceCents, category }, pricing, date, lang)
}

const samePrice = (a: CustomerPrice, b: CustomerPrice) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())

/** The line priced against that product (its catalog price and category) on that date: see `repricedLine`. */
function pricedAgainst(line: QuoteLineValues, product: Pick<Product, "id" | "unitPriceCents" | "category">, pricing: PricingRules | null, date: string, lang: "fr" | "en"): QuoteLineValues {
  const source = line.priceSource
  const quantityMilli = parseScaledDecimal(line.quantity, 3)
  if (!source || quantityMilli === null || quantityMilli <= 0) return line
  const now = priceFor(product, pricing, { date, quantityMilli })
  if (typedByHand(line, source)) return samePrice(now, source) ? line : { ...line, priceSource: now }
  if (samePrice(now, source)) return line
  return { ...line, unitPrice: centsToInput(now.unitPriceCents, lang), discountPercent: now.discountBp ? percentToInput(now.discountBp, lang) : "", priceSource: now }
}

/** A line of a reopened draft that the customer's rules price otherwise today, with the price they give. */
export interface OutdatedLine {
  index: number
  line: QuoteLineValues
  /** The line as the rules price it today. */
  updated: QuoteLineValues
}

/**
 * The lines of a reopened draft whose price is no longer the one the customer's rules (and the catalog) give on
 * that date: a rule added, changed or expired since, or a new catalog price. Only lines a rule priced and the
 * agent left as it gave them: a price typed by hand is the agent's, a line typed freely or of a product gone
 * from the catalog has nothing to compare with. The caller offers to update them; nothing here changes a line.
 */
export function outdatedLines(lines: readonly QuoteLineValues[], pricing: PricingRules | null, products: ReadonlyMap<string, Pick<Product, "id" | "unitPriceCents" | "category">>, date: string, lang: "fr" | "en"): OutdatedLine[] {
  const out: OutdatedLine[] = []
  lines.forEach((line, index) => {
    const product = line.productId ? products.get(line.productId) : undefined
    if (!product || !line.priceSource || typedByHand(line, line.priceSource)) return
    const updated = pricedAgainst(line, product, pricing, date, lang)
    if (updated !== line && (updated.unitPrice !== line.unitPrice || updated.discountPercent !== line.discountPercent)) out.push({ index, line, updated })
  })
  return out
}

/**
 * What the note under a line's price says: where the price came from, or that the agent typed it. `discountOnly`:
 * the price is the rule's and only the discount was typed (the note then says the discount was typed, not the
 * price: "typed by hand, customer's price 249,00 €" under 249,00 € read as a mistake).
 */
export type LinePriceNote = { kind: "rule"; price: CustomerPrice } | { kind: "typed"; price: CustomerPrice; discountOnly: boolean }

/** The note of a line priced from the catalog or the customer's rules; none for a line typed freely. */
export function linePriceNote(line: Pick<QuoteLineValues, "unitPrice" | "discountPercent" | "priceSource">): LinePriceNote | null {
  const source = line.priceSource
  if (!source) return null
  if (!typedByHand(line, source)) return { kind: "rule", price: source }
  return { kind: "typed", price: source, discountOnly: parseScaledDecimal(line.unitPrice, 2) === source.unitPriceCents }
}
