import { handoffCustomer, type QuoteHandoff } from "~src/features/quotes/quote-handoff"
import { WORKSPACE_ROUTE_MESSAGE, type WorkspaceRouteReply } from "~src/features/workspace/route-message"
import { routeHash } from "~src/features/workspace/route"
import { defineHandler, type MessageContext } from "~src/messaging/handler"

import { pricingGet } from "../catalog"
import { quotesContext } from "../quotes/context"
import { preparedHandoff, prepareHandoff } from "../quotes/prepared-handoffs"

/**
 * Opens the workspace at a route. A workspace tab already open takes the route (a hash change in a page whose
 * code is loaded: the quote form is on screen in ~20–30 ms, where a new tab costs ~110 ms before any of our
 * code runs), unless it holds unsaved work; then, or when none is open, a new tab. A new quote's route goes with
 * its handoff (`src/features/quotes/quote-handoff.ts`): the one looked up when its card showed (`quotes/prepare`,
 * kept while fresh: prepared-handoffs.ts), else looked up while the open tabs are listed.
 */
export const workspaceOpen = defineHandler("workspace/open", async (req, ctx) => {
  const kept = preparedHandoff(req.path)
  const handoff = kept ? kept.then((h) => h ?? quoteHandoff(req.path, ctx)) : quoteHandoff(req.path, ctx)
  if (await routeOpenWorkspace(req.path, ctx.windowId, handoff)) return { ok: true as const }
  await chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html${routeHash(req.path)}`), ...(ctx.windowId !== undefined ? { windowId: ctx.windowId } : {}) })
  return { ok: true as const }
})

/**
 * A card whose New quote opens the workspace tab: its lookups made now, not at the click. Looked up at the click
 * they took 8–37 ms on an unloaded machine and, under load, past the 150 ms the click waits for them (bench/README.md).
 */
export const quotesPrepare = defineHandler("quotes/prepare", async (req, ctx) => {
  for (const path of req.paths) void prepareHandoff(path, ctx, quoteHandoff)
  return { ok: true as const }
})

/**
 * The side panel's New quote, drawn in the side panel itself (no tab): the click's lookups, the kept ones while
 * fresh. Not capped like a tab's wait: the side panel has nothing else to show meanwhile, and the form would make
 * the same lookups itself.
 */
export const quotesHandoff = defineHandler("quotes/handoff", async (req, ctx) => {
  const kept = preparedHandoff(req.path)
  const handoff = kept ? await kept.then((h) => h ?? quoteHandoff(req.path, ctx)) : await quoteHandoff(req.path, ctx)
  return { handoff }
})

const HANDOFF_WAIT_MS = 150

/** The two lookups the quote form would make after the route changed, made now (null: none, or they failed). */
export async function quoteHandoff(path: string, ctx: MessageContext): Promise<QuoteHandoff | null> {
  const customerId = handoffCustomer(path)
  if (!customerId || typeof chrome.runtime.getContexts !== "function") return null
  try {
    const [context, pricing] = await Promise.all([quotesContext.handle({ customerId }, ctx), pricingGet.handle({ customerId }, ctx).catch(() => null)])
    return context.customer ? { context, pricing } : null
  } catch {
    return null
  }
}

async function routeOpenWorkspace(path: string, windowId: number | undefined, handoff: Promise<QuoteHandoff | null>): Promise<boolean> {
  // Chrome 116+ and Firefox 128+ (checked in Firefox ESR 153: its event page lists the workspace tab, and the tab,
  // an extension page, receives tabs.sendMessage; tests/firefox/lookup.spec.ts). Older: a new tab.
  if (typeof chrome.runtime.getContexts !== "function") return false
  const base = chrome.runtime.getURL("tabs/workspace.html")
  const contexts = (await chrome.runtime.getContexts({ contextTypes: ["TAB" as chrome.runtime.ContextType] })).filter(
    (c) => c.tabId >= 0 && c.frameId === 0 && c.documentUrl !== undefined && c.documentUrl.split("#")[0] === base
  )
  // The agent's own window first (the card clicked is there).
  contexts.sort((a, b) => Number(b.windowId === windowId) - Number(a.windowId === windowId))
  if (contexts.length === 0) return false
  // Lookups slower than that (a base being rewritten by a sync) would hold the tab back: it loads them itself then.
  const payload = { path, handoff: await Promise.race([handoff, new Promise<null>((r) => setTimeout(() => r(null), HANDOFF_WAIT_MS))]) }
  for (const c of contexts) {
    try {
      const reply = (await chrome.tabs.sendMessage(c.tabId, { type: WORKSPACE_ROUTE_MESSAGE, payload }, { frameId: 0 })) as WorkspaceRouteReply | undefined
      if (!reply?.taken) continue
      await Promise.all([chrome.tabs.update(c.tabId, { active: true }), chrome.windows.update(c.windowId, { focused: true })])
      return true
    } catch {
      // The tab closed or is navigating away: try the next, then a new tab.
    }
  }
  return false
}
