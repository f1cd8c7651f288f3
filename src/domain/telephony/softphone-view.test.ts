import { describe, expect, it } from "vitest"

import { initialPhoneState, transition, visibleState, type PhoneState } from "./phone-state"
import { nothingShown, withPublished, withReport, type ShownSoftphone, type SoftphoneView } from "./softphone-view"

const registered = transition(transition(initialPhoneState, { type: "register-requested", provider: "sip" }, 0), { type: "registered" }, 10)
const ringingOut = transition(registered, { type: "outgoing", callId: "c1", number: "+33144319244" }, 100)
const inCall = transition(ringingOut, { type: "answered", callId: "c1" }, 250)

const view = (state: PhoneState, stateAt: number | undefined, extra: Partial<SoftphoneView> = {}): SoftphoneView => ({
  state,
  caller: null,
  capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
  configured: true,
  lastCall: null,
  updatedAt: stateAt ?? 0,
  stateAt,
  ...extra
})

const caller = { callId: "c1", number: "+33144319244", candidates: [], customerId: "cu1", contactId: null }
const shownState = (s: ShownSoftphone) => (s.view ? visibleState(s.view.state) : null)

describe("what a surface shows of the softphone, by the two paths", () => {
  it("shows a report from the offscreen document at once, before the background publishes it", () => {
    const shown = withReport(withPublished(nothingShown, view(ringingOut, 100)), { state: inCall, at: 250 })
    expect(shownState(shown)).toBe("in-call")
  })

  it("does not go back to ringing when the background's publication of an earlier report comes after", () => {
    let shown = withPublished(nothingShown, view(registered, 10))
    shown = withReport(shown, { state: ringingOut, at: 100 })
    shown = withReport(shown, { state: inCall, at: 250 })
    // The background publishes the outgoing call, with its caller, after the dock already shows it answered.
    shown = withPublished(shown, view(ringingOut, 100, { caller }))
    expect(shownState(shown)).toBe("in-call")
    expect(shown.view?.caller).toEqual(caller)
    // Then its publication of the answer: taken whole.
    shown = withPublished(shown, view(inCall, 250, { caller }))
    expect(shown.view?.state).toEqual(inCall)
  })

  it("ignores a report older than the state already shown (the publication of a later one came first)", () => {
    const shown = withPublished(nothingShown, view(inCall, 250, { caller }))
    expect(withReport(shown, { state: ringingOut, at: 100 })).toBe(shown)
  })

  it("keeps a report that came before the first publication, and applies it to that publication", () => {
    const shown = withPublished(withReport(nothingShown, { state: inCall, at: 250 }), view(ringingOut, 100))
    expect(shownState(shown)).toBe("in-call")
  })

  it("takes a publication without a state time as it is (Firefox: no report reaches the surfaces directly)", () => {
    const shown = withPublished(withPublished(nothingShown, view(inCall, undefined)), view(registered, undefined))
    expect(shownState(shown)).toBe("registered")
  })
})
