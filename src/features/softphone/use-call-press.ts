import { useCallback, useEffect, useRef, useState } from "react"

import { placeCall, type CallRequest } from "./place-call"

/** How long a pressed call button keeps saying "Calling…" once the softphone took the call (its line shows it by then). */
export const CALLING_SHOWN_MS = 1500

/**
 * A call button's own feedback, drawn by the page that was clicked, with no round trip: "Calling…" from the click,
 * the softphone's refusal in its place if it refuses. The softphone's own surfaces show the call a moment later
 * (the controller holds the call's first publication while the microphone opens: outgoing-hold.ts).
 */
export function useCallPress(): { calling: string | null; error: string | null; press: (req: CallRequest) => void; done: () => void } {
  const [calling, setCalling] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const press = useCallback((req: CallRequest) => {
    if (timer.current !== null) clearTimeout(timer.current)
    setError(null)
    setCalling(req.number)
    void placeCall(req).then((r) => {
      if (!r.ok) {
        setCalling(null)
        setError(r.error ?? "")
        return
      }
      timer.current = setTimeout(() => setCalling((n) => (n === req.number ? null : n)), CALLING_SHOWN_MS)
    })
  }, [])
  /** The softphone shows the call on this very surface: its own line says the rest. */
  const done = useCallback(() => setCalling(null), [])
  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), [])
  return { calling, error, press, done }
}
