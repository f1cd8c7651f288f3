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

/** The last intent sent: a pointer moving over the same button again within a second sends nothing more. */
let intent: { number: string; at: number } | null = null
const INTENT_REPEAT_MS = 1000

/**
 * The pointer rests on (or focus lands on) a call button: the softphone makes the call's offer ahead, so that the click
 * only opens the microphone and sends the INVITE (softphone/prepare; no microphone, nothing shown, dropped unused
 * after a few seconds: src/telephony/prepared-offer.ts). A scripted focus or hover only makes an offer nobody sends.
 */
export function prepareCall(number: string): void {
  const now = Date.now()
  if (intent?.number === number && now - intent.at < INTENT_REPEAT_MS) return
  intent = { number, at: now }
  // The quote form's preload does not start loading while the hand reaches the button: it would land on the call's
  // set-up, in the process the call is set up in (quote-overlay.ts).
  holdQuotePreload()
  chrome.runtime.sendMessage({ type: "softphone/prepare", payload: { number } }).catch(() => undefined)
}

/** Hangs up a call placed here (softphone/hangup, checked in the background against the call under way). */
export async function hangUpCall(callId: string): Promise<void> {
  await chrome.runtime.sendMessage({ type: "softphone/hangup", payload: { callId } }).catch(() => undefined)
}
