import { useEffect, useState } from "react"

/** A clock that ticks every second while `on` (a call's timer, in the dock and in the page panel). */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!on) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [on])
  return now
}
