import { FrameTickets, UNATTACHED_TTL_MS } from "~src/features/quotes/quote-frame-tickets"
import { QUOTE_FRAME_HIDE_MESSAGE, QUOTE_FRAME_REFUSED_MESSAGE, QUOTE_FRAME_ROUTE_MESSAGE } from "~src/features/quotes/quote-frame-messages"
import type { QuoteHandoff } from "~src/features/quotes/quote-handoff"
import { originOf } from "~src/messaging/sender"
import { defineHandler } from "~src/messaging/handler"

import { quoteHandoff } from "../workspace/open"
import { forgetTabHandoffs, preparedHandoff, prepareHandoff } from "./prepared-handoffs"

/**
 * What a ticket's route was looked up with, kept for its frame (the same two lookups as the workspace's handoff).
 * Held by the customer it holds until the frame attaches, or the ticket goes.
 */
const handoffs = new Map<string, Promise<QuoteHandoff | null>>()
/** A preloaded frame's warm-up route, until it attaches (or a real route replaces it), or the ticket goes. */
const warmPaths = new Map<string, string>()
/**
 * Tickets whose frame is attaching: taken, the reply not sent yet (a warm-up's lookups are awaited). A route asked for
 * meanwhile goes in that reply, never also as a message: the frame would draw the form twice, the second time over
 * what the agent had begun typing in the first (the first message, before the reply, it would not even hear).
 */
const attaching = new Set<string>()

/**
 * The overlay's tickets, for this worker's life: a worker restarted forgets them and the card opens the workspace tab.
 * A ticket that goes (its tab closed, pushed out by the pages the tab loaded since, expired) takes what was kept for
 * its frame with it: a day in a webmail would otherwise pile up hundreds of customers in the worker.
 */
export const frameTickets = new FrameTickets(undefined, undefined, (id) => {
  handoffs.delete(id)
  warmPaths.delete(id)
})

/**
 * What is kept for a frame that never attaches (the page removed it, or loaded another page) goes when its ticket
 * expires, even if the worker is asked nothing more (expiry is otherwise checked at the next ticket's call). A
 * worker stopped meanwhile has forgotten it all anyway.
 */
function keepForFrame(id: string, handoff: Promise<QuoteHandoff | null>, warm?: string): void {
  handoffs.set(id, handoff)
  if (warm !== undefined) warmPaths.set(id, warm)
  setTimeout(() => frameTickets.expire(), UNATTACHED_TTL_MS + 1_000)
}

const HANDOFF_WAIT_MS = 150

/** Tests: the tickets whose route or warm-up this worker still keeps for a frame. */
export function keptForFrames(): string[] {
  return [...new Set([...handoffs.keys(), ...warmPaths.keys()])]
}

/**
 * A page's content script opens the quote form over its page: a ticket for a new frame (with the route, or none
 * for a frame preloaded hidden), or a new route for the frame its ticket opened (`shown`: that frame took it).
 */
export const quoteFrameOpen = defineHandler("quote-frame/open", async (req, ctx) => {
  const pageOrigin = originOf(ctx.url)
  if (ctx.tabId === undefined || pageOrigin === undefined || ctx.frameId !== 0) throw new Error("only a page's top frame may open the quote form over it")
  const held = req.ticket ? frameTickets.ofTab(req.ticket, ctx.tabId) : null
  if (req.path === null && req.ticket !== null) {
    // Cards shown after the preload: only their lookups (no ticket issued for a ticket this worker forgot).
    if (!held) throw new Error("not a ticket of this tab")
    for (const path of req.prepare ?? []) void prepareHandoff(path, ctx, quoteHandoff)
    return { ticket: held.id, shown: false }
  }
  // A page whose site the agent removed (or withheld in Chrome's menu) since it loaded keeps its content script
  // running until reloaded: no new frame there (the card's New quote opens the workspace tab).
  if (!held && !(await siteGranted(pageOrigin))) throw new Error("Comptoir no longer holds this site's permission")
  const ticket = held ?? frameTickets.issue(ctx.tabId, pageOrigin, req.path)
  if (req.path === null) {
    if (req.warm) {
      // Looked up now, as for a real opening, and kept for the click (prepared-handoffs.ts).
      keepForFrame(ticket.id, prepareHandoff(req.warm, ctx, quoteHandoff), req.warm)
    }
    // The page's other cards: their lookups are made now too, so that whichever the agent clicks opens at once.
    for (const path of req.prepare ?? []) void prepareHandoff(path, ctx, quoteHandoff)
    return { ticket: ticket.id, shown: false }
  }
  warmPaths.delete(ticket.id)
  ticket.path = req.path
  const kept = preparedHandoff(req.path)
  const handoff = kept ? kept.then((h) => h ?? quoteHandoff(req.path!, ctx)) : quoteHandoff(req.path, ctx)
  if (ticket.frameId === null || attaching.has(ticket.id)) {
    // The frame is loading (just made, or preloaded and not attached yet, or its attach not answered yet): it takes
    // the route and these lookups when it presents the ticket (in that answer).
    keepForFrame(ticket.id, handoff)
    return { ticket: ticket.id, shown: true }
  }
  const payload = { path: req.path, handoff: await withinWait(handoff) }
  try {
    const reply = (await chrome.tabs.sendMessage(ctx.tabId, { type: QUOTE_FRAME_ROUTE_MESSAGE, payload }, { frameId: ticket.frameId })) as { taken?: boolean } | undefined
    return { ticket: ticket.id, shown: reply?.taken === true }
  } catch {
    // The frame is gone (removed by the page, or navigated): the content script makes a new one.
    return { ticket: ticket.id, shown: false }
  }
})

/**
 * Whether Comptoir holds the host permission of the page's site (by scheme and host, any port, as the manifest's
 * patterns grant it). The quote frame is web-accessible to every http(s) page (quote-frame-hosts.ts): its tickets
 * are what keep it to the sites the agent enabled.
 */
async function siteGranted(pageOrigin: string): Promise<boolean> {
  try {
    const u = new URL(pageOrigin)
    return await chrome.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] })
  } catch {
    return false
  }
}

/** The framed quote form presents its ticket: refused unless it is that tab's, from a frame, taken for the first time. */
export const quoteFrameAttach = defineHandler("quote-frame/attach", async (req, ctx) => {
  const t = frameTickets.attach(req.ticket, ctx.tabId, ctx.frameId, req.ancestorOrigin)
  if (typeof t === "string") {
    // The page's content script falls back to the workspace tab if that was its own frame's ticket (a worker
    // restarted forgets them); a frame the page made itself presents one it does not hold.
    if (ctx.tabId !== undefined) void chrome.tabs.sendMessage(ctx.tabId, { type: QUOTE_FRAME_REFUSED_MESSAGE, payload: { ticket: req.ticket } }, { frameId: 0 }).catch(() => undefined)
    throw new Error(`quote frame refused: ${t}`)
  }
  attaching.add(t.id)
  try {
    const pending = handoffs.get(t.id)
    handoffs.delete(t.id)
    const warm = t.path === null ? (warmPaths.get(t.id) ?? null) : null
    warmPaths.delete(t.id)
    // A warm-up is never shown, so it waits for its lookups: drawn without them it would warm the loading path.
    let handoff = pending ? await (warm ? pending : withinWait(pending)) : null
    // A New quote clicked meanwhile (quoteFrameOpen kept its route and lookups here): that route instead, shown.
    const clicked = handoffs.get(t.id)
    if (clicked) {
      handoffs.delete(t.id)
      handoff = await withinWait(clicked)
    }
    return { path: t.path, warm: t.path === null ? warm : null, handoff, pageOrigin: t.pageOrigin }
  } finally {
    attaching.delete(t.id)
  }
})

/** The lookups if they come within HANDOFF_WAIT_MS, else null (the form looks up by itself). */
function withinWait<T>(lookups: Promise<T>): Promise<T | null> {
  return Promise.race([lookups, new Promise<null>((r) => setTimeout(() => r(null), HANDOFF_WAIT_MS))])
}

/** The attached frame says the agent closed it, or inserted into the reply: its page's overlay hides. */
export const quoteFrameEvent = defineHandler("quote-frame/event", async (_req, ctx) => {
  const t = frameTickets.ofFrame(ctx.tabId, ctx.frameId)
  if (!t) throw new Error("not an attached quote frame")
  await chrome.tabs.sendMessage(t.tabId, { type: QUOTE_FRAME_HIDE_MESSAGE, payload: { ticket: t.id } }, { frameId: 0 })
  return { ok: true as const }
})

/**
 * Tickets go with their tab, and what was kept for their frames with them (frameTickets' onDrop). A tab that loads
 * another page keeps its old ones until the limit per tab pushes them out or, unattached, they expire (a webmail's
 * own route changes are navigations too, and must not take the open overlay's ticket). No listener of its own for
 * that: called once, at the worker's top level (background/index.ts), as MV3 and Firefox's event page need.
 */
export function watchQuoteFrameTabs(): void {
  chrome.tabs.onRemoved.addListener((tabId) => {
    frameTickets.dropTab(tabId)
    forgetTabHandoffs(tabId)
  })
}
