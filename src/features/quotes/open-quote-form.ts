import { openQuoteOverlay, quoteOverlayUsable } from "./quote-overlay"

/**
 * The card's "New quote". Where the card's page can draw the form itself (the side panel: an extension page already
 * loaded, whose bundle holds the form), in place: no tab is opened. In a web page (a mail, a CRM), over that page: a
 * modal frame of the extension's quote form (quote-overlay.ts), so the agent stays on the mail whose reply will take
 * the quote. Elsewhere (the popup, the workspace, the softphone tab), or where the overlay cannot be used (a small
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
 * The surface's own drawing of a new quote's route, set by the page that can draw it (the side panel; one per
 * document: each extension page has its own copy of this module). False: it could not, the workspace is used.
 */
type InPlace = (path: string) => Promise<boolean>
let inPlace: InPlace | null = null

export function setInPlaceQuoteForm(draw: InPlace | null): void {
  inPlace = draw
}

export async function openQuoteForm(customerId: string, contactId?: string | null, callId?: string | null): Promise<{ ok: boolean; error?: string }> {
  // From a call (the caller card, the outcome form): the caller as contact, and the call the quote is linked to.
  const query = new URLSearchParams({ customer: customerId, ...(contactId ? { contact: contactId } : {}), ...(callId ? { call: callId } : {}) })
  const path = `quotes/new?${query.toString()}`
  const way = quoteOpenWay({ drawsInPlace: inPlace !== null, overlayUsable: inPlace === null && quoteOverlayUsable() })
  if (way === "in-place" && (await inPlace!(path).catch(() => false))) return { ok: true }
  if (way === "over-page" && (await openQuoteOverlay(path, (p) => void openInWorkspace(p)))) return { ok: true }
  return openInWorkspace(path)
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
