import { VisibilityGate, type GateState, type VisibilityReport } from "./visibility-gate"

/**
 * The quote frame's guard against the page drawing over it (issue #10; the rule is visibility-gate.ts). Works on the
 * frame's whole document rather than on each button: the frame shows the quote editor and the documents' pages
 * (accept, refuse, turn into an order, payments…), and a button added there later is guarded without being listed.
 *
 * - The frame's root is watched with IntersectionObserver v2 (`trackVisibility`, reports at most every 100 ms).
 * - While the gate is not open, a click (mouse or keyboard: both are `click`s) or a form's submit on a guarded
 *   control is stopped in the capture phase, before React sees it; records not delivered yet are read first, so
 *   a cover reported a moment before the click counts.
 * - Guarded controls also say they are off (`aria-disabled`, drawn as the disabled buttons are), so the agent and
 *   assistive tools see it; the form's own editing controls stay usable, typing first.
 *
 * Nothing here runs before or during the form's drawing beyond one observer and one attribute pass per React commit
 * while the gate is not open.
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

function stop(e: Event) {
  if (!gate) return
  if (observer) feed(observer.takeRecords())
  if (gate.mayAct) return
  const target = e.type === "submit" ? (e.target instanceof Element && !e.target.closest(FREE) ? e.target : null) : guardedControl(e.target)
  if (!target) return
  e.preventDefault()
  e.stopImmediatePropagation()
}

function onGateChange(state: GateState) {
  if (state === "open") markOn()
  else markOff()
  for (const l of listeners) l()
}

/** Guarded controls say they are off; those React draws meanwhile too (one pass per batch of changes). */
function markOff() {
  markAll()
  if (marker) return
  marker = new MutationObserver(markAll)
  marker.observe(document.documentElement, { childList: true, subtree: true })
}

function markAll() {
  for (const el of document.querySelectorAll(GUARDED)) {
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
}

/** For React (useSyncExternalStore): the gate's state, "open" where no gate was started (the workspace tab). */
export function frameGateState(): GateState {
  return gate?.current ?? "open"
}

export function subscribeFrameGate(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
