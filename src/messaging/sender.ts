import type { SenderKind } from "./contract"

/** What the dispatcher needs of `chrome.runtime.MessageSender` (kept structural: the tests run in Node). */
export interface SenderFacts {
  url?: string
  /** Chrome sets it (the frame's origin, `null` for opaque ones); Firefox does not. */
  origin?: string
}

/**
 * Whether a message comes from one of the extension's own pages or from a content script. The tab is no
 * clue: an extension page opened in a tab has `sender.tab` too, and the side panel, popup, options and
 * offscreen documents have none. The origin is: only our own pages run at the extension's origin. Anything
 * that does not prove it (no URL, `about:blank`, an opaque origin) counts as a content script, the least
 * trusted kind.
 *
 * @param extensionOrigin `new URL(chrome.runtime.getURL("")).origin`: `chrome-extension://<id>` or
 *   `moz-extension://<uuid>`.
 */
export function senderKind(sender: SenderFacts, extensionOrigin: string): SenderKind {
  const origin = sender.origin ?? originOf(sender.url)
  return origin !== undefined && origin === extensionOrigin ? "page" : "content"
}

/** The origin of a URL, also for the extension schemes (whose `URL.origin` is "null" in Node). */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    // Node's and the browsers' URL give "null" as the origin of non-special schemes; build it from the parts.
    return u.origin !== "null" ? u.origin : `${u.protocol}//${u.host}`
  } catch {
    return undefined
  }
}
