import { useSyncExternalStore } from "react"

/**
 * Whether the side panel shows a quote, kept apart from the quote editor (side-panel-quote.tsx) so the side panel's
 * own bundle reads it without holding the editor: the editor is loaded only once a card with New quote shows
 * (side-panel-quote-loader.ts; issue #10, the side panel's open time).
 */
export type SidePanelQuoteState = { kind: "cards" } | { kind: "quote"; seq: number }

let state: SidePanelQuoteState = { kind: "cards" }
const listeners = new Set<() => void>()

export function sidePanelQuoteState(): SidePanelQuoteState {
  return state
}

export function setSidePanelQuoteState(next: SidePanelQuoteState): void {
  state = next
  for (const l of listeners) l()
}

export function useSidePanelQuoteState(): SidePanelQuoteState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => state
  )
}

/** Whether the side panel shows a quote (its cards are hidden meanwhile, not unmounted: Back finds them as left). */
export function useSidePanelQuoteOpen(): boolean {
  return useSidePanelQuoteState().kind === "quote"
}
