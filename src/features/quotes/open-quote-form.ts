/**
 * The card's "New quote": opens the quote form in the workspace tab (`#/quotes/new?customer=<id>`). The form
 * needs the width of a page (a lines table, totals, the risk), as HubSpot's and Odoo's quote editors do; the
 * side panel is a third of the window and stays for the call and its script. No zod and no form code here:
 * this file is part of every page's content script; the background validates `workspace/open`.
 */
export async function openQuoteForm(customerId: string, contactId?: string | null, callId?: string | null): Promise<{ ok: boolean; error?: string }> {
  // From a call (the caller card, the outcome form): the caller as contact, and the call the quote is linked to.
  const query = new URLSearchParams({ customer: customerId, ...(contactId ? { contact: contactId } : {}), ...(callId ? { call: callId } : {}) })
  try {
    const reply = (await chrome.runtime.sendMessage({ type: "workspace/open", payload: { path: `quotes/new?${query.toString()}` } })) as { ok: boolean; error?: string } | undefined
    if (!reply) return { ok: false, error: "no answer from the background" }
    return reply.ok ? { ok: true } : { ok: false, error: String(reply.error) }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
