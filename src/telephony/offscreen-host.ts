import { beginCallTrace, endCallTrace, installCallTrace } from "./call-trace"
import { OFFSCREEN_TARGET, OffscreenEnvelope, type OffscreenReply } from "./offscreen-protocol"
import { createProviderHost } from "./provider-host"

/**
 * Runs in the offscreen document (Chrome) where WebRTC and the microphone exist: the provider host, driven by
 * the background's messages, reporting each change to the background, which publishes it to every surface.
 */
export function startOffscreenHost(): void {
  // Bench-only (call-trace.ts): a build made with PLASMO_PUBLIC_CALL_TRACE=1 stamps each outgoing call's set-up and
  // sends the stamps to the extension's pages (the softphone bench's dock) 250 ms after the answer.
  const tracing = process.env.PLASMO_PUBLIC_CALL_TRACE === "1"
  if (tracing) installCallTrace()
  const host = createProviderHost((state, event) => {
    chrome.runtime.sendMessage({ type: "softphone/report", payload: { state, event } }).catch(() => undefined)
    if (tracing && event?.type === "answered")
      setTimeout(() => void chrome.runtime.sendMessage({ type: "bench/call-trace", payload: endCallTrace() }).catch(() => undefined), 250)
  })

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Contract messages are the background's to answer; this document only takes its own envelope, and only
    // from the extension's background (no tab, no page URL).
    if ((message as { target?: unknown })?.target !== OFFSCREEN_TARGET) return false
    if (sender.id !== chrome.runtime.id || sender.tab) return false
    if (tracing && (message as { command?: { op?: string } }).command?.op === "call") beginCallTrace("request received")
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
