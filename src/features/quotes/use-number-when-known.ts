import { useEffect, useRef } from "react"

import type { Quote } from "~src/domain/documents/quote-form"
import { send } from "~src/messaging/send"
import { watchBaseGeneration } from "~src/ui/base-generation"

/**
 * A sent quote shows its number as soon as the local base has it: the push's answer carries it and the background
 * then bumps the base's generation (as after a pull), so the form reads the quote again on that signal, with no
 * polling delay (issue #10). Offline, the quote stays "numbered when sent" and the signal comes when the device
 * reaches the server. The first read is made once the watch is on: a number written between the issue message's
 * answer and this effect is not missed.
 */
export function useNumberWhenKnown(id: string, waiting: boolean, found: (r: { quote: Quote | null; refusal: string | null }) => void): void {
  const latest = useRef(found)
  latest.current = found
  useEffect(() => {
    if (!waiting) return
    let live = true
    const look = async () => {
      try {
        const r = await send("quotes/get", { id })
        if (live) latest.current({ quote: (r.quote as Quote | null) ?? null, refusal: r.refusal })
      } catch {
        // The worker restarting: the base's next change asks again.
      }
    }
    const stop = watchBaseGeneration(() => void look())
    void look()
    return () => {
      live = false
      stop()
    }
  }, [id, waiting])
}
