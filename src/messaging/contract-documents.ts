import * as z from "zod"

import { CustomerPrice } from "~src/domain/catalog/price-source"
import { Customer, Product } from "~src/domain/customers/customer.schema"
import { CreditNote, Order, PaymentRecord, Quote as QuoteSchema, SalesDocument } from "~src/domain/documents/document.schema"
import { QuoteFormValues } from "~src/domain/documents/quote-form"
import { DEFAULT_RISK_SETTINGS } from "~src/domain/documents/risk"
import { RiskOverdueDaysSchema, SellerIdentitySchema } from "~src/domain/documents/seller.schema"

import { ORDER_ATTACHMENTS_MAX_TOTAL_BYTES, ORDER_MAIL_MAX_ATTACHMENTS } from "./limits"
import { CaptureRiskView, ComplaintView, FetchedAttachment, OrderCapture, OrderMailInput, ReviewedOrderInput, UnreadAttachment } from "./order-capture.schema"

// Importers take the order-capture shapes from here as before.
export * from "./order-capture.schema"

/**
 * The messages of sales documents (issues #10, #11): quotes, the flow from quote to payment, dunning, and orders
 * captured from mail. Part of the one contract (`contract.ts` spreads them in); their senders are declared there.
 */
export const RiskView = z.object({
  level: z.enum(["ok", "watch", "blocked"]),
  reasons: z
    .array(
      z.object({
        code: z.enum(["over-limit", "near-limit", "overdue-beyond-threshold", "overdue", "late-payer", "no-limit", "customer-credit"]),
        outstandingCents: z.number().int().optional(),
        /** "customer-credit": what the customer paid beyond their invoices, kept as theirs. */
        creditCents: z.number().int().optional(),
        limitCents: z.number().int().optional(),
        overdueCents: z.number().int().optional(),
        days: z.number().int().optional(),
        thresholdDays: z.number().int().optional(),
        averageDaysLate: z.number().optional()
      })
    )
    .max(10),
  outstandingCents: z.number().int(),
  overdueCents: z.number().int(),
  creditLimitCents: z.number().int().nullable()
})
export type RiskView = z.infer<typeof RiskView>

/** The To and Cc addresses a compose box shows (a mail has few; a long list is cut, not refused). */
export const ComposeRecipients = z.array(z.string().max(254)).max(50)

/** What a summary inserted into a reply holds: text for a plain editor, blocks for an HTML one (built as text nodes). */
export const ComposeContentSchema = z.object({
  text: z.string().max(50_000),
  blocks: z
    .array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("p"), text: z.string().max(50_000) }),
        z.object({ kind: z.literal("table"), head: z.array(z.string().max(2000)).max(12), rows: z.array(z.array(z.string().max(2000)).max(12)).max(500) })
      ])
    )
    .max(50)
})
// ---- Quote to cash: workspace lists, the flow after the quote, dunning (issue #10) ----
const DocId = z.string().min(1).max(100)
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const DunningLevelSchema = z.enum(["friendly", "firm", "formal-notice"])
const Amount = z.object({ count: z.number().int(), cents: z.number().int() })
export const DocumentListKind = z.enum(["quotes", "orders", "invoices", "dunning"])
export const DocumentRowSchema = z.object({
  id: z.string(),
  type: z.enum(["quote", "order", "invoice", "credit-note"]),
  number: z.string().nullable(),
  status: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  customerCode: z.string(),
  date: z.string(),
  dueDate: z.string().nullable(),
  totalInclVatCents: z.number().int(),
  remainingCents: z.number().int().nullable(),
  paymentState: z.enum(["unpaid", "partly-paid", "paid", "credited"]).nullable(),
  daysOverdue: z.number().int(),
  dunning: z.object({ due: DunningLevelSchema.nullable(), reached: DunningLevelSchema.nullable(), direct: DunningLevelSchema.nullable(), skips: z.array(DunningLevelSchema).max(3), sent: z.array(z.object({ level: DunningLevelSchema, at: z.string(), by: z.string() })).max(200) }).nullable(),
  correctsInvoiceId: z.string().nullable(),
  language: z.enum(["fr", "en"])
})
export type DocumentRowView = z.infer<typeof DocumentRowSchema>
const RiskReasonView = z.object({
  code: z.string(),
  outstandingCents: z.number().int().optional(),
  limitCents: z.number().int().optional(),
  overdueCents: z.number().int().optional(),
  days: z.number().int().optional(),
  thresholdDays: z.number().int().optional(),
  averageDaysLate: z.number().optional(),
  creditCents: z.number().int().optional()
})
/** The seller as legal mentions and Factur-X need it (src/domain/documents/legal-mentions.ts SellerIdentity). */
export const SellerIdentityView = z.object({
  name: z.string(),
  legalForm: z.string(),
  shareCapitalCents: z.number().int().nullable(),
  siren: z.string(),
  rcsCity: z.string(),
  vatNumber: z.string(),
  address: z.object({ line: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
  latePenalty: z.discriminatedUnion("kind", [z.object({ kind: z.literal("ecb-plus-10") }), z.object({ kind: z.literal("legal-rate-times-3") }), z.object({ kind: z.literal("fixed"), rateBp: z.number().int() })]),
  earlyPaymentDiscountBp: z.number().int()
})
export const DunningScheduleSchema = z.object({ friendly: z.number().int().min(1).max(365), firm: z.number().int().min(1).max(365), "formal-notice": z.number().int().min(1).max(365) })
export const DocumentAction = z.discriminatedUnion("action", [
  /** Along the workflow: send / accept / refuse / cancel a quote, confirm or cancel an order, issue an invoice or credit note. */
  z.object({ action: z.literal("transition"), to: z.string().min(1).max(30) }),
  z.object({ action: z.literal("to-order") }),
  /** An expired or refused quote offered again: a new draft with its lines, linked to it (renew.ts). */
  z.object({ action: z.literal("renew") }),
  z.object({ action: z.literal("to-invoice") }),
  z.object({ action: z.literal("override"), reason: z.string().max(500) }),
  /** The customer's order number typed on a draft order or invoice (empty clears it; flow.ts `withCustomerPo`). */
  z.object({ action: z.literal("po-number"), poNumber: z.string().max(200) }),
  z.object({ action: z.literal("credit"), lines: z.union([z.literal("full"), z.array(z.object({ lineId: z.string().max(100), quantityMilli: z.number().int() })).max(500)]) }),
  z.object({ action: z.literal("payment"), date: IsoDay, amountCents: z.number().int(), method: PaymentRecord.shape.method, reference: z.string().max(120).default(""), receivedBeforeInvoice: z.boolean().default(false), overpaymentCents: z.number().int().positive().optional() }),
  /** The customer's credit applied to this open invoice: min(credit, left to pay), today (customer-credit.ts). */
  z.object({ action: z.literal("apply-credit") }),
  /** A payment of this invoice cancelled, with why (payment-cancel.ts): a new record, the payment stays in the history. */
  z.object({ action: z.literal("cancel-payment"), paymentId: z.string().min(1).max(100), reason: z.string().max(500) }),
  z.object({ action: z.literal("reminder"), level: DunningLevelSchema })
])
export type DocumentActionRequest = z.input<typeof DocumentAction>


export const documentsContract = {
  // ---- Quotes (issue #10) ----
  /** What a new quote for this customer starts from: the customer, the agent, the team's validity, the seller's gaps. */
  "quotes/context": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: z.object({
      customer: Customer.nullable(),
      agentName: z.string().nullable(),
      /** The names of the team's members (the signed-in agent's included): a customer's rep among them is the quote's default rep. */
      teamMembers: z.array(z.string().max(200)).max(10_000).default([]),
      /** The disabled accounts' names: a stored quote's rep among them shows "(inactive)", kept until another is picked. */
      inactiveMembers: z.array(z.string().max(200)).max(10_000).default([]),
      today: z.string(),
      validityDays: z.number().int(),
      /** What the team's seller identity lacks for a legal document, in words (empty: complete). */
      sellerProblems: z.array(z.string()).max(20),
      risk: RiskView.nullable()
    })
  },
  /** A quote with what its PDF and summary need (its customer, the team's seller identity). */
  "quotes/get": {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ quote: QuoteSchema.nullable(), customer: Customer.nullable(), seller: SellerIdentitySchema.nullable(), refusal: z.string().nullable() })
  },
  /** Saves a draft from the form's values (totals computed in the background with the server's code). */
  "quotes/save": {
    request: z.object({ id: z.string().min(1).max(100), values: QuoteFormValues }),
    response: z.object({ ok: z.boolean(), quote: QuoteSchema.optional(), error: z.string().optional() })
  },
  /** Draft → sent: synced at once; the server numbers it (offline: numbered once the device is back). */
  "quotes/issue": {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.boolean(), quote: QuoteSchema.optional(), error: z.string().optional() })
  },
  /** The latest quotes of the team, newest first (the workspace's list). */
  "quotes/list": {
    request: z.object({ customerId: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    response: z.object({ quotes: z.array(z.object({ quote: QuoteSchema, company: z.string() })) })
  },
  /** From the card in a page or an extension page: the customer's risk over the local invoices, orders and payments. */
  "documents/risk": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: RiskView
  },
  /**
   * Puts a document's summary into the compose box the user was last in, in whichever tab it is, for the customer it
   * is about: when that reply shows recipients and none is the customer's (reply-recipients.ts), nothing is inserted
   * and the answer is `recipient-mismatch` with the recipients, until the agent asks again with `force`.
   */
  "documents/insert-into-reply": {
    request: ComposeContentSchema.extend({ customerId: z.string().min(1).max(100), force: z.boolean().default(false) }),
    response: z.object({ ok: z.boolean(), inserted: z.enum(["text", "html"]).optional(), error: z.string().optional(), recipients: ComposeRecipients.optional() })
  },
  /** The team's seller identity, reminder days and overdue threshold (managers edit them in the options page). */
  "team/seller": {
    request: z.object({}),
    response: z.object({ seller: SellerIdentitySchema.nullable(), validityDays: z.number().int(), mayEdit: z.boolean(), dunningSchedule: DunningScheduleSchema, riskOverdueDays: z.number().int().default(DEFAULT_RISK_SETTINGS.blockOverdueDays) })
  },
  "team/seller-save": {
    request: z.object({ seller: SellerIdentitySchema, validityDays: z.number().int().min(1).max(365), dunningSchedule: DunningScheduleSchema.optional(), riskOverdueDays: RiskOverdueDaysSchema.optional() }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  // ---- Quote to cash (issue #10): workspace lists, document view, actions, dunning, the card's block ----
  /** A workspace list; `dunning` is the overdue invoices, most overdue first. */
  "documents/list": {
    request: z.object({
      kind: DocumentListKind,
      status: z.string().max(30).optional(),
      customerId: z.string().max(100).optional(),
      from: IsoDay.optional(),
      to: IsoDay.optional(),
      overdue: z.boolean().default(false),
      query: z.string().max(200).default(""),
      limit: z.number().int().min(1).max(1000).default(200)
    }),
    response: z.object({
      rows: z.array(DocumentRowSchema),
      total: z.number().int(),
      today: z.string(),
      schedule: DunningScheduleSchema,
      /** The dunning list's: the team's members' names by e-mail in lower case, for who sent each reminder. */
      names: z.record(z.string(), z.string().max(200)).optional(),
      /** The dunning list's: every overdue invoice of the team, whatever the search and the customer asked. */
      all: z.number().int().optional()
    })
  },
  /** One document with what its view needs: customer, payments, credit notes, risk and whether it may be confirmed. */
  "documents/get": {
    request: z.object({ id: DocId }),
    response: z.object({
      document: SalesDocument.nullable(),
      row: DocumentRowSchema.nullable(),
      customer: Customer.nullable(),
      payments: z.array(PaymentRecord).max(500),
      creditNotes: z.array(CreditNote).max(200),
      /** Documents made from this one (the order of a quote, the invoice of an order…). */
      derived: z.array(z.object({ id: z.string(), type: z.string(), number: z.string().nullable(), status: z.string() })).max(50),
      source: z.object({ id: z.string(), type: z.string(), number: z.string().nullable() }).nullable(),
      risk: z.object({ level: z.enum(["ok", "watch", "blocked"]), reasons: z.array(RiskReasonView).max(10), outstandingCents: z.number().int(), creditLimitCents: z.number().int().nullable() }).nullable(),
      /** The customer's credit (what they paid beyond their invoices, not yet applied): an open invoice offers it. */
      customerCreditCents: z.number().int().optional(),
      /** Orders in draft: whether confirming needs a manager's override, and why. */
      confirm: z.object({ allowed: z.boolean(), needsOverride: z.boolean(), reasons: z.array(RiskReasonView).max(10) }).nullable(),
      me: z.object({ email: z.string(), name: z.string(), role: z.string() }),
      /**
       * The reminder mails the invoice's lateness offers, in the customer's language, and where they go: the next
       * level in order (or the level reached, when all are sent), then the level reached when it may be sent at
       * once, with the levels that would skip. Empty when the invoice is not overdue enough.
       */
      reminders: z.array(z.object({ level: DunningLevelSchema, skips: z.array(DunningLevelSchema).max(3), subject: z.string(), body: z.string(), to: z.string() })).max(2),
      /** The team's seller identity (legal mentions, Factur-X); null until a manager filled it. */
      seller: SellerIdentityView.nullable(),
      /**
       * A credit note's invoice, as Factur-X and its PDF reference it (with the buyer's order number it carried), and
       * the order it was made from (none for an invoice made without one): the credit note's page links both.
       */
      correctedInvoice: z
        .object({
          id: z.string(),
          number: z.string(),
          date: z.string(),
          customerPoNumber: z.string().nullable().default(null),
          order: z.object({ id: z.string(), number: z.string().nullable() }).nullable().default(null)
        })
        .nullable(),
      /** The last change of this document the team server refused (stale, illegal, incomplete seller), in its words. */
      refusal: z.object({ reason: z.string(), message: z.string(), at: z.number() }).nullable().optional(),
      /**
       * The names the team's members go by, by e-mail in lower case: the history keeps who did each step by e-mail
       * and shows the name (the e-mail when the account has none, or the server could not be asked).
       */
      names: z.record(z.string(), z.string().max(200)).optional(),
      /** The team's active managers and admins, named to an agent whose order's confirmation needs an override. */
      overriders: z.array(z.object({ email: z.string(), name: z.string().max(200) })).max(100).optional(),
      today: z.string()
    })
  },
  /** One step of the flow; refused with the reason in words (`code` for the UI, `message` in English). */
  "documents/act": {
    request: z.object({ id: DocId, step: DocumentAction }),
    response: z.object({ ok: z.boolean(), code: z.string().optional(), message: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), id: z.string().optional() })
  },
  /** The card's documents block, fetched when the card opens (content scripts too: counts and sums of one customer). */
  "documents/summary": {
    request: z.object({ customerId: DocId }),
    response: z.object({
      openQuotes: Amount,
      openOrders: Amount,
      unpaidInvoices: Amount,
      overdueInvoices: Amount.extend({
        maxDays: z.number().int(),
        mostOverdue: z.object({ number: z.string().max(40), remainingCents: z.number().int(), dueDate: z.string().max(10), daysOverdue: z.number().int() }).nullable().optional()
      })
    })
  },
  /**
   * The card's timeline (content scripts too): what one customer's documents tell it, newest first, at most `limit`
   * (quote sent, accepted, refused; order confirmed; invoice and credit note issued; payments; mails captured as
   * orders), read from this device's documents store when the agent opens the timeline.
   */
  "documents/timeline": {
    request: z.object({ customerId: DocId, limit: z.number().int().min(1).max(50).default(20) }),
    response: z.object({
      events: z
        .array(
          z.object({
            id: z.string().max(200),
            kind: z.enum(["mail-captured", "quote-sent", "quote-accepted", "quote-refused", "order-confirmed", "invoice-issued", "credit-note-issued", "payment-recorded", "payment-cancelled"]),
            at: z.number(),
            documentId: z.string().max(100),
            documentType: z.enum(["quote", "order", "invoice", "credit-note"]),
            number: z.string().max(40).nullable(),
            amountCents: z.number().int(),
            mail: z.object({ subject: z.string().max(500), from: z.string().max(254) }).nullable()
          })
        )
        .max(50),
      total: z.number().int().min(0)
    })
  },
  /** The reminder days (friendly / firm / formal notice): the team's, in its settings row; managers change them. */
  "documents/dunning-settings": {
    request: z.object({ schedule: DunningScheduleSchema.optional() }),
    response: z.object({ schedule: DunningScheduleSchema, error: z.string().optional(), mayEdit: z.boolean().optional() })
  },
  // --- orders captured from email (issue #11) ---
  /** From the in-page "Capture as order": the extractor runs here against the local base; the review opens in the workspace. */
  "orders/extract": {
    request: z.object({
      webmail: z.enum(["gmail", "outlook", "roundcube"]),
      messageId: z.string().min(1).max(400),
      mail: OrderMailInput,
      unread: z.array(UnreadAttachment).max(20).default([]),
      /** PDF, CSV and spreadsheet attachments, read in the background (their readers stay out of the content script). */
      files: z
        .array(FetchedAttachment)
        .max(ORDER_MAIL_MAX_ATTACHMENTS)
        .refine((files) => files.reduce((n, f) => n + f.base64.length, 0) <= Math.ceil(ORDER_ATTACHMENTS_MAX_TOTAL_BYTES / 3) * 4, "attachments over the total size cap")
        .default([])
    }),
    response: z.object({
      captureId: z.string(),
      isOrder: z.boolean(),
      /** The extractor's three outcomes: only an `order` opens its review by itself; an `ask` is told in the page first. */
      decision: z.enum(["order", "ask", "not-order"]),
      /** An `ask`'s order act in the mail's words ("" when it has none: the page says no order wording was found). */
      act: z.string().max(2000),
      customerCode: z.string().nullable(),
      reason: z.string(),
      /** A non-order that is a complaint: what it asks for, and the page to act on it (none when it is no complaint). */
      complaint: ComplaintView.nullable().default(null)
    })
  },
  /** The review form's data: the proposal, the customer, their risk, the products named. */
  "orders/capture": {
    request: z.object({
      captureId: z.string().min(1).max(100),
      /** The customer the agent picked in the review instead of the proposed one. */
      customerCode: z.string().trim().min(1).max(40).optional()
    }),
    response: z.object({
      capture: OrderCapture.nullable(),
      customer: Customer.nullable(),
      risk: CaptureRiskView.nullable(),
      products: z.array(Product).max(500),
      /** Whether the signed-in user may give a manager's override (manager or admin). */
      mayOverride: z.boolean().default(false)
    })
  },
  /**
   * The review's lines priced as `orders/confirm` will price them (the same loading and `priceReview`), while the agent
   * edits: each line's price and net, or why it has none, and the totals of the lines priced. `customer` false: no
   * customer has that code yet, so nothing is priced.
   */
  "orders/price": {
    request: z.object({
      customerCode: z.string().trim().max(40),
      lines: z.array(z.object({ ref: z.string().trim().max(60), quantity: z.number().nullable(), unit: z.string().trim().max(30) })).max(200)
    }),
    response: z.object({
      customer: z.boolean(),
      lines: z
        .array(
          z.union([
            z.object({ priced: z.literal(true), unitPriceCents: z.number().int(), discountBp: z.number().int(), vatRateBp: z.number().int(), netCents: z.number().int(), priceSource: CustomerPrice }),
            z.object({ priced: z.literal(false), reason: z.enum(["no-product", "quantity"]) })
          ])
        )
        .max(200),
      totalExclVatCents: z.number().int(),
      totalVatCents: z.number().int(),
      totalInclVatCents: z.number().int(),
      vatByRate: z.array(z.object({ vatRateBp: z.number().int(), baseCents: z.number().int(), vatCents: z.number().int() })).max(10),
      unpriced: z.number().int()
    })
  },
  /** Stores the reviewed order as a draft and remembers the agent's corrections for that customer. */
  "orders/confirm": {
    request: z.object({
      captureId: z.string().min(1).max(100),
      review: ReviewedOrderInput,
      /** A manager's reason for ordering despite the customer's risk (as the invoicing view's override). */
      override: z.string().trim().min(3).max(500).optional()
    }),
    response: z.object({
      ok: z.boolean(),
      orderId: z.string().optional(),
      customerId: z.string().optional(),
      error: z.string().optional(),
      ref: z.string().optional(),
      /** `needs-override`: why, in the risk's reasons. */
      reasons: z.array(RiskReasonView).max(10).optional(),
      /** `needs-override`: whom to ask, the team's active managers and admins (empty when unknown). */
      overriders: z.array(z.object({ email: z.string(), name: z.string().max(200) })).max(100).optional()
    })
  },
  /** A customer's orders, newest first (the workspace's customer view). */
  "orders/by-customer": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: z.object({ orders: z.array(Order).max(500) })
  }
} as const
