import * as z from "zod"

import { PERCENT_SCALE } from "../documents/money"

/*
 * The shape of a price a customer rule gave, on its own (zod and money only): the document lines keep it, and
 * the document schema must not pull the pricing rules (or the quote form) in.
 */

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD")

/**
 * When a rule applies, all optional (absent = always): from a quantity on (a quantity break, in thousandths like
 * a line's quantity: 10 cartons = 10000), and between two dates, both included (a promotion, next year's prices
 * entered in advance). Optional fields keep the rows written before them readable as they are.
 */
export const RuleConditions = {
  minQuantityMilli: z.number().int().min(0).max(1_000_000_000).optional(),
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional()
}

/**
 * The price a rule gave a line, kept on the line (`DocumentLine.priceSource`) so a reopened draft still says where
 * its prices came from; the line's own price differing from it means the agent typed theirs.
 */
export const CustomerPrice = z.object({
  unitPriceCents: z.number().int().nonnegative(),
  discountBp: z.number().int().min(0).max(PERCENT_SCALE),
  source: z.enum(["catalog", "customer-discount", "special-price"]),
  /** The catalog's price, shown next to a special one. */
  catalogPriceCents: z.number().int().nonnegative(),
  /** The category the discount was given on, when the rule was a category's (absent: the product's or the catalog's). */
  category: z.string().max(60).optional(),
  ...RuleConditions
})
export type CustomerPrice = z.infer<typeof CustomerPrice>

/** Where a quote line's price came from, shown next to the line. */
export type PriceSource = CustomerPrice["source"]
