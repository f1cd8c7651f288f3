import { afterEach, describe, expect, it, vi } from "vitest"

import { documentsInsertIntoReply } from "./insert-into-reply"

const acme = {
  id: "cust-acme",
  code: "ACME01",
  company: "Acme Industrie",
  contacts: [{ id: "k1", firstName: "Claire", lastName: "Martin", role: "", phones: [], emails: ["claire.martin@acme-industrie.fr"] }]
}
vi.mock("../../services", () => ({ services: { customers: { getMany: async (ids: string[]) => (ids.includes(acme.id) ? [acme] : []) } } }))

const summary = { text: "Bonjour,\n\nVeuillez trouver ci-dessous notre devis DEV-2026-00001.", blocks: [], customerId: acme.id, force: false }

/** Tabs 1 (the mail the quote form is framed over) and 2 (another mail, its compose box used later). */
function stubTabs(focusedAt: Record<number, number>, recipients: Record<number, string[]> = {}) {
  const inserted: number[] = []
  const payloads: unknown[] = []
  vi.stubGlobal("chrome", {
    tabs: {
      get: vi.fn(async (id: number) => ({ id, lastAccessed: 0 })),
      query: vi.fn(async () => [{ id: 1, lastAccessed: 10 }, { id: 2, lastAccessed: 20 }]),
      sendMessage: vi.fn(async (id: number, m: { type: string; payload: unknown }) => {
        if (m.type === "compose/probe") return { ok: true, data: { found: id in focusedAt, focusedAt: focusedAt[id] ?? 0, recipients: recipients[id] ?? [] } }
        inserted.push(id)
        payloads.push(m.payload)
        return { ok: true, data: { inserted: "text" } }
      })
    }
  })
  return { inserted, payloads }
}

afterEach(() => vi.unstubAllGlobals())

describe("Insert into reply", () => {
  it("fills the compose box of the page the quote form is framed over, even when another tab's box was used later", async () => {
    const { inserted } = stubTabs({ 1: 100, 2: 200 })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 1, frameId: 5, sender: "page" })).resolves.toEqual({ ok: true, inserted: "text" })
    expect(inserted).toEqual([1])
  })

  it("from the workspace tab, fills the compose box used last in another tab", async () => {
    const { inserted } = stubTabs({ 1: 100, 2: 200 })
    await documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })
    expect(inserted).toEqual([2])
  })

  it("framed over a page without a compose box (a CRM), fills the one used last elsewhere", async () => {
    const { inserted } = stubTabs({ 2: 200 })
    await documentsInsertIntoReply.handle(summary, { tabId: 1, frameId: 5, sender: "page" })
    expect(inserted).toEqual([2])
  })

  it("sends the content script the summary alone, not whom it is about", async () => {
    const { payloads } = stubTabs({ 2: 200 })
    await documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })
    expect(payloads).toEqual([{ text: summary.text, blocks: [] }])
  })
})

describe("Insert into reply, to the customer the summary is about", () => {
  it("fills a reply addressed to the customer's contact", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: ["claire.martin@acme-industrie.fr"] })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })).resolves.toEqual({ ok: true, inserted: "text" })
    expect(inserted).toEqual([2])
  })

  it("inserts nothing into a reply addressed to someone else, and says to whom it is addressed", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: ["jean@durand-bois.fr", "agent2@comptoir-demo.test"] })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })).resolves.toEqual({
      ok: false,
      error: "recipient-mismatch",
      recipients: ["jean@durand-bois.fr", "agent2@comptoir-demo.test"]
    })
    expect(inserted).toEqual([])
  })

  it("fills that reply all the same when the agent insists", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: ["jean@durand-bois.fr"] })
    await expect(documentsInsertIntoReply.handle({ ...summary, force: true }, { tabId: 3, frameId: 0, sender: "page" })).resolves.toEqual({ ok: true, inserted: "text" })
    expect(inserted).toEqual([2])
  })

  it("inserts nothing when the customer is not in this device's base and the reply shows recipients: nothing vouches for them", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: ["claire.martin@acme-industrie.fr"] })
    await expect(documentsInsertIntoReply.handle({ ...summary, customerId: "gone" }, { tabId: 3, frameId: 0, sender: "page" })).resolves.toMatchObject({ ok: false, error: "recipient-mismatch" })
    expect(inserted).toEqual([])
  })

  it("fills a reply whose recipients its webmail does not show, as before", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: [] })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })).resolves.toEqual({ ok: true, inserted: "text" })
    expect(inserted).toEqual([2])
  })

  it("skips a tab whose answer to the probe is not what the contract says", async () => {
    const { inserted } = stubTabs({ 2: 200 }, { 2: "claire.martin@acme-industrie.fr" as never })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })).resolves.toEqual({ ok: false, error: "no-compose-box" })
    expect(inserted).toEqual([])
  })
})
