import { priceFor, type PricingRules } from "../catalog/pricing"
import type { Customer, Product } from "../customers/customer.schema"
import type { Order } from "../documents/document.schema"
import { productExemptionMention } from "../documents/exemption-text"
import { computeTotals, type DocumentTotals } from "../documents/totals"
import { customerVatRegime, defaultVatRateBp } from "../documents/vat-regime"
import { compactCode } from "../search/fold-text"

/**
 * The prices of a reviewed capture's lines, as the order will take them: the one computation both the review shows
 * (before the agent confirms) and `draftOrderFromReview` stores, so the figures the agent read are the order's.
 */

/** An order's line before it has an id. */
export type PricedLine = Omit<Order["lines"][number], "id">

/** A review's line as typed so far: a ref maybe empty, a quantity maybe not a number yet. */
export interface LineToPrice {
  ref: string
  quantity: number | null
  unit: string
}

export type LinePrice =
  | { priced: true; line: PricedLine; netCents: number }
  /** No price: no product has that ref (or none was typed), or the quantity is not one yet. Never a 0 € line. */
  | { priced: false; ref: string; reason: "no-product" | "quantity" }

export interface ReviewPricing {
  lines: LinePrice[]
  /** The priced lines' totals, by `computeTotals` as every document's; `unpriced` lines are not in them. */
  totals: DocumentTotals
  unpriced: number
}

export interface ReviewPricingInput {
  lines: readonly LineToPrice[]
  customer: Pick<Customer, "language" | "country" | "vatNumber">
  /** The customer's prices (`customerPrices`), null without any. */
  pricing: PricingRules | null
  /** By ref, compacted (`compactCode`). */
  products: ReadonlyMap<string, Product>
  /** YYYY-MM-DD, the order's date: the dated rules that apply. */
  today: string
}

/**
 * Each line at the customer's price on that date for its quantity, by the quote form's own rule (`priceFor`), the
 * catalog's label and VAT rate under the customer's regime (0 % for an export or an intra-Community supply, with
 * the product's mention in the customer's language), and the totals of the lines priced.
 */
export function priceReview(input: ReviewPricingInput): ReviewPricing {
  const language = input.customer.language === "en" ? "en" : "fr"
  const regime = customerVatRegime(input.customer)
  const lines = input.lines.map((l): LinePrice => {
    const product = l.ref.trim() === "" ? undefined : input.products.get(compactCode(l.ref))
    if (product === undefined) return { priced: false, ref: l.ref, reason: "no-product" }
    if (l.quantity === null || !Number.isFinite(l.quantity) || l.quantity <= 0) return { priced: false, ref: l.ref, reason: "quantity" }
    const quantityMilli = Math.round(l.quantity * 1000)
    const price = priceFor(product, input.pricing, { date: input.today, quantityMilli })
    const mention = productExemptionMention(product, language)
    const line: PricedLine = {
      productId: product.id,
      ref: product.ref,
      label: language === "en" ? product.nameEn : product.nameFr,
      unit: (l.unit.trim() || product.unit).slice(0, 30),
      quantityMilli,
      unitPriceCents: price.unitPriceCents,
      discountBp: price.discountBp,
      priceSource: price,
      vatRateBp: defaultVatRateBp(regime, product.vatRateBp),
      ...(mention ? { vatExemption: mention.text } : {})
    }
    return { priced: true, line, netCents: 0 }
  })
  const priced = lines.flatMap((l) => (l.priced ? [l.line] : []))
  const totals = computeTotals(priced)
  // Each line's net is the one the totals summed (`lineNetCents` inside `computeTotals`), not computed again.
  let k = 0
  const withNets = lines.map((l) => (l.priced ? { ...l, netCents: totals.lineNetCents[k++]! } : l))
  return { lines: withNets, totals, unpriced: lines.length - priced.length }
}
