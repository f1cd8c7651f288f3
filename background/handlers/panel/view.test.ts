import { beforeEach, describe, expect, it, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { readView, tabIdOfKey, viewKey } from "~src/features/side-panel/view-store"
import { createDispatcher } from "~src/messaging/handler"

import { panelView } from "./view"

// The base the background reads the cards from: the customer below, and nothing else.
const base = vi.hoisted(() => new Map<string, unknown>())
vi.mock("../../services", () => ({
  services: { customers: { getMany: async (ids: readonly string[]) => ids.flatMap((id) => (base.has(id) ? [base.get(id)] : [])) } }
}))

/** chrome.storage.session as the background sees it: a map, and its quota error past a size. */
function fakeSession(quotaBytes = Infinity) {
  const data = new Map<string, unknown>()
  const size = () => [...data.values()].reduce<number>((n, v) => n + JSON.stringify(v).length, 0)
  return {
    data,
    area: {
      set: vi.fn(async (items: Record<string, unknown>) => {
        const before = new Map(data)
        for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v))
        if (size() > quotaBytes) {
          data.clear()
          for (const [k, v] of before) data.set(k, v)
          throw new Error("Session storage quota bytes exceeded. Values were not stored.")
        }
      }),
      get: vi.fn(async (keys: string | null) => (keys === null ? Object.fromEntries(data) : data.has(keys) ? { [keys]: data.get(keys) } : {})),
      remove: vi.fn(async (keys: string | string[]) => {
        for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k)
      })
    }
  }
}

const [customer] = generateCustomers({ count: 1, seed: 7 }).map(({ writtenPhones: _w, ...rest }) => rest)
const match = { customer: customer!, matchedBy: "email" as const, matchedValues: [customer!.contacts[0]!.emails[0]!] }
base.set(customer!.id, customer)

describe("panel/view", () => {
  let session: ReturnType<typeof fakeSession>
  beforeEach(() => {
    session = fakeSession()
    vi.stubGlobal("chrome", { storage: { session: session.area } })
  })

  it("keeps the cards a tab's panel shows under that tab, with the sender's own URL", async () => {
    const dispatch = createDispatcher([panelView], { warn: () => undefined })
    const reply = await dispatch({ type: "panel/view", payload: { title: "CRM — Dupont", matches: [match], total: 1 } }, { tabId: 12, url: "https://crm.example/contacts/3" })
    expect(reply).toEqual({ ok: true, data: { ok: true } })
    const view = await readView(12)
    expect(view).toMatchObject({ tabId: 12, url: "https://crm.example/contacts/3", title: "CRM — Dupont", total: 1 })
    expect(view!.matches.map((m) => m.customer.code)).toEqual([customer!.code])
    expect(await readView(13)).toBeNull()
  })

  it("refuses a sender without a tab (an extension page) and a list longer than the bound", async () => {
    const warn = vi.fn()
    const dispatch = createDispatcher([panelView], { warn })
    expect(await dispatch({ type: "panel/view", payload: { title: "x", matches: [], total: 0 } }, {})).toMatchObject({ ok: false })
    const tooMany = Array.from({ length: 51 }, () => match)
    expect(await dispatch({ type: "panel/view", payload: { title: "x", matches: tooMany, total: 51 } }, { tabId: 1 })).toMatchObject({ ok: false })
    expect(session.data.size).toBe(0)
    expect(warn).toHaveBeenCalledTimes(2)
  })

  it("over the session quota, drops the other tabs' views and keeps the new one", async () => {
    session = fakeSession(3 * JSON.stringify(match).length)
    vi.stubGlobal("chrome", { storage: { session: session.area } })
    const dispatch = createDispatcher([panelView], { warn: () => undefined })
    for (const tabId of [1, 2, 3, 4]) {
      expect(await dispatch({ type: "panel/view", payload: { title: `t${tabId}`, matches: [match], total: 1 } }, { tabId, url: "https://crm.example/" })).toMatchObject({ ok: true })
    }
    expect(await readView(4)).not.toBeNull()
    expect([...session.data.keys()].map(tabIdOfKey)).toContain(4)
    expect(session.data.size).toBeLessThan(4)
    expect(viewKey(4)).toBe("panelUi.view:4")
  })

  it("shows the base's own card, never one a page made up", async () => {
    const dispatch = createDispatcher([panelView], { warn: () => undefined })
    const forged = { ...match, customer: { ...customer!, notes: "Nouvel IBAN : FR76 0000", contacts: [] } }
    const invented = { ...match, customer: { ...customer!, id: "not-in-the-base", code: "C-99999" } }
    await dispatch({ type: "panel/view", payload: { title: "CRM", matches: [forged, invented], total: 2 } }, { tabId: 21, url: "https://crm.example/" })
    const view = await readView(21)
    expect(view!.matches).toHaveLength(1)
    expect(view!.matches[0]!.customer.notes).toBe(customer!.notes)
    expect(view!.matches[0]!.customer.contacts).toHaveLength(customer!.contacts.length)
  })
})
