import { VisibilityGate, type GateState, type VisibilityReport } from "./visibility-gate"

/**
 * The quote frame's guard against the page drawing over it (issue #10; the rule is visibility-gate.ts). Works on the
 * frame's whole document rather than on each button: the frame shows the quote editor and the documents' pages
 * (accept, refuse, turn into an order, payments…), and a button added there later is guarded without being listed.
 *
 * - The frame's root is watched with IntersectionObserver v2 (`trackVisibility`, reports at most every 100 ms).
 * - While the gate is not open, a click (mouse or keyboard: both are `click`s) or a form's submit on a guarded
 *   control is stopped in the capture phase, before React sees it; records not delivered yet are read first, so
 *   a cover reported a moment before the click counts. While it is open, the click is held for a fresh look (a new
 *   observer's first report, 100 ms and three frames on) and done again only if the frame is still seen whole: a cover drawn
 *   just before the click, not reported yet, refuses it.
 * - Guarded controls also say they are off (`aria-disabled`, drawn as the disabled buttons are), so the agent and
 *   assistive tools see it; the form's own editing controls stay usable, typing first.
 *
 * Nothing here runs before or during the form's drawing beyond one observer and, while the gate is not open, a pass
 * over the nodes each React commit added.
 */

/** What the agent clicks to act. Links are not guarded: they only move inside the frame (downloads aside). */
const GUARDED = 'button, input[type="submit"], input[type="button"], input[type="image"], [role="button"], a[download]'
/** Controls that only change the form in the frame (lines, prices, closing the overlay): always usable. */
const FREE = '[data-visibility-gate="free"]'
/** Set on the controls this guard turned off (never on those React itself marked `aria-disabled`). */
const MARK = "data-visibility-gated"

/** The guarded control an event's target is, or is in; null for anything else. */
export function guardedControl(target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null
  const control = target.closest(GUARDED)
  return control && !control.closest(FREE) ? control : null
}

let gate: VisibilityGate | null = null
let observer: IntersectionObserver | null = null
let marker: MutationObserver | null = null
const listeners = new Set<() => void>()
const GUARDED_EVENTS = ["click", "auxclick", "dblclick", "submit"]

/** Chrome's IntersectionObserver v2; TypeScript's DOM types do not have it yet. */
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean }
type V2Init = IntersectionObserverInit & { trackVisibility: boolean; delay: number }

export function trackVisibilitySupported(): boolean {
  return typeof IntersectionObserverEntry !== "undefined" && "isVisible" in IntersectionObserverEntry.prototype
}

/** Starts the guard for this document (the quote frame, as its code starts). */
export function startFrameGate(): void {
  if (gate) return
  gate = new VisibilityGate(
    {
      after: (ms, run) => {
        const t = setTimeout(run, ms)
        return () => clearTimeout(t)
      }
    },
    onGateChange
  )
  markOff()
  for (const type of GUARDED_EVENTS) window.addEventListener(type, stop, true)
  if (!trackVisibilitySupported()) {
    gate.unsupported()
    return
  }
  observer = new IntersectionObserver(feed, { trackVisibility: true, delay: 100 } as V2Init)
  observer.observe(document.documentElement)
}

function feed(entries: IntersectionObserverEntry[]) {
  // The latest says how it is now.
  const last = entries[entries.length - 1] as V2Entry | undefined
  if (last) gate?.report(reportOf(last))
}

export function reportOf(entry: V2Entry): VisibilityReport {
  return { intersecting: entry.isIntersecting, visible: entry.isVisible === true }
}

/** The events held for a fresh check while the gate is open: what acts (a click, keyboard's included; a submit). */
const CHECKED_EVENTS = new Set(["click", "submit"])
/** Set while this code clicks (or submits) again what a fresh check let through: its own events pass. */
let replaying = false
/** A fresh check under way: a click meanwhile (the second of a double-click) is dropped, not sent twice. */
let checking = false

function stop(e: Event) {
  if (!gate || replaying) return
  if (observer) feed(observer.takeRecords())
  const target = e.type === "submit" ? (e.target instanceof Element && !e.target.closest(FREE) ? e.target : null) : guardedControl(e.target)
  if (!target) return
  const checkable = observer !== null && CHECKED_EVENTS.has(e.type)
  if (gate.mayAct && !checkable) return
  e.preventDefault()
  e.stopImmediatePropagation()
  if (!gate.mayAct || checking) return
  // The gate's observer reports at most every 100 ms, after the change: a cover drawn just before the click may not
  // be known yet. The click is held, the frame looked at afresh, and only then clicked again (or refused).
  checking = true
  void seenNow().then((r) => {
    checking = false
    if (!gate) return
    if (!r.intersecting || !r.visible) return gate.report(r)
    if (gate.mayAct && target.isConnected) replay(e, target)
  })
}

/**
 * How long a held click waits before the fresh look: Chrome's own pace for `trackVisibility` (100 ms). The page around
 * this frame is another process, which works out what covers the frame as it draws and tells this one after; two
 * frames were not always enough under load (a cover drawn with the click let Send through in 1 run of 3).
 */
export const FRESH_LOOK_AFTER_MS = 100
/** And at least this many of the frame's own frames, should the machine be too busy to draw on time. */
const FRESH_LOOK_FRAMES = 3

/** A new observer's first report, taken FRESH_LOOK_AFTER_MS and FRESH_LOOK_FRAMES after the click, whatever the gate's observer last said. */
function seenNow(): Promise<VisibilityReport> {
  return new Promise((resolve) => {
    let frames = 0
    let waited = false
    const look = () => {
      if (waited && frames >= FRESH_LOOK_FRAMES) observeOnce(resolve)
    }
    const frame = () => {
      frames += 1
      if (frames < FRESH_LOOK_FRAMES) requestAnimationFrame(frame)
      else look()
    }
    requestAnimationFrame(frame)
    setTimeout(() => {
      waited = true
      look()
    }, FRESH_LOOK_AFTER_MS)
  })
}

function observeOnce(resolve: (r: VisibilityReport) => void) {
  const once = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as V2Entry | undefined
      if (!last) return
      once.disconnect()
      resolve(reportOf(last))
    },
    { trackVisibility: true, delay: 100 } as V2Init
  )
  once.observe(document.documentElement)
}

/** The held click (or submit), done again now that the frame was seen whole: the control's own handlers run. */
function replay(e: Event, target: Element) {
  replaying = true
  try {
    if (e.type === "submit" && target instanceof HTMLFormElement) target.requestSubmit((e as SubmitEvent).submitter ?? undefined)
    else if (target instanceof HTMLElement) target.click()
  } finally {
    replaying = false
  }
}

function onGateChange(state: GateState) {
  if (state === "open") markOn()
  else markOff()
  for (const l of listeners) l()
}

/** Guarded controls say they are off; those React draws meanwhile too (the nodes each batch of changes added). */
function markOff() {
  markAll(document)
  if (marker) return
  marker = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) markAll(n)
  })
  marker.observe(document.documentElement, { childList: true, subtree: true })
}

/** Marks the guarded controls in `root` (itself included): not the whole document at every change. */
function markAll(root: Element | Document) {
  const found = root instanceof Element && root.matches(GUARDED) ? [root, ...root.querySelectorAll(GUARDED)] : root.querySelectorAll(GUARDED)
  for (const el of found) {
    if (el.hasAttribute("aria-disabled") || el.closest(FREE)) continue
    el.setAttribute("aria-disabled", "true")
    el.setAttribute(MARK, "")
  }
}

function markOn() {
  marker?.disconnect()
  marker = null
  for (const el of document.querySelectorAll(`[${MARK}]`)) {
    el.removeAttribute("aria-disabled")
    el.removeAttribute(MARK)
  }
}

/** Takes the guard away (tests: each starts its own). */
export function stopFrameGate(): void {
  for (const type of GUARDED_EVENTS) window.removeEventListener(type, stop, true)
  observer?.disconnect()
  marker?.disconnect()
  observer = marker = gate = null
  replaying = checking = false
}

/** For React (useSyncExternalStore): the gate's state, "open" where no gate was started (the workspace tab). */
export function frameGateState(): GateState {
  return gate?.current ?? "open"
}

export function subscribeFrameGate(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
