import { useEffect, useState } from "react"

import { DOCUMENTS_GENERATION_KEY } from "~src/messaging/base-generation"

import { watchBaseGeneration } from "./base-generation"

/**
 * A counter for an effect's dependencies that moves when a sales document or payment was written (here or by sync):
 * a card's documents and risk, read once through the background, are read again. Without chrome.storage (a test
 * page), it never moves.
 */
export function useDocumentsGeneration(): number {
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    if (typeof chrome === "undefined" || !chrome.storage?.onChanged) return
    return watchBaseGeneration(() => setGeneration((n) => n + 1), DOCUMENTS_GENERATION_KEY)
  }, [])
  return generation
}
