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
export function repricedLine(line: QuoteLineValues, pricing: PricingRules | null, date: string, lang: "fr" | "en"): QuoteLineValues {
  const source = line.priceSource
  const quantityMilli = parseScaledDecimal(line.quantity, 3)
  if (!source || !line.productId || quantityMilli === null || quantityMilli <= 0) return line
  const now = priceFor({ id: line.productId, unitPriceCents: source.catalogPriceCents }, pricing, { date, quantityMilli })
  const same = (a: CustomerPrice, b: CustomerPrice) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort())
  if (typedByHand(line, source)) return same(now, source) ? line : { ...line, priceSource: now }
  if (same(now, source)) return line
  return { ...line, unitPrice: centsToInput(now.unitPriceCents, lang), discountPercent: now.discountBp ? percentToInput(now.discountBp, lang) : "", priceSource: now }
}

/** What the note under a line's price says: where the price came from, or that the agent typed it. */
export type LinePriceNote = { kind: "rule"; price: CustomerPrice } | { kind: "typed"; price: CustomerPrice }

/** The note of a line priced from the catalog or the customer's rules; none for a line typed freely. */
export function linePriceNote(line: Pick<QuoteLineValues, "unitPrice" | "discountPercent" | "priceSource">): LinePriceNote | null {
  if (!line.priceSource) return null
  return { kind: typedByHand(line, line.priceSource) ? "typed" : "rule", price: line.priceSource }
}
