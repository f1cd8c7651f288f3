/**
 * Click-to-call from the card and the page panel. No zod here: this file is part of the content script, and the
 * receiver validates the request against the contract before it does anything.
 *
 * The click goes first to where the call runs (`softphone/dial`, answered by Chrome's offscreen document or
 * Firefox's event page: one hop, not content script → service worker → offscreen document). When nothing answers
 * it (no offscreen document yet: the softphone not started, the system dialer) or no softphone is started there, it
 * goes through the background (`softphone/call`), which starts what is needed.
 */
import { holdQuotePreload } from "~src/features/quotes/quote-overlay"

export interface CallRequest {
  number: string
  customerId?: string
  contactId?: string
}

type Reply = { ok: true; data: { ok: boolean; callId?: string; error?: string; unhosted?: boolean } } | { ok: false; error: string } | undefined

async function ask(type: "softphone/dial" | "softphone/call", req: CallRequest): Promise<Reply> {
  return (await chrome.runtime.sendMessage({ type, payload: req })) as Reply
}

export async function placeCall(req: CallRequest): Promise<{ ok: boolean; error?: string }> {
  // The quote form's frame, if it is being preloaded on this page, does not load during the call's set-up.
  holdQuotePreload()
  try {
    // "Receiving end does not exist" / "message port closed": no offscreen document to take it.
    let reply = await ask("softphone/dial", req).catch(() => undefined)
    if (!reply || (reply.ok && reply.data?.unhosted === true)) reply = await ask("softphone/call", req)
    if (!reply) return { ok: false, error: "no answer from the background" }
    if (!reply.ok) return { ok: false, error: String(reply.error) }
    return { ok: reply.data?.ok === true, error: reply.data?.error }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
