import { findComposeBox, insertIntoCompose, parseComposeContent, targetOf } from "./compose-box"

/**
 * The content script's side of "Insert into reply": remembers the editor the user was last in (focus moves to
 * the extension's tab when they click the button, so "the focused one" is gone by then), and answers the
 * background's `compose/probe` (is there a compose box here, when was it last used) and `compose/insert`.
 */
export function startComposeListener(): void {
  let last: Element | null = null
  let lastAt = 0
  const remember = (el: Element | null) => {
    if (el && targetOf(el)) {
      last = el
      lastAt = Date.now()
    }
  }
  document.addEventListener("focusin", (e) => remember(e.target instanceof Element ? e.target : null), true)
  // An editor inside a same-origin iframe (Roundcube's TinyMCE) takes focus without a focusin in this document.
  window.addEventListener("blur", () => queueMicrotask(() => remember(document.activeElement)))
  // Webmails focus their editor as the compose page opens (Roundcube does), often before this script runs: the user
  // then types in it with no focusin for us to see.
  remember(document.activeElement)

  chrome.runtime.onMessage.addListener((message: unknown, _sender, reply: (r: unknown) => void) => {
    if (typeof message !== "object" || message === null) return false
    const m = message as { type?: unknown; payload?: unknown }
    if (m.type === "compose/probe") {
      const box = findComposeBox(document, last)
      reply({ ok: true, data: { found: box !== null, focusedAt: box ? lastAt : 0 } })
      return false
    }
    if (m.type === "compose/insert") {
      const content = parseComposeContent(m.payload)
      const box = content ? findComposeBox(document, last) : null
      if (!content) reply({ ok: false, error: "malformed content" })
      else if (!box) reply({ ok: false, error: "no compose box on this page" })
      else reply({ ok: true, data: { inserted: insertIntoCompose(box, content, last) } })
      return false
    }
    return false
  })
}
