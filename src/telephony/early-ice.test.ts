import type { Session } from "sip.js"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { earlyIceHandlerFactory, ICE_SETTLE_MS } from "./early-ice"
import { WarmPeerConnections } from "./warm-peer"

/** The part of RTCPeerConnection sip.js's handler touches here: event handlers, gathering state, close. */
class FakePeerConnection {
  static last: FakePeerConnection | null = null
  iceGatheringState: RTCIceGatheringState = "new"
  signalingState: RTCSignalingState = "stable"
  closed = false
  onicecandidate: ((e: { candidate: { protocol: string } | null }) => void) | null = null
  onicegatheringstatechange: (() => void) | null = null
  constructor() {
    FakePeerConnection.last = this
  }
  setLocalDescription(): Promise<void> {
    this.iceGatheringState = "gathering"
    return Promise.resolve()
  }
  candidate(protocol: "udp" | "tcp"): void {
    this.onicecandidate?.({ candidate: { protocol } })
  }
  complete(): void {
    this.iceGatheringState = "complete"
    this.onicegatheringstatechange?.()
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
const session = { userAgent: { getLogger: () => logger } } as unknown as Session

/** The handler's protected steps, as sip.js's getDescription runs them. */
interface Steps {
  setLocalSessionDescription(d: RTCSessionDescriptionInit): Promise<void>
  waitForIceGatheringComplete(restart?: boolean, timeout?: number): Promise<void>
  close(): void
}

/** Makes an offer's gathering start and returns when the wait for it ended (ms after the wait began). */
async function gathering(during: (pc: FakePeerConnection) => void, timeoutMs = 500): Promise<number> {
  const handler = earlyIceHandlerFactory()(session, { iceGatheringTimeout: timeoutMs }) as unknown as Steps
  await handler.setLocalSessionDescription({ type: "offer", sdp: "v=0" })
  const pc = FakePeerConnection.last!
  const began = Date.now()
  let endedAt = -1
  const waited = handler.waitForIceGatheringComplete(false, timeoutMs).then(() => (endedAt = Date.now() - began))
  during(pc)
  await vi.advanceTimersByTimeAsync(1000)
  await waited
  handler.close()
  return endedAt
}

describe("the offer's wait for ICE candidates", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal("RTCPeerConnection", FakePeerConnection)
    vi.stubGlobal("MediaStream", class {})
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("ends once no UDP candidate has come for the settle time, without waiting for gathering to complete", async () => {
    const ended = await gathering((pc) => {
      pc.candidate("udp")
      setTimeout(() => pc.candidate("udp"), 3)
      // Chromium's TCP host candidates and "complete" come ~115 ms later: the offer must not wait for them.
      setTimeout(() => pc.candidate("tcp"), 115)
      setTimeout(() => pc.complete(), 116)
    })
    expect(ended).toBe(3 + ICE_SETTLE_MS)
  })

  it("does not count TCP candidates as a reason to stop waiting", async () => {
    const ended = await gathering((pc) => {
      pc.candidate("tcp")
      setTimeout(() => pc.complete(), 200)
    })
    expect(ended).toBe(200)
  })

  it("keeps sip.js's timeout when no candidate comes at all", async () => {
    const ended = await gathering(() => undefined, 500)
    expect(ended).toBe(500)
  })

  it("starts the settle time at the wait when the UDP candidates came before it", async () => {
    const handler = earlyIceHandlerFactory()(session, { iceGatheringTimeout: 500 }) as unknown as Steps
    await handler.setLocalSessionDescription({ type: "offer", sdp: "v=0" })
    FakePeerConnection.last!.candidate("udp")
    await vi.advanceTimersByTimeAsync(50)
    const began = Date.now()
    let endedAt = -1
    const waited = handler.waitForIceGatheringComplete(false, 500).then(() => (endedAt = Date.now() - began))
    await vi.advanceTimersByTimeAsync(1000)
    await waited
    expect(endedAt).toBe(ICE_SETTLE_MS)
  })

  it("starts a call on the connection gathered in advance, whose complete gathering sends the offer at once", async () => {
    const warm = new WarmPeerConnections({ iceServers: [] })
    warm.start()
    const gathered = FakePeerConnection.last!
    const handler = earlyIceHandlerFactory(ICE_SETTLE_MS, warm)(session, { iceGatheringTimeout: 500 }) as unknown as Steps & { peerConnection: unknown }
    const madeBySipJs = FakePeerConnection.last!
    expect(handler.peerConnection).toBe(gathered)
    // sip.js's own connection, made in its constructor, is not left open beside it.
    expect(madeBySipJs).not.toBe(gathered)
    expect(madeBySipJs.closed).toBe(true)
    await handler.setLocalSessionDescription({ type: "offer", sdp: "v=0" })
    const began = Date.now()
    let endedAt = -1
    const waited = handler.waitForIceGatheringComplete(false, 500).then(() => (endedAt = Date.now() - began))
    // A pooled connection has every candidate at setLocalDescription and says "complete" right away.
    gathered.candidate("udp")
    gathered.candidate("tcp")
    setTimeout(() => gathered.complete(), 1)
    await vi.advanceTimersByTimeAsync(1000)
    await waited
    expect(endedAt).toBe(1)
    handler.close()
    warm.stop()
  })
})
