import { useRef, useState } from "react"

import { unitFor, unitToStore } from "~src/domain/documents/unit-words"

/**
 * A line's unit field shown in a language while the form keeps the catalog's word: "boxes" to an English reader
 * of a line stored "boîte", agreeing with the quantity as on the PDF and the order's page ("2 boxes", "1 box").
 * What the agent types stays as typed while the field has the focus (no word changes under the cursor); it is
 * stored through `unitToStore`, against the word the line had when the agent came in, and shown in the language
 * again on leaving.
 */
export function useUnitText(stored: string, quantityMilli: number | null, lang: "fr" | "en", store: (unit: string) => void) {
  const [typing, setTyping] = useState<string | null>(null)
  const before = useRef(stored)
  // A quantity being typed ("1,") agrees as one.
  const shown = unitFor(stored, quantityMilli ?? 1000, lang)
  return {
    value: typing ?? shown,
    onFocus: () => {
      before.current = stored
      setTyping(shown)
    },
    onChange: (e: { target: { value: string } }) => {
      setTyping(e.target.value)
      store(unitToStore(e.target.value, before.current))
    },
    onBlur: () => setTyping(null)
  }
}
