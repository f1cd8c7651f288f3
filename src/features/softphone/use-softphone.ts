import { useEffect, useRef, useState, useSyncExternalStore } from "react"

import { SoftphoneView, VIEW_KEY, type ActiveCall, type HistoryCall } from "~src/domain/telephony"
import { send } from "~src/messaging/send"

/**
 * The softphone as the background published it (chrome.storage.session), one subscription per page shared by
 * every component that shows it (the dock and the call script beside it each had their own listener and parsed
 * every publication again, twice per call event in the popup, issue #9). The caller, the capabilities and the
 * last call keep their identity while they do not change: what is memoised on them (the caller's card, the
 * outcome dock) is not rendered again when only the call's state moved (its answer, a mute).
 */
let current: SoftphoneView | null = null
let callerJson = "null"
const listeners = new Set<() => void>()

function publish(view: SoftphoneView, rawCallerJson: string, asked = false): void {
  // The answer to `softphone/state` may arrive after a newer publication.
  if (asked && current && current.updatedAt > view.updatedAt) return
  const before = current
  const sameCaller = before !== null && rawCallerJson === callerJson
  callerJson = rawCallerJson
  current = before
    ? {
        ...view,
        caller: sameCaller ? before.caller : view.caller,
        capabilities: sameJson(before.capabilities, view.capabilities) ? before.capabilities : view.capabilities,
        lastCall: sameJson(before.lastCall, view.lastCall) ? before.lastCall : view.lastCall
      }
    : view
  for (const l of listeners) l()
}

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)

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
 * The part of the published view a component reads, the same value (so no render) while that part does not
 * change: the call script beside the call need not render again when the call is answered or muted (issue #9:
 * the dock's render took ~11 ms of answered → in call). `select` must be pure; `equal` says when two selections
 * are the same (shallowly equal objects by default).
 */
export function useSoftphoneSelect<T>(select: (view: SoftphoneView | null) => T, equal: (a: T, b: T) => boolean = shallowEqual): T {
  const last = useRef<{ view: SoftphoneView | null; value: T } | null>(null)
  const snapshot = () => {
    const before = last.current
    if (before && before.view === current) return before.value
    const value = select(current)
    const kept = before && equal(before.value, value) ? before.value : value
    last.current = { view: current, value: kept }
    return kept
  }
  return useSyncExternalStore(subscribe, snapshot)
}

export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/**
 * How long an outgoing call's set-up keeps the reads of the base the dock makes for it waiting (the caller card's
 * risk and documents, the call script's overdue check, and so the script's start): they ran while the offscreen
 * document opened the microphone and made the offer, on the same two cores (issue #9). The lab answers in ~70 ms; a real
 * callee rings for seconds, so the card is whole long before anyone answers.
 */
export const CALL_SETUP_HOLD_MS = 1000

/**
 * How long an outgoing call's set-up keeps the caller's card and the script's runner out of the dock (the dock shows
 * "calling" and the number at once, with its hang-up button). Mounting them was most of the dock's work when a call
 * starts, and Chrome runs it on the offscreen document's main thread (every extension page shares it) while the
 * offscreen document waits for the microphone (issue #9). The card comes with the answer, or after this long of
 * ringing out: long enough for the microphone, the offer and the INVITE on a busy machine, short next to a callee's
 * rings. The agent had the customer's card in front of them to click the call.
 */
export const CALL_SETUP_MOUNT_HOLD_MS = 300

/**
 * False while an outgoing call is being set up: ringing out for less than `holdMs` (CALL_SETUP_HOLD_MS), and still for the
 * moment after it is answered, so that what the release brings (the card's risk and documents, the script) comes
 * after the dock has shown "in call", not in the same commit. True for any other call (an incoming call's card is wanted whole at once) and without a call.
 */
export function useCallSetUp(call: Pick<ActiveCall, "id" | "direction" | "phase" | "startedAt"> | null, holdMs = CALL_SETUP_HOLD_MS): boolean {
  const id = call?.id ?? null
  const outgoing = call?.direction === "outbound"
  const holdUntil = call?.phase === "ringing-out" ? call.startedAt + holdMs : 0
  const [releasedFor, setReleasedFor] = useState<string | null>(null)
  useEffect(() => {
    if (id === null || !outgoing) return
    // A timer, not the render itself: the release comes after this commit (the one showing the state) is painted.
    const timer = setTimeout(() => setReleasedFor(id), Math.max(0, holdUntil - Date.now()))
    return () => clearTimeout(timer)
  }, [id, outgoing, holdUntil])
  return id === null || !outgoing || releasedFor === id
}

/** The call history (with the customers' names), read again whenever a call was logged. */
export function useCallHistory(lastCallId: string | null, limit = 10): HistoryCall[] {
  const [calls, setCalls] = useState<HistoryCall[]>([])
  useEffect(() => {
    send("softphone/history", { limit })
      .then((r) => setCalls(r.calls))
      .catch(() => undefined)
  }, [lastCallId, limit])
  return calls
}
