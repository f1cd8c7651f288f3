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

async function ask(path: string | null, ticket: string | null, warm: string | null = null, prepare: string[] = []): Promise<{ ticket: string; shown: boolean } | null> {
  try {
    const payload = { path, ticket, warm, ...(prepare.length > 0 ? { prepare } : {}) }
    const r = (await chrome.runtime.sendMessage({ type: "quote-frame/open", payload })) as Reply
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
  // A preload whose ticket comes while this one is asked for leaves the page to this click (startPreload).
  opening += 1
  const r = await ask(path, null).finally(() => (opening -= 1))
  if (!r) return false
  // One frame on the page: one made meanwhile (a click just before, its ticket asked for too) gives way to this one.
  if (overlay) remove()
  overlay = build(r.ticket)
  show(overlay)
  return true
}

/** Clicks whose new frame's ticket is being asked for. */
let opening = 0

/**
 * A card with New quote is on the page: the frame loads hidden, so that the click only hands it a route. Once per
 * page, and only where the overlay would be used. The frame draws that card's new quote once, unseen, and drops it:
 * the first real opening then runs code already run (in the frame and in the background's lookups), as the next
 * ones do.
 *
 * Not at once: the frame is an extension page, so it loads (a 2.4 MB bundle parsed and run, then the warm-up's
 * render) in the extension's renderer process, the one Chrome's offscreen document sets a call up in. A preload
 * begun as the card opened was still loading when a quick agent clicked the card's number, and held up the call's
 * set-up (click → in call 2.0–3.8× a bare sip.js page, against 1.1× without the preload: bench/README.md, "the
 * quote form's preload"). So it starts once the card has been on the page PRELOAD_CARD_QUIET_MS, the page's main
 * thread is idle, and no call is being set up or has changed state in the last PRELOAD_CALL_QUIET_MS
 * (`holdQuotePreload`, `quotePreloadCall`). The quote bench's first New quote, 1 s after the card, still finds
 * it loaded.
 *
 * Each card's new quote (`warm`) is also sent for the background to look up before the click, with the preload or,
 * for a card shown after it, under the same waits (`prepare`; background/handlers/quotes/prepared-handoffs.ts):
 * the click then hands the frame its route without waiting for the lookups.
 */
export function preloadQuoteOverlay(warm: string | null = null): void {
  if (!preloadWanted) notBefore = Math.max(notBefore, Date.now() + PRELOAD_CARD_QUIET_MS)
  preloadWanted = true
  preloadWarm = warm ?? preloadWarm
  if (warm !== null && !cardPaths.has(warm) && cardPaths.size < MAX_CARD_PATHS) {
    cardPaths.add(warm)
    unsent.push(warm)
  }
  schedulePreload()
}

/** How long a card has been on the page before its quote frame starts loading (the agent may call at once). */
export const PRELOAD_CARD_QUIET_MS = 250
/** How long a call placed from the page keeps the preload away at least, should no call state reach the page. */
export const PRELOAD_HOLD_MS = 3000
/** How long after a call's last change of state (answered, ended) the preload waits: the dock's outcome form opens then. */
export const PRELOAD_CALL_QUIET_MS = 1500
/** The wait for the page's main thread to be idle, at most. */
const IDLE_TIMEOUT_MS = 500

let preloadWanted = false
/** The card's new quote the preloaded frame warms up on, kept for a preload put off. */
let preloadWarm: string | null = null
/** No preload starts before this time. */
let notBefore = 0
/** A call is ringing (out, being set up; or in) as the page was last told: no preload starts until that changes. */
let callRinging = false
let preloadTimer: ReturnType<typeof setTimeout> | null = null
/** A ticket asked for the frame, not come yet. */
let asking = false
/** The new quotes of the page's cards (a page shows a few; a CRM list's many compact cards stop here). */
const MAX_CARD_PATHS = 12
const cardPaths = new Set<string>()
/** Those not sent to the background yet. */
const unsent: string[] = []
let prepareTimer: ReturnType<typeof setTimeout> | null = null

/** Cards shown after the preload: their lookups asked for under the preload's waits (one message for a batch). */
function schedulePrepare(): void {
  if (!overlay || unsent.length === 0 || callRinging || prepareTimer !== null) return
  prepareTimer = setTimeout(
    () => {
      prepareTimer = null
      whenIdle(() => {
        if (!overlay || unsent.length === 0 || !preloadMayStart()) return
        void ask(null, overlay.ticket, null, unsent.splice(0))
      })
    },
    Math.max(0, notBefore - Date.now())
  )
}

/** Cards whose New quote opens the workspace tab (the overlay not usable): their new quotes not sent yet. */
const forWorkspace: string[] = []
let workspaceTimer: ReturnType<typeof setTimeout> | null = null

/**
 * A card whose New quote opens the workspace tab (a window too narrow for the overlay, a browser without it, an
 * extension page): its new quote is sent for the background to look up before the click (`quotes/prepare`), under
 * the preload's waits (the card on the page a moment, the main thread idle, no call being set up: the lookups run
 * in the extension's worker, beside the call's offscreen document). The click then hands an open workspace tab its
 * route without waiting for them (background/handlers/workspace/open.ts).
 */
export function prepareQuoteHandoff(path: string): void {
  if (cardPaths.has(path) || cardPaths.size >= MAX_CARD_PATHS) return
  if (cardPaths.size === 0) notBefore = Math.max(notBefore, Date.now() + PRELOAD_CARD_QUIET_MS)
  cardPaths.add(path)
  forWorkspace.push(path)
  scheduleWorkspacePrepare()
}

function scheduleWorkspacePrepare(): void {
  if (forWorkspace.length === 0 || callRinging || workspaceTimer !== null) return
  workspaceTimer = setTimeout(
    () => {
      workspaceTimer = null
      whenIdle(() => {
        if (forWorkspace.length === 0 || !preloadMayStart()) return
        const paths = forWorkspace.splice(0)
        // (A surface without the extension's runtime, a unit test's card: nothing to ask.)
        if (typeof chrome === "undefined" || typeof chrome.runtime?.sendMessage !== "function") return
        void Promise.resolve()
          .then(() => chrome.runtime.sendMessage({ type: "quotes/prepare", payload: { paths } }))
          .catch(() => undefined)
      })
    },
    Math.max(0, notBefore - Date.now())
  )
}

/** A try at notBefore, once the main thread is idle (the one timer: a later notBefore replaces it). */
function schedulePreload(): void {
  scheduleWorkspacePrepare()
  schedulePrepare()
  if (!preloadWanted || overlay || callRinging || asking) return
  if (preloadTimer !== null) clearTimeout(preloadTimer)
  preloadTimer = setTimeout(
    () => {
      preloadTimer = null
      whenIdle(() => void startPreload())
    },
    Math.max(0, notBefore - Date.now())
  )
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS })
  else run()
}

/** Whether a preload may start now; if not, it is tried again when it may (put off meanwhile: a call, a state). */
function preloadMayStart(): boolean {
  if (!callRinging && Date.now() >= notBefore) return true
  schedulePreload()
  return false
}

async function startPreload(): Promise<void> {
  if (overlay || !preloadWanted || asking || !preloadMayStart()) return
  asking = true
  const prepare = unsent.splice(0).filter((p) => p !== preloadWarm)
  const r = await ask(null, null, preloadWarm, prepare).finally(() => (asking = false))
  // A click asking for its own frame meanwhile: that frame is the page's (two would be left otherwise).
  if (!r || overlay || opening > 0) return
  // A call placed while the ticket came: later (its ticket is left to go with the tab).
  if (!preloadMayStart()) return
  overlay = build(r.ticket)
  // Cards shown while the ticket came.
  schedulePrepare()
}

/**
 * A call placed from this page (or the agent's pointer down on a call button): the preload waits, at least
 * PRELOAD_HOLD_MS, and then as long as the call's states reaching the page say it rings (`quotePreloadCall`). A
 * frame already loading is left to finish: taking it away did not stop its script already running, and loading it
 * again after the hold made a second load (bench/README.md).
 */
export function holdQuotePreload(ms = PRELOAD_HOLD_MS): void {
  notBefore = Math.max(notBefore, Date.now() + ms)
  schedulePreload()
}

/** What the page's panel is told of the softphone's call (CallBar's, kept narrow: this file takes no zod). */
export interface PreloadCall {
  phase: string
  startedAt: number | null
  answeredAt: number | null
  endedAt: number | null
}

/**
 * The softphone's call as the page's panel was last told (null: no call). While a call rings (out: being set up;
 * in) no preload starts, and none until PRELOAD_CALL_QUIET_MS after its last change (the answer, the hang-up: the
 * outcome form opens in the dock, in the process the frame would load in). Timed from the call's own stamps, so a
 * call that ended long before the page loaded does not put the preload off.
 */
export function quotePreloadCall(call: PreloadCall | null): void {
  callRinging = call?.phase === "ringing-out" || call?.phase === "ringing-in"
  const changed = Math.max(call?.startedAt ?? 0, call?.answeredAt ?? 0, call?.endedAt ?? 0)
  if (changed > 0) notBefore = Math.max(notBefore, changed + PRELOAD_CALL_QUIET_MS)
  schedulePreload()
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
