import { OFFSCREEN_TARGET, OffscreenEnvelope, type OffscreenReply } from "./offscreen-protocol"
import { createProviderHost } from "./provider-host"

/**
 * Runs in the offscreen document (Chrome) where WebRTC and the microphone exist: the provider host, driven by
 * the background's messages, reporting each change to the background, which publishes it to every surface.
 */
export function startOffscreenHost(): void {
  const host = createProviderHost((state, event) => {
    chrome.runtime.sendMessage({ type: "softphone/report", payload: { state, event } }).catch(() => undefined)
  })

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
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
