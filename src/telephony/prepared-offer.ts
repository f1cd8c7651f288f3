/** How long a call prepared on the agent's intent (the pointer on a call button) waits for its click (ms). */
export const PREPARED_OFFER_TTL_MS = 5000

/** What is prepared: a session description handler with its offer made (early-ice.ts), closed if no call takes it. */
export interface PreparedHandler {
  close(): void
}

/**
 * Issue #9, click → ringing: when the pointer rests on (or keyboard focus lands on) a call button, the softphone
 * makes the next outgoing call's connection, its audio transceiver and its offer, with its ICE candidates, before
 * the click; the click then only opens the microphone and sends the INVITE. The microphone is not opened here: no
 * recording indicator for a hover. Only one is kept; it is closed `ttlMs` after the last intent if no call took it
 * (its candidates are the host's addresses of that moment, and it holds a couple of UDP sockets).
 */
export class PreparedOffers<H extends PreparedHandler = PreparedHandler> {
  private ready: H | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly ttlMs = PREPARED_OFFER_TTL_MS) {}

  /** Makes one with `make` unless one is ready; either way it waits `ttlMs` from now for its call. */
  prepare(make: () => H | null): void {
    if (!this.ready) {
      try {
        this.ready = make()
      } catch {
        // No WebRTC here (a test, an odd browser): the call makes its offer at the click, as before.
        this.ready = null
      }
    }
    if (!this.ready) return
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.clear(), this.ttlMs)
  }

  /** The prepared handler for the call being placed now (out of the holder), or null: the call makes its own. */
  take(): H | null {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const h = this.ready
    this.ready = null
    return h
  }

  /** Expired, unregistered or disposed: nothing left open. */
  clear(): void {
    this.take()?.close()
  }
}
