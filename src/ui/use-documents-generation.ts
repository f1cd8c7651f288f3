import { useSyncExternalStore } from "react"

import { DOCUMENTS_GENERATION_KEY } from "~src/messaging/base-generation"

import { watchBaseGeneration } from "./base-generation"

/**
 * One watch of the documents' counter per page, shared by every card on it (a CRM list can show dozens: one
 * storage listener each would all wake on every change), started by the first card and stopped with the last.
 */
let generation = 0
const listeners = new Set<() => void>()
let unwatch: (() => void) | null = null

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (unwatch === null && typeof chrome !== "undefined" && chrome.storage?.onChanged) {
    unwatch = watchBaseGeneration(() => {
      generation += 1
      listeners.forEach((l) => l())
    }, DOCUMENTS_GENERATION_KEY)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && unwatch !== null) {
      unwatch()
      unwatch = null
    }
  }
}

/**
 * A counter for an effect's dependencies that moves when a sales document or payment was written (here or by sync):
 * a card's documents and risk, read once through the background, are read again. Without chrome.storage (a test
 * page), it never moves.
 */
export function useDocumentsGeneration(): number {
  return useSyncExternalStore(subscribe, () => generation, () => generation)
}
