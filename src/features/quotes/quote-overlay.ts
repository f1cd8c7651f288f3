import { framingAllowed } from "./quote-frame-hosts"
import { overlayMessage } from "./quote-frame-messages"

/**
 * The quote form over the page (issue #10), as HubSpot's Gmail extension opens its editors: a modal `<dialog>`
 * holding an `<iframe>` of the extension's `tabs/quote-frame.html`, in a closed shadow root of its own (the page's
 * scripts can neither read the frame's URL, which carries its ticket, nor restyle it). The agent stays on the mail
 * or the CRM page, and "Insert into reply" fills that page's compose box. Plain DOM, no React, no zod: this is in
 * every page's content script.
 *
 * The frame stays on the page once opened (hidden), so that the next New quote on the page only hands it a route.
 */
interface Overlay {
  host: HTMLElement
  dialog: HTMLDialogElement
  frame: HTMLIFrameElement
  ticket: string
  /** The page's element that had the focus, given back on close. */
  returnFocus: Element | null
  /** The frame's document and scripts have loaded (its `load` event). */
  loaded: boolean
}

let overlay: Overlay | null = null
let onRefused: ((path: string) => void) | null = null
let lastPath: string | null = null

const STYLE = `
dialog { padding: 0; border: 0; border-radius: 10px; width: min(1120px, calc(100vw - 48px)); height: calc(100vh - 48px);
  max-width: none; max-height: none; box-shadow: 0 12px 48px rgba(15, 23, 42, 0.35); overflow: hidden; background: #fff; }
dialog::backdrop { background: rgba(15, 23, 42, 0.45); }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: light; }
`

type Reply = { ok: true; data: { ticket: string; shown: boolean } } | { ok: false; error: string } | undefined

async function ask(path: string | null, ticket: string | null, warm: string | null = null): Promise<{ ticket: string; shown: boolean } | null> {
  try {
    const r = (await chrome.runtime.sendMessage({ type: "quote-frame/open", payload: { path, ticket, warm } })) as Reply
    return r?.ok ? r.data : null
  } catch {
    return null
  }
}

/** A frame for `ticket`, in a dialog not shown yet. */
function build(ticket: string): Overlay {
  listen()
  const host = document.createElement("comptoir-quote-overlay")
  const root = host.attachShadow({ mode: "closed" })
  const style = document.createElement("style")
  style.textContent = STYLE
  const dialog = document.createElement("dialog")
  const frame = document.createElement("iframe")
  const src = chrome.runtime.getURL("tabs/quote-frame.html")
  frame.src = `${src}#${ticket}`
  frame.title = "Comptoir"
  // The frame's own page needs no more than that: no top navigation, no pop-ups from the page's side.
  frame.setAttribute("allow", "clipboard-write")
  dialog.append(frame)
  root.append(style, dialog)
  // Escape with the focus on the page's side of the dialog: the same as in the frame.
  dialog.addEventListener("cancel", (e) => {
    e.preventDefault()
    hide()
  })
  document.documentElement.append(host)
  const o: Overlay = { host, dialog, frame, ticket, returnFocus: null, loaded: false }
  frame.addEventListener("load", () => (o.loaded = true), { once: true })
  return o
}

function show(o: Overlay) {
  if (o.dialog.open) return
  o.returnFocus = document.activeElement
  o.dialog.showModal()
  o.frame.focus()
  performance.mark("comptoir:quote-overlay-shown")
}

function hide() {
  if (!overlay?.dialog.open) return
  overlay.dialog.close()
  const back = overlay.returnFocus
  overlay.returnFocus = null
  if (back instanceof HTMLElement) back.focus({ preventScroll: true })
}

function remove() {
  overlay?.host.remove()
  overlay = null
}

/**
 * Listens from the first frame built on: nothing to hear before one exists, and this module is imported by every
 * surface that shows a customer card (extension pages, unit tests without `chrome`), which must not all listen.
 */
let listening = false
function listen() {
  if (listening) return
  listening = true
  chrome.runtime.onMessage.addListener(onBackgroundMessage)
}

function onBackgroundMessage(message: unknown, sender: chrome.runtime.MessageSender): boolean {
  // Only the background (no tab), about this page's own overlay.
  const m = overlayMessage(message)
  if (!m || sender.id !== chrome.runtime.id || sender.tab || !overlay || m.ticket !== overlay.ticket) return false
  if (m.kind === "hide") hide()
  else {
    // The background did not know the ticket (its worker restarted): the workspace tab, as before.
    const path = overlay.dialog.open ? lastPath : null
    remove()
    if (path) onRefused?.(path)
  }
  return false
}

/**
 * Opens `path` (a new quote's route) over the page: in the frame already on the page, else in a new one. False
 * when the background gave no ticket (the caller opens the workspace tab).
 */
export async function openQuoteOverlay(path: string, fallback: (path: string) => void): Promise<boolean> {
  onRefused = fallback
  lastPath = path
  if (overlay && !overlay.host.isConnected) overlay = null
  if (overlay) {
    // Shown at the click: the frame cleared its last form on close, and draws the new one as the route reaches it.
    show(overlay)
    const r = await ask(path, overlay.ticket)
    if (r?.shown) return true
    // That frame is gone (the page removed it, or it never attached): a new one below.
    remove()
  }
  const r = await ask(path, null)
  if (!r) return false
  overlay = build(r.ticket)
  show(overlay)
  return true
}

/**
 * A card with New quote is on the page: the frame loads now, hidden, so that the click only hands it a route.
 * Once per page, and only where the overlay would be used. The frame draws that card's new quote once, unseen,
 * and drops it: the first real opening then runs code already run (in the frame and in the background's lookups),
 * as the next ones do.
 */
export async function preloadQuoteOverlay(warm: string | null = null): Promise<void> {
  preloadWanted = true
  preloadWarm = warm ?? preloadWarm
  if (overlay) return
  if (Date.now() < heldUntil) return preloadLater()
  const r = await ask(null, null, preloadWarm)
  if (!r || overlay) return
  // A call placed while the ticket came: later (its ticket is left to go with the tab).
  if (Date.now() < heldUntil) return preloadLater()
  overlay = build(r.ticket)
}

/** How long a call placed from the page keeps the frame's preload away (its set-up is ~0.1–0.3 s). */
export const PRELOAD_HOLD_MS = 3000
let heldUntil = 0
let preloadWanted = false
/** The card's new quote the preloaded frame warms up on, kept for a preload the hold put off. */
let preloadWarm: string | null = null
let preloadTimer: ReturnType<typeof setTimeout> | null = null

function preloadLater(): void {
  if (preloadTimer !== null) clearTimeout(preloadTimer)
  preloadTimer = setTimeout(
    () => {
      preloadTimer = null
      void preloadQuoteOverlay()
    },
    Math.max(0, heldUntil - Date.now())
  )
}

/**
 * A call placed from this page: the quote frame's preload waits until the call is set up. The frame is an extension
 * page, so it loads (a 2.4 MB bundle parsed and run) in the extension's renderer process, the one Chrome's offscreen
 * document holding the call runs in: a preload under way at the click held up the call's set-up by ~70 ms at p50 in
 * the softphone bench (bench/README.md, "Click-to-call straight to the offscreen document, and the quote form's
 * preload"). A frame still loading is taken away and loaded again after the hold; one already loaded (or shown) stays.
 */
export function holdQuotePreload(ms = PRELOAD_HOLD_MS): void {
  heldUntil = Date.now() + ms
  if (overlay && !overlay.loaded && !overlay.dialog.open) remove()
  if (preloadWanted && !overlay) preloadLater()
}

/**
 * The overlay is for a web page's top frame, on a page the manifest lets frame it, in a browser that tells the
 * frame whether it is seen unobscured, in a window wide enough for the lines table.
 */
export function quoteOverlayUsable(): boolean {
  return (
    framingAllowed(location.href) &&
    window.top === window &&
    typeof HTMLDialogElement === "function" &&
    typeof IntersectionObserverEntry !== "undefined" &&
    "isVisible" in IntersectionObserverEntry.prototype &&
    window.innerWidth >= 720 &&
    window.innerHeight >= 480
  )
}
