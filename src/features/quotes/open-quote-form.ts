import { openQuoteOverlay, quoteOverlayUsable } from "./quote-overlay"

/**
 * The card's "New quote". Where the card's page can draw the form itself (the side panel, the softphone tab: extension
 * pages already loaded, which load the form's chunk once a card shows), in place: no tab is opened. In a web page (a mail, a CRM), over that page: a
 * modal frame of the extension's quote form (quote-overlay.ts), so the agent stays on the mail whose reply will take
 * the quote. Elsewhere (the popup, which closes as it loses focus and would lose the typing; the
 * workspace), or where the overlay cannot be used (a small
 * window, a browser whose frames cannot tell they are covered: Firefox), in the workspace tab
 * (`#/quotes/new?customer=<id>`), reused if open.
 * No zod and no form code here: this file is part of every page's content script; the background validates
 * `quote-frame/open` and `workspace/open`.
 */
export type QuoteOpenWay = "in-place" | "over-page" | "workspace"

/** Where a New quote opens, from what the surface it is clicked on can do (in that order of preference). */
export function quoteOpenWay(surface: { drawsInPlace: boolean; overlayUsable: boolean }): QuoteOpenWay {
  if (surface.drawsInPlace) return "in-place"
  if (surface.overlayUsable) return "over-page"
  return "workspace"
}

/**
 * Why the in-place form is wanted before a click: "card", a card with New quote is shown (its data no longer held
 * for a call being set up), the form may be wanted soon; "intent", the pointer entered New quote or the focus
 * landed on it, the click is coming (issue #10: the first click right after the softphone tab opened waited for
 * the editor's chunk).
 */
export type QuoteFormWarmth = "card" | "intent"

/**
 * The surface's own drawing of a new quote's route, set by the page that can draw it (the side panel, the softphone
 * tab; one per document: each extension page has its own copy of this module). False: it could not, the workspace
 * is used. `warm`: what makes the drawing ready for a click to come (the editor's chunk loaded).
 */
type InPlace = (path: string) => Promise<boolean>
type Warm = (why: QuoteFormWarmth, path?: string) => void
let inPlace: InPlace | null = null
let warmInPlace: Warm | null = null

export function setInPlaceQuoteForm(draw: InPlace | null, warm: Warm | null = null): void {
  inPlace = draw
  warmInPlace = draw ? warm : null
}

/**
 * The in-place form, if this page draws one, gets ready for a click to come (`why`: QuoteFormWarmth). `path`: the
 * new quote the click would open (newQuotePath), given with the agent's intent: its lookups are asked for then.
 */
export function warmInPlaceQuoteForm(why: QuoteFormWarmth = "card", path?: string): void {
  warmInPlace?.(why, path)
}

/** A new quote's route; from a call (the caller card, the outcome form): the caller as contact, and the call the quote is linked to. */
export function newQuotePath(customerId: string, contactId?: string | null, callId?: string | null): string {
  const query = new URLSearchParams({ customer: customerId, ...(contactId ? { contact: contactId } : {}), ...(callId ? { call: callId } : {}) })
  return `quotes/new?${query.toString()}`
}

/** Where the form opened (`way`) on success: the outcome form says so under its New quote. */
export async function openQuoteForm(customerId: string, contactId?: string | null, callId?: string | null): Promise<{ ok: boolean; way?: QuoteOpenWay; error?: string }> {
  const path = newQuotePath(customerId, contactId, callId)
  const way = quoteOpenWay({ drawsInPlace: inPlace !== null, overlayUsable: inPlace === null && quoteOverlayUsable() })
  if (way === "in-place" && (await inPlace!(path).catch(() => false))) return { ok: true, way }
  if (way === "over-page" && (await openQuoteOverlay(path, (p) => void openInWorkspace(p)))) return { ok: true, way }
  const opened = await openInWorkspace(path)
  return opened.ok ? { ...opened, way: "workspace" } : opened
}

/** The words for where the form opened: it said "in the workspace" under a form drawn beside the call. */
export function quoteOpenedKey(way: QuoteOpenWay | undefined): string {
  return way === "in-place" ? "callOutcome.form.quoteOpenedHere" : way === "over-page" ? "callOutcome.form.quoteOpenedOverPage" : "callOutcome.form.quoteOpened"
}

async function openInWorkspace(path: string): Promise<{ ok: boolean; error?: string }> {
  try {
    const reply = (await chrome.runtime.sendMessage({ type: "workspace/open", payload: { path } })) as { ok: boolean; error?: string } | undefined
    if (!reply) return { ok: false, error: "no answer from the background" }
    return reply.ok ? { ok: true } : { ok: false, error: String(reply.error) }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
