import { useSyncExternalStore } from "react"

/**
 * Whether the page shows a quote in place (the side panel, the softphone tab; one state per document: each extension
 * page has its own copy of this module), kept apart from the quote editor (in-place-quote.tsx) so the page's own
 * bundle reads it without holding the editor: the editor is loaded only once a card with New quote shows
 * (in-place-quote-loader.ts; issue #10, the side panel's open time).
 */
export type InPlaceQuoteState = { kind: "none" } | { kind: "quote"; seq: number }

let state: InPlaceQuoteState = { kind: "none" }
const listeners = new Set<() => void>()

export function inPlaceQuoteState(): InPlaceQuoteState {
  return state
}

export function setInPlaceQuoteState(next: InPlaceQuoteState): void {
  state = next
  for (const l of listeners) l()
}

export function useInPlaceQuoteState(): InPlaceQuoteState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state
  )
}

/** Whether a quote is shown (what it replaces is hidden meanwhile, not unmounted: Back finds it as left). */
export function useInPlaceQuoteOpen(): boolean {
  return useInPlaceQuoteState().kind === "quote"
}
