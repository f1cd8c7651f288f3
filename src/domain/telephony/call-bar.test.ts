import { describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"

import { CallBar, callBarOf } from "./call-bar"
import { initialPhoneState, transition, type PhoneState } from "./phone-state"
import type { SoftphoneView } from "./softphone-view"

const [a, b] = generateCustomers({ count: 2, seed: 7 })
const registered = transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0)
const ready = transition(registered, { type: "registered" }, 0)
const ringing = transition(ready, { type: "incoming", callId: "c1", number: "+33123456789" }, 1000)

function viewOf(state: PhoneState, candidates = [a!, b!], customerId: string | null = null): SoftphoneView {
  return {
    state,
    caller: { callId: "c1", number: "+33123456789", candidates, customerId, contactId: null },
    capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
    configured: true,
    lastCall: null,
    updatedAt: 42
  }
}

describe("the call bar a page's panel is told", () => {
  it("shows the ringing call and the customers holding its number, the picked one named", () => {
    const bar = callBarOf(viewOf(ringing, [a!, b!], b!.id))
    expect(bar.state).toBe("ringing-in")
    expect(bar.call).toMatchObject({ id: "c1", phase: "ringing-in", number: "+33123456789", direction: "inbound" })
    expect(bar.candidates.map((c) => c.id)).toEqual([a!.id, b!.id])
    expect(bar.customerId).toBe(b!.id)
    expect(CallBar.safeParse(bar).success).toBe(true)
  })

  it("names no customer once the call has ended: the caller's card leaves the page with the call", () => {
    const ended = transition(transition(ringing, { type: "answered", callId: "c1" }, 2000), { type: "ended", callId: "c1", reason: "hangup-remote" }, 5000)
    const bar = callBarOf(viewOf(ended, [a!], a!.id))
    expect(bar.state).toBe("ended")
    expect(bar.call).toMatchObject({ phase: "ended", endReason: "hangup-remote", answeredAt: 2000, endedAt: 5000 })
    expect(bar.candidates).toEqual([])
    expect(bar.customerId).toBeNull()
  })

  it("names no customer for a caller context left from another call", () => {
    const other = transition(ready, { type: "incoming", callId: "c2", number: "+33987654321" }, 1000)
    expect(callBarOf(viewOf(other, [a!], a!.id))).toMatchObject({ call: { id: "c2" }, candidates: [], customerId: null })
  })

  it("says the registration's state when there is no call, and nothing of the last call's log", () => {
    const bar = callBarOf({ ...viewOf(ready), caller: null })
    expect(bar).toEqual({ state: "registered", registration: "registered", configured: true, call: null, candidates: [], customerId: null, updatedAt: 42 })
  })
})
