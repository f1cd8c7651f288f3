// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

type OpenPayload = { path: string | null; ticket: string | null; warm: string | null; prepare?: string[] } | { paths: string[] }
/** What the page sent the background (`quote-frame/open`), in order. */
const sent: OpenPayload[] = []

/** The background answers each ticket request with a new ticket; the frames are counted on the page. */
function fakeChrome() {
  let n = 0
  sent.length = 0
  ;(globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      id: "x",
      getURL: (p: string) => `chrome-extension://x/${p}`,
      sendMessage: async (m: { payload: OpenPayload }) => {
        sent.push(m.payload)
        return { ok: true, data: { ticket: ("ticket" in m.payload ? m.payload.ticket : null) ?? `t${++n}`, shown: false } }
      },
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

  it("starts the preload only once the card has been on the page a moment, not as it opens", async () => {
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS - 50)
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(100)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("keeps the preload away while a call placed from the page rings, however long, and a moment after its answer", async () => {
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay()
    q.holdQuotePreload(3000)
    const startedAt = Date.now()
    q.quotePreloadCall({ phase: "ringing-out", startedAt, answeredAt: null, endedAt: null })
    await vi.advanceTimersByTimeAsync(8000)
    expect(frames()).toBe(0)
    const answeredAt = Date.now()
    q.quotePreloadCall({ phase: "in-call", startedAt, answeredAt, endedAt: null })
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CALL_QUIET_MS - 100)
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("waits for an incoming call to stop ringing too", async () => {
    const q = await import("./quote-overlay")
    q.quotePreloadCall({ phase: "ringing-in", startedAt: Date.now(), answeredAt: null, endedAt: null })
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(5000)
    expect(frames()).toBe(0)
    q.quotePreloadCall({ phase: "ended", startedAt: Date.now() - 5000, answeredAt: null, endedAt: Date.now() })
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CALL_QUIET_MS + 100)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("is not put off by a call that ended long before the page loaded", async () => {
    const q = await import("./quote-overlay")
    const long = Date.now() - 60_000
    q.quotePreloadCall({ phase: "ended", startedAt: long, answeredAt: long + 1000, endedAt: long + 20_000 })
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(frames()).toBe(1))
  })

  it("lets a frame still loading at the call's click finish, rather than taking it away and loading it again", async () => {
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(frames()).toBe(1))
    const host = document.querySelector("comptoir-quote-overlay")
    q.holdQuotePreload(3000)
    expect(document.querySelector("comptoir-quote-overlay")).toBe(host)
    await vi.advanceTimersByTimeAsync(3100)
    expect(frames()).toBe(1)
    expect(document.querySelector("comptoir-quote-overlay")).toBe(host)
  })

  it("does not start a preload during the hold: a card shown just after the click waits for it", async () => {
    const q = await import("./quote-overlay")
    q.holdQuotePreload(3000)
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(2900)
    expect(frames()).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
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
    q.preloadQuoteOverlay()
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(frames()).toBe(1))
    const iframe = document.querySelector("comptoir-quote-overlay")!.shadowRoot!.querySelector("iframe")!
    iframe.dispatchEvent(new Event("load"))
    q.holdQuotePreload(3000)
    expect(frames()).toBe(1)
    expect(document.querySelector("comptoir-quote-overlay")!.shadowRoot!.querySelector("iframe")).toBe(iframe)
    spy.mockRestore()
  })

  it("sends the page's cards' new quotes with the preload, for the background to look them up before the click", async () => {
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay("quotes/new?customer=a")
    q.preloadQuoteOverlay("quotes/new?customer=b")
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(frames()).toBe(1))
    expect(sent).toEqual([{ path: null, ticket: null, warm: "quotes/new?customer=b", prepare: ["quotes/new?customer=a"] }])
  })

  it("sends a card shown after the preload once no call rings, with the frame's ticket, and a card only once", async () => {
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay("quotes/new?customer=a")
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(frames()).toBe(1))
    const startedAt = Date.now()
    q.quotePreloadCall({ phase: "ringing-in", startedAt, answeredAt: null, endedAt: null })
    q.preloadQuoteOverlay("quotes/new?customer=c")
    q.preloadQuoteOverlay("quotes/new?customer=a")
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent).toHaveLength(1)
    q.quotePreloadCall({ phase: "ended", startedAt, answeredAt: null, endedAt: Date.now() })
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CALL_QUIET_MS - 100)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(200)
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toEqual({ path: null, ticket: "t1", warm: null, prepare: ["quotes/new?customer=c"] })
  })

  it("sends a card whose New quote opens the workspace tab for the background to look up, under the same waits, and opens no frame", async () => {
    const q = await import("./quote-overlay")
    q.prepareQuoteHandoff("quotes/new?customer=a")
    q.prepareQuoteHandoff("quotes/new?customer=b")
    q.prepareQuoteHandoff("quotes/new?customer=a")
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS - 50)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    await vi.waitFor(() => expect(sent).toEqual([{ paths: ["quotes/new?customer=a", "quotes/new?customer=b"] }]))
    // A card shown during a call waits for it, as the preload does.
    const startedAt = Date.now()
    q.quotePreloadCall({ phase: "ringing-out", startedAt, answeredAt: null, endedAt: null })
    q.prepareQuoteHandoff("quotes/new?customer=c")
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent).toHaveLength(1)
    q.quotePreloadCall({ phase: "in-call", startedAt, answeredAt: Date.now(), endedAt: null })
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CALL_QUIET_MS + 100)
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toEqual({ paths: ["quotes/new?customer=c"] })
    expect(frames()).toBe(0)
  })
})

describe("a New quote clicked while the preload's ticket is on its way", () => {
  beforeEach(() => {
    vi.resetModules()
    vi.useFakeTimers({ shouldAdvanceTime: true })
    document.documentElement.querySelectorAll("comptoir-quote-overlay").forEach((e) => e.remove())
  })
  afterEach(() => vi.useRealTimers())

  it("leaves one frame on the page, the one the click opened, not a hidden preloaded one besides", async () => {
    // The background answers in the order the test says: the preload's ticket first, then the click's.
    const answers: ((ticket: string) => void)[] = []
    ;(globalThis as unknown as { chrome: unknown }).chrome = {
      runtime: {
        id: "x",
        getURL: (p: string) => `chrome-extension://x/${p}`,
        sendMessage: (m: { payload: OpenPayload }) => new Promise((resolve) => answers.push((ticket) => resolve({ ok: true, data: { ticket, shown: "path" in m.payload && m.payload.path !== null } }))),
        onMessage: { addListener: () => undefined }
      }
    }
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true
    }
    const q = await import("./quote-overlay")
    q.preloadQuoteOverlay("quotes/new?customer=a")
    await vi.advanceTimersByTimeAsync(q.PRELOAD_CARD_QUIET_MS + 50)
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    const opened = q.openQuoteOverlay("quotes/new?customer=a", () => undefined)
    await vi.waitFor(() => expect(answers).toHaveLength(2))

    answers[0]!("preloaded")
    await vi.advanceTimersByTimeAsync(10)
    answers[1]!("clicked")
    expect(await opened).toBe(true)

    expect(frames()).toBe(1)
  })
})
