import * as z from "zod"

import { Customer, E164, MatchKind, Product } from "~src/domain/customers/customer.schema"
import { CallScript } from "~src/domain/scripts/script.schema"
import { CreditNote, PaymentRecord, SalesDocument } from "~src/domain/documents/document.schema"
import { Order } from "~src/domain/documents/document.schema"
import { SitePattern } from "~src/domain/settings/settings.schema"
import { CallLog } from "~src/domain/calls/call-log.schema"
import { OutcomeDraft } from "~src/domain/calls/outcome-draft"
import { OutcomeContext, OutcomeFormValues } from "~src/domain/calls/outcome-form"
import { SoftphoneSettings as SoftphoneSettingsSchema } from "~src/domain/telephony/contract-schemas"
import { CallRecord, PhoneEvent as PhoneEventSchema, PhoneState, SoftphoneView } from "~src/domain/telephony/contract-schemas"
import { Quote as QuoteSchema } from "~src/domain/documents/document.schema"
import { QuoteFormValues } from "~src/domain/documents/quote-form"
import { SellerIdentitySchema } from "~src/domain/documents/seller.schema"

import { ORDER_MAIL_MAX_ATTACHMENTS, ORDER_MAIL_MAX_TEXT, PANEL_VIEW_MAX_CARDS, ROUTE_PATH } from "./limits"

/**
 * The one message contract: every message the extension sends is declared here once, with the zod schema of
 * its request and its response. Content scripts are untrusted input, so every array and string is bounded.
 */
export const CustomerMatch = z.object({
  customer: Customer,
  matchedBy: MatchKind,
  /** The page values (E.164, email, code or name) that led to this customer. */
  matchedValues: z.array(z.string()).max(50)
})
export type CustomerMatch = z.infer<typeof CustomerMatch>

const Ok = z.object({ ok: z.literal(true) })

/** What the popup and options show about sync: every field is what IndexedDB and chrome.storage hold now. */
export const SyncStatus = z.object({
  signedIn: z.boolean(),
  serverUrl: z.string().nullable(),
  user: z.object({ email: z.string(), name: z.string(), role: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastSyncedAt: z.number().nullable(),
  pending: z.number().int(),
  conflicts: z.number().int(),
  /** `code` picks the sentence shown; `message` is the server's or the network's own words. */
  lastError: z.object({ code: z.string(), message: z.string(), at: z.number() }).nullable(),
  /** A pull from the start under way (the first sign-in): rows received and, when the server said, of how many. */
  progress: z.object({ pulled: z.number().int(), total: z.number().int().nullable() }).nullable(),
  /** What the first sign-in sent from this device's own base. */
  firstUpload: z.object({ customers: z.number().int(), products: z.number().int(), keptTeamCopies: z.number().int(), at: z.number() }).nullable()
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** One refused change as the options page shows it. */
export const RefusedChange = z.object({
  id: z.number().int(),
  table: z.string(),
  key: z.string(),
  /** The record in words: "Dupont SARL (C-00012)", "GANT-01 Gants de manutention". */
  label: z.string(),
  reason: z.string(),
  message: z.string(),
  at: z.number(),
  /** The team no longer has the record (deleted there). */
  goneOnTeam: z.boolean(),
  canRestore: z.boolean(),
  /** Fields where this device's record and the team's differ (values as text, shortened). */
  differences: z.array(z.object({ field: z.string(), mine: z.string(), team: z.string() })).max(40)
})
export type RefusedChange = z.infer<typeof RefusedChange>

/** Cards the side panel shows for a tab, published by that tab's in-page panel. */
export const PanelViewRequest = z.object({
  /** The page's title, for the side panel's heading (page text: shown as text). */
  title: z.string().max(300),
  /** The first cards of the in-page panel's list, in its order. */
  matches: z.array(CustomerMatch).max(PANEL_VIEW_MAX_CARDS),
  /** How many cards the in-page panel lists (it may list more than travel). */
  total: z.number().int().min(0).max(1_000_000)
})
/** What the background keeps per tab in chrome.storage.session (the worker can be stopped at any time). */
export const PanelView = PanelViewRequest.extend({
  tabId: z.number().int(),
  url: z.string().max(4096),
  at: z.number()
})
export type PanelView = z.infer<typeof PanelView>

// ---- Quotes (issue #10) ----
/** A customer's risk as src/domain/documents/risk.ts computes it; the reasons are put in words by the UI. */
export const RiskView = z.object({
  level: z.enum(["ok", "watch", "blocked"]),
  reasons: z
    .array(
      z.object({
        code: z.enum(["over-limit", "near-limit", "overdue-beyond-threshold", "overdue", "late-payer", "no-limit"]),
        outstandingCents: z.number().int().optional(),
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
  paymentState: z.enum(["unpaid", "partly-paid", "paid"]).nullable(),
  daysOverdue: z.number().int(),
  dunning: z.object({ due: DunningLevelSchema.nullable(), reached: DunningLevelSchema.nullable(), sent: z.array(z.object({ level: DunningLevelSchema, at: z.string(), by: z.string() })).max(200) }).nullable(),
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
  averageDaysLate: z.number().optional()
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
  z.object({ action: z.literal("to-invoice") }),
  z.object({ action: z.literal("override"), reason: z.string().max(500) }),
  z.object({ action: z.literal("credit"), lines: z.union([z.literal("full"), z.array(z.object({ lineId: z.string().max(100), quantityMilli: z.number().int() })).max(500)]) }),
  z.object({ action: z.literal("payment"), date: IsoDay, amountCents: z.number().int(), method: PaymentRecord.shape.method, reference: z.string().max(120).default("") }),
  z.object({ action: z.literal("reminder"), level: DunningLevelSchema })
])
export type DocumentActionRequest = z.input<typeof DocumentAction>
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
  customer_code: z.string().max(40).nullable(),
  po_number: z.string().max(100).nullable(),
  delivery_date: z.string().max(10).nullable(),
  delivery_address: z.string().max(1000).nullable(),
  lines: z.array(z.object({ ref: z.string().max(60), quantity: z.number(), unit: z.string().max(30) })).max(500),
  confidence: z.record(z.string().max(20), z.number()),
  evidence: z.record(z.string().max(20), z.string().max(2000))
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
export const OrderCapture = z.object({
  id: z.string().max(100),
  webmail: z.enum(["gmail", "outlook", "roundcube"]),
  messageId: z.string().max(400),
  subject: z.string().max(500),
  from: z.object({ address: z.string().max(254), name: z.string().max(200) }),
  date: z.string().max(40).nullable(),
  /** Attachments the page showed but the content script could not read (not same-origin, not a PDF…). */
  unread: z.array(z.string().max(200)).max(20),
  proposal: OrderProposal,
  at: z.number()
})
export type OrderCapture = z.infer<typeof OrderCapture>

export const contract = {
  "lookup/match": {
    request: z.object({
      phones: z.array(E164).max(500),
      emails: z.array(z.string().max(254)).max(500),
      codes: z.array(z.string().max(40)).max(500),
      /** Display names next to emails (mail headers), looked up by name after the exact matches. */
      names: z.array(z.string().max(120)).max(20).default([])
    }),
    response: z.object({ matches: z.array(CustomerMatch) })
  },
  "search/query": {
    request: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }),
    response: z.object({ customers: z.array(Customer), indexSize: z.number().int() })
  },
  "customers/recent": {
    request: z.object({ limit: z.number().int().min(1).max(50).default(8) }),
    response: z.object({ customers: z.array(Customer) })
  },
  /** Customers by id (the workspace opening one from its route). */
  "customers/get": {
    request: z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(100) }),
    response: z.object({ customers: z.array(Customer) })
  },
  /** Opens the workspace tab at a route (`quotes/new?customer=…`): content scripts cannot open extension pages. */
  "workspace/open": {
    request: z.object({ path: z.string().regex(ROUTE_PATH, "not a workspace route").max(300) }),
    response: Ok
  },
  "customers/opened": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: Ok
  },
  /** Sent by the options page after it wrote customers directly (bulk import): the search index is rebuilt. */
  "customers/changed": {
    request: z.object({}),
    response: Ok
  },
  "customers/count": {
    request: z.object({}),
    response: z.object({ customers: z.number().int(), products: z.number().int() })
  },
  "products/search": {
    request: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }),
    response: z.object({ products: z.array(Product) })
  },
  /** The popup asked the browser for the permission first (it needs a user gesture); this starts the scripts. */
  "sites/enable": {
    request: z.object({ pattern: SitePattern, tabId: z.number().int().optional() }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  "sites/disable": {
    request: z.object({ pattern: SitePattern }),
    response: Ok
  },
  "sync/status": {
    request: z.object({}),
    response: SyncStatus
  },
  /** Push and pull at once, ignoring the backoff (a user asked). */
  "sync/now": {
    request: z.object({}),
    response: SyncStatus
  },
  /** The password goes to the server once; only the session token is kept, in the extension's IndexedDB. */
  "auth/login": {
    request: z.object({
      serverUrl: z.url({ protocol: /^https?$/ }).max(300),
      email: z.string().min(3).max(254),
      password: z.string().min(1).max(200),
      /** Sign in to another team even though changes owed to the previous one are dropped (the user confirmed). */
      discardUnsent: z.boolean().default(false)
    }),
    response: z.object({ ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional(), status: SyncStatus })
  },
  "auth/logout": {
    request: z.object({}),
    response: Ok
  },
  /** Changes the server refused, newest first, with what differs between this device's record and the team's. */
  "conflicts/list": {
    request: z.object({}),
    response: z.object({ conflicts: z.array(RefusedChange) })
  },
  /** "team": keep the team's version; "mine": send this device's record again (only where `canRestore`). */
  "conflicts/resolve": {
    request: z.object({ id: z.number().int().positive(), choice: z.enum(["team", "mine"]) }),
    response: z.object({ ok: z.boolean(), error: z.string().optional(), status: SyncStatus })
  },
  /** From a content script only (the sender's tab is the key): the cards its in-page panel shows now. */
  "panel/view": {
    request: PanelViewRequest,
    response: Ok
  },
  /** From a content script's click (the user gesture travels with the message): open the browser's side panel. */
  "sidepanel/open": {
    request: z.object({}),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  // ---- Softphone (issue #9). Content scripts may only send softphone/call and softphone/state (checked in the handlers).
  /** Places a call; from the card, the page panel, the dial pad or the call history. */
  "softphone/call": {
    request: z.object({
      number: z.string().min(2).max(40).regex(/^\+?[0-9 ().*#-]+$/, "not a phone number"),
      customerId: z.string().max(100).optional(),
      contactId: z.string().max(100).optional()
    }),
    response: z.object({ ok: z.boolean(), callId: z.string().optional(), error: z.string().optional() })
  },
  "softphone/state": {
    request: z.object({}),
    response: SoftphoneView
  },
  "softphone/answer": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/decline": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/hangup": { request: z.object({ callId: z.string().min(1).max(100) }), response: Ok },
  "softphone/mute": { request: z.object({ callId: z.string().min(1).max(100), muted: z.boolean() }), response: Ok },
  "softphone/hold": { request: z.object({ callId: z.string().min(1).max(100), onHold: z.boolean() }), response: Ok },
  "softphone/dtmf": { request: z.object({ callId: z.string().min(1).max(100), digits: z.string().regex(/^[0-9*#A-D]{1,32}$/) }), response: Ok },
  "softphone/transfer": { request: z.object({ callId: z.string().min(1).max(100), target: z.string().min(2).max(200) }), response: Ok },
  /** The incoming call's customer, chosen in the picker (several customers share the number). */
  "softphone/assign": {
    request: z.object({ callId: z.string().min(1).max(100), customerId: z.string().min(1).max(100), contactId: z.string().max(100).nullable().default(null) }),
    response: Ok
  },
  /** Audio counters of the call under way (call quality; the end-to-end tests read inbound bytes here). */
  "softphone/stats": {
    request: z.object({}),
    response: z.object({
      bytesReceived: z.number(),
      packetsReceived: z.number(),
      bytesSent: z.number(),
      packetsSent: z.number(),
      codec: z.string().nullable(),
      roundTripTimeMs: z.number().nullable()
    })
  },
  /** The settings without the SIP password (only whether one is stored). */
  "softphone/settings": {
    request: z.object({}),
    response: z.object({ settings: SoftphoneSettingsSchema, hasPassword: z.boolean() })
  },
  /** Saves the settings; the password (when given) goes to the extension's IndexedDB, never chrome.storage. Registers again. */
  "softphone/configure": {
    request: z.object({ settings: SoftphoneSettingsSchema, password: z.string().max(200).optional() }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  /** Calls of this device, newest first (the dock's history). */
  "softphone/history": {
    request: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    response: z.object({ calls: z.array(CallRecord) })
  },
  /** From the offscreen document only: the state after each provider event. */
  "softphone/report": {
    request: z.object({ state: PhoneState, event: PhoneEventSchema.nullable() }),
    response: Ok
  },
  // --- change one's own password on the team server (issue 8) ---
  /** The current password proves it is the user; the server ends their other sessions, this one stays. */
  "auth/change-password": {
    request: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(10).max(200) }),
    response: z.object({ ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional(), endedSessions: z.number().int().nonnegative().optional() })
  },
  // ---- Call scripts (issue #9) ----
  /** The scripts to run: the shipped ones merged with the team's (team copies win), and whether this user may edit. */
  "scripts/list": {
    request: z.object({}),
    response: z.object({ scripts: z.array(CallScript), canEdit: z.boolean(), role: z.string().nullable() })
  },
  /** Saves a team script (managers, admins, or a user without a team); refused with the problems in words. */
  "scripts/save": {
    request: z.object({ script: CallScript }),
    response: z.object({ ok: z.boolean(), error: z.string().optional(), problems: z.array(z.object({ at: z.string(), message: z.string() })).optional() })
  },
  "scripts/delete": {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  // ---- Quotes (issue #10) ----
  /** What a new quote for this customer starts from: the customer, the agent, the team's validity, the seller's gaps. */
  "quotes/context": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: z.object({
      customer: Customer.nullable(),
      agentName: z.string().nullable(),
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
  /** Puts a document's summary into the compose box the user was last in, in whichever tab it is. */
  "documents/insert-into-reply": {
    request: ComposeContentSchema,
    response: z.object({ ok: z.boolean(), inserted: z.enum(["text", "html"]).optional(), error: z.string().optional() })
  },
  /** The team's seller identity (managers edit it in the options page). */
  "team/seller": {
    request: z.object({}),
    response: z.object({ seller: SellerIdentitySchema.nullable(), validityDays: z.number().int(), mayEdit: z.boolean() })
  },
  "team/seller-save": {
    request: z.object({ seller: SellerIdentitySchema, validityDays: z.number().int().min(1).max(365) }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  // ---- Call outcomes (issue #9): the form at hang-up, its draft, the customer's timeline.
  /** Saves a call log (append-only: a correction is a new log naming `correctsId`); the background sets the agent. */
  "calls/log": {
    request: z.object({ log: CallLog, draftId: z.string().min(1).max(220).nullable().default(null) }),
    response: z.object({ ok: z.literal(true), id: z.string() })
  },
  /** A customer's call logs, newest first, each shown by its latest correction (the card's timeline). */
  "calls/timeline": {
    request: z.object({ customerId: z.string().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }),
    response: z.object({ logs: z.array(CallLog), total: z.number().int().min(0) })
  },
  /** The unsaved outcome of a call (or of a call logged by hand), kept in the extension's IndexedDB. */
  "outcome/draft": {
    request: z.object({ id: z.string().min(1).max(220) }),
    response: z.object({ draft: OutcomeDraft.nullable() })
  },
  /** Keeps the form's values as typed (debounced keystrokes): they survive a closed tab and a stopped worker. */
  "outcome/keep": {
    request: z.object({
      id: z.string().min(1).max(220),
      context: OutcomeContext,
      values: OutcomeFormValues,
      summary: OutcomeDraft.shape.summary
    }),
    response: Ok
  },
  /** The agent decided this call needs no log: it leaves the "to log" list. */
  "outcome/discard": { request: z.object({ id: z.string().min(1).max(220) }), response: Ok },
  /** Outcomes not saved yet, newest first (the dock's "to log" list). */
  "outcome/pending": {
    request: z.object({}),
    response: z.object({ drafts: z.array(OutcomeDraft).max(200) })
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
    response: z.object({ rows: z.array(DocumentRowSchema), total: z.number().int(), today: z.string(), schedule: DunningScheduleSchema })
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
      /** Orders in draft: whether confirming needs a manager's override, and why. */
      confirm: z.object({ allowed: z.boolean(), needsOverride: z.boolean(), reasons: z.array(RiskReasonView).max(10) }).nullable(),
      me: z.object({ email: z.string(), name: z.string(), role: z.string() }),
      /** The reminder mail of the level due (or reached), in the customer's language, and where it goes. */
      reminder: z.object({ level: DunningLevelSchema, subject: z.string(), body: z.string(), to: z.string() }).nullable(),
      /** The team's seller identity (legal mentions, Factur-X); null until a manager filled it. */
      seller: SellerIdentityView.nullable(),
      /** A credit note's invoice, as Factur-X references it. */
      correctedInvoice: z.object({ number: z.string(), date: z.string() }).nullable(),
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
      overdueInvoices: Amount.extend({ maxDays: z.number().int() })
    })
  },
  /** The reminder days (friendly / firm / formal notice), this device's setting. */
  "documents/dunning-settings": {
    request: z.object({ schedule: DunningScheduleSchema.optional() }),
    response: z.object({ schedule: DunningScheduleSchema, error: z.string().optional() })
  },
  // --- orders captured from email (issue #11) ---
  /** From the in-page "Capture as order": the extractor runs here against the local base; the review opens in the workspace. */
  "orders/extract": {
    request: z.object({
      webmail: z.enum(["gmail", "outlook", "roundcube"]),
      messageId: z.string().min(1).max(400),
      mail: OrderMailInput,
      unread: z.array(z.string().max(200)).max(20).default([])
    }),
    response: z.object({ captureId: z.string(), isOrder: z.boolean(), customerCode: z.string().nullable(), reason: z.string() })
  },
  /** The review form's data: the proposal, the customer, their risk, the products named. */
  "orders/capture": {
    request: z.object({ captureId: z.string().min(1).max(100) }),
    response: z.object({ capture: OrderCapture.nullable(), customer: Customer.nullable(), risk: CaptureRiskView.nullable(), products: z.array(Product).max(500) })
  },
  /** Stores the reviewed order as a draft and remembers the agent's corrections for that customer. */
  "orders/confirm": {
    request: z.object({ captureId: z.string().min(1).max(100), review: ReviewedOrderInput }),
    response: z.object({ ok: z.boolean(), orderId: z.string().optional(), customerId: z.string().optional(), error: z.string().optional(), ref: z.string().optional() })
  },
  /** A customer's orders, newest first (the workspace's customer view). */
  "orders/by-customer": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: z.object({ orders: z.array(Order).max(500) })
  }
} as const

/**
 * Who may send each message. A content script runs inside a web page: a compromised page renderer can send
 * anything a content script can, so it reaches only what the in-page panel needs (lookup, search, opening a
 * card); everything else (sign-in, sync, sites, import, refused changes) is for the extension's own pages
 * (popup, options, side panel, offscreen document). The `Record` type makes a new entry fail the type check
 * until it says who may send it; `createDispatcher` refuses the others with a logged reason.
 */
export type SenderKind = "content" | "page"
const pageOnly = ["page"] as const satisfies readonly SenderKind[]
const pageOrContent = ["page", "content"] as const satisfies readonly SenderKind[]
const contentOnly = ["content"] as const satisfies readonly SenderKind[]
export const senders: Record<keyof typeof contract, readonly SenderKind[]> = {
  "lookup/match": pageOrContent,
  "search/query": pageOrContent,
  "customers/recent": pageOnly,
  "customers/opened": pageOrContent,
  "customers/get": pageOnly,
  "workspace/open": pageOrContent,
  "customers/changed": pageOnly,
  "customers/count": pageOnly,
  "products/search": pageOnly,
  "sites/enable": pageOnly,
  "sites/disable": pageOnly,
  "sync/status": pageOnly,
  "sync/now": pageOnly,
  "auth/login": pageOnly,
  "auth/logout": pageOnly,
  "conflicts/list": pageOnly,
  "conflicts/resolve": pageOnly,
  // The in-page panel tells the side panel what it shows; its sender's tab is the key.
  "panel/view": contentOnly,
  // A click in the in-page panel (its user gesture) or in the popup opens the side panel.
  "sidepanel/open": pageOrContent,
  // Click-to-call from any page (a number, checked in the handler); the rest, state included (it names the
  // caller), is the extension's own.
  "softphone/call": pageOrContent,
  "softphone/state": pageOnly,
  "softphone/answer": pageOnly,
  "softphone/decline": pageOnly,
  "softphone/hangup": pageOnly,
  "softphone/mute": pageOnly,
  "softphone/hold": pageOnly,
  "softphone/dtmf": pageOnly,
  "softphone/transfer": pageOnly,
  "softphone/assign": pageOnly,
  "softphone/stats": pageOnly,
  "softphone/settings": pageOnly,
  "softphone/configure": pageOnly,
  "softphone/history": pageOnly,
  "softphone/report": pageOnly,
  "auth/change-password": pageOnly,
  "scripts/list": pageOnly,
  "scripts/save": pageOnly,
  "scripts/delete": pageOnly,
  // Quotes (issue #10): the card in a page shows the risk (as it shows the credit limit); the rest is the workspace's.
  "quotes/context": pageOnly,
  "quotes/get": pageOnly,
  "quotes/save": pageOnly,
  "quotes/issue": pageOnly,
  "quotes/list": pageOnly,
  "documents/risk": pageOrContent,
  "documents/insert-into-reply": pageOnly,
  "team/seller": pageOnly,
  "team/seller-save": pageOnly,
  // The card's timeline shows in the in-page panel too (read-only, one customer at a time, bounded); writing a
  // log and the drafts are the extension's own.
  "calls/log": pageOnly,
  "calls/timeline": pageOrContent,
  "outcome/draft": pageOnly,
  "outcome/keep": pageOnly,
  "outcome/discard": pageOnly,
  "outcome/pending": pageOnly,
  "documents/list": pageOnly,
  "documents/get": pageOnly,
  "documents/act": pageOnly,
  // The card's block in a page's panel: one customer's counts and sums, for a customer id the page already shows.
  "documents/summary": pageOrContent,
  "documents/dunning-settings": pageOnly,
  // The in-page "Capture as order" sends the opened message; the review and what it stores are the workspace's.
  "orders/extract": contentOnly,
  "orders/capture": pageOnly,
  "orders/confirm": pageOnly,
  "orders/by-customer": pageOnly
}

export type Contract = typeof contract
export type MessageName = keyof Contract
export type RequestOf<N extends MessageName> = z.input<Contract[N]["request"]>
export type ParsedRequestOf<N extends MessageName> = z.output<Contract[N]["request"]>
export type ResponseOf<N extends MessageName> = z.output<Contract[N]["response"]>

/** Messages the background sends to a tab's content script. */
export const tabContract = {
  "panel/toggle": { request: z.object({}), response: Ok },
  /** The tab navigated: its panel, if still there (a single-page app's route change), publishes its cards again. */
  "panel/republish": { request: z.object({}), response: Ok },
  /** Is there a compose box in this page, and when was it last used (ms since epoch, 0: never focused)? */
  "compose/probe": { request: z.object({}), response: z.object({ found: z.boolean(), focusedAt: z.number() }) },
  "compose/insert": { request: ComposeContentSchema, response: z.object({ inserted: z.enum(["text", "html"]) }) }
} as const
export type TabMessageName = keyof typeof tabContract

export const Envelope = z.object({
  type: z.string().max(64),
  payload: z.unknown()
})

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string }
