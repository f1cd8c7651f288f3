// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { initialPhoneState, transition, VIEW_KEY, type PhoneState, type SoftphoneView } from "~src/domain/telephony"
import { PRELOAD_CALL_QUIET_MS } from "~src/features/quotes/quote-overlay"

/**
 * The softphone tab loads the quote editor's chunk once it has opened (issue #10, `first10`): its first New quote,
 * clicked as the caller's card shows, no longer waits for it. Never while a call rings, nor just after it changed
 * (the call's set-up shares the page's main thread, issue #9). The chunk stood in for: what matters is when it is
 * asked for.
 */
const editorLoadedAt: number[] = []

type Listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void
let listeners = new Set<Listener>()

const registered = transition(initialPhoneState, { type: "registered" }, 0)

function viewOf(state: PhoneState): SoftphoneView {
  return {
    state,
    caller: null,
    capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
    configured: true,
    lastCall: null,
    updatedAt: Date.now()
  }
}

/** The background: the view the tab reads as it opens; everything else refused. */
function stubChrome(openedOn: SoftphoneView) {
  listeners = new Set()
  vi.stubGlobal("chrome", {
    runtime: {
      id: "abcdefghijklmnopabcdefghijklmnop",
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
      sendMessage: vi.fn(async ({ type }: { type: string }) =>
        type === "softphone/state" ? { ok: true, data: openedOn } : { ok: false, error: "not in this test" }
      ),
      onMessage: { addListener: () => undefined, removeListener: () => undefined }
    },
    storage: {
      local: { get: async () => ({ settings: { language: "en" } }) },
      session: { get: async () => ({}) },
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) }
    }
  })
}

/** A fresh page: the loader keeps the editor for the page's life, so each test imports it anew. */
async function openTab() {
  vi.resetModules()
  vi.doMock("~src/features/quotes/in-place-quote", () => {
    editorLoadedAt.push(Date.now())
    return { openQuoteInPlace: async () => true, InPlaceQuote: () => null }
  })
  const rtl = await import("@testing-library/react")
  const { SoftphonePage } = await import("./softphone-page")
  rtl.render(<SoftphonePage />)
  return rtl
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeEach(() => {
  editorLoadedAt.length = 0
})

afterEach(async () => {
  const { cleanup } = await import("@testing-library/react")
  cleanup()
  vi.unstubAllGlobals()
  vi.doUnmock("~src/features/quotes/in-place-quote")
})

describe("the softphone tab's quote editor", () => {
  it("is loaded once the tab has opened and is idle, with no call and no card to click on", async () => {
    stubChrome(viewOf(registered))
    const { waitFor } = await openTab()
    await waitFor(() => expect(editorLoadedAt).toHaveLength(1))
  })

  it("is not loaded while a call rings, nor until the call has been answered PRELOAD_CALL_QUIET_MS", async () => {
    const ringing = transition(registered, { type: "incoming", callId: "c1", number: "+33612345678" }, Date.now())
    stubChrome(viewOf(ringing))
    const { act, waitFor } = await openTab()
    await sleep(300)
    expect(editorLoadedAt).toHaveLength(0)
    // Answered: the tab hears it as the background publishes it (storage).
    const answeredAt = Date.now()
    const answered = transition(ringing, { type: "answered", callId: "c1" }, answeredAt)
    expect(answered.call?.phase).toBe("in-call")
    const newValue = JSON.parse(JSON.stringify(viewOf(answered))) as unknown
    act(() => listeners.forEach((l) => l({ [VIEW_KEY]: { newValue } }, "session")))
    await sleep(PRELOAD_CALL_QUIET_MS / 2)
    expect(editorLoadedAt).toHaveLength(0)
    await waitFor(() => expect(editorLoadedAt).toHaveLength(1), { timeout: PRELOAD_CALL_QUIET_MS * 2 })
    expect(editorLoadedAt[0]!).toBeGreaterThanOrEqual(answeredAt + PRELOAD_CALL_QUIET_MS)
  })

  it("waits out the call's quiet time even when the page's timer fires a few milliseconds early", async () => {
    // Node's and the browser's timers may fire a millisecond or more before Date.now() says their time has come.
    const realSetTimeout = globalThis.setTimeout
    vi.stubGlobal("setTimeout", ((fn: () => void, ms?: number) => realSetTimeout(fn, Math.max(0, (ms ?? 0) - 20))) as typeof setTimeout)
    const answeredAt = Date.now()
    const ringing = transition(registered, { type: "incoming", callId: "c1", number: "+33612345678" }, answeredAt - 500)
    const answered = transition(ringing, { type: "answered", callId: "c1" }, answeredAt)
    stubChrome(viewOf(answered))
    const { waitFor } = await openTab()
    await waitFor(() => expect(editorLoadedAt).toHaveLength(1), { timeout: PRELOAD_CALL_QUIET_MS * 2 })
    expect(editorLoadedAt[0]!).toBeGreaterThanOrEqual(answeredAt + PRELOAD_CALL_QUIET_MS)
  })
})
