import { Inviter, type Session } from "sip.js"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { earlyIceHandlerFactory, type EarlyIceHandler } from "./early-ice"
import { PREPARED_OFFER_TTL_MS, PreparedOffers } from "./prepared-offer"

/** The part of RTCPeerConnection sip.js's handler touches for an offer: transceivers, offer, descriptions, close. */
class FakePeerConnection {
  static made: FakePeerConnection[] = []
  iceGatheringState: RTCIceGatheringState = "new"
  signalingState: RTCSignalingState = "stable"
  closed = false
  offers = 0
  transceivers: { kind: string; direction: string }[] = []
  tracks: unknown[] = []
  localDescription: { type: string; sdp: string } | null = null
  onicecandidate: ((e: { candidate: { protocol: string } | null }) => void) | null = null
  onicegatheringstatechange: (() => void) | null = null
  constructor() {
    FakePeerConnection.made.push(this)
  }
  addTransceiver(kind: string, init: { direction: string }): void {
    this.transceivers.push({ kind, direction: init.direction })
  }
  getTransceivers() {
    return this.transceivers
  }
  addTrack(track: unknown): void {
    this.tracks.push(track)
  }
  createOffer(): Promise<{ type: "offer"; sdp: string }> {
    this.offers += 1
    return Promise.resolve({ type: "offer", sdp: `v=0 offer ${this.offers}` })
  }
  setLocalDescription(d: { type: string; sdp: string }): Promise<void> {
    this.localDescription = d
    this.signalingState = "have-local-offer"
    // A pooled connection: every candidate at once, and complete.
    this.iceGatheringState = "complete"
    return Promise.resolve()
  }
  getReceivers(): [] {
    return []
  }
  getSenders(): [] {
    return []
  }
  close(): void {
    this.closed = true
    this.signalingState = "closed"
  }
}

const logger = { debug() {}, log() {}, warn() {}, error() {} }
/** An outgoing call's session as the factory sees it (an Inviter: only those take a prepared offer). */
const outgoing = Object.create(Inviter.prototype, { userAgent: { value: { getLogger: () => logger } } }) as Session
/** An incoming call's (an Invitation's): never the prepared offer. */
const incoming = { userAgent: { getLogger: () => logger } } as unknown as Session

const microphone = { kind: "audio", id: "mic" }
const getUserMedia = vi.fn(async () => ({ getTracks: () => [microphone], getAudioTracks: () => [microphone], getVideoTracks: () => [] }))

function prepared() {
  const offers = new PreparedOffers<EarlyIceHandler>()
  const factory = earlyIceHandlerFactory(20, undefined, offers)
  const prepare = () => offers.prepare(() => factory.ahead(logger as never, { iceGatheringTimeout: 500 }))
  return { offers, factory, prepare }
}

describe("a call prepared on the agent's intent (the pointer on a call button)", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    FakePeerConnection.made = []
    getUserMedia.mockClear()
    vi.stubGlobal("RTCPeerConnection", FakePeerConnection)
    vi.stubGlobal("MediaStream", class {
      addTrack() {}
      getTracks() {
        return []
      }
      dispatchEvent() {}
    })
    vi.stubGlobal("MediaStreamTrackEvent", class {})
    vi.stubGlobal("navigator", { mediaDevices: { getUserMedia } })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("makes the offer ahead without ever opening the microphone", async () => {
    const { prepare } = prepared()
    prepare()
    await vi.advanceTimersByTimeAsync(100)
    const pc = FakePeerConnection.made.at(-1)!
    expect(pc.transceivers).toEqual([{ kind: "audio", direction: "sendrecv" }])
    expect(pc.signalingState).toBe("have-local-offer")
    expect(getUserMedia).not.toHaveBeenCalled()
    // Until it expires, unused: still no microphone.
    await vi.advanceTimersByTimeAsync(PREPARED_OFFER_TTL_MS)
    expect(getUserMedia).not.toHaveBeenCalled()
  })

  it("is dropped, its connection closed, when no click comes within its time", async () => {
    const { prepare, factory } = prepared()
    prepare()
    const pc = FakePeerConnection.made.at(-1)!
    await vi.advanceTimersByTimeAsync(PREPARED_OFFER_TTL_MS - 1)
    expect(pc.closed).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(pc.closed).toBe(true)
    // The next call makes its own.
    const handler = factory(outgoing, { iceGatheringTimeout: 500 }) as unknown as { peerConnection: unknown }
    expect(handler.peerConnection).not.toBe(pc)
  })

  it("waits its full time again when the pointer comes back, with the same offer", async () => {
    const { prepare } = prepared()
    prepare()
    await vi.advanceTimersByTimeAsync(PREPARED_OFFER_TTL_MS - 100)
    prepare()
    await vi.advanceTimersByTimeAsync(PREPARED_OFFER_TTL_MS - 100)
    expect(FakePeerConnection.made).toHaveLength(1)
    expect(FakePeerConnection.made[0]!.closed).toBe(false)
  })

  it("is what the click's outgoing call uses: the microphone opened, the prepared offer sent, no second offer", async () => {
    const { prepare, factory } = prepared()
    prepare()
    await vi.advanceTimersByTimeAsync(150)
    const pc = FakePeerConnection.made.at(-1)!
    const handler = factory(outgoing, { iceGatheringTimeout: 500 }) as unknown as EarlyIceHandler
    expect(handler.peerConnection).toBe(pc)
    const description = await handler.getDescription({ constraints: { audio: true, video: false } })
    expect(getUserMedia).toHaveBeenCalledTimes(1)
    expect(pc.tracks).toHaveLength(1)
    expect(pc.offers).toBe(1)
    expect(description).toEqual({ body: "v=0 offer 1", contentType: "application/sdp" })
  })

  it("is not taken by an incoming call, which answers on a connection of its own", async () => {
    const { prepare, factory } = prepared()
    prepare()
    const pc = FakePeerConnection.made.at(-1)!
    const handler = factory(incoming, { iceGatheringTimeout: 500 }) as unknown as { peerConnection: unknown }
    expect(handler.peerConnection).not.toBe(pc)
    expect(pc.closed).toBe(false)
  })
})
