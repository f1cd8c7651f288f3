/**
 * Click-to-call from the card and the page panel. No zod here: this file is part of the content script, and the
 * background validates the request against the contract (softphone/call) before it does anything.
 */
import { holdQuotePreload } from "~src/features/quotes/quote-overlay"

export interface CallRequest {
  number: string
  customerId?: string
  contactId?: string
}

export async function placeCall(req: CallRequest): Promise<{ ok: boolean; callId?: string; error?: string }> {
  // The quote form's frame, if it is being preloaded on this page, does not load during the call's set-up.
  holdQuotePreload()
  try {
    const reply = (await chrome.runtime.sendMessage({ type: "softphone/call", payload: req })) as
      | { ok: true; data: { ok: boolean; callId?: string; error?: string } }
      | { ok: false; error: string }
      | undefined
    if (!reply) return { ok: false, error: "no answer from the background" }
    if (!reply.ok) return { ok: false, error: String(reply.error) }
    return { ok: reply.data?.ok === true, callId: reply.data?.callId, error: reply.data?.error }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

/** Hangs up a call placed here (softphone/hangup, checked in the background against the call under way). */
export async function hangUpCall(callId: string): Promise<void> {
  await chrome.runtime.sendMessage({ type: "softphone/hangup", payload: { callId } }).catch(() => undefined)
}
