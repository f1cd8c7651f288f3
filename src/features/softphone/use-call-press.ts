import { useCallback, useEffect, useRef, useState } from "react"

import { hangUpCall, placeCall, type CallRequest } from "./place-call"

/** How long a pressed call button keeps saying "Calling…" once the softphone took the call (its line shows it by then). */
export const CALLING_SHOWN_MS = 1500

/**
 * A call button's own feedback, drawn by the page that was clicked, with no round trip: "Calling…" from the click,
 * the softphone's refusal in its place if it refuses. The softphone's own surfaces show the call a moment later
 * (the controller holds the call's first publication while the microphone opens: outgoing-hold.ts), so "Calling…"
 * comes with its own Hang up (`hangUp`): a wrong number clicked is hung up where it was clicked, at once.
 */
export function useCallPress(): { calling: string | null; error: string | null; press: (req: CallRequest) => void; hangUp: () => void; done: () => void } {
  const [calling, setCalling] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** The call last pressed: its id once the softphone names it, and whether Hang up was pressed before that. */
  const placed = useRef<{ callId: string | null; hangUp: boolean } | null>(null)
  const press = useCallback((req: CallRequest) => {
    if (timer.current !== null) clearTimeout(timer.current)
    setError(null)
    setCalling(req.number)
    const mine = { callId: null as string | null, hangUp: false }
    placed.current = mine
    void placeCall(req).then((r) => {
      if (!r.ok) {
        setCalling(null)
        setError(r.error ?? "")
        return
      }
      mine.callId = r.callId ?? null
      // Hang up pressed while the softphone was still opening the microphone: the call goes now that it has an id.
      if (mine.hangUp && mine.callId) return void hangUpCall(mine.callId)
      timer.current = setTimeout(() => setCalling((n) => (n === req.number ? null : n)), CALLING_SHOWN_MS)
    })
  }, [])
  const hangUp = useCallback(() => {
    const mine = placed.current
    placed.current = null
    setCalling(null)
    if (!mine) return
    if (mine.callId) void hangUpCall(mine.callId)
    else mine.hangUp = true
  }, [])
  /** The softphone shows the call on this very surface: its own line says the rest. */
  const done = useCallback(() => setCalling(null), [])
  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), [])
  return { calling, error, press, hangUp, done }
}
