import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { Customer } from "~src/domain/customers/customer.schema"
import { createDispatcher, type MessageContext } from "~src/messaging/handler"

import { services } from "../../services"
import { stubChrome } from "../handler-test-kit"
import { handlers } from "../index"

/**
 * A card's New quote in a page whose window is too narrow for the form over the page (or a browser without it): the
 * route goes to the workspace tab already open. Through the real handlers, the page's content script (tab 7), a
 * workspace tab open (tab 9), IndexedDB in memory.
 */
const PAGE: MessageContext = { sender: "content", tabId: 7, frameId: 0, windowId: 1, url: "http://localhost:5000/contact" }
const dispatch = createDispatcher(handlers, { warn: () => undefined })
const routes: { path: string; handoff: { context: { customer: Customer | null } } | null }[] = []

async function send<T>(type: string, payload: unknown, ctx: MessageContext = PAGE): Promise<T> {
  const reply = await dispatch({ type, payload }, ctx)
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as T
}

const pathOf = (c: Customer) => `quotes/new?customer=${c.id}`

/** The agent clicks New quote on `c`'s card: the route the open workspace tab receives. */
async function click(c: Customer) {
  await send("workspace/open", { path: pathOf(c) })
  return routes.at(-1)!
}

let customers: Customer[] = []
let runs = 0
const repo = () => new CustomerRepository(getDb())

beforeEach(async () => {
  stubChrome()
  const c = chrome as unknown as { runtime: Record<string, unknown>; tabs: unknown; windows: unknown }
  c.runtime.getURL = (p: string) => `chrome-extension://test/${p}`
  c.runtime.getContexts = async () => [{ tabId: 9, frameId: 0, windowId: 1, documentUrl: "chrome-extension://test/tabs/workspace.html#/customers" }]
  c.tabs = {
    sendMessage: async (_tab: number, m: { type: string; payload: (typeof routes)[number] }) => {
      if (m.type === "workspace/route") routes.push(m.payload)
      return { taken: true }
    },
    update: async () => undefined,
    create: async () => undefined
  }
  c.windows = { update: async () => undefined }
  routes.length = 0
  // Customers of their own for each test: what an earlier test prepared is not theirs.
  const run = ++runs
  customers = generateCustomers({ count: 3, seed: 1010 + run }).map(({ writtenPhones: _w, ...rest }, i) => ({ ...rest, id: `ws-${run}-${i}`, code: `WS-${run}-${i}` }))
  await repo().upsert(customers)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe("a card's New quote handed to the workspace tab already open", () => {
  it("brings the lookups made when the card showed: nothing is looked up at the click", async () => {
    const [a, b] = customers as [Customer, Customer]
    await send("quotes/prepare", { paths: [pathOf(a), pathOf(b)] })
    // The cards' lookups are under way or done; let them finish before counting.
    await new Promise((r) => setTimeout(r, 50))
    const lookups = vi.spyOn(services.customers, "getMany")
    const route = await click(b)
    expect(route.path).toBe(pathOf(b))
    expect(route.handoff?.context.customer?.code).toBe(b.code)
    expect(lookups).not.toHaveBeenCalled()
  })

  it("looks up at the click a card that was not prepared, and never hands it another customer's", async () => {
    const [a, , c] = customers as [Customer, Customer, Customer]
    await send("quotes/prepare", { paths: [pathOf(a)] })
    const route = await click(c)
    expect(route.handoff?.context.customer?.id).toBe(c.id)
    expect(route.handoff?.context.customer?.company).toBe(c.company)
  })

  it("shows the customer as the base has it now when it was edited after its card showed", async () => {
    const [a] = customers as [Customer]
    await send("quotes/prepare", { paths: [pathOf(a)] })
    await new Promise((r) => setTimeout(r, 20))
    await repo().upsert([{ ...a, company: "Renamed After The Card Showed SARL" }])
    const route = await click(a)
    expect(route.handoff?.context.customer?.company).toBe("Renamed After The Card Showed SARL")
  })

  it("prepares only new quotes' routes, at most a page's worth of cards at once", async () => {
    const [a] = customers as [Customer]
    await expect(send("quotes/prepare", { paths: ["settings"] })).rejects.toThrow(/not a new quote's route/)
    await expect(send("quotes/prepare", { paths: Array.from({ length: 13 }, () => pathOf(a)) })).rejects.toThrow()
  })
})
