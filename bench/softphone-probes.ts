/**
 * The softphone bench's probes in its pages (bench/softphone.bench.ts): a selector shown (Date.now() in the page),
 * the dock's tracer (the view's publications and React's commits, on any build), and a step's timeout.
 */
import type { Page } from "@playwright/test"

/** Resolves with Date.now() in the page when `selector` matches (a MutationObserver; no polling delay). */
export function whenShown(page: Page, selector: string, timeoutMs = 20_000): Promise<number> {
  const shown = page.evaluate(
    ([sel, ms]) =>
      new Promise<number>((ok, ko) => {
        if (document.querySelector(sel)) return ok(Date.now())
        const o = new MutationObserver(() => {
          if (document.querySelector(sel)) {
            o.disconnect()
            clearTimeout(timer)
            ok(Date.now())
          }
        })
        // A step that never comes fails the run with its name instead of hanging it.
        const timer = setTimeout(() => {
          o.disconnect()
          ko(new Error(`not shown within ${ms} ms: ${sel}`))
        }, ms)
        o.observe(document.body, { subtree: true, childList: true, attributes: true })
      }),
    [selector, timeoutMs] as const
  )
  // Awaited later; a failure meanwhile must not crash the process before the real error is printed.
  shown.catch(() => undefined)
  return shown
}

/**
 * In the dock (popup.html) only: when each publication of the softphone's view reaches the page (a storage listener
 * added before the page's own, so it runs first) and when React commits (React's devtools hook, which its
 * production build calls at every commit). Publication → next commit is the dock's own part of a state change:
 * reading the view, React's render and commit. The same for any build: nothing in the extension is changed for it.
 */
export const DOCK_TRACER = `(() => {
  if (location.protocol !== "chrome-extension:" || location.pathname !== "/popup.html") return
  const trace = { views: [], commits: [], calls: [], events: [] }
  globalThis.__dockTrace = trace
  const abs = () => performance.timeOrigin + performance.now()
  try {
    chrome.storage.onChanged.addListener((changes, area) => {
      const v = area === "session" && changes["softphone.view"] ? changes["softphone.view"].newValue : null
      if (v) trace.views.push({ at: performance.now(), phase: (v.state && v.state.call && v.state.call.phase) || null })
      if (v) trace.events.push({ kind: "view", phase: (v.state && v.state.call && v.state.call.phase) || null, at: abs() })
      if (v && globalThis.__chromeTrace) performance.mark("dock:view " + ((v.state && v.state.call && v.state.call.phase) || "none"))
    })
    chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === "bench/call-trace" && m.payload) trace.calls.push(m.payload)
    })
  } catch {}
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject() { return 1 }, checkDCE() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot() { trace.commits.push(performance.now()); trace.events.push({ kind: "commit", at: abs() }); if (globalThis.__chromeTrace) performance.mark("dock:commit") }
  }
})()`

/** Publication of the view whose call is in `phase` (the first such since `from`) → the dock's next React commit, in ms. */
export async function dockRender(dock: Page, phase: string): Promise<{ render: number; commits: number }> {
  return dock.evaluate((phase) => {
    const trace = (globalThis as unknown as { __dockTrace?: { views: { at: number; phase: string | null }[]; commits: number[] } }).__dockTrace
    if (!trace) return { render: NaN, commits: NaN }
    const view = trace.views.find((v) => v.phase === phase)
    const commit = view ? trace.commits.find((c) => c >= view.at) : undefined
    const result = { render: view && commit !== undefined ? commit - view.at : NaN, commits: trace.commits.length }
    trace.views.length = 0
    trace.commits.length = 0
    return result
  }, phase)
}

/** A step that never ends fails the run with its name and the call's number instead of hanging it. */
export async function within<T>(what: string, ms: number, step: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, ko) => (timer = setTimeout(() => ko(new Error(`softphone bench: ${what} did not finish within ${ms} ms`)), ms)))
  try {
    return await Promise.race([step, late])
  } finally {
    clearTimeout(timer)
  }
}