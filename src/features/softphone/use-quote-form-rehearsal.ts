import { startTransition, useCallback, useEffect, useState } from "react"

import { whenPageQuiet } from "~src/features/quotes/in-place-quote-loader"
import type { PreloadCall } from "~src/features/quotes/quote-overlay"

/**
 * When the softphone tab renders the quote form once ahead (quote-form-rehearsal.tsx; issue #10, `first10d`): once
 * the editor has loaded, no quote open, at an idle moment, never while a call rings nor within
 * PRELOAD_CALL_QUIET_MS of its last change (as the editor's own load, in-place-quote-loader.ts `whenPageQuiet`: the
 * call's offscreen document sets it up on the main thread this page shares, issue #9). Once per page. `rehearse`:
 * whether to render it now (always inside a transition); `rehearsed`: what it calls once the form has rendered.
 * A call that changes, or a quote that opens, drops a rehearsal under way (its render, a transition, gives way).
 */
export function useQuoteFormRehearsal(call: PreloadCall | null | undefined, editorLoaded: boolean, quoteOpen: boolean) {
  const [on, setOn] = useState(false)
  const [done, setDone] = useState(false)
  useEffect(() => {
    if (done || !editorLoaded || quoteOpen || call === undefined) return
    // Not held for an idle callback (a tab just opened may have none before the agent's click): a transition's render
    // gives the thread back every few ms, and a click preempts it.
    const stop = whenPageQuiet(call, () => startTransition(() => setOn(true)), false)
    return () => {
      stop()
      startTransition(() => setOn(false))
    }
  }, [call, editorLoaded, quoteOpen, done])
  const rehearsed = useCallback(() => {
    // The bench reads when the form had been rendered ahead, against the click (bench/quote-softphone-tab.ts).
    performance.mark("comptoir:quote-form-rehearsed")
    // Dropped in a transition too: entangled with the one that rendered it, so React leaves the suspended render
    // for good instead of trying it again on the page's next update.
    startTransition(() => setOn(false))
    setDone(true)
  }, [])
  return { rehearse: on && !done && !quoteOpen, rehearsed }
}
