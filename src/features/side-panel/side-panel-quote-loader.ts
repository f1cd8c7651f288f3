import { useSyncExternalStore } from "react"

import type * as SidePanelQuoteModule from "./side-panel-quote"

/**
 * The side panel's quote editor (side-panel-quote.tsx: the quote form, its lookups, pdfmake), loaded apart from the
 * side panel's bundle (issue #10): held in it, it made the side panel open ~70 ms slower at p50 (2.7 MB of script to
 * parse before the first card; bench/side-panel-open.ts). Loading starts once a card with New quote shows, after
 * it is drawn, so the agent's click finds the editor ready and its form still comes in the same task; a click that
 * comes first (a caller's card in the dock) waits for it. A same-origin chunk of the extension: no remote code.
 */
type QuoteModule = typeof SidePanelQuoteModule

let loading: Promise<QuoteModule> | null = null
let loaded: QuoteModule | null = null
const listeners = new Set<() => void>()

export function loadSidePanelQuote(): Promise<QuoteModule> {
  loading ??= import("./side-panel-quote").then(
    (m) => {
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

/** The editor once loaded (null before: nothing of it to draw, no quote can be shown yet). */
export function useLoadedSidePanelQuote(): QuoteModule | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => loaded
  )
}
