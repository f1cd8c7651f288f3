import * as z from "zod"

import { CallRecord } from "./call-record"
import { callInProgress, type PhoneState } from "./phone-state"

/**
 * The call under way, kept in `chrome.storage.local` (CALL_MARKER_KEY) while it rings or talks. The published
 * view lives in `chrome.storage.session`, which a browser that closes or crashes clears: without this marker a
 * call cut that way was in no history and had no outcome to log. The next start turns a marker left behind into
 * the call's record (`cutCallRecord`); a call that ends normally takes its marker away.
 */
export const CALL_MARKER_KEY = "softphone.callMarker"

/**
 * How often the marker's `seenAt` is written again during a call. The cut call's talk time ends there, so it is
 * short by this much at most; once a second would be a storage write a second for a few seconds of precision.
 */
export const MARKER_HEARTBEAT_MS = 15_000

/** What the call's record will say of it (call-record.ts), named by its call, and when it was last seen up. */
export const CallMarker = CallRecord.pick({ direction: true, number: true, provider: true, customerId: true, contactId: true, startedAt: true, answeredAt: true }).extend({
  callId: CallRecord.shape.id,
  /** The last moment the call was known to be up (a state change or the heartbeat). */
  seenAt: z.number()
})
export type CallMarker = z.infer<typeof CallMarker>

/** The marker for this state (null: no call ringing or talking), with who the call is logged to. */
export function markerOf(
  state: PhoneState,
  who: { customerId: string | null; contactId: string | null },
  now: number
): CallMarker | null {
  const call = state.call
  if (!call || !callInProgress(state)) return null
  return {
    callId: call.id,
    direction: call.direction,
    number: call.number,
    provider: state.provider ?? "sip",
    customerId: who.customerId,
    contactId: who.contactId,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    seenAt: Math.max(now, call.answeredAt ?? call.startedAt)
  }
}

/**
 * Whether the stored marker must be written again: another call, an answer, another customer, or the heartbeat
 * due. Other events (mute, hold, the registration's) change nothing a cut call's record would say.
 */
export function markerNeedsWrite(stored: CallMarker | null, next: CallMarker | null): boolean {
  if (next === null) return stored !== null
  if (stored === null) return true
  const { seenAt: a, ...s } = stored
  const { seenAt: b, ...n } = next
  return JSON.stringify(s) !== JSON.stringify(n) || b - a >= MARKER_HEARTBEAT_MS
}

/**
 * What a start finds in the marker. `live`: the same call is still up in this browser (only the service worker
 * restarted, the offscreen document still holds it): keep it. Otherwise the call was cut: log it (`cut`).
 */
export function markerVerdict(marker: CallMarker, live: { callId: string | null; hostUp: boolean }): "live" | "cut" {
  return live.hostUp && live.callId === marker.callId ? "live" : "cut"
}

/**
 * The cut call's record: ended as `failed` at the last moment it was known up, so its talk time is what was
 * seen of it (short by one heartbeat at most), never a guess beyond.
 */
export function cutCallRecord(marker: CallMarker): CallRecord {
  const endedAt = Math.max(marker.seenAt, marker.answeredAt ?? marker.startedAt)
  return {
    id: marker.callId,
    direction: marker.direction,
    number: marker.number,
    provider: marker.provider,
    customerId: marker.customerId,
    contactId: marker.contactId,
    startedAt: marker.startedAt,
    answeredAt: marker.answeredAt,
    endedAt,
    durationMs: marker.answeredAt === null ? 0 : Math.max(0, Math.round(endedAt - marker.answeredAt)),
    endReason: "failed"
  }
}
