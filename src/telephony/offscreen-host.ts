import { createDispatcher } from "~src/messaging/handler"
import { originOf, senderKind } from "~src/messaging/sender"

import { createHostHandlers, isHostEntry } from "./host-handlers"
import { OFFSCREEN_TARGET, OffscreenEnvelope, type OffscreenReply } from "./offscreen-protocol"
import { createProviderHost } from "./provider-host"

/**
 * Runs in the offscreen document (Chrome) where WebRTC and the microphone exist: the provider host, driven by
 * the background's messages (and a card's click-to-call, `softphone/dial`, straight from the page), reporting each
 * change to the background, which publishes it to every surface.
 */
export function startOffscreenHost(): void {
  const host = createProviderHost((state, event, dialled) => {
    chrome.runtime.sendMessage({ type: "softphone/report", payload: { state, event, ...(dialled ? { dialled } : {}) } }).catch(() => undefined)
  })
  // The contract's entries this document answers itself (host-handlers.ts: a card's click-to-call, one hop), validated
  // and refused like the background's (src/messaging/handler.ts); the service worker leaves them to it.
  const dispatch = createDispatcher(createHostHandlers(host))
  const extensionOrigin = originOf(chrome.runtime.getURL("")) ?? ""

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (isHostEntry(message)) {
      if (sender.id !== chrome.runtime.id) return false
      const kind = senderKind({ url: sender.url, origin: sender.origin }, extensionOrigin)
      void dispatch(message, { tabId: sender.tab?.id, frameId: sender.frameId, windowId: sender.tab?.windowId, url: sender.url, sender: kind }).then(sendResponse)
      return true
    }
    // Contract messages are the background's to answer; this document only takes its own envelope, and only
    // from the extension's background (no tab, no page URL).
    if ((message as { target?: unknown })?.target !== OFFSCREEN_TARGET) return false
    if (sender.id !== chrome.runtime.id || sender.tab) return false
    const parsed = OffscreenEnvelope.safeParse(message)
    if (!parsed.success) {
      sendResponse({ ok: false, error: "malformed softphone command" } satisfies OffscreenReply)
      return false
    }
    host.run(parsed.data.command).then(
      (data) => sendResponse({ ok: true, data: data ?? null } satisfies OffscreenReply),
      (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) } satisfies OffscreenReply)
    )
    return true
  })
  // The background waits for this before its first command (a new document has no listener yet).
  chrome.runtime.sendMessage({ type: "softphone/report", payload: { state: host.state(), event: null } }).catch(() => undefined)
}
