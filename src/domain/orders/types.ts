import type { Customer, Product } from "../customers/customer.schema"

/** A mail as the extractor reads it: what a webmail shows of an opened message, already decoded. */
export interface OrderMail {
  messageId?: string | null
  from: { address: string; name: string }
  to: readonly string[]
  subject: string
  /** ISO 8601 instant the mail was sent; relative dates ("jeudi", "next Tuesday") count from its day. */
  date: string | null
  /** The text/plain part, or "" when the mail has none. */
  text: string
  /** The text/html part converted to text (`htmlToText`), or "". */
  htmlText: string
  /** Text of the attachments that carry one (PDF, CSV): a purchase order is often only there. */
  attachments: readonly { filename: string; text: string }[]
  /** The mail says it is bulk or automatic (List-Unsubscribe, Auto-Submitted, Precedence: bulk). */
  bulk?: boolean
}

/**
 * What an agent corrected for one customer, used the next time that customer writes: the names they use for
 * products, their usual delivery address, how their order numbers start.
 */
export interface CustomerMemory {
  /** Their own words for a product (folded or not) → our ref. */
  productAliases?: Readonly<Record<string, string>>
  deliveryAddress?: string | null
  /** "PO-", "BC2026": an order number they usually write, so an unlabelled one is recognised. */
  poPrefix?: string | null
  /** Refs they ordered before: on a tie between products, theirs come first. */
  usualRefs?: readonly string[]
}

export interface OrderContext {
  customers: readonly Customer[]
  products: readonly Product[]
  /** By customer code. */
  memory?: Readonly<Record<string, CustomerMemory>>
  /** Our own addresses' domains: a colleague forwarding a customer's mail is not the customer. */
  ownDomains?: readonly string[]
}

export interface ExtractedLine {
  ref: string
  quantity: number
  unit: string
}

export type OrderField = "is_order" | "customer_code" | "po_number" | "delivery_date" | "delivery_address" | `lines.${number}`

export interface ExtractedOrder {
  /**
   * The rules' answer, as before the three outcomes: true for `order` and for `ask` (the lines are there for the
   * agent's "Capture anyway"), false for `not-order`.
   */
  is_order: boolean
  /**
   * `order`: an explicit order act and nothing against it, proposed for review; `ask`: lines but no such act (or a
   * doubt), the review asks first; `not-order`: as `is_order: false`. See order-act.ts.
   */
  order_decision: "order" | "ask" | "not-order"
  customer_code: string | null
  po_number: string | null
  /** YYYY-MM-DD */
  delivery_date: string | null
  delivery_address: string | null
  lines: ExtractedLine[]
  /** 0..1 per field; below LOW_CONFIDENCE the review form highlights the field. */
  confidence: Record<string, number>
  /** The words of the mail each field came from. */
  evidence: Record<string, string>
  /**
   * The attachment (its file name) each field's words came from, for the fields read in one: the review says
   * "from bon-de-commande.pdf", not "from the mail". A field absent here came from the mail's own text.
   */
  evidenceFrom?: Record<string, string>
}

export const LOW_CONFIDENCE = 0.7

/** The evidence of a delivery address the mail does not give, taken from the customer's memory (the last one confirmed). */
export const REMEMBERED_ADDRESS = "usual delivery address (remembered)"
