import { useEffect, useState } from "react"

import { nothingShown, PhoneState, SoftphoneView, VIEW_KEY, withPublished, withReport, type CallRecord, type ShownSoftphone } from "~src/domain/telephony"
import { send } from "~src/messaging/send"
import { OFFSCREEN_PATH } from "~src/telephony/offscreen-protocol"

/**
 * The softphone as the background published it (chrome.storage.session), following every change; and, one hop
 * sooner, the state the offscreen document reports (the background publishes the same report a few
 * milliseconds later, with the caller's customers and the call log: `withPublished` keeps that later
 * publication from moving the state backwards).
 */
export function useSoftphoneView(): SoftphoneView | null {
  const [shown, setShown] = useState<ShownSoftphone>(nothingShown)
  useEffect(() => {
    let alive = true
    send("softphone/state", {})
      .then((v) => alive && setShown((cur) => (cur.view && cur.view.updatedAt > v.updatedAt ? cur : withPublished(cur, v))))
      .catch(() => undefined)
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== "session" || !(VIEW_KEY in changes)) return
      const parsed = SoftphoneView.safeParse(changes[VIEW_KEY]!.newValue)
      if (parsed.success) setShown((cur) => withPublished(cur, parsed.data))
    }
    const offscreenUrl = chrome.runtime.getURL(OFFSCREEN_PATH)
    const onMessage = (message: unknown, sender: chrome.runtime.MessageSender) => {
      const m = message as { type?: unknown; payload?: { state?: unknown; at?: unknown } } | null
      if (m?.type !== "softphone/report" || typeof m.payload?.at !== "number") return
      // Only the offscreen document's own reports (a content script's message has a tab and a page URL).
      if (sender.id !== chrome.runtime.id || sender.tab || sender.url?.split("?")[0] !== offscreenUrl) return
      const state = PhoneState.safeParse(m.payload.state)
      const at = m.payload.at
      if (state.success) setShown((cur) => withReport(cur, { state: state.data, at }))
      // Nothing answered: the report is the background's to acknowledge.
    }
    chrome.storage.onChanged.addListener(onChanged)
    chrome.runtime.onMessage.addListener(onMessage)
    return () => {
      alive = false
      chrome.storage.onChanged.removeListener(onChanged)
      chrome.runtime.onMessage.removeListener(onMessage)
    }
  }, [])
  return shown.view
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

/** A clock that ticks every second while `on` (the in-call timer). */
export function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!on) return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [on])
  return now
}
