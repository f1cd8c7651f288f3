import { findComposeBox, insertIntoCompose, parseComposeContent, targetOf } from "./compose-box"
import { composeRecipients } from "./compose-recipients"

/** The events only the user's hand makes in an editor: a press of the pointer in it, or a key typed in it. */
const USER_INPUT_EVENTS = ["pointerdown", "mousedown", "keydown"] as const

/** The browser's word that the user made the event: a page's script can neither forge it nor raise it with focus(). */
const byTheUser = (e: Event): boolean => e.isTrusted

/** An element whatever frame's realm it comes from (the editor frame's nodes are not this realm's `Element`). */
function asElement(target: EventTarget | null): Element | null {
  const node = target as Partial<Element> | null
  return node && node.nodeType === 1 ? (node as Element) : null
}

/**
 * The content script's side of "Insert into reply": remembers the editor the user was last in (focus moves to
 * the extension's tab when they click the button, so "the focused one" is gone by then), and answers the
 * background's `compose/probe` (is there a compose box here, when was it last used, to whom is it addressed) and
 * `compose/insert`.
 *
 * Only the user's own click or key in an editor makes it the target, never focus: a page's script can focus any
 * editor of its own (`focus()` raises trusted focus events), and a site the user added (a CRM) could so take the
 * summary meant for the reply in the webmail. `isUserInput` is the trust test (tests stand in for the user's hand).
 */
export function startComposeListener(isUserInput: (e: Event) => boolean = byTheUser): void {
  let last: Element | null = null
  let lastAt = 0
  const onUserInput = (e: Event) => {
    if (!isUserInput(e)) return
    const el = asElement(e.target)
    if (el && targetOf(el)) {
      last = el
      lastAt = Date.now()
    }
  }
  const watched = new WeakSet<Document>()
  const watch = (doc: Document | null | undefined) => {
    if (!doc || watched.has(doc)) return
    watched.add(doc)
    for (const type of USER_INPUT_EVENTS) doc.addEventListener(type, onUserInput, true)
  }
  // An editor in a same-origin frame (Roundcube's TinyMCE) gets the user's clicks and keys in its own document.
  const watchFrame = (el: Element | null) => {
    if (el?.tagName !== "IFRAME") return
    try {
      watch((el as HTMLIFrameElement).contentDocument)
    } catch {
      // Another origin's frame: not an editor we write into.
    }
  }
  watch(document)
  document.querySelectorAll("iframe").forEach(watchFrame)
  // Frames made later, or whose document was replaced: the pointer enters the frame before it clicks in it, and the
  // keyboard moves focus into it (this window's blur) before it types there. Only listening starts here.
  document.addEventListener("pointerover", (e) => watchFrame(asElement(e.target)), true)
  window.addEventListener("blur", () => queueMicrotask(() => watchFrame(document.activeElement)))

  chrome.runtime.onMessage.addListener((message: unknown, _sender, reply: (r: unknown) => void) => {
    if (typeof message !== "object" || message === null) return false
    const m = message as { type?: unknown; payload?: unknown }
    if (m.type === "compose/probe") {
      const box = findComposeBox(document, last)
      reply({ ok: true, data: { found: box !== null, focusedAt: box ? lastAt : 0, recipients: box ? composeRecipients(box) : [] } })
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
