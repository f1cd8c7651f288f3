import * as z from "zod"

import { Customer, E164, MatchKind, Product } from "~src/domain/customers/customer.schema"
import { NewCustomerValues } from "~src/domain/customers/new-customer"
import { CustomerEditValues } from "~src/domain/customers/customer-edit-values"
import { CallScript } from "~src/domain/scripts/script.schema"
import { SitePattern } from "~src/domain/settings/settings.schema"
import { CallLog } from "~src/domain/calls/call-log.schema"
import { OutcomeDraft } from "~src/domain/calls/outcome-draft"
import { OutcomeContext, OutcomeFormValues } from "~src/domain/calls/outcome-form"
import { SoftphoneSettings as SoftphoneSettingsSchema } from "~src/domain/telephony/contract-schemas"
import { CallBar, HistoryCall, PhoneEvent as PhoneEventSchema, PhoneState, SoftphoneView } from "~src/domain/telephony/contract-schemas"

import { catalogContract } from "./contract-catalog"
import { ComposeContentSchema, ComposeRecipients, documentsContract } from "./contract-documents"
import { quoteFrameContract } from "./contract-quote-frame"
import { RefusedChange, SyncStatus } from "./contract-sync"

export * from "./contract-documents"
export * from "./contract-sync"
import { PANEL_VIEW_MAX_CARDS, ROUTE_PATH } from "./limits"

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
  /**
   * A customer typed by the agent ("New customer with this number"): stored and synced like imported ones. With
   * `callId`, the call (ringing, under way or still to log) is theirs from now on.
   */
  "customers/create": {
    request: z.object({ values: NewCustomerValues, callId: z.string().min(1).max(100).nullable().default(null) }),
    response: z.object({ ok: z.literal(true), customer: Customer, callAssigned: z.boolean() })
  },
  /** The workspace's customer editor: the values as typed; the background reads them with the same rules and stores the customer. */
  "customers/update": {
    /** `original`: the values the form opened with; only the fields changed since are applied (`rebaseEdit`). */
    request: z.object({ id: z.string().min(1).max(100), values: CustomerEditValues, original: CustomerEditValues }),
    response: z.object({ ok: z.boolean(), customer: Customer.optional(), error: z.string().max(300).optional(), field: z.string().max(200).optional() })
  },
  /**
   * What the editor needs beyond the customer: whether the signed-in user may change the credit limit (managers and
   * admins, or no team), and the names of the team's users, among which the sales rep is picked (none: no team known).
   */
  "customers/edit-rights": {
    request: z.object({}),
    response: z.object({ mayEditCreditLimit: z.boolean(), teamMembers: z.array(z.string().max(200)).max(10_000).default([]), inactiveMembers: z.array(z.string().max(200)).max(10_000).default([]) })
  },
  /**
   * The names a sales rep is picked from (the team's active users, the agent's included) and the disabled accounts'
   * names, which a stored document may still carry (shown "(inactive)"); all empty with no team known. Offline,
   * the names last known.
   */
  "team/reps": {
    request: z.object({}),
    response: z.object({
      active: z.array(z.string().max(200)).max(10_000),
      inactive: z.array(z.string().max(200)).max(10_000),
      /** The active members' names and e-mails (the agent's included): an appointment's calendar file names them. */
      people: z.array(z.object({ name: z.string().max(200), email: z.string().max(254) })).max(10_000).default([])
    })
  },
  /** The whole base a page at a time, in alphabetical order of company: the workspace's Customers list before a search. */
  "customers/list": {
    request: z.object({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(100).default(50) }),
    response: z.object({ customers: z.array(Customer).max(100), total: z.number().int().min(0) })
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
  // ---- Softphone (issue #9). What content scripts may send is in `senders`, and checked again in the handlers.
  /** Places a call; from the card, the page panel, the dial pad or the call history. */
  "softphone/call": {
    request: z
      .object({
        number: z.string().min(2).max(40).regex(/^\+?[0-9 ().*#-]+$/, "not a phone number"),
        customerId: z.string().min(1).max(100).optional(),
        /** The contact called (a card's, the previous call's on Redial and in the history): one of `customerId`'s. */
        contactId: z.string().min(1).max(100).optional()
      })
      // A contact is a customer's: named alone, the background could not check it holds the number (contactOfCall).
      .refine((r) => r.contactId === undefined || r.customerId !== undefined, { message: "a contact is called with its customer", path: ["contactId"] }),
    response: z.object({ ok: z.boolean(), callId: z.string().optional(), error: z.string().optional() })
  },
  "softphone/state": {
    request: z.object({}),
    response: SoftphoneView
  },
  /** The page panel's part of the state: the call and its caller's customers (the background also pushes it to the active tab). */
  "softphone/bar": { request: z.object({}), response: CallBar },
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
      roundTripTimeMs: z.number().nullable(),
      audioEnergySent: z.number().nullable().optional()
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
  /** Calls of this device, newest first, with the names of the customer each was logged to (the dock's history). */
  "softphone/history": {
    request: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    response: z.object({ calls: z.array(HistoryCall) })
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
    response: z.object({ ok: z.boolean(), error: z.string().optional(), problems: z.array(z.object({ at: z.string(), message: z.string(), code: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional() })
  },
  "scripts/delete": {
    request: z.object({ id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.boolean(), error: z.string().optional() })
  },
  // ---- Call outcomes (issue #9): the form at hang-up, its draft, the customer's timeline.
  /**
   * Saves a call log (append-only: a correction is a new log naming `correctsId`); the background sets the agent.
   * `log` is what is stored: for a call already logged (from another dock), the stored log, not a second one.
   */
  "calls/log": {
    request: z.object({ log: CallLog, draftId: z.string().min(1).max(220).nullable().default(null) }),
    response: z.object({ ok: z.literal(true), id: z.string(), log: CallLog })
  },
  /** A customer's call logs, newest first, each shown by its latest correction (the card's timeline). */
  "calls/timeline": {
    request: z.object({ customerId: z.string().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) }),
    response: z.object({
      logs: z.array(CallLog),
      total: z.number().int().min(0),
      /** The team's members' names by e-mail in lower case, for who logged each call (the e-mail when not known). */
      names: z.record(z.string(), z.string().max(200)).optional()
    })
  },
  /** The latest calls of the base, any customer (the workspace's Calls list), newest first, as the timeline shows them. */
  "calls/recent": {
    request: z.object({ limit: z.number().int().min(1).max(200).default(100) }),
    response: z.object({
      calls: z.array(z.object({ log: CallLog, customer: z.object({ id: z.string(), code: z.string(), company: z.string() }).nullable() })).max(200),
      /** The team's members' names by e-mail in lower case, for who logged each call (the e-mail when not known). */
      names: z.record(z.string(), z.string().max(200)).optional()
    })
  },
  /**
   * Call-backs whose time passed while this device was off, or before a sync brought them (their alarm never
   * rang here): the dock's overdue list. `dismiss` puts one away on this device first.
   */
  "calls/late": {
    request: z.object({ dismiss: z.string().min(1).max(100).optional() }),
    response: z.object({
      callbacks: z.array(z.object({ log: CallLog, customer: z.object({ id: z.string(), code: z.string(), company: z.string() }).nullable() })).max(200)
    })
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
  // Sales documents and orders from mail (issues #10, #11).
  ...documentsContract,
  ...catalogContract,
  ...quoteFrameContract
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
  // The overlay's ticket is asked for by the page's content script; it is taken by the framed extension page.
  "quote-frame/open": contentOnly,
  "quote-frame/attach": pageOnly,
  "quote-frame/event": pageOnly,
  // A card's new quote looked up before the click, for the workspace tab (its card in a page, or the side panel's).
  "quotes/prepare": pageOrContent,
  "quotes/handoff": pageOnly,
  "customers/changed": pageOnly,
  "customers/create": pageOnly,
  "customers/update": pageOnly,
  "customers/edit-rights": pageOnly,
  "team/reps": pageOnly,
  "customers/count": pageOnly,
  "customers/list": pageOnly,
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
  // The page panel's call bar (issue #9's screen-pop on the active tab): the state, the call and the caller's
  // customers (what the panel's cards show anyway); answering, declining, hanging up and picking the caller, each
  // only for the call under way (checked in the handlers against the call's id and phase).
  "softphone/bar": contentOnly,
  "softphone/answer": pageOrContent,
  "softphone/decline": pageOrContent,
  "softphone/hangup": pageOrContent,
  "softphone/mute": pageOnly,
  "softphone/hold": pageOnly,
  "softphone/dtmf": pageOnly,
  "softphone/transfer": pageOnly,
  "softphone/assign": pageOrContent,
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
  // The catalog and the customers' prices (issue #10): the workspace and the quote form only.
  "catalog/list": pageOnly,
  "catalog/save": pageOnly,
  "catalog/products": pageOnly,
  "pricing/get": pageOnly,
  "pricing/list": pageOnly,
  "pricing/save": pageOnly,
  // The card's timeline shows in the in-page panel too (read-only, one customer at a time, bounded); writing a
  // log and the drafts are the extension's own.
  "calls/log": pageOnly,
  "calls/timeline": pageOrContent,
  "calls/late": pageOnly,
  "calls/recent": pageOnly,
  "outcome/draft": pageOnly,
  "outcome/keep": pageOnly,
  "outcome/discard": pageOnly,
  "outcome/pending": pageOnly,
  "documents/list": pageOnly,
  "documents/get": pageOnly,
  "documents/act": pageOnly,
  // The card's block in a page's panel: one customer's counts and sums, for a customer id the page already shows.
  "documents/summary": pageOrContent,
  // The card's timeline in a page's panel: one customer's document steps (numbers, amounts, a captured mail's
  // subject and sender), read-only, at most 50, for a customer id the page already shows.
  "documents/timeline": pageOrContent,
  "documents/dunning-settings": pageOnly,
  // The in-page "Capture as order" sends the opened message; the review and what it stores are the workspace's.
  "orders/extract": contentOnly,
  "orders/capture": pageOnly,
  "orders/price": pageOnly,
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
  /**
   * Is there a compose box in this page, when was it last used (ms since epoch, 0: never focused), and the To and Cc
   * addresses its webmail shows (none when empty or not recognised)?
   */
  "compose/probe": { request: z.object({}), response: z.object({ found: z.boolean(), focusedAt: z.number(), recipients: ComposeRecipients.default([]) }) },
  "compose/insert": { request: ComposeContentSchema, response: z.object({ inserted: z.enum(["text", "html"]) }) }
} as const
export type TabMessageName = keyof typeof tabContract

export const Envelope = z.object({
  type: z.string().max(64),
  payload: z.unknown()
})

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string }
