import type { MessageName } from "~src/messaging/contract"
import { defineHandler, type Handler } from "~src/messaging/handler"

import type { ProviderHost } from "./provider-host"

/**
 * The contract's entries whose handler lives with the provider host (Chrome's offscreen document, Firefox's event
 * page), not among the background's handlers: a content script's message reaches every extension context, so the
 * click goes straight to where the call runs. Chrome's service worker leaves these to the offscreen document.
 */
export const HOST_ENTRIES: readonly MessageName[] = ["softphone/dial"]

/** Whether a message is one of the host's entries (read before any validation: the dispatcher validates it). */
export function isHostEntry(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type
  return typeof type === "string" && (HOST_ENTRIES as readonly string[]).includes(type)
}

/**
 * A page may ask for a call to a phone number, nothing more: no star or hash codes (`*72…` sets call forwarding on
 * many PBXs). The same rule as the background's `softphone/call` (background/handlers/softphone/index.ts).
 */
export function isPlainNumber(number: string): boolean {
  return /^\+?\d{3,20}$/.test(number.replace(/[\s().-]/g, ""))
}

/**
 * `softphone/dial`: the card's click-to-call, placed here without the service worker between (one hop instead of
 * two). The customer the click named goes back to the background with the call's "outgoing" report, checked there
 * (a content script's claim is kept only if that customer holds the number, as for `softphone/call`). With no
 * provider started here (Firefox with the system dialer, a softphone being restarted) it answers `unhosted` and the
 * caller asks the background (`softphone/call`), which starts what is needed.
 */
export function createHostHandlers(host: ProviderHost): Handler[] {
  const dial = defineHandler("softphone/dial", async (req, ctx) => {
    if (!host.started()) return { ok: false, unhosted: true }
    const fromContent = ctx.sender !== "page"
    if (fromContent && !isPlainNumber(req.number)) return { ok: false, error: "a page may only ask for a call to a phone number" }
    try {
      const dialled = { number: req.number, customerId: req.customerId ?? null, contactId: req.contactId ?? null, check: fromContent }
      const { callId } = (await host.run({ op: "call", number: req.number, dialled })) as { callId: string }
      return { ok: true, callId }
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) }
    }
  })
  return [dial as Handler]
}
