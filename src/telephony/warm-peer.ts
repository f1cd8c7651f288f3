/** How long after one is taken the next pre-gathered connection is made (ms): not during the call's set-up. */
export const WARM_REFILL_MS = 1000
/**
 * How long one waits for a call before it is replaced by a newly gathered one (ms): its candidates are the host's
 * addresses when it was made, and a laptop that moved to another network, or an interface that came or went,
 * would otherwise offer addresses it no longer has (no audio). A lost connection to the PBX replaces it at once.
 */
export const WARM_MAX_AGE_MS = 60_000

/**
 * One RTCPeerConnection made ahead of the next call, with `iceCandidatePoolSize: 1` so that Chromium gathers its
 * ICE candidates (the UDP ones and the TCP ones it waits ~115 ms for) while nothing is happening. The call's
 * setLocalDescription then finds them all at once and gathering is "complete" within a millisecond, where a new
 * connection had the early-ICE handler wait its 20 ms settle after the UDP candidates (measured in a probe page:
 * complete at +0…1 ms after setLocalDescription, against UDP at +2…5 and TCP at +115…130 for a new one).
 * No track, no transceiver: the call's handler adds the microphone the usual way (the track-less transceiver
 * tried on 3 Dec broke resume after hold). It holds a couple of UDP sockets while registered, no microphone.
 */
export class WarmPeerConnections {
  private ready: RTCPeerConnection | null = null
  private refill: ReturnType<typeof setTimeout> | null = null
  private renew: ReturnType<typeof setInterval> | null = null
  private running = false

  constructor(
    private readonly configuration: RTCConfiguration,
    private readonly make: (c: RTCConfiguration) => RTCPeerConnection = (c) => new RTCPeerConnection(c)
  ) {}

  /** Keeps one connection gathered from now on (registered). Idempotent. */
  start(): void {
    this.running = true
    if (!this.ready && this.refill === null) this.prepare()
    this.renew ??= setInterval(() => this.replace(), WARM_MAX_AGE_MS)
  }

  /** The one ready is dropped and gathered again (its age, or the network may have changed: a lost connection). */
  replace(): void {
    if (!this.running || !this.ready) return
    this.ready.close()
    this.prepare()
  }

  /** The gathered connection for a call, or null (none ready yet: the caller makes its own). */
  take(): RTCPeerConnection | null {
    const pc = this.ready
    this.ready = null
    if (this.running && this.refill === null) {
      this.refill = setTimeout(() => {
        this.refill = null
        if (this.running && !this.ready) this.prepare()
      }, WARM_REFILL_MS)
    }
    // Closed meanwhile (by the browser or a network change): not usable.
    return pc?.signalingState === "stable" ? pc : null
  }

  /** Unregistered or disposed: no socket kept open. */
  stop(): void {
    this.running = false
    if (this.refill !== null) clearTimeout(this.refill)
    this.refill = null
    if (this.renew !== null) clearInterval(this.renew)
    this.renew = null
    this.ready?.close()
    this.ready = null
  }

  private prepare(): void {
    try {
      this.ready = this.make({ ...this.configuration, iceCandidatePoolSize: 1 })
    } catch {
      // No WebRTC here (a test, an odd browser): calls make their own connection as before.
      this.ready = null
    }
  }
}
