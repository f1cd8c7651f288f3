import { openQuoteOverlay, quoteOverlayUsable } from "./quote-overlay"

/**
 * The card's "New quote". In a web page (a mail, a CRM), over that page: a modal frame of the extension's quote
 * form (quote-overlay.ts), so the agent stays on the mail whose reply will take the quote. Elsewhere (the side
 * panel, the popup, the workspace), or where the overlay cannot be used (a small window, a browser whose frames
 * cannot tell they are covered: Firefox), in the workspace tab (`#/quotes/new?customer=<id>`), reused if open.
 * No zod and no form code here: this file is part of every page's content script; the background validates
 * `quote-frame/open` and `workspace/open`.
 */
export async function openQuoteForm(customerId: string, contactId?: string | null, callId?: string | null): Promise<{ ok: boolean; error?: string }> {
  // From a call (the caller card, the outcome form): the caller as contact, and the call the quote is linked to.
  const query = new URLSearchParams({ customer: customerId, ...(contactId ? { contact: contactId } : {}), ...(callId ? { call: callId } : {}) })
  const path = `quotes/new?${query.toString()}`
  if (quoteOverlayUsable() && (await openQuoteOverlay(path, (p) => void openInWorkspace(p)))) return { ok: true }
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
