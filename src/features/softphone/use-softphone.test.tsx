// @vitest-environment jsdom
import { act, cleanup, render, renderHook } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { initialPhoneState, transition, VIEW_KEY, type CallRecord, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

import { CALL_SETUP_HOLD_MS, useCallSetUp, useSoftphoneSelect, useSoftphoneView } from "./use-softphone"

const customer = generateCustomers({ count: 1, seed: 3 })[0]!
const registered = transition(initialPhoneState, { type: "registered" }, 0)

function viewOf(state: PhoneState, updatedAt: number): SoftphoneView {
  const call = state.call
  return {
    state,
    caller: call ? { callId: call.id, number: call.number, candidates: [customer], customerId: customer.id, contactId: null } : null,
    capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
    configured: true,
    lastCall: null,
    updatedAt
  }
}

type Listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void
let listeners: Set<Listener>
let sendMessage: ReturnType<typeof vi.fn>

beforeEach(() => {
  listeners = new Set()
  sendMessage = vi.fn(async () => ({ ok: true, data: viewOf(registered, 1) }))
  vi.stubGlobal("chrome", {
    runtime: { sendMessage },
    storage: { onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) } }
  })
})
afterEach(() => {
  // Unmounted while chrome is still stubbed: the page's one subscription (and the view it holds) goes with the last reader.
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** The background publishing a view (JSON through storage: new objects every time, as in the browser). */
function published(view: SoftphoneView) {
  const newValue = JSON.parse(JSON.stringify(view)) as unknown
  act(() => listeners.forEach((l) => l({ [VIEW_KEY]: { newValue } }, "session")))
}

describe("the softphone view in a page", () => {
  it("is one subscription for every component showing it (the dock and the script beside it)", async () => {
    const seen: (SoftphoneView | null)[][] = [[], []]
    const Probe = ({ k }: { k: 0 | 1 }) => {
      seen[k]!.push(useSoftphoneView())
      return null
    }
    const page = render(
      <>
        <Probe k={0} />
        <Probe k={1} />
      </>
    )
    await vi.waitFor(() => expect(seen[0]!.at(-1)?.updatedAt).toBe(1))
    expect(listeners.size).toBe(1)
    expect(sendMessage).toHaveBeenCalledTimes(1)
    const ringing = transition(registered, { type: "outgoing", callId: "c1", number: "+33144319244" }, 10)
    published(viewOf(ringing, 2))
    expect(seen[0]!.at(-1)).toBe(seen[1]!.at(-1))
    expect(seen[1]!.at(-1)?.state.call?.phase).toBe("ringing-out")
    page.unmount()
    expect(listeners.size).toBe(0)
  })

  it("keeps the same caller object while the caller does not change, so the memoised card is not rendered again", async () => {
    const { result } = renderHook(() => useSoftphoneView())
    await vi.waitFor(() => expect(result.current?.updatedAt).toBe(1))
    const ringing = transition(registered, { type: "outgoing", callId: "c1", number: "+33144319244" }, 10)
    published(viewOf(ringing, 2))
    const caller = result.current!.caller
    expect(caller?.candidates[0]?.id).toBe(customer.id)
    published(viewOf(transition(ringing, { type: "answered", callId: "c1" }, 60), 3))
    expect(result.current!.state.call?.phase).toBe("in-call")
    expect(result.current!.caller).toBe(caller)
    // Another customer chosen (the picker): a new caller.
    published({ ...viewOf(transition(ringing, { type: "answered", callId: "c1" }, 60), 4), caller: { ...caller!, contactId: "someone" } })
    expect(result.current!.caller).not.toBe(caller)
    expect(result.current!.caller?.contactId).toBe("someone")
  })
})

describe("what the dock's parts read of the view (issue #9: they rendered again at every publication)", () => {
  const ringing = transition(registered, { type: "outgoing", callId: "c1", number: "+33144319244" }, 10)
  const answered = transition(ringing, { type: "answered", callId: "c1" }, 60)
  const record: CallRecord = { id: "c0", direction: "outbound", number: "+33144319244", provider: "sip", customerId: null, contactId: null, startedAt: 1, answeredAt: 2, endedAt: 3, durationMs: 1, endReason: "hangup-local" }

  it("keeps the capabilities and the last call while they do not change, so the outcome dock memoised on them is left alone", async () => {
    const { result } = renderHook(() => useSoftphoneView())
    await vi.waitFor(() => expect(result.current?.updatedAt).toBe(1))
    published({ ...viewOf(ringing, 2), lastCall: record })
    const [capabilities, lastCall] = [result.current!.capabilities, result.current!.lastCall]
    expect(lastCall?.id).toBe("c0")
    published({ ...viewOf(answered, 3), lastCall: record })
    expect(result.current!.state.call?.phase).toBe("in-call")
    expect(result.current!.capabilities).toBe(capabilities)
    expect(result.current!.lastCall).toBe(lastCall)
  })

  it("renders a component reading the call's id again only when that id changes, not when the call is answered or muted", async () => {
    let renders = 0
    const Probe = () => {
      renders++
      const id = useSoftphoneSelect((v) => ({ id: v?.state.call?.id ?? null }))
      return <span data-id={id.id ?? ""} />
    }
    const page = render(<Probe />)
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalled())
    published(viewOf(ringing, 2))
    expect(page.container.querySelector("span")?.getAttribute("data-id")).toBe("c1")
    const before = renders
    published(viewOf(answered, 3))
    published(viewOf(transition(answered, { type: "muted", callId: "c1", muted: true }, 70), 4))
    expect(renders).toBe(before)
    published(viewOf(transition(registered, { type: "incoming", callId: "c2", number: "+33144319244" }, 80), 5))
    expect(page.container.querySelector("span")?.getAttribute("data-id")).toBe("c2")
  })
})

describe("an outgoing call's set-up (the caller card's and the script's reads wait for it)", () => {
  const ringingAt = (now: number) => transition(registered, { type: "outgoing", callId: "c1", number: "+33144319244" }, now)

  it("holds while ringing out, and is released after the answer's commit rather than in it", () => {
    vi.useFakeTimers()
    const ringing = ringingAt(Date.now())
    const { result, rerender } = renderHook(({ call }) => useCallSetUp(call), { initialProps: { call: ringing.call } })
    expect(result.current).toBe(false)
    act(() => {
      vi.advanceTimersByTime(50)
    })
    expect(result.current).toBe(false)
    rerender({ call: transition(ringing, { type: "answered", callId: "c1" }, Date.now()).call })
    expect(result.current).toBe(false)
    act(() => {
      vi.advanceTimersByTime(0)
    })
    expect(result.current).toBe(true)
  })

  it("lets go after CALL_SETUP_HOLD_MS of ringing out (a real callee rings for seconds)", () => {
    vi.useFakeTimers()
    const { result } = renderHook(() => useCallSetUp(ringingAt(Date.now()).call))
    act(() => {
      vi.advanceTimersByTime(CALL_SETUP_HOLD_MS - 1)
    })
    expect(result.current).toBe(false)
    act(() => {
      vi.advanceTimersByTime(1)
    })
    expect(result.current).toBe(true)
  })

  it("never holds an incoming call's card, nor the dock without a call", () => {
    const incoming = transition(registered, { type: "incoming", callId: "c2", number: "+33144319244" }, Date.now())
    expect(renderHook(() => useCallSetUp(incoming.call)).result.current).toBe(true)
    expect(renderHook(() => useCallSetUp(null)).result.current).toBe(true)
  })
})
