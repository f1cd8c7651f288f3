import { useEffect, useState } from "react"

import { SoftphoneView, VIEW_KEY, type CallRecord } from "~src/domain/telephony"
import { send } from "~src/messaging/send"

/** The softphone as the background published it (chrome.storage.session), following every change. */
export function useSoftphoneView(): SoftphoneView | null {
  const [view, setView] = useState<SoftphoneView | null>(null)
  useEffect(() => {
    let alive = true
    send("softphone/state", {})
      .then((v) => alive && setView((cur) => (cur && cur.updatedAt > v.updatedAt ? cur : v)))
      .catch(() => undefined)
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== "session" || !(VIEW_KEY in changes)) return
      const parsed = SoftphoneView.safeParse(changes[VIEW_KEY]!.newValue)
      if (parsed.success) setView(parsed.data)
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => {
      alive = false
      chrome.storage.onChanged.removeListener(onChanged)
    }
  }, [])
  return view
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
