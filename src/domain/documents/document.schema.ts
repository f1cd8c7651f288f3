import * as z from "zod"

import { CustomerPrice } from "../catalog/price-source"
import { PERCENT_SCALE } from "./money"
import { MAX_END_OF_MONTH_DAYS, MAX_NET_DAYS } from "./payment-terms"
import { STATUSES } from "./workflow"

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD")

export const PaymentTermsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("on-receipt") }),
  z.object({ kind: z.literal("net"), days: z.number().int().min(0).max(MAX_NET_DAYS, `payment terms cannot exceed ${MAX_NET_DAYS} days from the invoice date`) }),
  z.object({ kind: z.literal("end-of-month"), days: z.number().int().min(0).max(MAX_END_OF_MONTH_DAYS, `payment terms cannot exceed ${MAX_END_OF_MONTH_DAYS} days end of month`) })
])

export const DocumentLine = z.object({
  id: z.string().min(1).max(100),
  productId: z.string().max(100).nullable().default(null),
  ref: z.string().max(60).default(""),
  label: z.string().min(1, "a line needs a label").max(500),
  unit: z.string().max(30).default("u"),
  quantityMilli: z.number().int().refine((q) => q !== 0, "quantity cannot be 0"),
  unitPriceCents: z.number().int().nonnegative(),
  discountBp: z.number().int().min(0).max(PERCENT_SCALE),
  vatRateBp: z.number().int().min(0).max(PERCENT_SCALE),
  /**
   * A 0 % line's own VAT exemption mention, copied from its product (the catalog's `vatExemption`) when it was
   * added; absent, the documents print the mention the customer's country calls for (legal-mentions.ts).
   */
  vatExemption: z.string().max(300).optional(),
  /**
   * Where the line's price came from when it was priced from the customer's rules (issue #10): kept so a reopened
   * draft still says so; a line whose own price differs from it was typed by hand. Absent on older lines.
   */
  priceSource: CustomerPrice.optional(),
  /**
   * On a credit note: the id of the invoice line it takes back (issue #10), so what is left to credit is counted
   * line by line. Absent on credit notes made before it was kept: those are matched on the line's ref, label,
   * unit price, discount and VAT rate (`creditedByLine`).
   */
  invoiceLineId: z.string().max(100).optional()
})
export type DocumentLine = z.infer<typeof DocumentLine>

/**
 * One step of a document's record: what happened (a status, or a step such as "po-number"), when and by whom. A
 * value changed on an issued document (the customer's order number of a confirmed order) also keeps what it was
 * and what it became, so the history says "from what to what" (null: none); absent on other steps, and on entries
 * written before it was kept.
 */
export const HistoryEntry = z.object({
  status: z.string().max(30),
  at: z.number().int(),
  by: z.string().max(254),
  from: z.string().max(60).nullable().optional(),
  to: z.string().max(60).nullable().optional()
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

const base = {
  id: z.string().min(1).max(100),
  customerId: z.string().min(1).max(100),
  contactId: z.string().max(100).nullable().default(null),
  language: z.enum(["fr", "en"]),
  /** Given by the server when issued; null while a draft ("will be numbered when sent"). */
  number: z.string().max(40).nullable().default(null),
  date: IsoDate,
  lines: z.array(DocumentLine).min(1, "a document needs at least one line").max(500),
  totalExclVatCents: z.number().int(),
  totalVatCents: z.number().int(),
  totalInclVatCents: z.number().int(),
  notes: z.string().max(5000).default(""),
  salesRep: z.string().max(120).nullable().default(null),
  /** Where it came from: the quote an order came from, the order an invoice came from, a captured mail. */
  sourceId: z.string().max(100).nullable().default(null),
  history: z.array(HistoryEntry).max(200).default([]),
  createdAt: z.number().int(),
  updatedAt: z.number().int()
}

export const Quote = z.object({
  ...base,
  type: z.literal("quote"),
  status: z.enum(STATUSES.quote),
  validUntil: IsoDate,
  paymentTerms: PaymentTermsSchema,
  /** The call the customer asked for it in (its call log's id), when it was made from a call. */
  callId: z.string().max(100).nullable().optional()
})
export const Order = z.object({
  ...base,
  type: z.literal("order"),
  status: z.enum(STATUSES.order),
  paymentTerms: PaymentTermsSchema,
  customerPoNumber: z.string().max(60).nullable().default(null),
  deliveryDate: IsoDate.nullable().default(null),
  /** A manager's override of a risk block, logged with who and why. */
  riskOverride: z.object({ by: z.string().max(254), reason: z.string().min(3).max(500), at: z.number().int() }).nullable().default(null)
})
export const Invoice = z.object({
  ...base,
  type: z.literal("invoice"),
  status: z.enum(STATUSES.invoice),
  dueDate: IsoDate,
  paymentTerms: PaymentTermsSchema,
  /** The customer's order number, from the order: buyers' accounts payable match invoices on it (and Factur-X's BT-13). */
  customerPoNumber: z.string().max(60).nullable().default(null)
})
export const CreditNote = z.object({ ...base, type: z.literal("credit-note"), status: z.enum(STATUSES["credit-note"]), correctsInvoiceId: z.string().min(1).max(100) })

export type Quote = z.infer<typeof Quote>
export type Order = z.infer<typeof Order>
export type Invoice = z.infer<typeof Invoice>
export type CreditNote = z.infer<typeof CreditNote>

export const SalesDocument = z.discriminatedUnion("type", [Quote, Order, Invoice, CreditNote])
export type SalesDocument = z.infer<typeof SalesDocument>

/** A payment received against an invoice: a fact, appended, never edited (a mistake is cancelled by a new record, `cancels`). */
export const PaymentRecord = z.object({
  id: z.string().min(1).max(100),
  invoiceId: z.string().min(1).max(100),
  customerId: z.string().min(1).max(100),
  date: IsoDate,
  amountCents: z.number().int().refine((a) => a !== 0, "a payment of 0 records nothing"),
  /** "credit": the customer's credit applied to this invoice (customer-credit.ts), no money received. */
  method: z.enum(["transfer", "card", "cheque", "cash", "direct-debit", "other", "credit"]),
  reference: z.string().max(120).default(""),
  createdAt: z.number().int(),
  /**
   * An overpayment the agent recorded knowingly (Odoo's "keep open" of an excess): how much of this payment went beyond
   * what was left to pay, kept as the customer's credit. Without it, a payment over what is left is refused, on the
   * device and on the server: the figure must be the excess the payment makes when it is recorded.
   */
  overpaymentCents: z.number().int().positive().optional(),
  /**
   * Who recorded it (their e-mail, as a status change's `by`), told in the invoice's history; the server refuses a
   * name other than the pusher's. Absent on payments recorded before it was kept.
   */
  recordedBy: z.string().max(254).optional(),
  /**
   * A cancellation (payment-cancel.ts): the id of the payment this record cancels. Payments are append-only rows
   * (sync tables), so a mistyped one is never edited nor deleted: a new record cancels it, dated the day it is
   * cancelled, by `recordedBy`, with its reason. Its amount is the cancelled one's negated, same method, so a device
   * that predates this field still counts the right balance; the domain counts neither of the two.
   */
  cancels: z.string().min(1).max(100).optional(),
  /** Why it was cancelled, in the agent's words (required with `cancels`, checked by the domain and the server). */
  cancelReason: z.string().max(500).optional()
})
export type PaymentRecord = z.infer<typeof PaymentRecord>

/** The replicated table of each document type (Dexie and server tables are camelCase plurals). */
export const DOCUMENT_TABLES = { quote: "quotes", order: "orders", invoice: "invoices", "credit-note": "creditNotes" } as const
