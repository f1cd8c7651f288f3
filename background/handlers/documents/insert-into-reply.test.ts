import { afterEach, describe, expect, it, vi } from "vitest"

import { documentsInsertIntoReply } from "./insert-into-reply"

const summary = { text: "Bonjour,\n\nVeuillez trouver ci-dessous notre devis DEV-2026-00001.", html: null } as never

/** Tabs 1 (the mail the quote form is framed over) and 2 (another mail, its compose box used later). */
function stubTabs(focusedAt: Record<number, number>) {
  const inserted: number[] = []
  vi.stubGlobal("chrome", {
    tabs: {
      get: vi.fn(async (id: number) => ({ id, lastAccessed: 0 })),
      query: vi.fn(async () => [{ id: 1, lastAccessed: 10 }, { id: 2, lastAccessed: 20 }]),
      sendMessage: vi.fn(async (id: number, m: { type: string }) => {
        if (m.type === "compose/probe") return { ok: true, data: { found: id in focusedAt, focusedAt: focusedAt[id] ?? 0 } }
        inserted.push(id)
        return { ok: true, data: { inserted: "text" } }
      })
    }
  })
  return inserted
}

afterEach(() => vi.unstubAllGlobals())

describe("Insert into reply", () => {
  it("fills the compose box of the page the quote form is framed over, even when another tab's box was used later", async () => {
    const inserted = stubTabs({ 1: 100, 2: 200 })
    await expect(documentsInsertIntoReply.handle(summary, { tabId: 1, frameId: 5, sender: "page" })).resolves.toEqual({ ok: true, inserted: "text" })
    expect(inserted).toEqual([1])
  })

  it("from the workspace tab, fills the compose box used last in another tab", async () => {
    const inserted = stubTabs({ 1: 100, 2: 200 })
    await documentsInsertIntoReply.handle(summary, { tabId: 3, frameId: 0, sender: "page" })
    expect(inserted).toEqual([2])
  })

  it("framed over a page without a compose box (a CRM), fills the one used last elsewhere", async () => {
    const inserted = stubTabs({ 2: 200 })
    await documentsInsertIntoReply.handle(summary, { tabId: 1, frameId: 5, sender: "page" })
    expect(inserted).toEqual([2])
  })
})
