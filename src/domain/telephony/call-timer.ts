// Without zod: the page panel (content script) shows the call timer too, and zod stays out of its bundle.

/**
 * Talk time in whole seconds, from the call's own answer and end instants: the one rule behind the dock's timer,
 * the ended call's header, the call history and the outcome form's duration (they used to disagree: "0:00" in
 * the header, "0:01" in the form). Whole seconds elapsed, floored like any running clock; an answered call that
 * has ended counts at least one second (an answered call of 400 ms was a call, not 0 s of one). 0 before the answer.
 */
export function talkSeconds(call: { answeredAt: number | null; endedAt: number | null }, now: number): number {
  if (call.answeredAt === null) return 0
  const whole = Math.max(0, Math.floor(((call.endedAt ?? now) - call.answeredAt) / 1000))
  return call.endedAt === null ? whole : Math.max(1, whole)
}

/** "0:07", "12:30", "1:02:03". */
export function formatTimer(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const sec = String(seconds % 60).padStart(2, "0")
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`
}
