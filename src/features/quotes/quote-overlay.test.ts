// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

/** The background answers each ticket request with a new ticket; the frames are counted on the page. */
function fakeChrome() {
  let n = 0
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      id: "x",
      getURL: (p: string) => `chrome-extension://x/${p}`,
      sendMessage: async () => ({ ok: true, data: { ticket: `t${++n}`, shown: false } }),
      onMessage: { addListener: () => undefined }
    }
  }
}
const frames = () => document.querySelectorAll("comptoir-quote-overlay").length

describe("the quote frame's preload and a call placed from the page", () => {
  beforeEach(() => {
    vi.resetModules()
    vi.useFakeTimers({ shouldAdvanceTime: true })
    fakeChrome()
    document.documentElement.querySelectorAll("comptoir-quote-overlay").forEach((e) => e.remove())
  })
  afterEach(() => vi.useRealTimers())

  it("takes away a frame still loading at the call's click, and preloads it again once the hold is over", async () => {
    const q = await import("./quote-overlay")
    await q.preloadQuoteOverlay()
    expect(frames()).toBe(1)
    q.holdQuotePreload(3000)
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(2900)
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("does not start a preload during the hold: a card shown just after the click waits for it", async () => {
    const q = await import("./quote-overlay")
    q.holdQuotePreload(3000)
    await q.preloadQuoteOverlay()
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(3100)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("leaves a frame already loaded in place, and does nothing on a page that never preloaded", async () => {
    // The overlay's shadow root is closed: opened here to reach its frame and send the frame's load event by hand
    // (jsdom does not load chrome-extension:// frames).
    const attach = HTMLElement.prototype.attachShadow
    const spy = vi.spyOn(HTMLElement.prototype, "attachShadow").mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
      return attach.call(this, { ...init, mode: "open" })
    })
    const q = await import("./quote-overlay")
    q.holdQuotePreload(3000)
    await vi.advanceTimersByTimeAsync(3100)
    expect(frames()).toBe(0)
    await q.preloadQuoteOverlay()
    const iframe = document.querySelector("comptoir-quote-overlay")!.shadowRoot!.querySelector("iframe")!
    iframe.dispatchEvent(new Event("load"))
    q.holdQuotePreload(3000)
    expect(frames()).toBe(1)
    expect(document.querySelector("comptoir-quote-overlay")!.shadowRoot!.querySelector("iframe")).toBe(iframe)
    spy.mockRestore()
  })
})
