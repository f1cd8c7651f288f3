import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { WARM_MAX_AGE_MS, WARM_REFILL_MS, WarmPeerConnections } from "./warm-peer"

class FakePeerConnection {
  signalingState: RTCSignalingState = "stable"
  constructor(readonly configuration: RTCConfiguration) {}
  close(): void {
    this.signalingState = "closed"
  }
}

describe("the connection gathered ahead of the next call", () => {
  let made: FakePeerConnection[]
  let warm: WarmPeerConnections
  beforeEach(() => {
    vi.useFakeTimers()
    made = []
    warm = new WarmPeerConnections({ iceServers: [] }, (c) => {
      const pc = new FakePeerConnection(c)
      made.push(pc)
      return pc as unknown as RTCPeerConnection
    })
  })
  afterEach(() => {
    warm.stop()
    vi.useRealTimers()
  })

  it("is made once registered, with a candidate pool so that its ICE candidates are gathered in advance", () => {
    expect(warm.take()).toBeNull()
    expect(made).toHaveLength(0)
    warm.start()
    warm.start()
    expect(made).toHaveLength(1)
    expect(made[0]!.configuration).toEqual({ iceServers: [], iceCandidatePoolSize: 1 })
  })

  it("goes to one call only, and the next one is made a while after, not during that call's set-up", async () => {
    warm.start()
    expect(warm.take()).toBe(made[0])
    expect(warm.take()).toBeNull()
    await vi.advanceTimersByTimeAsync(WARM_REFILL_MS - 1)
    expect(made).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(made).toHaveLength(2)
    expect(warm.take()).toBe(made[1])
  })

  it("is not handed out once closed", () => {
    warm.start()
    made[0]!.close()
    expect(warm.take()).toBeNull()
  })

  it("is closed when unregistered, and none is made again until registered", async () => {
    warm.start()
    warm.stop()
    expect(made[0]!.signalingState).toBe("closed")
    expect(warm.take()).toBeNull()
    warm.start()
    // The one a call took is the call's to close; the refill due after it does not happen once unregistered.
    expect(warm.take()).toBe(made[1])
    warm.stop()
    await vi.advanceTimersByTimeAsync(WARM_REFILL_MS * 2)
    expect(made).toHaveLength(2)
    expect(made[1]!.signalingState).toBe("stable")
  })

  it("is gathered again every minute while it waits, so a call never offers the addresses of a network the host has left", async () => {
    warm.start()
    await vi.advanceTimersByTimeAsync(WARM_MAX_AGE_MS)
    expect(made).toHaveLength(2)
    expect(made[0]!.signalingState).toBe("closed")
    expect(warm.take()).toBe(made[1])
    warm.replace()
    expect(made).toHaveLength(2)
  })

  it("is gathered again at once when asked (the connection to the PBX was lost), and not at all once stopped", async () => {
    warm.start()
    warm.replace()
    expect(made).toHaveLength(2)
    expect(made[0]!.signalingState).toBe("closed")
    warm.stop()
    warm.replace()
    await vi.advanceTimersByTimeAsync(WARM_MAX_AGE_MS * 2)
    expect(made).toHaveLength(2)
  })
})
