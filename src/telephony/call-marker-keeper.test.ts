import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CALL_MARKER_KEY, initialPhoneState, MARKER_HEARTBEAT_MS, transition, type CallMarker, type PhoneState } from "~src/domain/telephony"

import { CallMarkerKeeper } from "./call-marker-keeper"

/** chrome.storage.local in memory: the only API the keeper uses. */
function fakeLocal() {
  const m = new Map<string, unknown>()
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    storage: {
      local: {
        get: async (key: string) => (m.has(key) ? { [key]: structuredClone(m.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) m.set(k, structuredClone(v))
        },
        remove: async (key: string) => void m.delete(key)
      }
    }
  }
  return m
}

const oldMarker: CallMarker = {
  callId: "earlier-life",
  direction: "outbound",
  number: "+33155550199",
  provider: "sip",
  customerId: null,
  contactId: null,
  startedAt: 1_000,
  answeredAt: 2_000,
  seenAt: 30_000
}

function ringingOut(callId: string): PhoneState {
  const registered = transition(transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 1), { type: "registered" }, 2)
  return transition(registered, { type: "outgoing", callId, number: "+33144319244" }, Date.now())
}

describe("the call marker keeper", () => {
  let stored: Map<string, unknown>
  beforeEach(() => {
    stored = fakeLocal()
  })
  afterEach(() => vi.useRealTimers())

  it("takes away the earlier life's marker once it is logged, and only that one", async () => {
    stored.set(CALL_MARKER_KEY, oldMarker)
    const keeper = new CallMarkerKeeper(() => false)
    expect(await keeper.stored()).toEqual(oldMarker)
    await keeper.drop(oldMarker.callId)
    expect(stored.has(CALL_MARKER_KEY)).toBe(false)
  })

  it("keeps the marker of a call the agent started while the earlier life's cut call was being logged", async () => {
    stored.set(CALL_MARKER_KEY, oldMarker)
    const keeper = new CallMarkerKeeper((id) => id === "new-call")
    expect(await keeper.stored()).toEqual(oldMarker)
    // The new call's first publication reaches the keeper before the old call's record is written and dropped.
    keeper.follow(ringingOut("new-call"), null)
    await keeper.drop(oldMarker.callId)
    // Had it gone, a browser crash in the next 15 s would leave the new call in no history.
    expect((stored.get(CALL_MARKER_KEY) as CallMarker | undefined)?.callId).toBe("new-call")
    keeper.follow({ ...initialPhoneState }, null)
  })

  it("takes away an unreadable marker, but not a readable one written since", async () => {
    stored.set(CALL_MARKER_KEY, { callId: 42 })
    const keeper = new CallMarkerKeeper((id) => id === "new-call")
    expect(await keeper.stored()).toBe("invalid")
    await keeper.drop(null)
    expect(stored.has(CALL_MARKER_KEY)).toBe(false)

    stored.set(CALL_MARKER_KEY, { callId: 42 })
    expect(await keeper.stored()).toBe("invalid")
    keeper.follow(ringingOut("new-call"), null)
    await keeper.drop(null)
    expect((stored.get(CALL_MARKER_KEY) as CallMarker | undefined)?.callId).toBe("new-call")
    keeper.follow({ ...initialPhoneState }, null)
  })

  it("writes the marker at every beat of the heartbeat, also when the call was answered between two beats", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] })
    vi.setSystemTime(100_000)
    // The keeper's writes run on promises: a real macrotask lets them finish (setTimeout is not faked here).
    const settle = () => new Promise((r) => setTimeout(r, 5))
    const seenAt = () => (stored.get(CALL_MARKER_KEY) as CallMarker | undefined)?.seenAt
    let up = true
    const keeper = new CallMarkerKeeper((id) => up && id === "c1")
    let state = ringingOut("c1")
    keeper.follow(state, null)
    await settle()
    expect(seenAt()).toBe(100_000)
    // The customer picks up 0.7 s after the call went out (the lab's peer: a few hundred ms).
    vi.advanceTimersByTime(700)
    state = transition(state, { type: "answered", callId: "c1" }, Date.now())
    keeper.follow(state, null)
    await settle()
    expect(seenAt()).toBe(100_700)
    // Each beat writes the moment the call was last known up: a cut call's talk time is short by one beat at most.
    // (The beat 14.3 s after the answer's write used to be skipped as "not due", and the first one written came
    // 29.3 s after it: a browser gone in between lost up to 30 s of talk time.)
    for (let beat = 1; beat <= 3; beat++) {
      vi.advanceTimersByTime(100_000 + beat * MARKER_HEARTBEAT_MS - Date.now())
      await settle()
      expect(seenAt()).toBe(100_000 + beat * MARKER_HEARTBEAT_MS)
    }
    up = false
    keeper.follow(transition(state, { type: "ended", callId: "c1", reason: "hangup-local" }, Date.now()), null)
    await settle()
    expect(stored.has(CALL_MARKER_KEY)).toBe(false)
  })

  it("says the call was up until the page went, written at once, and nothing for a call no longer up", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] })
    vi.setSystemTime(100_000)
    const settle = () => new Promise((r) => setTimeout(r, 5))
    let up = true
    const keeper = new CallMarkerKeeper((id) => up && id === "c1")
    const state = transition(ringingOut("c1"), { type: "answered", callId: "c1" }, Date.now())
    keeper.follow(state, null)
    await settle()
    // The browser quits 9 s after the last write, before the next beat: its talk time reaches the quit.
    vi.advanceTimersByTime(9_000)
    keeper.seenNow()
    await settle()
    expect(stored.get(CALL_MARKER_KEY)).toMatchObject({ callId: "c1", answeredAt: 100_000, seenAt: 109_000 })
    up = false
    vi.advanceTimersByTime(1_000)
    keeper.seenNow()
    await settle()
    expect(stored.get(CALL_MARKER_KEY)).toMatchObject({ seenAt: 109_000 })
  })

  it("a beat that fires while a newer state's write waits its turn does not write the older marker over it", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] })
    vi.setSystemTime(100_000)
    const settle = () => new Promise((r) => setTimeout(r, 5))
    const keeper = new CallMarkerKeeper((id) => id === "c1")
    let state = ringingOut("c1")
    keeper.follow(state, null)
    await settle()
    // Answered a moment before the beat: the answer's write is queued when the beat fires.
    vi.advanceTimersByTime(MARKER_HEARTBEAT_MS - 1)
    state = transition(state, { type: "answered", callId: "c1" }, Date.now())
    keeper.follow(state, null)
    vi.advanceTimersByTime(1)
    await settle()
    expect(stored.get(CALL_MARKER_KEY)).toMatchObject({ callId: "c1", answeredAt: 100_000 + MARKER_HEARTBEAT_MS - 1, seenAt: 100_000 + MARKER_HEARTBEAT_MS })
    keeper.follow(transition(state, { type: "ended", callId: "c1", reason: "hangup-local" }, Date.now()), null)
    await settle()
  })
})
