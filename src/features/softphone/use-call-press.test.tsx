// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { CALLING_SHOWN_MS, useCallPress } from "./use-call-press"

/** The background's answer to softphone/call, given when the test says (the call's INVITE out, or a refusal). */
function background() {
  let answer: (reply: unknown) => void = () => undefined
  const sendMessage = vi.fn(() => new Promise((resolve) => (answer = resolve)))
  vi.stubGlobal("chrome", { runtime: { sendMessage } })
  return { sendMessage, answer: (reply: unknown) => answer(reply) }
}

describe("a call button's own feedback", () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("says Calling… from the press, before the background has answered, and for a moment once it took the call", async () => {
    vi.useFakeTimers()
    const bg = background()
    const { result } = renderHook(() => useCallPress())
    act(() => result.current.press({ number: "+33144319244", customerId: "cu1" }))
    expect(result.current.calling).toBe("+33144319244")
    expect(bg.sendMessage).toHaveBeenCalledWith({ type: "softphone/call", payload: { number: "+33144319244", customerId: "cu1" } })
    await act(async () => bg.answer({ ok: true, data: { ok: true } }))
    expect(result.current.calling).toBe("+33144319244")
    act(() => void vi.advanceTimersByTime(CALLING_SHOWN_MS))
    expect(result.current.calling).toBeNull()
    expect(result.current.error).toBeNull()
  })

  it("puts the softphone's refusal in place of Calling…", async () => {
    const bg = background()
    const { result } = renderHook(() => useCallPress())
    act(() => result.current.press({ number: "+33144319244" }))
    await act(async () => bg.answer({ ok: true, data: { ok: false, error: "the softphone is not registered" } }))
    expect(result.current.calling).toBeNull()
    expect(result.current.error).toBe("the softphone is not registered")
  })

  it("hangs up from Calling… at once, the call's id as the softphone gave it", async () => {
    const bg = background()
    const { result } = renderHook(() => useCallPress())
    act(() => result.current.press({ number: "+33144319244" }))
    await act(async () => bg.answer({ ok: true, data: { ok: true, callId: "o1" } }))
    act(() => result.current.hangUp())
    expect(result.current.calling).toBeNull()
    expect(bg.sendMessage).toHaveBeenLastCalledWith({ type: "softphone/hangup", payload: { callId: "o1" } })
  })

  it("hangs up a call pressed before the softphone named it, as soon as it does", async () => {
    const bg = background()
    const { result } = renderHook(() => useCallPress())
    act(() => result.current.press({ number: "+33144319244" }))
    act(() => result.current.hangUp())
    expect(result.current.calling).toBeNull()
    expect(bg.sendMessage).toHaveBeenCalledTimes(1)
    await act(async () => bg.answer({ ok: true, data: { ok: true, callId: "o1" } }))
    expect(bg.sendMessage).toHaveBeenLastCalledWith({ type: "softphone/hangup", payload: { callId: "o1" } })
    expect(result.current.calling).toBeNull()
  })
})
