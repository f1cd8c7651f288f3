// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest"

import { openQuoteForm, quoteOpenedKey, quoteOpenWay, setInPlaceQuoteForm } from "./open-quote-form"

/** The background's messages, as the page sent them. */
function stubChrome() {
  const sent: { type: string; payload: unknown }[] = []
  vi.stubGlobal("chrome", { runtime: { id: "x", getURL: (p: string) => `chrome-extension://x/${p}`, sendMessage: vi.fn(async (m: { type: string; payload: unknown }) => (sent.push(m), { ok: true, data: { ok: true } })) } })
  return sent
}

afterEach(() => {
  setInPlaceQuoteForm(null)
  vi.unstubAllGlobals()
})

describe("where a card's New quote opens", () => {
  it("in place where the surface draws the form itself, over the page where the overlay is usable, else the workspace", () => {
    expect(quoteOpenWay({ drawsInPlace: true, overlayUsable: false })).toBe("in-place")
    expect(quoteOpenWay({ drawsInPlace: false, overlayUsable: true })).toBe("over-page")
    expect(quoteOpenWay({ drawsInPlace: false, overlayUsable: false })).toBe("workspace")
  })

  it("in the side panel (it draws the form in place), hands it the route with the caller and the call, and asks for no tab", async () => {
    const sent = stubChrome()
    const drawn: string[] = []
    setInPlaceQuoteForm(async (path) => (drawn.push(path), true))
    expect(await openQuoteForm("c-9", "p-1", "k-2")).toEqual({ ok: true, way: "in-place" })
    expect(drawn).toEqual(["quotes/new?customer=c-9&contact=p-1&call=k-2"])
    expect(sent).toEqual([])
  })

  it("on a surface that does not draw it (the popup, the workspace), asks for the workspace tab", async () => {
    const sent = stubChrome()
    expect(await openQuoteForm("c-9")).toEqual({ ok: true, way: "workspace" })
    expect(sent).toEqual([{ type: "workspace/open", payload: { path: "quotes/new?customer=c-9" } }])
  })

  it("falls back to the workspace tab when the in-place drawing fails", async () => {
    const sent = stubChrome()
    setInPlaceQuoteForm(async () => {
      throw new Error("gone")
    })
    expect(await openQuoteForm("c-9")).toEqual({ ok: true, way: "workspace" })
    expect(sent.map((m) => m.type)).toEqual(["workspace/open"])
  })

  it("says where it opened: the outcome form said 'opened in the workspace' under a form drawn beside the call in the softphone tab", () => {
    expect(quoteOpenedKey("in-place")).toBe("callOutcome.form.quoteOpenedHere")
    expect(quoteOpenedKey("over-page")).toBe("callOutcome.form.quoteOpenedOverPage")
    expect(quoteOpenedKey("workspace")).toBe("callOutcome.form.quoteOpened")
  })
})
