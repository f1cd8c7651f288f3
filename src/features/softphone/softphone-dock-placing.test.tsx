// @vitest-environment jsdom
import { act, fireEvent, renderHook } from "@testing-library/react"
import { describe, expect, it, vi } from "vitest"

import { transition } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"

import { dockWorld, heldCalls, registered, viewOf } from "./softphone-dock-harness"
import { useCallPress } from "./use-call-press"

const number = "+33144319244"

const { published, dock } = dockWorld(
  () => viewOf(registered, 1),
  (m) => (m.type === "softphone/call" ? placing.reply(m) : { ok: false, error: "not in this test" })
)
const placing = heldCalls()
const { held } = placing
const answerCall = (reply: unknown) => held.answer(reply)

const heading = (root: HTMLElement) => root.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? ""
const callButton = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('[data-comptoir="dial"]')!

async function dialOnThePad(root: HTMLElement) {
  const field = root.querySelector<HTMLInputElement>('[data-comptoir="dial-input"]')!
  act(() => void fireEvent.change(field, { target: { value: number } }))
  await act(async () => {
    fireEvent.submit(field.form!)
    await vi.advanceTimersByTimeAsync(0)
  })
}

describe("the dock while a call it dialled is being placed (its first publication is held: outgoing-hold.ts)", () => {
  it("says Calling… and to whom in its heading, not Ready for calls", async () => {
    const root = await dock()
    await dialOnThePad(root)
    expect(heading(root)).toContain("Calling…")
    expect(heading(root)).toContain(formatPhone(number, "FR"))
    expect(heading(root)).not.toContain("Ready for calls")
  })

  it("keeps its Call button from dialling a second call until the call is shown, then gives the heading to the softphone", async () => {
    const root = await dock()
    await dialOnThePad(root)
    expect(callButton(root).disabled).toBe(true)
    await dialOnThePad(root)
    expect(held.calls).toHaveLength(1)
    await act(async () => answerCall({ ok: true, data: { ok: true, callId: "c1" } }))
    const ringing = transition(registered, { type: "outgoing", callId: "c1", number }, Date.now())
    published(viewOf(ringing, 2))
    expect(root.querySelector('[data-comptoir="softphone-status"]')?.hasAttribute("data-placing")).toBe(false)
    expect(heading(root)).toContain("Calling…")
    published(viewOf(transition(ringing, { type: "ended", callId: "c1", reason: "busy" }, Date.now()), 3))
    expect(heading(root)).not.toContain("Calling…")
    expect(callButton(root).disabled).toBe(false)
  })

  it("says Calling… too for a call pressed on a card of the same page (the side panel's), and dials none from its pad meanwhile", async () => {
    const root = await dock()
    const card = renderHook(() => useCallPress())
    await act(async () => card.result.current.press({ number, customerId: "cu1" }))
    expect(heading(root)).toContain("Calling…")
    expect(heading(root)).toContain(formatPhone(number, "FR"))
    expect(callButton(root).disabled).toBe(true)
    // Its Hang up ends that call, though this dock did not place it.
    await act(async () => answerCall({ ok: true, data: { ok: true, callId: "c2" } }))
    act(() => void fireEvent.click(root.querySelector('[data-comptoir="calling-hangup"]')!))
    expect(heading(root)).toContain("Ready for calls")
    const sent = vi.mocked(chrome.runtime.sendMessage).mock.calls.map(([m]) => m as unknown)
    expect(sent).toContainEqual({ type: "softphone/hangup", payload: { callId: "c2" } })
  })

  it("gives the heading back when the softphone refuses the call (not registered), and Call works again", async () => {
    const root = await dock()
    await dialOnThePad(root)
    await act(async () => answerCall({ ok: true, data: { ok: false, error: "not registered" } }))
    expect(heading(root)).toContain("Ready for calls")
    expect(callButton(root).disabled).toBe(false)
  })
})
