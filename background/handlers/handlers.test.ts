import "fake-indexeddb/auto"

import { describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { getDb } from "~src/db/database"
import { contract, senders, type MessageName } from "~src/messaging/contract"
import { createDispatcher, defineHandler, type Handler } from "~src/messaging/handler"

import { handlers } from "./index"

describe("the message contract", () => {
  it("has exactly one handler for every entry, and no handler outside it", () => {
    const names = handlers.map((h) => h.name).sort()
    expect(names).toEqual(Object.keys(contract).sort())
    expect(new Set(names).size).toBe(names.length)
  })

  it("refuses a malformed envelope, an unknown message and an invalid request, and logs each", async () => {
    const warn = vi.fn()
    const dispatch = createDispatcher(handlers, { warn })
    expect(await dispatch("not an object", { sender: "page" })).toEqual({ ok: false, error: "malformed message" })
    expect(await dispatch({ type: "db/drop", payload: {} }, {})).toMatchObject({ ok: false, error: "unknown message db/drop" })
    const bad = await dispatch({ type: "lookup/match", payload: { phones: ["0612345678"], emails: [], codes: [] } }, {})
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/phones\.0: phone must be in E\.164 form/)
    const huge = await dispatch({ type: "search/query", payload: { query: "x".repeat(10_000) } }, {})
    expect(huge.ok).toBe(false)
    expect(warn).toHaveBeenCalledTimes(4)
  })

  it("refuses two handlers for one message", () => {
    expect(() => createDispatcher([handlers[0]!, handlers[0]!])).toThrow(/two handlers/)
  })
})

describe("text from pages and forms", () => {
  it("reaches the handler cleaned of NUL characters and half emoji", async () => {
    const seen: unknown[] = []
    const dispatch = createDispatcher([defineHandler("lookup/match", async (r) => (seen.push(r), { matches: [] }))] as unknown as Handler[], { warn: () => undefined })
    const reply = await dispatch(
      { type: "lookup/match", payload: { phones: [], emails: ["ana\u0000@example.com"], codes: ["C-1\u0007"], names: ["Ana \ud83d"] } },
      { sender: "content" }
    )
    expect(reply.ok).toBe(true)
    expect(seen).toEqual([{ phones: [], emails: ["ana@example.com"], codes: ["C-1"], names: ["Ana \ufffd"] }])
  })
})

describe("who may send what", () => {
  const names = Object.keys(contract) as MessageName[]
  const pageOnly = names.filter((n) => !senders[n].includes("content"))

  /** One handler per entry that records that it ran; the dispatcher is the background's own. */
  function spyDispatcher() {
    const ran: string[] = []
    const warn = vi.fn()
    const spies = names.map((n) => defineHandler(n, async () => (ran.push(n), {}) as never)) as unknown as Handler[]
    return { dispatch: createDispatcher(spies, { warn }), ran, warn }
  }

  it("has every entry declare its senders, among content scripts and extension pages only", () => {
    expect(Object.keys(senders).sort()).toEqual([...names].sort())
    for (const n of names) {
      expect(senders[n].length, n).toBeGreaterThan(0)
      for (const kind of senders[n]) expect(["content", "page"], n).toContain(kind)
    }
  })

  it("lets a content script reach only lookup, search, opening a card, its side-panel view, click-to-call and the call bar, opening the workspace or the quote form over its page, a card's call timeline, documents and their timeline, and capturing an order", () => {
    // Each of these is what a page's panel must do, and none reads a secret or reaches the team server: the
    // panel's cards for the side panel (keyed by the sender's own tab), opening the side panel on a click,
    // placing a call to a number on the page (issue #9's click-to-call; the handler takes only a phone number),
    // opening the workspace at a route (a path of plain characters, into a new tab of the extension's own);
    // the risk line of a card it shows (issue #10: levels and amounts of a customer the card already names, with
    // its credit limit; nothing of the team server); the card's documents block (issue #10: counts and sums of
    // one customer the card shows, and their steps in its timeline: numbers, amounts, a captured mail's subject and
    // sender, at most 50); and reading one customer's call logs when the agent opens a card's "Calls"
    // (read-only, at most 50); the opened message sent to the extractor (issue #11: bounded text in, a capture id
    // and "is it an order" out); the call bar over the page (issue #9's screen-pop: the softphone's state and the
    // caller's customers, as the panel's cards show customers) with answer, decline, hang up and the caller's pick,
    // each only for the call under way (requirePageOrThisCall); a ticket for the quote form over its own page
    // (issue #10: a new quote's route in, a random ticket out; the form is the framed extension page's, which alone
    // presents the ticket); a card's new quotes to look up before its click, for the workspace tab (new quotes'
    // routes in, nothing out: the lookups stay in the worker until that route is opened).
    expect(names.filter((n) => senders[n].includes("content")).sort()).toEqual([
      "calls/timeline",
      "customers/opened",
      "documents/risk",
      "documents/summary",
      "documents/timeline",
      "lookup/match",
      "orders/extract",
      "panel/view",
      "quote-frame/open",
      "quotes/prepare",
      "search/query",
      "sidepanel/open",
      "softphone/answer",
      "softphone/assign",
      "softphone/bar",
      "softphone/call",
      "softphone/decline",
      "softphone/hangup",
      "workspace/open"
    ])
  })

  it("refuses every page-only message from a content script, logs why, and never runs its handler", async () => {
    expect(pageOnly.length).toBeGreaterThan(0)
    const { dispatch, ran, warn } = spyDispatcher()
    for (const n of pageOnly) {
      const reply = await dispatch({ type: n, payload: {} }, { sender: "content", url: "https://crm.example.com/" })
      expect(reply, n).toEqual({ ok: false, error: `${n} may not be sent from a content script` })
    }
    expect(ran).toEqual([])
    expect(warn).toHaveBeenCalledTimes(pageOnly.length)
    expect(warn.mock.calls[0]![1]).toMatchObject({ sender: "content", url: "https://crm.example.com/" })
  })

  it("counts a message without a known sender as a content script's", async () => {
    const { dispatch, ran } = spyDispatcher()
    expect(await dispatch({ type: "auth/logout", payload: {} }, {})).toMatchObject({ ok: false })
    expect(ran).toEqual([])
  })

  it("lets an extension page send every message meant for pages, and a content script its own", async () => {
    const { dispatch } = spyDispatcher()
    const refusedForSender = (r: { ok: boolean; error?: string }) => !r.ok && /may not be sent/.test(r.error ?? "")
    for (const n of names.filter((x) => senders[x].includes("page"))) {
      expect(refusedForSender(await dispatch({ type: n, payload: {} }, { sender: "page" })), n).toBe(false)
    }
    for (const n of names.filter((x) => senders[x].includes("content"))) {
      expect(refusedForSender(await dispatch({ type: n, payload: {} }, { sender: "content" })), n).toBe(false)
    }
    const { dispatch: d2, ran } = spyDispatcher()
    await d2({ type: "customers/opened", payload: { customerId: "c1" } }, { sender: "content" })
    await d2({ type: "auth/logout", payload: {} }, { sender: "page" })
    expect(ran).toEqual(["customers/opened", "auth/logout"])
  })

  it("refuses sign-in from a content script with the real handlers, before anything reaches a server", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch")
    const dispatch = createDispatcher(handlers, { warn: () => undefined })
    const reply = await dispatch(
      { type: "auth/login", payload: { serverUrl: "https://evil.example.com", email: "a@b.c", password: "x" } },
      { sender: "content", tabId: 3, url: "https://evil.example.com/" }
    )
    expect(reply).toEqual({ ok: false, error: "auth/login may not be sent from a content script" })
    expect(fetchSpy).not.toHaveBeenCalled()
    fetchSpy.mockRestore()
  })
})

describe("lookup/match", () => {
  it("returns every customer sharing a number, ranked email first, without merging them", async () => {
    const [a, b, c] = generateCustomers({ count: 3, seed: 3 }).map(({ writtenPhones: _w, ...rest }) => rest)
    const shared = a!.contacts[0]!.phones[0]!
    b!.contacts[0]!.phones = [shared]
    await new CustomerRepository(getDb()).upsert([a!, b!, c!])
    const dispatch = createDispatcher(handlers, { warn: () => undefined })
    const reply = await dispatch(
      { type: "lookup/match", payload: { phones: [shared], emails: [c!.contacts[0]!.emails[0]!.toUpperCase()], codes: [], names: [] } },
      {}
    )
    expect(reply.ok).toBe(true)
    const matches = (reply as { ok: true; data: { matches: { customer: { code: string }; matchedBy: string }[] } }).data.matches
    expect(matches.map((m) => m.matchedBy)).toEqual(["email", "phone", "phone"])
    expect(matches[0]!.customer.code).toBe(c!.code)
    expect(
      matches
        .slice(1)
        .map((m) => m.customer.code)
        .sort()
    ).toEqual([a!.code, b!.code].sort())
  })
})
