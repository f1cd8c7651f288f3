import { describe, expect, it } from "vitest"

import { cutCallRecord, MARKER_HEARTBEAT_MS, markerNeedsWrite, markerOf, markerVerdict, type CallMarker } from "./call-marker"
import { initialPhoneState, transition, type PhoneState } from "./phone-state"

const registered = transition(transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0), { type: "registered" }, 1)
const ringing = transition(registered, { type: "incoming", callId: "k1", number: "+33144319244" }, 10_000)
const talking = transition(ringing, { type: "answered", callId: "k1" }, 12_000)
const who = { customerId: "cu1", contactId: "cu1-p" }

describe("the call marker", () => {
  it("names the call while it rings or talks, and nothing once it ended or with no call", () => {
    expect(markerOf(ringing, who, 10_500)).toEqual({
      callId: "k1",
      direction: "inbound",
      number: "+33144319244",
      provider: "sip",
      customerId: "cu1",
      contactId: "cu1-p",
      startedAt: 10_000,
      answeredAt: null,
      seenAt: 10_500
    })
    expect(markerOf(talking, who, 13_000)?.answeredAt).toBe(12_000)
    const ended: PhoneState = transition(talking, { type: "ended", callId: "k1", reason: "hangup-local" }, 20_000)
    expect(markerOf(ended, who, 20_000)).toBeNull()
    expect(markerOf(registered, who, 20_000)).toBeNull()
  })

  it("is written again for an answer, another customer or the heartbeat, not for a mute", () => {
    const first = markerOf(ringing, who, 10_000)!
    expect(markerNeedsWrite(null, first)).toBe(true)
    expect(markerNeedsWrite(first, markerOf(talking, who, 12_000))).toBe(true)
    expect(markerNeedsWrite(first, markerOf(ringing, { customerId: "cu2", contactId: null }, 10_100))).toBe(true)
    const answered = markerOf(talking, who, 12_000)!
    const muted = transition(talking, { type: "muted", callId: "k1", muted: true }, 13_000)
    expect(markerNeedsWrite(answered, markerOf(muted, who, 13_000))).toBe(false)
    expect(markerNeedsWrite(answered, markerOf(talking, who, 12_000 + MARKER_HEARTBEAT_MS))).toBe(true)
    expect(markerNeedsWrite(answered, null)).toBe(true)
    expect(markerNeedsWrite(null, null)).toBe(false)
  })

  it("is kept when the same call is still up in this browser, and is a cut call otherwise", () => {
    const m = markerOf(talking, who, 12_000)!
    expect(markerVerdict(m, { callId: "k1", hostUp: true })).toBe("live")
    expect(markerVerdict(m, { callId: "k1", hostUp: false })).toBe("cut")
    expect(markerVerdict(m, { callId: null, hostUp: true })).toBe("cut")
    expect(markerVerdict(m, { callId: "k2", hostUp: true })).toBe("cut")
  })

  it("makes a cut call's record: failed, its talk time up to the last moment it was seen", () => {
    const m: CallMarker = { ...markerOf(talking, who, 12_000)!, seenAt: 42_000 }
    expect(cutCallRecord(m)).toEqual({
      id: "k1",
      direction: "inbound",
      number: "+33144319244",
      provider: "sip",
      customerId: "cu1",
      contactId: "cu1-p",
      startedAt: 10_000,
      answeredAt: 12_000,
      endedAt: 42_000,
      durationMs: 30_000,
      endReason: "failed"
    })
    // Cut while it rang: no talk time.
    expect(cutCallRecord({ ...markerOf(ringing, who, 10_000)!, seenAt: 25_000 })).toMatchObject({ answeredAt: null, endedAt: 25_000, durationMs: 0 })
  })
})
