import { useEffect, useState, useSyncExternalStore } from "react"
import { useTranslation } from "react-i18next"

import { parseRoute, routeHash } from "~src/features/workspace/route"
import { hasUnsavedWork } from "~src/features/workspace/unsaved-work"
import { send } from "~src/messaging/send"
import { AppShell } from "~src/ui/app-shell"

import { discardQuestion } from "./discard-question"
import { QUOTE_FRAME_ROUTE_MESSAGE, type QuoteFrameEvent } from "./quote-frame-messages"
import { frameGateState, startFrameGate, subscribeFrameGate } from "./quote-frame-gate"
import { setFrameHost } from "./quote-frame-host"
import { keepQuoteHandoff } from "./quote-handoff"
import { QuotesRoute } from "./quotes-route"

/**
 * The quote form over a page (`tabs/quote-frame.html`, framed by the page's content script in a closed shadow
 * root; issue #10). It shows nothing until the background takes its ticket (quote-frame-tickets.ts): a page that
 * frames this URL itself gets an empty frame. Then it is the workspace's quotes route, without the navigation.
 */
type FrameState = { kind: "waiting" } | { kind: "refused" } | { kind: "route"; hash: string; warm: boolean; seq: number }

let state: FrameState = { kind: "waiting" }
let pageOrigin: string | null = null
const listeners = new Set<() => void>()

function setState(next: FrameState) {
  state = next
  for (const l of listeners) l()
}

/** To the page's content script, through the background (quote-frame-messages.ts). */
function post(event: QuoteFrameEvent) {
  if (pageOrigin === null) return
  void send("quote-frame/event", { event }).catch(() => undefined)
}

let seq = 0
const READY_MARK = "comptoir:quote-form-ready"
const WARM_UP_MAX_MS = 5000

/**
 * A route from the background (at attach, or later for the frame kept on the page): the form for that customer.
 * `warm`: a preloaded frame's warm-up, drawn in the hidden dialog and dropped once drawn (see `warmUp`).
 */
function show(path: string, handoff: unknown, warm = false) {
  const hash = routeHash(path)
  keepQuoteHandoff(hash, handoff)
  // replaceState, not a hash change: the page's Back button must not walk through the frame's routes.
  history.replaceState(null, "", hash)
  // A new `seq` each time: a real opening on the warm-up's route is drawn afresh, with its own lookups.
  setState({ kind: "route", hash, warm, seq: ++seq })
}

/**
 * The first form drawn in a document costs about twice what the next ones do (its code runs for the first time,
 * its styles are computed for the first time): the preloaded frame draws its card's new quote once, unseen, and
 * goes back to waiting. Nothing is saved by drawing a new quote (it is saved on the agent's action), and the mark
 * the benchmark reads is taken back. A real route arriving meanwhile replaces the warm-up, which then leaves it be.
 */
function warmUp(path: string, handoff: unknown) {
  show(path, handoff, true)
  const mine = state
  let timer = 0
  const done = () => {
    observer.disconnect()
    clearTimeout(timer)
    if (state !== mine) return
    performance.clearMarks(READY_MARK)
    history.replaceState(null, "", location.pathname)
    setState({ kind: "waiting" })
    performance.mark("comptoir:quote-frame-warmed")
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(READY_MARK).length > 0) setTimeout(done, 0)
  })
  observer.observe({ type: "mark" })
  timer = window.setTimeout(done, WARM_UP_MAX_MS)
}

/** Called as the frame's code starts, before React mounts: the ticket is presented at once. */
export function startQuoteFrame(): void {
  // Before anything is drawn: the page may be drawing over this frame from the start.
  startFrameGate()
  const ticket = location.hash.replace(/^#/, "")
  // The ticket is spent: it leaves the URL before anything renders.
  history.replaceState(null, "", location.pathname)
  // Inserted into the page's reply: the overlay closes on it, as on Escape.
  setFrameHost((event) => (event === "inserted" ? close() : post(event)))
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: { taken: boolean }) => void) => {
    const m = message as { type?: unknown; payload?: { path?: unknown; handoff?: unknown } } | null
    if (m?.type !== QUOTE_FRAME_ROUTE_MESSAGE) return false
    // The benchmark splits click → form at this point (bench/quote-overlay.ts).
    performance.mark("comptoir:quote-frame-routed")
    // Only the background (a content script's message has a tab), and only once this frame is attached.
    if (sender.id !== chrome.runtime.id || sender.tab || pageOrigin === null) return false
    const path = m.payload?.path
    if (typeof path !== "string" || !path.startsWith("quotes/new?")) return false
    // A form with typing not saved is the agent's: it stays (shown again) unless they let it go.
    if (state.kind === "route" && hasUnsavedWork() && !confirm(discardQuestion())) {
      sendResponse({ taken: true })
      return false
    }
    show(path, m.payload?.handoff)
    sendResponse({ taken: true })
    return false
  })
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins
  // Chrome's `ancestorOrigins`: the page right above, and nothing between (a frame nested in the page's own iframe
  // says so, and the background refuses it). Firefox has none: the ticket alone.
  const ancestorOrigin = ancestors ? (ancestors.length === 1 ? ancestors[0]! : `nested:${ancestors.length}`) : null
  send("quote-frame/attach", { ticket, ancestorOrigin }).then(
    (r) => {
      pageOrigin = r.pageOrigin
      if (r.path) show(r.path, r.handoff)
      else if (r.warm) warmUp(r.warm, r.handoff)
    },
    () => setState({ kind: "refused" })
  )
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && state.kind === "route" && !state.warm && !e.defaultPrevented) close()
  })
}

/**
 * The overlay hides; its frame stays on the page for the next New quote. A form with typing not saved stays in it
 * (the next route asks before replacing it); any other is cleared, so that the next opening starts blank.
 */
function close() {
  post("close")
  if (!hasUnsavedWork()) setState({ kind: "waiting" })
}

function useFrameState(): FrameState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state
  )
}

export function QuoteFrameApp() {
  return (
    <AppShell ownsDocument>
      <QuoteFrame />
    </AppShell>
  )
}

function QuoteFrame() {
  const { t } = useTranslation()
  const frame = useFrameState()
  const gate = useSyncExternalStore(subscribeFrameGate, frameGateState)
  // The editor's own links (an answered quote's page) change the hash inside the frame.
  const [hash, setHash] = useState(location.hash)
  useEffect(() => {
    const onChange = () => setHash(location.hash)
    window.addEventListener("hashchange", onChange)
    return () => window.removeEventListener("hashchange", onChange)
  }, [])
  useEffect(() => setHash(location.hash), [frame])
  if (frame.kind === "refused") return <p className="c-error">{t("quotes.frame.refused")}</p>
  if (frame.kind === "waiting") return null
  const route = parseRoute(hash)
  return (
    // A warm-up is laid out (that is part of what it warms) but never seen, should the dialog open meanwhile.
    <div className="c-quote-frame" data-comptoir="quote-frame" style={frame.warm ? { visibility: "hidden" } : undefined}>
      <header className="c-quote-frame-bar">
        {/* "Quote", not "New quote": the same bar stays over the quote once saved, sent and answered (the form's own
            heading says when it is a new one). */}
        <strong>{t("quotes.frame.title")}</strong>
        <button type="button" className="c-button c-button-secondary" data-comptoir="quote-frame-close" data-visibility-gate="free" aria-label={t("quotes.frame.close")} title={t("quotes.frame.close")} onClick={close}>
          ×
        </button>
        {/* In the bar, which stays in view: the buttons it is about are at the bottom of a long form. */}
        {gate === "covered" || gate === "unsupported" ? (
          <p className="c-notice c-quote-frame-gate" role="status" data-comptoir="quote-frame-gate" data-state={gate}>
            {t(`quotes.frame.${gate}`)}
          </p>
        ) : null}
      </header>
      {route.section === "quotes" ? <QuotesRoute key={frame.seq} path={route.path} /> : null}
    </div>
  )
}
