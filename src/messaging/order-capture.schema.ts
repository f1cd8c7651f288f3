import * as z from "zod"

import { COMPLAINT_ASK_KINDS } from "~src/domain/orders/complaint-ask"

import { ORDER_ATTACHMENT_KINDS, ORDER_ATTACHMENT_MAX_BYTES, ORDER_MAIL_MAX_ATTACHMENTS, ORDER_MAIL_MAX_TEXT, ORDER_UNREAD_REASONS } from "./limits"

// The order-capture messages' shapes (issue #11), apart from the contract entries that use them (contract-documents.ts).
/**
 * A "not an order" that is a complaint (src/domain/orders/complaint-ask.ts), in the mail's words, and the page to act
 * on it: the invoice the mail names when the base holds that exact number (for that customer), else the customer's.
 */
export const ComplaintView = z.object({
  about: z.string().max(300).nullable(),
  invoices: z.array(z.string().max(80)).max(3),
  orders: z.array(z.string().max(80)).max(3),
  asks: z.array(z.object({ kind: z.enum(COMPLAINT_ASK_KINDS), words: z.string().max(300), choice: z.boolean().optional() })).max(COMPLAINT_ASK_KINDS.length),
  open: z.object({ kind: z.enum(["invoice", "customer"]), path: z.string().max(300), label: z.string().max(200) }).nullable()
})
export type ComplaintView = z.infer<typeof ComplaintView>

/** An opened message as the in-page "Capture as order" reads it (issue #11): page text, bounded. */
export const OrderMailInput = z.object({
  from: z.object({ address: z.string().max(254), name: z.string().max(200) }),
  to: z.array(z.string().max(254)).max(50).default([]),
  subject: z.string().max(500),
  date: z.string().max(40).nullable(),
  text: z.string().max(ORDER_MAIL_MAX_TEXT),
  htmlText: z.string().max(ORDER_MAIL_MAX_TEXT),
  attachments: z.array(z.object({ filename: z.string().max(200), text: z.string().max(ORDER_MAIL_MAX_TEXT) })).max(ORDER_MAIL_MAX_ATTACHMENTS).default([])
})
/** The extractor's proposal (src/domain/orders/types.ts ExtractedOrder). */
export const OrderProposal = z.object({
  is_order: z.boolean(),
  /** A capture kept from before the three outcomes reads as its `is_order` did ("not-order" is told by `is_order`). */
  order_decision: z.enum(["order", "ask", "not-order"]).default("order"),
  customer_code: z.string().max(40).nullable(),
  po_number: z.string().max(100).nullable(),
  delivery_date: z.string().max(10).nullable(),
  delivery_address: z.string().max(1000).nullable(),
  lines: z.array(z.object({ ref: z.string().max(60), quantity: z.number(), unit: z.string().max(30) })).max(500),
  confidence: z.record(z.string().max(20), z.number()),
  evidence: z.record(z.string().max(20), z.string().max(2000)),
  evidenceFrom: z.record(z.string().max(20), z.string().max(200)).optional()
})
/** The review form's fields as the agent confirmed them. */
export const ReviewedOrderInput = z.object({
  customerCode: z.string().trim().min(1).max(40),
  poNumber: z.string().trim().max(60),
  deliveryDate: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  deliveryAddress: z.string().trim().max(1000),
  lines: z
    .array(
      z.object({
        ref: z.string().trim().min(1).max(60),
        quantity: z.number().positive().max(1_000_000),
        unit: z.string().trim().max(30),
        /** The proposal's line it was, -1 for a line the agent added: what the agent changed is learnt from it. */
        proposed: z.number().int().min(-1).max(500).default(-1)
      })
    )
    .min(1)
    .max(200)
})
/** The customer's risk (src/domain/documents/risk.ts CustomerRisk) as the order review form shows it. */
export const CaptureRiskView = z.object({
  level: z.enum(["ok", "watch", "blocked"]),
  reasons: z.array(z.object({ code: z.string().max(40) }).catchall(z.union([z.number(), z.string()]))).max(10),
  outstandingCents: z.number().int(),
  overdueCents: z.number().int(),
  maxDaysOverdue: z.number().int(),
  creditLimitCents: z.number().int().nullable(),
  headroomCents: z.number().int().nullable()
})
/** An attachment the opened message shows that the capture could not read, and why (the review says it). */
export const UnreadAttachment = z.object({ name: z.string().max(200), reason: z.enum(ORDER_UNREAD_REASONS) })
/** An attachment's bytes fetched by the content script with the webmail's session, read in the background. */
export const FetchedAttachment = z.object({
  name: z.string().max(200),
  kind: z.enum(ORDER_ATTACHMENT_KINDS),
  base64: z
    .string()
    .max(Math.ceil(ORDER_ATTACHMENT_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
})
export type UnreadAttachment = z.infer<typeof UnreadAttachment>
export type FetchedAttachment = z.infer<typeof FetchedAttachment>
export const OrderCapture = z.object({
  id: z.string().max(100),
  webmail: z.enum(["gmail", "outlook", "roundcube"]),
  messageId: z.string().max(400),
  subject: z.string().max(500),
  from: z.object({ address: z.string().max(254), name: z.string().max(200) }),
  date: z.string().max(40).nullable(),
  /** Attachments the page showed that were not read, with why (not same-origin, not a PDF, damaged…). */
  unread: z.array(UnreadAttachment).max(20),
  /** Attachments whose text the extractor read. */
  read: z.array(z.string().max(200)).max(ORDER_MAIL_MAX_ATTACHMENTS).default([]),
  proposal: OrderProposal,
  at: z.number(),
  /** The draft order its review stored: a second confirmation (Back to the review, a second tab) stores no other. */
  confirmed: z.object({ orderId: z.string().max(100), customerId: z.string().max(100) }).optional()
})
export type OrderCapture = z.infer<typeof OrderCapture>
