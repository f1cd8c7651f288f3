import { CALL_MARKER_KEY, CallMarker, MARKER_HEARTBEAT_MS, markerNeedsWrite, markerOf, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

/**
 * Keeps the call marker (src/domain/telephony/call-marker.ts) in chrome.storage.local while a call rings or talks,
 * for the next start to log a call the browser took with it. Writes run in order, off the report path: a call
 * event's publication does not wait for them.
 */
export class CallMarkerKeeper {
  /** The marker as last written (undefined: not read in this life yet). */
  private marker: CallMarker | null | undefined = undefined
  private queue: Promise<unknown> = Promise.resolve()
  private heartbeat: ReturnType<typeof setInterval> | null = null

  /** `callUp`: whether the published view still has this call ringing or talking. */
  constructor(private readonly callUp: (callId: string) => boolean) {}

  /** After each published state: the marker follows the call under way (written only when it changed). */
  follow(state: PhoneState, caller: SoftphoneView["caller"]): void {
    const who = caller && state.call && caller.callId === state.call.id ? { customerId: caller.customerId, contactId: caller.contactId } : { customerId: null, contactId: null }
    this.enqueue(markerOf(state, who, Date.now()), state.call?.id ?? null)
  }

  /** What an earlier life left (after this life's own writes): a marker, or `invalid` for one unreadable. */
  async stored(): Promise<CallMarker | "invalid" | null> {
    await this.queue
    const raw = (await chrome.storage.local.get(CALL_MARKER_KEY))[CALL_MARKER_KEY]
    if (raw === undefined) return (this.marker = null)
    const parsed = CallMarker.safeParse(raw)
    return parsed.success ? parsed.data : "invalid"
  }

  /** The stored marker's call is still up here (only the worker restarted): kept, and its heartbeat goes on. */
  adopt(marker: CallMarker): void {
    this.marker = marker
    this.arm()
  }

  /**
   * The page is going with the call up (the browser quits): the marker says it was up until now, so that the next
   * start logs the talk time to the quit instead of to the last heartbeat, up to 15 s before. Started at once, not
   * queued: the page may see no further task (whether the write lands before it goes is up to the browser).
   */
  seenNow(): void {
    const m = this.marker
    if (!m || !this.callUp(m.callId)) return
    const write = { ...m, seenAt: Date.now() }
    this.marker = write
    chrome.storage.local.set({ [CALL_MARKER_KEY]: write }).catch((e: unknown) => console.warn("comptoir: call marker not written", e))
  }

  /**
   * The stored marker's call is logged (`callId`; null: the marker was unreadable): taken away, unless a call
   * started meanwhile and its marker replaced it (the agent may dial while the cut call is being logged).
   */
  async drop(callId: string | null): Promise<void> {
    const dropped = this.queue.then(async () => {
      const raw = (await chrome.storage.local.get(CALL_MARKER_KEY))[CALL_MARKER_KEY]
      const parsed = CallMarker.safeParse(raw)
      const same = callId === null ? raw !== undefined && !parsed.success : parsed.success && parsed.data.callId === callId
      if (!same) return
      await chrome.storage.local.remove(CALL_MARKER_KEY)
      this.marker = null
      this.disarm()
    })
    this.queue = dropped.catch((e) => console.warn("comptoir: call marker not taken away", e))
    await dropped
  }

  /**
   * `next`: the marker for the call under way, or null, which takes away only the marker of `endedId` (the call
   * that just ended here): a marker of another call, from an earlier life, is the next start's to log.
   * `"beat"`: the heartbeat's, the marker as last written when its turn comes (not when the beat fired: a newer
   * state's write queued before it would be written over), seen up now; written at every beat, since
   * `markerNeedsWrite`'s "heartbeat due" counts from the last write: a write between two beats (the answer's) made
   * the next beat "not due", and the marker went 30 s without a write, not 15.
   */
  private enqueue(next: CallMarker | null | "beat", endedId: string | null): void {
    this.queue = this.queue
      .then(async () => {
        if (this.marker === undefined) {
          const parsed = CallMarker.safeParse((await chrome.storage.local.get(CALL_MARKER_KEY))[CALL_MARKER_KEY])
          this.marker = parsed.success ? parsed.data : null
        }
        let write: CallMarker | null
        if (next === "beat") {
          const m = this.marker
          if (!m || !this.callUp(m.callId)) return
          write = { ...m, seenAt: Date.now() }
        } else {
          if (next === null && this.marker?.callId !== endedId) return
          if (!markerNeedsWrite(this.marker, next)) return
          write = next
        }
        if (write) await chrome.storage.local.set({ [CALL_MARKER_KEY]: write })
        else await chrome.storage.local.remove(CALL_MARKER_KEY)
        this.marker = write
      })
      .catch((e) => console.warn("comptoir: call marker not written", e))
      .finally(() => (this.marker && this.callUp(this.marker.callId) ? this.arm() : this.disarm()))
  }

  /**
   * Every MARKER_HEARTBEAT_MS during a call: the marker's `seenAt`, where a cut call's talk time ends (short by
   * 15 s at most; a write a second would buy little for a storage write a second). In Chrome's worker each
   * storage write also resets its idle timer: the worker that would log the call stays up during it.
   */
  private arm(): void {
    this.heartbeat ??= setInterval(() => {
      const m = this.marker
      // Only while the published view still has that call up (a provider switched off mid-call publishes none).
      if (m && this.callUp(m.callId)) this.enqueue("beat", null)
      else this.disarm()
    }, MARKER_HEARTBEAT_MS)
  }

  private disarm(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
  }
}
