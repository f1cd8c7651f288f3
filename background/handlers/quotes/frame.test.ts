import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { Customer } from "~src/domain/customers/customer.schema"
import { UNATTACHED_TTL_MS } from "~src/features/quotes/quote-frame-tickets"
import { createDispatcher, type MessageContext } from "~src/messaging/handler"

import { grantedOrigins, stubChrome } from "../handler-test-kit"
import { handlers } from "../index"
import { forgetPreparedHandoffs } from "./prepared-handoffs"
import { keptForFrames, watchQuoteFrameTabs } from "./frame"

/**
 * The quote form over a page (issue #10): what the worker keeps for a frame (its route's lookups, which hold the
 * customer, and its warm-up route) goes with the frame's ticket, so that a day in a webmail does not pile them up.
 * Through the real handlers: a page's content script (tab 7) and its frame (frame 3), IndexedDB in memory.
 */
const PAGE: MessageContext = { sender: "content", tabId: 7, frameId: 0, url: "http://localhost:5000/contact" }
const FRAME: MessageContext = { sender: "page", tabId: 7, frameId: 3, url: "chrome-extension://test/tabs/quote-frame.html" }
const ORIGIN = "http://localhost:5000"
const dispatch = createDispatcher(handlers, { warn: () => undefined })

async function send<T>(type: string, payload: unknown, ctx: MessageContext): Promise<T> {
  const reply = await dispatch({ type, payload }, ctx)
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as T
}

const pathOf = (c: Customer) => `quotes/new?customer=${c.id}`

/** The agent clicks New quote on `c`'s card, on a page with no frame yet: the ticket of the frame being made. */
async function clickWithoutFrame(c: Customer): Promise<string> {
  const { ticket } = await send<{ ticket: string }>("quote-frame/open", { path: pathOf(c), ticket: null, warm: null }, PAGE)
  return ticket
}

/** A page preloads its hidden frame, warmed up with `c`'s new quote; the frame has not loaded yet. */
async function preloadFor(c: Customer): Promise<string> {
  const { ticket } = await send<{ ticket: string }>("quote-frame/open", { path: null, ticket: null, warm: pathOf(c) }, PAGE)
  return ticket
}

let customers: Customer[] = []
let runs = 0
const closedTab: ((tabId: number) => void)[] = []

beforeEach(async () => {
  stubChrome()
  closedTab.length = 0
  const c = chrome as unknown as { runtime: Record<string, unknown>; tabs: unknown }
  c.runtime.getContexts = async () => []
  c.tabs = {
    sendMessage: async () => ({ taken: true }),
    onRemoved: { addListener: (l: (tabId: number) => void) => closedTab.push(l) }
  }
  forgetPreparedHandoffs()
  const run = ++runs
  customers = generateCustomers({ count: 2, seed: 1010 + run }).map(({ writtenPhones: _w, ...rest }, i) => ({ ...rest, id: `frame-${run}-${i}`, code: `FRAME-${run}-${i}` }))
  await new CustomerRepository(getDb()).upsert(customers)
  // As the service worker does at its top level.
  watchQuoteFrameTabs()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe("what the worker keeps for a quote frame", () => {
  it("forgets a closed tab's prepared quote", async () => {
    const clicked = await clickWithoutFrame(customers[0]!)
    const preloaded = await preloadFor(customers[1]!)
    expect(keptForFrames()).toEqual(expect.arrayContaining([clicked, preloaded]))

    for (const l of closedTab) l(PAGE.tabId!)

    expect(keptForFrames()).not.toContain(clicked)
    expect(keptForFrames()).not.toContain(preloaded)
  })

  it("forgets a handoff whose ticket expired unattached", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] })
    const clicked = await clickWithoutFrame(customers[0]!)
    expect(keptForFrames()).toContain(clicked)

    // The frame never loaded (the page removed it, or went elsewhere), and nothing else is asked of the worker.
    vi.advanceTimersByTime(UNATTACHED_TTL_MS + 1_000)

    expect(keptForFrames()).not.toContain(clicked)
  })

  it("still opens an attached ticket's customer, and keeps nothing for it afterwards", async () => {
    const clicked = await clickWithoutFrame(customers[0]!)

    const attached = await send<{ path: string; handoff: { context: { customer: Customer | null } } | null }>("quote-frame/attach", { ticket: clicked, ancestorOrigin: ORIGIN }, FRAME)

    expect(attached.path).toBe(pathOf(customers[0]!))
    expect(attached.handoff?.context.customer?.id).toBe(customers[0]!.id)
    expect(keptForFrames()).not.toContain(clicked)
  })

  it("still warms up a preloaded frame that attaches well within its ticket's time", async () => {
    const preloaded = await preloadFor(customers[1]!)

    const attached = await send<{ warm: string | null; handoff: { context: { customer: Customer | null } } | null }>("quote-frame/attach", { ticket: preloaded, ancestorOrigin: ORIGIN }, FRAME)

    expect(attached.warm).toBe(pathOf(customers[1]!))
    expect(attached.handoff?.context.customer?.id).toBe(customers[1]!.id)
  })
})

describe("which pages get a quote frame", () => {
  const CRM: MessageContext = { sender: "content", tabId: 9, frameId: 0, url: "https://crm.example.com:8443/contacts/12" }
  const open = (ctx: MessageContext) => send<{ ticket: string }>("quote-frame/open", { path: pathOf(customers[0]!), ticket: null, warm: null }, ctx)

  it("a site the agent added gets one, on any port, and its frame attaches under it", async () => {
    grantedOrigins.add("https://crm.example.com/*")

    const { ticket } = await open(CRM)

    const attached = await send<{ path: string }>("quote-frame/attach", { ticket, ancestorOrigin: "https://crm.example.com:8443" }, { ...FRAME, tabId: 9 })
    expect(attached.path).toBe(pathOf(customers[0]!))
  })

  it("a page of a site removed since it loaded (its content script still running) gets none, nor a preload", async () => {
    await expect(open(CRM)).rejects.toThrow(/permission/)
    await expect(send("quote-frame/open", { path: null, ticket: null, warm: pathOf(customers[0]!) }, CRM)).rejects.toThrow(/permission/)
    expect(keptForFrames()).toEqual([])
  })

  it("the same host over plain http is another site", async () => {
    grantedOrigins.add("https://crm.example.com/*")

    await expect(open({ ...CRM, url: "http://crm.example.com/contacts/12" })).rejects.toThrow(/permission/)
  })
})

describe("a New quote clicked while the preloaded frame is attaching", () => {
  it("hands the frame its route once, so the form is not drawn twice (the agent's first typing lost)", async () => {
    const routes: unknown[] = []
    ;(chrome as unknown as { tabs: { sendMessage: (tabId: number, m: unknown) => Promise<unknown> } }).tabs.sendMessage = async (_tabId, m) => {
      routes.push(m)
      return { taken: true }
    }
    const preloaded = await preloadFor(customers[0]!)

    // The frame presents its ticket while its warm-up's lookups are still running, and the agent clicks meanwhile.
    const [attached, opened] = await Promise.all([
      send<{ path: string | null; warm: string | null; handoff: { context: { customer: Customer | null } } | null }>("quote-frame/attach", { ticket: preloaded, ancestorOrigin: ORIGIN }, FRAME),
      send<{ shown: boolean }>("quote-frame/open", { path: pathOf(customers[0]!), ticket: preloaded, warm: null }, PAGE)
    ])

    const deliveries = (attached.path === pathOf(customers[0]!) ? 1 : 0) + routes.length
    expect(deliveries).toBe(1)
    expect(opened.shown).toBe(true)
    expect(attached.path).toBe(pathOf(customers[0]!))
    expect(attached.warm).toBeNull()
    expect(attached.handoff?.context.customer?.id).toBe(customers[0]!.id)
  })
})
