import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { EarlyMicrophone } from "./early-microphone"
import { OUTGOING_REPORT_WAIT_MS, SipProvider } from "./sip-provider"

/** A stream whose tracks say whether they were stopped. */
function fakeStream(): MediaStream & { stopped: () => boolean } {
  const track = { kind: "audio", stopped: false, stop: () => (track.stopped = true), enabled: true }
  return { getTracks: () => [track], getAudioTracks: () => [track], getVideoTracks: () => [], stopped: () => track.stopped } as unknown as MediaStream & {
    stopped: () => boolean
  }
}

/** Just enough of RTCPeerConnection for sip.js's handler to be made and ask for its media. */
class FakePeerConnection {
  iceGatheringState = "new"
  signalingState = "stable"
  getReceivers(): [] {
    return []
  }
  getSenders(): [] {
    return []
  }
  getTransceivers(): [] {
    return []
  }
  addTrack(): void {}
  createOffer(): Promise<never> {
    // The offer is not this test's business: the call stops here.
    return new Promise(() => undefined)
  }
  close(): void {}
}

const settings = { websocketUrl: "ws://127.0.0.1:1", uri: "sip:agent1@127.0.0.1", authorizationUser: "", password: "", displayName: "" }

describe("an outgoing call's microphone", () => {
  beforeEach(() => vi.stubGlobal("RTCPeerConnection", FakePeerConnection))
  afterEach(() => vi.unstubAllGlobals())

  it("is asked for before the call is reported and before sip.js makes the call's handler", async () => {
    const seen: string[] = []
    const getUserMedia = vi.fn(() => {
      seen.push("microphone asked")
      return new Promise<MediaStream>(() => undefined)
    })
    const provider = new SipProvider({ settings, getUserMedia })
    provider.onEvent((e) => seen.push(e.type))
    void provider.call("+33144319244").catch(() => undefined)
    // A microphone that never opens: the call is still reported, a little later.
    await new Promise((r) => setTimeout(r, OUTGOING_REPORT_WAIT_MS + 20))
    expect(seen.slice(0, 2)).toEqual(["microphone asked", "outgoing"])
    provider.dispose()
  })

  it("is open before the call is reported, so the surfaces' render of the call does not slow its opening", async () => {
    const seen: string[] = []
    let open: (s: MediaStream) => void = () => undefined
    const getUserMedia = vi.fn(() => new Promise<MediaStream>((ok) => (open = ok)))
    const provider = new SipProvider({ settings, getUserMedia })
    provider.onEvent((e) => seen.push(e.type))
    void provider.call("+33144319244").catch(() => undefined)
    await new Promise((r) => setTimeout(r, 10))
    expect(seen).toEqual([])
    open(fakeStream())
    await new Promise((r) => setTimeout(r, 0))
    expect(seen).toEqual(["outgoing"])
    provider.dispose()
  })

  it("is asked for once: the call's handler takes the stream opened when the call was asked", async () => {
    const stream = fakeStream()
    const getUserMedia = vi.fn(() => Promise.resolve(stream))
    // What sip.js's own media stream factory would ask.
    const asked = vi.fn(() => Promise.resolve(fakeStream()))
    vi.stubGlobal("navigator", { mediaDevices: { getUserMedia: asked } })
    const provider = new SipProvider({ settings, getUserMedia })
    void provider.call("+33144319244").catch(() => undefined)
    await new Promise((r) => setTimeout(r, 20))
    expect(getUserMedia).toHaveBeenCalledTimes(1)
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true, video: false })
    expect(asked).not.toHaveBeenCalled()
    provider.dispose()
  })
})

describe("EarlyMicrophone", () => {
  it("hands its stream to the first handler that asks with the same constraints, once", async () => {
    const stream = fakeStream()
    const mic = new EarlyMicrophone(() => Promise.resolve(stream))
    void mic.open({ audio: true, video: false })
    expect(mic.take({ audio: { deviceId: { exact: "usb" } }, video: false })).toBeNull()
    expect(await mic.take({ audio: true, video: false })).toBe(stream)
    expect(mic.take({ audio: true, video: false })).toBeNull()
  })

  it("stops a stream nobody took, so the microphone is not left open", async () => {
    const stream = fakeStream()
    const mic = new EarlyMicrophone(() => Promise.resolve(stream))
    void mic.open({ audio: true, video: false })
    mic.discard()
    await Promise.resolve()
    await Promise.resolve()
    expect(stream.stopped()).toBe(true)
  })

  it("leaves a stream a handler took to that handler", async () => {
    const stream = fakeStream()
    const mic = new EarlyMicrophone(() => Promise.resolve(stream))
    void mic.open({ audio: true, video: false })
    await mic.take({ audio: true, video: false })
    mic.discard()
    await Promise.resolve()
    expect(stream.stopped()).toBe(false)
  })
})
