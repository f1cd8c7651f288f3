import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { Customer } from "~src/domain/customers/customer.schema"
import { createDispatcher, type MessageContext } from "~src/messaging/handler"

import { services } from "../../services"
import { writeSession } from "../../sync"
import { stubChrome } from "../handler-test-kit"
import { handlers } from "../index"
import { frameTickets, watchQuoteFrameTabs } from "./frame"
import { MAX_PREPARED } from "./prepared-handoffs"

/** Longer than prepared-handoffs.ts's REFRESH_AFTER_MS, the pause after writes before it looks up again. */
const WRITES_PAUSED_MS = 600

/**
 * The quote form over a page (issue #10): the lookups of the page's cards' new quotes are made at preload, and the
 * click hands the frame its route with them. Through the real handlers, a page's content script (tab 7) and its
 * attached frame (frame 3), IndexedDB in memory.
 */
const PAGE: MessageContext = { sender: "content", tabId: 7, frameId: 0, url: "http://localhost:5000/contact" }
const FRAME: MessageContext = { sender: "page", tabId: 7, frameId: 3, url: "chrome-extension://test/tabs/quote-frame.html" }
const dispatch = createDispatcher(handlers, { warn: () => undefined })
const routes: { path: string; handoff: { context: { customer: Customer | null; validityDays: number } } | null }[] = []

async function send<T>(type: string, payload: unknown, ctx: MessageContext): Promise<T> {
  const reply = await dispatch({ type, payload }, ctx)
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as T
}

const pathOf = (c: Customer) => `quotes/new?customer=${c.id}`

/** A page whose frame is preloaded for `cards` (the first warms it up) and attached. Returns its ticket. */
async function preloaded(cards: Customer[]): Promise<string> {
  const [warm, ...rest] = cards.map(pathOf)
  const { ticket } = await send<{ ticket: string }>("quote-frame/open", { path: null, ticket: null, warm, prepare: rest }, PAGE)
  await send("quote-frame/attach", { ticket, ancestorOrigin: "http://localhost:5000" }, FRAME)
  return ticket
}

/** The agent clicks New quote on `c`'s card: the route the frame receives. */
async function click(ticket: string, c: Customer) {
  await send("quote-frame/open", { path: pathOf(c), ticket, warm: null }, PAGE)
  return routes.at(-1)!
}

let customers: Customer[] = []
let runs = 0
const repo = () => new CustomerRepository(getDb())

beforeEach(async () => {
  stubChrome()
  const c = chrome as unknown as { runtime: Record<string, unknown>; tabs: unknown }
  c.runtime.getContexts = async () => []
  c.tabs = {
    sendMessage: async (_tab: number, m: { type: string; payload: (typeof routes)[number] }) => {
      if (m.type === "quote-frame/route") routes.push(m.payload)
      return { taken: true }
    }
  }
  routes.length = 0
  // Customers of their own for each test: what an earlier test prepared is not theirs.
  const run = ++runs
  customers = generateCustomers({ count: 3, seed: 910 + run }).map(({ writtenPhones: _w, ...rest }, i) => ({ ...rest, id: `prep-${run}-${i}`, code: `PREP-${run}-${i}` }))
  await repo().upsert(customers)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe("the new quote's lookups made at preload", () => {
  it("hand the frame the clicked card's customer without looking anything up at the click", async () => {
    const [a, b] = customers as [Customer, Customer]
    const ticket = await preloaded([a, b])
    // Both cards' lookups are under way or done; let them finish before counting.
    await new Promise((r) => setTimeout(r, 50))
    const lookups = vi.spyOn(services.customers, "getMany")
    const route = await click(ticket, b)
    expect(route.path).toBe(pathOf(b))
    expect(route.handoff?.context.customer?.code).toBe(b.code)
    expect(lookups).not.toHaveBeenCalled()
  })

  it("never hand one customer's data to another card: a card not prepared is looked up at the click", async () => {
    const [a, , c] = customers as [Customer, Customer, Customer]
    const ticket = await preloaded([a])
    const route = await click(ticket, c)
    expect(route.handoff?.context.customer?.id).toBe(c.id)
    expect(route.handoff?.context.customer?.company).toBe(c.company)
  })

  it("are dropped when the customer is edited after them: the click shows the customer as the base has it now", async () => {
    const [a] = customers as [Customer]
    const ticket = await preloaded([a])
    await new Promise((r) => setTimeout(r, 20))
    await repo().upsert([{ ...a, company: "Renamed After The Preload SARL" }])
    const route = await click(ticket, a)
    expect(route.handoff?.context.customer?.company).toBe("Renamed After The Preload SARL")
  })

  it("are dropped when the team's settings change after them (another table than the customer's)", async () => {
    const [a] = customers as [Customer]
    const ticket = await preloaded([a])
    await new Promise((r) => setTimeout(r, 20))
    await getDb().table("teamSettings").put({ id: "seller", quoteValidityDays: 45 })
    const route = await click(ticket, a)
    expect(route.handoff?.context.validityDays).toBe(45)
  })

  it("are made again once the writes pause, so that the next click is not left to look up", async () => {
    const [a] = customers as [Customer]
    const ticket = await preloaded([a])
    await new Promise((r) => setTimeout(r, 20))
    await repo().upsert([{ ...a, company: "Renamed Then Prepared Again" }])
    await new Promise((r) => setTimeout(r, WRITES_PAUSED_MS))
    const lookups = vi.spyOn(services.customers, "getMany")
    const route = await click(ticket, a)
    expect(route.handoff?.context.customer?.company).toBe("Renamed Then Prepared Again")
    expect(lookups).not.toHaveBeenCalled()
  })

  it("are not looked up again after writes once their page's tab is closed (a day of syncs costs nothing for pages gone)", async () => {
    const [a] = customers as [Customer]
    const closed: ((tabId: number) => void)[] = []
    ;(chrome as unknown as { tabs: Record<string, unknown> }).tabs.onRemoved = { addListener: (l: (tabId: number) => void) => closed.push(l) }
    watchQuoteFrameTabs()
    await preloaded([a])
    await new Promise((r) => setTimeout(r, 20))
    for (const l of closed) l(PAGE.tabId!)
    const lookups = vi.spyOn(services.customers, "getMany")
    await getDb().table("teamSettings").put({ id: "seller", quoteValidityDays: 40 })
    await new Promise((r) => setTimeout(r, WRITES_PAUSED_MS))
    expect(lookups).not.toHaveBeenCalled()
  })

  it("are not used on another day than the one they were made (the validity date counts from it)", async () => {
    const [a] = customers as [Customer]
    vi.useFakeTimers({ now: new Date("2026-12-05T22:59:00Z"), shouldAdvanceTime: true })
    try {
      const ticket = await preloaded([a])
      await new Promise((r) => setTimeout(r, 20))
      // 23:59 in Paris, then past midnight.
      vi.setSystemTime(new Date("2026-12-05T23:01:00Z"))
      const route = await click(ticket, a)
      expect(route.handoff?.context.customer?.id).toBe(a.id)
      expect((route.handoff?.context as { today?: string }).today).toBe("2026-12-06")
    } finally {
      vi.useRealTimers()
    }
  })

  it("are asked for a card shown later with the page's ticket, and refused with a ticket the worker does not know (none issued)", async () => {
    const [a, b] = customers as [Customer, Customer]
    const ticket = await preloaded([a])
    await send("quote-frame/open", { path: null, ticket, warm: null, prepare: [pathOf(b)] }, PAGE)
    await new Promise((r) => setTimeout(r, 50))
    const lookups = vi.spyOn(services.customers, "getMany")
    expect((await click(ticket, b)).handoff?.context.customer?.id).toBe(b.id)
    expect(lookups).not.toHaveBeenCalled()
    await expect(send("quote-frame/open", { path: null, ticket: "0".repeat(32), warm: null, prepare: [pathOf(b)] }, PAGE)).rejects.toThrow(/not a ticket of this tab/)
  })
})

/** Rewrites a customer's company straight in IndexedDB, as another extension context's connection would: this worker's Dexie hears nothing of it. */
async function renameBehindDexie(c: Customer, company: string): Promise<void> {
  const idb = await new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(getDb().name)
    r.onsuccess = () => ok(r.result)
    r.onerror = () => ko(r.error)
  })
  await new Promise<void>((ok, ko) => {
    const tx = idb.transaction("customerSegments", "readwrite")
    const store = tx.objectStore("customerSegments")
    const all = store.getAll()
    all.onsuccess = () => {
      for (const seg of all.result as { json: string }[]) if (seg.json.includes(c.id)) store.put({ ...seg, json: seg.json.split(JSON.stringify(c.company)).join(JSON.stringify(company)) })
    }
    tx.oncomplete = () => ok()
    tx.onerror = () => ko(tx.error)
  })
  idb.close()
}

describe("the new quote's lookups made at preload, against writes from elsewhere and races", () => {
  it("are dropped when another extension context's Dexie announces its write on the BroadcastChannel", async () => {
    const [a] = customers as [Customer]
    const ticket = await preloaded([a])
    await new Promise((r) => setTimeout(r, 50))
    await renameBehindDexie(a, "Renamed In The Workspace Tab")
    // What the workspace tab's Dexie posts once its transaction completes (dexie.mjs, STORAGE_MUTATED_DOM_EVENT_NAME).
    const other = new BroadcastChannel("x-storagemutated-1")
    other.postMessage({ [`idb://${getDb().name}/customerSegments/`]: {} })
    other.close()
    await new Promise((r) => setTimeout(r, 20))
    const route = await click(ticket, a)
    expect(route.handoff?.context.customer?.company).toBe("Renamed In The Workspace Tab")
  })

  it("are dropped when a write lands while their lookups are still under way", async () => {
    const [a] = customers as [Customer]
    const ticket = await preloaded([a])
    // No wait: the preload's lookups for `a` have begun and not finished.
    await repo().upsert([{ ...a, company: "Renamed While Looked Up" }])
    const route = await click(ticket, a)
    expect(route.handoff?.context.customer?.company).toBe("Renamed While Looked Up")
  })

  it("are dropped when another agent signs in on the same browser: the form names the agent signed in now", async () => {
    const [a] = customers as [Customer]
    const session = (name: string) => ({ serverUrl: "http://team.test", token: `t-${name}`, expiresAt: "2099-01-01T00:00:00Z", user: { id: name, email: `${name}@t.test`, name, role: "agent" }, team: { id: "team-1", name: "Team" } })
    await writeSession(session("Alice"))
    try {
      const ticket = await preloaded([a])
      await new Promise((r) => setTimeout(r, 50))
      await writeSession(session("Bruno"))
      const route = await click(ticket, a)
      expect((route.handoff?.context as { agentName?: string | null }).agentName).toBe("Bruno")
    } finally {
      await writeSession(null)
    }
  })

  it("keep at most MAX_PREPARED customers: the oldest prepared is looked up again at its click", async () => {
    const many = generateCustomers({ count: MAX_PREPARED + 1, seed: 990 + runs }).map(({ writtenPhones: _w, ...rest }, i) => ({ ...rest, id: `many-${runs}-${i}`, code: `MANY-${runs}-${i}` }))
    await repo().upsert(many)
    const ticket = await preloaded(many)
    await new Promise((r) => setTimeout(r, 100))
    const lookups = vi.spyOn(services.customers, "getMany")
    expect((await click(ticket, many.at(-1)!)).handoff?.context.customer?.id).toBe(many.at(-1)!.id)
    expect(lookups).not.toHaveBeenCalled()
    expect((await click(ticket, many[0]!)).handoff?.context.customer?.id).toBe(many[0]!.id)
    expect(lookups).toHaveBeenCalled()
  })
  it("issue no ticket when a card is prepared later, however often, and refuse it from a subframe", async () => {
    const [a, b, c] = customers as [Customer, Customer, Customer]
    const ticket = await preloaded([a])
    for (const card of [b, c, b, c]) {
      const r = await send<{ ticket: string }>("quote-frame/open", { path: null, ticket, warm: null, prepare: [pathOf(card)] }, PAGE)
      expect(r.ticket).toBe(ticket)
    }
    // Four more tickets would have pushed the page's own out (at most 3 per tab).
    expect(frameTickets.ofTab(ticket, PAGE.tabId!)).not.toBeNull()
    await expect(send("quote-frame/open", { path: null, ticket, warm: null, prepare: [pathOf(b)] }, { ...PAGE, frameId: 2 })).rejects.toThrow(/top frame/)
  })
})
