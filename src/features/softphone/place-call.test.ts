import { afterEach, describe, expect, it } from "vitest"

import { placeCall } from "./place-call"

/** chrome.runtime.sendMessage answering each message type as the test says; records what was sent. */
function fakeRuntime(answer: (type: string) => unknown) {
  const sent: string[] = []
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      sendMessage: async (m: { type: string }) => {
        sent.push(m.type)
        const a = answer(m.type)
        if (a instanceof Error) throw a
        return a
      }
    }
  }
  return sent
}

afterEach(() => delete (globalThis as { chrome?: unknown }).chrome)

describe("a card's call button", () => {
  it("dials where the call runs, in one message, when the softphone's document answers", async () => {
    const sent = fakeRuntime(() => ({ ok: true, data: { ok: true, callId: "c1" } }))
    expect(await placeCall({ number: "+33144319244", customerId: "cu1" })).toEqual({ ok: true, error: undefined })
    expect(sent).toEqual(["softphone/dial"])
  })

  it("goes through the background when no offscreen document takes the dial (not started yet, the system dialer)", async () => {
    const sent = fakeRuntime((t) => (t === "softphone/dial" ? new Error("Could not establish connection. Receiving end does not exist.") : { ok: true, data: { ok: true, callId: "c2" } }))
    expect(await placeCall({ number: "+33144319244" })).toEqual({ ok: true, error: undefined })
    expect(sent).toEqual(["softphone/dial", "softphone/call"])
  })

  it("goes through the background when the document has no softphone started", async () => {
    const sent = fakeRuntime((t) => (t === "softphone/dial" ? { ok: true, data: { ok: false, unhosted: true } } : { ok: true, data: { ok: true } }))
    expect((await placeCall({ number: "+33144319244" })).ok).toBe(true)
    expect(sent).toEqual(["softphone/dial", "softphone/call"])
  })

  it("does not dial twice: a call the softphone refused is shown refused", async () => {
    const sent = fakeRuntime(() => ({ ok: true, data: { ok: false, error: "the previous call is still up" } }))
    expect(await placeCall({ number: "+33144319244" })).toEqual({ ok: false, error: "the previous call is still up" })
    expect(sent).toEqual(["softphone/dial"])
  })
})
