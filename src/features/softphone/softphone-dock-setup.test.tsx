// @vitest-environment jsdom
import { act, fireEvent } from "@testing-library/react"
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { callRecordOf, transition, type PhoneState, type SoftphoneView } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"

import { dockWorld, registered, viewOf as bareViewOf } from "./softphone-dock-harness"
import { CALL_SETUP_MOUNT_HOLD_MS } from "./use-softphone"

const customer = generateCustomers({ count: 1, seed: 3 })[0]!
const number = customer.contacts[0]!.phones[0]!

/** The view with its call's caller: the one customer holding the number. */
function viewOf(state: PhoneState, updatedAt: number): SoftphoneView {
  const call = state.call
  return bareViewOf(state, updatedAt, call ? { callId: call.id, number: call.number, candidates: [customer], customerId: customer.id, contactId: null } : null)
}

/** The view the dock reads when it opens. */
let openedOn: SoftphoneView
beforeEach(() => {
  openedOn = viewOf(registered, 1)
})
// The dock's first read of the view; anything else it asks for (history, the card's reads) is not this test's.
const { published, dock } = dockWorld(() => openedOn)

const shown = (root: HTMLElement) => ({
  state: root.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state"),
  status: root.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? "",
  hangup: root.querySelector('[data-comptoir="hangup"]') !== null,
  card: root.querySelector(`[data-comptoir="caller-card"][data-customer-code="${customer.code}"]`) !== null,
  // The outcome dock's "Take notes" for the call under way (it follows the call with the card).
  notes: root.querySelector('[data-comptoir="outcome-open-live"]') !== null
})

describe("the dock while an outgoing call is set up (the offscreen document opens the microphone on the same main thread)", () => {
  it("shows calling, the number and the hang-up at once, and the customer's card and Take notes with the answer, not before", async () => {
    const root = await dock()
    const ringing = transition(registered, { type: "outgoing", callId: "c1", number }, Date.now())
    published(viewOf(ringing, 2))
    const atOnce = shown(root)
    expect(atOnce.state).toBe("ringing-out")
    expect(atOnce.status).toContain("Calling")
    expect(atOnce.status).toContain(formatPhone(number, "FR"))
    expect(atOnce.hangup).toBe(true)
    expect(atOnce.card).toBe(false)
    expect(atOnce.notes).toBe(false)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(50)
    })
    expect(shown(root).card).toBe(false)
    published(viewOf(transition(ringing, { type: "answered", callId: "c1" }, Date.now()), 3))
    // "In call" is shown in its own commit; the card comes right after it.
    expect(shown(root)).toMatchObject({ state: "in-call", card: false, notes: false })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(shown(root)).toMatchObject({ card: true, notes: true })
  })

  it("shows the card after CALL_SETUP_MOUNT_HOLD_MS of ringing when nobody answers yet (a real callee rings for seconds)", async () => {
    const root = await dock()
    published(viewOf(transition(registered, { type: "outgoing", callId: "c1", number }, Date.now()), 2))
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CALL_SETUP_MOUNT_HOLD_MS - 1)
    })
    expect(shown(root).card).toBe(false)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1)
    })
    expect(shown(root)).toMatchObject({ state: "ringing-out", card: true, notes: true })
  })

  it("pops an incoming caller's card at once", async () => {
    const root = await dock()
    published(viewOf(transition(registered, { type: "incoming", callId: "c2", number }, Date.now()), 2))
    expect(shown(root)).toMatchObject({ state: "ringing-in", card: true })
  })
})

describe("a call refused before its card comes (busy, no answer: ended within milliseconds of the click)", () => {
  it("opens its outcome form at once with the outcome the network gave, though the outcome dock never showed it ringing", async () => {
    const root = await dock()
    const ringing = transition(registered, { type: "outgoing", callId: "c3", number }, Date.now())
    published(viewOf(ringing, 2))
    const ended = transition(ringing, { type: "ended", callId: "c3", reason: "busy" }, Date.now() + 5)
    published({ ...viewOf(ended, 3), lastCall: callRecordOf(ended.call!, "sip", { customerId: customer.id, contactId: null }) })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    const outcome = root.querySelector<HTMLSelectElement>('[data-comptoir="outcome-form"] select[name="outcome"]')
    expect(outcome?.value).toBe("busy")
  })
  it("opens it so too when the background published it only once, ended (refused within the set-up's hold)", async () => {
    const root = await dock()
    const ended = transition(transition(registered, { type: "outgoing", callId: "c5", number }, Date.now()), { type: "ended", callId: "c5", reason: "busy" }, Date.now() + 5)
    published({ ...viewOf(ended, 2), lastCall: callRecordOf(ended.call!, "sip", { customerId: customer.id, contactId: null }) })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(root.querySelector<HTMLSelectElement>('[data-comptoir="outcome-form"] select[name="outcome"]')?.value).toBe("busy")
  })

  it("does not open the form of the ended call a dock is opened on (that one is asked of the 'to log' list)", async () => {
    const ended = transition(transition(registered, { type: "outgoing", callId: "c6", number }, 1), { type: "ended", callId: "c6", reason: "busy" }, 5)
    openedOn = { ...viewOf(ended, 2), lastCall: callRecordOf(ended.call!, "sip", { customerId: customer.id, contactId: null }) }
    const root = await dock()
    published({ ...openedOn, updatedAt: 3 })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(root.querySelector('[data-comptoir="outcome-form"]')).toBeNull()
  })
})

describe("a transfer the PBX refuses", () => {
  it("says so beside the transfer field and brings the sentence into view (the card above may push it below the window's edge)", async () => {
    // jsdom lays nothing out and has no scrollIntoView: recorded here, taken away after.
    const scrolled: Element[] = []
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this)
    }
    onTestFinished(() => {
      delete (HTMLElement.prototype as Partial<HTMLElement>).scrollIntoView
    })
    const root = await dock()
    const ringing = transition(registered, { type: "incoming", callId: "c4", number }, Date.now())
    published(viewOf(transition(ringing, { type: "answered", callId: "c4" }, Date.now()), 2))
    const field = root.querySelector<HTMLInputElement>('input[name="transfer"]')!
    act(() => {
      fireEvent.change(field, { target: { value: "000 123" } })
    })
    // The lab's PBX answer stands in: this test's background refuses every message but the view's.
    await act(async () => {
      fireEvent.submit(field.form!)
      await vi.advanceTimersByTimeAsync(0)
    })
    const said = root.querySelector('[data-comptoir="softphone-transfer-error"]')
    expect(said?.textContent).toContain("still on the line with you")
    expect(scrolled).toContain(said)
  })
})
