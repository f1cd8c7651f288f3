// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

// The editor's chunk stood in for: what matters is when it is asked for.
const editorLoaded = vi.fn()
// The editor's drawing, with the lookups it was given; the worker's answers, with when they were asked.
const drawn = vi.fn(async (_path: string, _asked?: Promise<unknown>) => true)
const sent: { type: string; payload: unknown; at: number }[] = []

/** A fresh copy of the loader and of the editor (the loader keeps the editor once loaded, for the page's life). */
const freshLoader = async () => {
  vi.resetModules()
  vi.doMock("./in-place-quote", () => {
    editorLoaded()
    return { openQuoteInPlace: drawn }
  })
  vi.doMock("~src/messaging/send", () => ({
    send: async (type: string, payload: unknown) => {
      sent.push({ type, payload, at: Date.now() })
      return { handoff: { asked: sent.length } }
    }
  }))
  return await import("./in-place-quote-loader")
}

beforeEach(() => {
  editorLoaded.mockClear()
  drawn.mockClear()
  sent.length = 0
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe("loading the quote editor before the click", () => {
  it("starts at once on the agent's intent (the pointer or the focus on New quote), without the card's wait", async () => {
    const { warmInPlaceQuote } = await freshLoader()
    warmInPlaceQuote("intent")
    await vi.dynamicImportSettled()
    expect(editorLoaded).toHaveBeenCalledTimes(1)
  })

  it("waits for a card just shown to have been there EDITOR_CARD_QUIET_MS (the agent may call at once), then for an idle moment", async () => {
    const { warmInPlaceQuote, EDITOR_CARD_QUIET_MS } = await freshLoader()
    warmInPlaceQuote("card")
    await vi.dynamicImportSettled()
    expect(editorLoaded).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(EDITOR_CARD_QUIET_MS - 1)
    expect(editorLoaded).not.toHaveBeenCalled()
    // An idle moment, or 500 ms at most after the wait.
    await vi.advanceTimersByTimeAsync(501)
    await vi.dynamicImportSettled()
    expect(editorLoaded).toHaveBeenCalledTimes(1)
  })
})

describe("the page's own load of the editor (the softphone tab)", () => {
  const call = (phase: string, startedAt: number, answeredAt: number | null = null, endedAt: number | null = null) => ({ phase, startedAt, answeredAt, endedAt })

  it("waits for no time without a call, or for a call that changed long ago", async () => {
    const { pageWarmDelay } = await freshLoader()
    expect(pageWarmDelay(null, 100_000)).toBe(0)
    expect(pageWarmDelay(call("in-call", 10_000, 12_000), 100_000)).toBe(0)
    expect(pageWarmDelay(call("ended", 10_000, 12_000, 20_000), 100_000)).toBe(0)
  })

  it("never starts while a call rings out (being set up) or in (about to be answered)", async () => {
    const { pageWarmDelay } = await freshLoader()
    expect(pageWarmDelay(call("ringing-out", 99_000), 100_000)).toBeNull()
    expect(pageWarmDelay(call("ringing-in", 10_000), 100_000)).toBeNull()
  })

  it("waits until the call's last change is PRELOAD_CALL_QUIET_MS old", async () => {
    const { pageWarmDelay } = await freshLoader()
    const { PRELOAD_CALL_QUIET_MS } = await import("./quote-overlay")
    expect(pageWarmDelay(call("in-call", 99_000, 99_500), 100_000)).toBe(PRELOAD_CALL_QUIET_MS - 500)
    expect(pageWarmDelay(call("ended", 90_000, 95_000, 99_900), 100_000)).toBe(PRELOAD_CALL_QUIET_MS - 100)
  })
})

describe("a new quote's lookups on the agent's intent", () => {
  const path = "quotes/new?customer=c1&contact=p1&call=call-1"

  it("are asked as the pointer enters New quote, and its click draws the form with them without asking again", async () => {
    const { warmInPlaceQuote, drawQuoteInPlace } = await freshLoader()
    warmInPlaceQuote("intent", path)
    expect(sent.map((m) => m.type)).toEqual(["quotes/handoff"])
    expect(sent[0]!.payload).toEqual({ path })
    await vi.dynamicImportSettled()
    await vi.advanceTimersByTimeAsync(200)
    await drawQuoteInPlace(path)
    expect(sent).toHaveLength(1)
    expect(drawn).toHaveBeenCalledTimes(1)
    await expect(drawn.mock.calls[0]![1]).resolves.toEqual({ asked: 1 })
  })

  // (The editor asks for lookups it was not given: openQuoteInPlace, in-place-quote.tsx.)
  it("are not used by a click more than INTENT_HANDOFF_MS after them, nor for another new quote: the editor asks anew", async () => {
    const { warmInPlaceQuote, drawQuoteInPlace, INTENT_HANDOFF_MS } = await freshLoader()
    warmInPlaceQuote("intent", path)
    await vi.dynamicImportSettled()
    await vi.advanceTimersByTimeAsync(INTENT_HANDOFF_MS + 1)
    await drawQuoteInPlace(path)
    expect(drawn.mock.calls[0]![1]).toBeUndefined()
    warmInPlaceQuote("intent", path)
    await drawQuoteInPlace("quotes/new?customer=c2")
    expect(drawn.mock.calls[1]![1]).toBeUndefined()
  })

  it("serve one click only: the next one's editor asks anew", async () => {
    const { warmInPlaceQuote, drawQuoteInPlace } = await freshLoader()
    warmInPlaceQuote("intent", path)
    await vi.dynamicImportSettled()
    await drawQuoteInPlace(path)
    await drawQuoteInPlace(path)
    expect(drawn.mock.calls[0]![1]).toBeDefined()
    expect(drawn.mock.calls[1]![1]).toBeUndefined()
  })
})
