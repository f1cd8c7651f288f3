import { useEffect, useState, useSyncExternalStore } from "react"

import { SoftphoneView, VIEW_KEY, type CallRecord, type PhoneState } from "~src/domain/telephony"
import { send } from "~src/messaging/send"

/**
 * The softphone as the background published it (chrome.storage.session), one subscription per page shared by
 * every component that shows it (the dock and the call script beside it each had their own listener and parsed
 * every publication again, twice per call event in the popup, issue #9). The caller keeps its identity while
 * it does not change: the caller's card, memoised, is not rendered again when only the call's state moved (its
 * answer, a mute).
 */
let current: SoftphoneView | null = null
let callerJson = "null"
const listeners = new Set<() => void>()

function publish(view: SoftphoneView, rawCallerJson: string, asked = false): void {
  // The answer to `softphone/state` may arrive after a newer publication.
  if (asked && current && current.updatedAt > view.updatedAt) return
  const sameCaller = current !== null && rawCallerJson === callerJson
  callerJson = rawCallerJson
  current = sameCaller ? { ...view, caller: current!.caller } : view
  for (const l of listeners) l()
}

/** A publication as it came in storage: the caller, unchanged, is not parsed again. */
function takePublished(raw: unknown): void {
  if (typeof raw !== "object" || raw === null) return
  const rawCaller = (raw as { caller?: unknown }).caller ?? null
  const json = JSON.stringify(rawCaller)
  const parsed = SoftphoneView.safeParse(current && json === callerJson ? { ...raw, caller: null } : raw)
  if (parsed.success) publish(parsed.data, json)
}

function onChanged(changes: Record<string, chrome.storage.StorageChange>, area: string): void {
  if (area === "session" && VIEW_KEY in changes) takePublished(changes[VIEW_KEY]!.newValue)
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    chrome.storage.onChanged.addListener(onChanged)
    send("softphone/state", {})
      .then((v) => publish(v, JSON.stringify(v.caller), true))
      .catch(() => undefined)
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size > 0) return
    chrome.storage.onChanged.removeListener(onChanged)
    current = null
    callerJson = "null"
  }
}

export function useSoftphoneView(): SoftphoneView | null {
  return useSyncExternalStore(subscribe, () => current)
}

/**
 * How long an outgoing call's set-up keeps the reads of the base the dock makes for it waiting (the caller card's
 * risk and documents, the call script's overdue check, and so the script's start): they ran while the offscreen
 * document opened the microphone and made the offer, on the same two cores (issue #9). The lab answers in ~70 ms; a real
 * callee rings for seconds, so the card is whole long before anyone answers.
 */
export const CALL_SETUP_HOLD_MS = 1000

/**
 * False while an outgoing call is being set up: ringing out for less than CALL_SETUP_HOLD_MS, and still for the
 * moment after it is answered, so that what the release brings (the card's risk and documents, the script) comes
 * after the dock has shown "in call", not in the same commit. True for any other call (an incoming call's card is wanted whole at once) and without a call.
 */
export function useCallSetUp(call: PhoneState["call"]): boolean {
  const id = call?.id ?? null
  const outgoing = call?.direction === "outbound"
  const holdUntil = call?.phase === "ringing-out" ? call.startedAt + CALL_SETUP_HOLD_MS : 0
  const [releasedFor, setReleasedFor] = useState<string | null>(null)
  useEffect(() => {
    if (id === null || !outgoing) return
    // A timer, not the render itself: the release comes after this commit (the one showing the state) is painted.
    const timer = setTimeout(() => setReleasedFor(id), Math.max(0, holdUntil - Date.now()))
    return () => clearTimeout(timer)
  }, [id, outgoing, holdUntil])
  return id === null || !outgoing || releasedFor === id
}

/** The call history, read again whenever a call was logged. */
export function useCallHistory(lastCallId: string | null, limit = 10): CallRecord[] {
  const [calls, setCalls] = useState<CallRecord[]>([])
  useEffect(() => {
    send("softphone/history", { limit })
      .then((r) => setCalls(r.calls))
      .catch(() => undefined)
  }, [lastCallId, limit])
  return calls
}
