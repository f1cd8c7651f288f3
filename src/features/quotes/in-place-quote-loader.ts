import { useSyncExternalStore } from "react"

import { send } from "~src/messaging/send"

import type * as InPlaceQuoteModule from "./in-place-quote"
import type { QuoteFormWarmth } from "./open-quote-form"
import { PRELOAD_CALL_QUIET_MS, type PreloadCall } from "./quote-overlay"

/**
 * The in-place quote editor (in-place-quote.tsx: the quote form, its lookups, pdfmake), loaded apart from the bundle
 * of the page that draws it (the side panel, the softphone tab; issue #10): held in it, it made the side panel open
 * ~70 ms slower at p50 (2.7 MB of script to parse before the first card; bench/side-panel-open.ts). Loading starts
 * once a card with New quote shows, after it is drawn (in the softphone tab, once the tab is open and idle:
 * `warmInPlaceQuoteForPage`), so the agent's click finds the editor ready and its form
 * still comes in the same task; a click that comes first (a caller's card right after the page opens) waits for
 * it. A same-origin chunk of the extension: no remote code.
 */
type QuoteModule = typeof InPlaceQuoteModule

let loading: Promise<QuoteModule> | null = null
let loaded: QuoteModule | null = null
const listeners = new Set<() => void>()

export function loadInPlaceQuote(): Promise<QuoteModule> {
  loading ??= import("./in-place-quote").then(
    (m) => {
      // The bench splits a first click's wait into the editor's load, the lookups and the render (quote-softphone-tab.ts).
      performance.mark("comptoir:quote-editor-loaded")
      loaded = m
      for (const l of listeners) l()
      return m
    },
    (e: unknown) => {
      // Asked again on the next card or click rather than failing for the page's life.
      loading = null
      throw e
    }
  )
  return loading
}

/**
 * A card's New quote drawn in this page (what the page gives `setInPlaceQuoteForm`). Clicked before the editor has
 * loaded (a caller's card right after the page opened), the new quote's lookups are asked for while it loads, not
 * after.
 */
export async function drawQuoteInPlace(path: string): Promise<boolean> {
  const early = takeIntentHandoff(path)
  if (loaded) return loaded.openQuoteInPlace(path, early)
  const asked = early ?? send("quotes/handoff", { path }).then((r) => r.handoff, () => null)
  return (await loadInPlaceQuote()).openQuoteInPlace(path, asked)
}

/**
 * How long a new quote's lookups asked on the agent's intent (the pointer entering New quote, the focus on it) stand
 * for the click that follows. Asked at the click they were a round trip to the worker before the form could render:
 * 10–15 ms at p50, up to ~40 ms on a loaded machine (issue #10, `first10`, bench/README.md). The worker answers from
 * what it checked fresh at the ask (prepared-handoffs.ts); past this the click asks again, so the form never opens
 * on lookups more than a second old.
 */
export const INTENT_HANDOFF_MS = 1000

let intentAsk: { path: string; at: number; handoff: Promise<unknown> } | null = null

function askOnIntent(path: string): void {
  // The pointer leaving and entering again: the ask still young is kept.
  if (intentAsk?.path === path && Date.now() - intentAsk.at < INTENT_HANDOFF_MS / 2) return
  intentAsk = { path, at: Date.now(), handoff: send("quotes/handoff", { path }).then((r) => r.handoff, () => null) }
}

/** The lookups asked on intent for this click's new quote while they stand (once: the next click asks anew). */
function takeIntentHandoff(path: string): Promise<unknown> | undefined {
  const ask = intentAsk
  intentAsk = null
  return ask && ask.path === path && Date.now() - ask.at <= INTENT_HANDOFF_MS ? ask.handoff : undefined
}

/** How long a card has been shown before the editor starts loading, at least (the agent may call at once). */
export const EDITOR_CARD_QUIET_MS = 250

/**
 * The editor's loading before a click. For a card just shown (the dock's caller card once its call no longer holds
 * its data, the outcome form's New quote): once the card has been there EDITOR_CARD_QUIET_MS and the main thread is
 * idle, as the card's own lookups are asked (quote-overlay.ts `prepareQuoteHandoff`): a caller's card comes as a
 * call is set up, in the renderer the call's offscreen document shares. On the agent's intent (the pointer on New
 * quote, the focus on it): at once, the click is coming; the chunk holds only what its pages lack (~0.14 MB).
 */
export function warmInPlaceQuote(why: QuoteFormWarmth = "card", path?: string): void {
  if (why === "intent" && path) askOnIntent(path)
  if (loading) return
  if (why === "intent") {
    void loadInPlaceQuote().catch(() => undefined)
    return
  }
  setTimeout(() => {
    const load = () => void loadInPlaceQuote().catch(() => undefined)
    if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 500 })
    else load()
  }, EDITOR_CARD_QUIET_MS)
}

/**
 * How long a page that draws the form in place waits, from now, before loading the editor on its own (null: not
 * while this call rings; asked again when it changes). The softphone tab (issue #10, `first10`): its first New
 * quote, clicked as the caller's card shows right after the tab opened, waited up to ~75 ms for the editor's chunk
 * asked on the pointer's entry, one click in two. Loaded once the tab has opened instead, but never while a call
 * rings (out: being set up; in: about to be answered) nor within PRELOAD_CALL_QUIET_MS of its last change: the
 * call's offscreen document sets it up on the main thread every extension page shares (issue #9), as the quote
 * frame's preload waits (quote-overlay.ts).
 */
export function pageWarmDelay(call: PreloadCall | null, now = Date.now()): number | null {
  if (call?.phase === "ringing-out" || call?.phase === "ringing-in") return null
  const changed = Math.max(call?.startedAt ?? 0, call?.answeredAt ?? 0, call?.endedAt ?? 0)
  return Math.max(0, changed + PRELOAD_CALL_QUIET_MS - now)
}

/**
 * The page's own load of the editor (pageWarmDelay), then at an idle moment of the main thread. Returns what stops
 * it if the call's state changes first (a load already begun is left to finish: a few ms of a 0.14 MB chunk).
 */
export function warmInPlaceQuoteForPage(call: PreloadCall | null): () => void {
  const delay = loading ? null : pageWarmDelay(call)
  if (delay === null) return () => undefined
  let idle: number | null = null
  let timer: ReturnType<typeof setTimeout>
  const wait = (ms: number) => {
    timer = setTimeout(() => {
      // A timer may fire a millisecond before the clock says its time has come (seen in CI): wait out the rest,
      // so the load never lands inside the call's quiet time.
      const left = pageWarmDelay(call)
      if (left !== null && left > 0) return wait(left)
      const load = () => void loadInPlaceQuote().catch(() => undefined)
      if (typeof requestIdleCallback === "function") idle = requestIdleCallback(load, { timeout: 500 })
      else load()
    }, ms)
  }
  wait(delay)
  return () => {
    clearTimeout(timer)
    if (idle !== null) cancelIdleCallback(idle)
  }
}

/** The editor once loaded (null before: nothing of it to draw, no quote can be shown yet). */
export function useLoadedInPlaceQuote(): QuoteModule | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => loaded
  )
}
