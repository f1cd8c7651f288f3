import Dexie from "dexie"

import { todayInFrance } from "~src/domain/documents/payment-terms"
import { handoffCustomer, type QuoteHandoff } from "~src/features/quotes/quote-handoff"
import type { MessageContext } from "~src/messaging/handler"

/**
 * A new quote's lookups (`quoteHandoff`: the customer, the agent, the settings, the risk, the prices) made for the
 * cards of a page whose quote form is preloaded, before the agent clicks New quote (issue #10): the click then
 * hands the frame its route at once, where it waited 10–20 ms for the same two lookups.
 *
 * Never stale: a prepared handoff is used only while nothing it may have read has been written since its lookups
 * began (Dexie's `storagemutated`, which also hears the writes of the extension's pages and workers through its
 * BroadcastChannel), on the day it was made (the validity date counts from it), and for the customer clicked (by
 * id, checked against the record it holds). Otherwise the click looks up as before. After a write, the prepared
 * ones are looked up again once writes pause, so that a sync or an edit does not leave the next click cold.
 */

/**
 * Tables the lookups never read: a write there (the outbox, a call, the page lookup's index…) leaves what was
 * prepared as it was. Any other table, one added later included, drops everything prepared.
 */
const NOT_READ = new Set([
  "lookupBuckets",
  "products",
  "recentCustomers",
  "meta",
  "outbox",
  "syncState",
  "conflicts",
  "pendingUploads",
  "calls",
  "secrets",
  "callLogs",
  "callScripts",
  "quotes",
  "rowVersions",
  "outcomeDrafts",
  "orderMemories"
])

/** How many customers are kept prepared (the cards of a page or two; the oldest go first). */
export const MAX_PREPARED = 12
/** Writes come in bursts (a sync's pages, an import): the prepared ones are looked up again once they pause. */
export const REFRESH_AFTER_MS = 400

interface Prepared {
  path: string
  /** `generation` when its lookups began: a write since then makes it unusable. */
  generation: number
  day: string
  handoff: Promise<QuoteHandoff | null>
  ctx: MessageContext
  /** The tabs whose cards asked for it: once all are closed it is dropped, not looked up again after each sync. */
  tabs: Set<number>
}

type Lookup = (path: string, ctx: MessageContext) => Promise<QuoteHandoff | null>

const prepared = new Map<string, Prepared>()
let generation = 0
let watching = false
let refreshTimer: ReturnType<typeof setTimeout> | null = null
let lookup: Lookup | null = null

/** Whether a write to these parts (`idb://<db>/<table>/<index>`, or Dexie's `all`) may change what was looked up. */
function touchesLookups(parts: Record<string, unknown>): boolean {
  return Object.keys(parts).some((part) => {
    const table = part.startsWith("idb://") ? part.split("/")[3] : undefined
    return table === undefined || !NOT_READ.has(table)
  })
}

function watch(): void {
  if (watching) return
  watching = true
  Dexie.on("storagemutated", (parts: Record<string, unknown>) => {
    if (!touchesLookups(parts)) return
    generation++
    if (prepared.size === 0) return
    if (refreshTimer !== null) clearTimeout(refreshTimer)
    refreshTimer = setTimeout(refresh, REFRESH_AFTER_MS)
  })
}

function start(customerId: string, path: string, ctx: MessageContext, tabs = new Set<number>()): Prepared {
  const entry: Prepared = { path, generation, day: todayInFrance(), handoff: lookup!(path, ctx).catch(() => null), ctx, tabs }
  if (ctx.tabId !== undefined) tabs.add(ctx.tabId)
  prepared.delete(customerId)
  prepared.set(customerId, entry)
  while (prepared.size > MAX_PREPARED) prepared.delete(prepared.keys().next().value!)
  return entry
}

function fresh(entry: Prepared | undefined): boolean {
  return entry !== undefined && entry.generation === generation && entry.day === todayInFrance()
}

/** Looks up the prepared customers again after a write (their last lookups are not used any more). */
function refresh(): void {
  refreshTimer = null
  for (const [customerId, entry] of [...prepared]) if (!fresh(entry)) start(customerId, entry.path, entry.ctx, entry.tabs)
}

/**
 * The lookups for a new quote's route, made now and kept for the click (a route without a customer, or with
 * lines, has none). Made again only if what was kept is no longer fresh. Returns them (the warm-up draws with them).
 */
export function prepareHandoff(path: string, ctx: MessageContext, look: Lookup): Promise<QuoteHandoff | null> {
  lookup = look
  watch()
  const customerId = handoffCustomer(path)
  if (!customerId) return look(path, ctx)
  const kept = prepared.get(customerId)
  if (kept && fresh(kept)) {
    if (ctx.tabId !== undefined) kept.tabs.add(ctx.tabId)
    return kept.handoff
  }
  return start(customerId, path, ctx, kept?.tabs).handoff
}

/** A tab closed: what only its cards asked for goes (a page of another tab keeps what it asked for too). */
export function forgetTabHandoffs(tabId: number): void {
  for (const [customerId, entry] of [...prepared]) {
    if (!entry.tabs.delete(tabId)) continue
    if (entry.tabs.size === 0) prepared.delete(customerId)
  }
}

/**
 * The click's handoff: the prepared one for that customer while fresh (its lookups may still be under way), else
 * null (the caller looks up). Never another customer's: checked against the customer record it holds.
 */
export function preparedHandoff(path: string): Promise<QuoteHandoff | null> | null {
  const customerId = handoffCustomer(path)
  if (!customerId) return null
  const kept = prepared.get(customerId)
  if (!kept || !fresh(kept)) return null
  return kept.handoff.then((h) => (h && h.context.customer?.id === customerId ? h : null))
}

/** Tests: forgets what was prepared. */
export function forgetPreparedHandoffs(): void {
  prepared.clear()
  if (refreshTimer !== null) clearTimeout(refreshTimer)
  refreshTimer = null
}
