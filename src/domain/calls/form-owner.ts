/**
 * Which call's outcome form a dock opens by itself when it comes up (a popup opened again, a reload, another
 * surface): the call under way if the agent already began its notes, else the call that just ended if it is
 * still to log, else none. An earlier call left to log never takes the form: it waits in the "to log" list.
 *
 * Why a rule of its own: the softphone's `lastCall` is the last call that *ended*, so during a new call it still
 * names the earlier one; restoring it then showed that older call's form over the call under way.
 */
export type FormOwner = { kind: "live"; callId: string } | { kind: "ended"; callId: string } | null

export interface FormOwnerInput {
  /** The softphone's call: ringing, talking, or just ended (null when idle). */
  call: { id: string; phase: string } | null
  /** The last call that ended, as the softphone recorded it. */
  lastCallId: string | null
  /** Ids of the drafts not saved yet. */
  pendingIds: readonly string[]
}

export function formOwnerOnOpen({ call, lastCallId, pendingIds }: FormOwnerInput): FormOwner {
  const pending = new Set(pendingIds)
  if (call && call.phase !== "ended") {
    // A call is ringing or under way: it owns the dock. Its form comes back only if notes were begun.
    return call.phase !== "ringing-in" && pending.has(call.id) ? { kind: "live", callId: call.id } : null
  }
  // Idle, or the call just ended: that call, the one `lastCall` names, if still to log.
  if (lastCallId === null || (call !== null && call.id !== lastCallId)) return null
  return pending.has(lastCallId) ? { kind: "ended", callId: lastCallId } : null
}
