// @vitest-environment jsdom
import { renderHook } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { computeTotals } from "~src/domain/documents/totals"
import { Quote as QuoteSchema } from "~src/domain/documents/document.schema"
import type { Quote } from "~src/domain/documents/quote-form"
import { BASE_GENERATION_KEY } from "~src/messaging/base-generation"

import { useNumberWhenKnown } from "./use-number-when-known"

const lines = [{ id: "l1", productId: null, ref: "GN-M", label: "Gants nitrile taille M", unit: "box", quantityMilli: 3000, unitPriceCents: 899, discountBp: 0, vatRateBp: 2000 }]
const sent = QuoteSchema.parse({ id: "q-1", type: "quote", status: "sent", customerId: "c-1", language: "fr", date: "2026-12-03", validUntil: "2099-12-31", paymentTerms: { kind: "net", days: 30 }, lines, ...computeTotals(lines), createdAt: 1, updatedAt: 2 }) as Quote
const numbered = { ...sent, number: "DEV-2026-00042" }

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void

/** A background whose base holds `stored()`, and the storage events a page gets when the background bumps the base's generation. */
function fakeBackground(stored: () => Quote) {
  const listeners = new Set<StorageListener>()
  const sendMessage = vi.fn(async () => ({ ok: true, data: { quote: stored(), customer: null, seller: null, refusal: null } }))
  vi.stubGlobal("chrome", {
    runtime: { sendMessage },
    storage: {
      local: { get: async () => ({ [BASE_GENERATION_KEY]: 1 }) },
      onChanged: { addListener: (fn: StorageListener) => listeners.add(fn), removeListener: (fn: StorageListener) => listeners.delete(fn) }
    }
  })
  const bump = (generation: number, key = BASE_GENERATION_KEY) => {
    for (const fn of listeners) fn({ [key]: { newValue: generation } }, "local")
  }
  return { sendMessage, bump, listeners }
}

const settle = () => new Promise((r) => setTimeout(r, 20))

afterEach(() => vi.unstubAllGlobals())

describe("a sent quote's number on the form", () => {
  it("is read when the base changes (the push's answer written), not by asking again on a timer", async () => {
    let inBase = sent
    const bg = fakeBackground(() => inBase)
    const found = vi.fn()
    renderHook(() => useNumberWhenKnown("q-1", true, found))
    await settle()
    // One read as the watch starts: no number yet.
    expect(bg.sendMessage).toHaveBeenCalledTimes(1)
    expect(found).toHaveBeenLastCalledWith({ quote: sent, refusal: null })
    // The old form asked again after 150 ms, then 225, 337…: nothing is asked while the base does not move.
    await new Promise((r) => setTimeout(r, 400))
    expect(bg.sendMessage).toHaveBeenCalledTimes(1)
    inBase = numbered
    bg.bump(2)
    await settle()
    expect(bg.sendMessage).toHaveBeenCalledTimes(2)
    expect(found).toHaveBeenLastCalledWith({ quote: numbered, refusal: null })
  })

  it("offline: stays without a number through other storage changes, and gets it when the device reaches the server", async () => {
    let inBase = sent
    const bg = fakeBackground(() => inBase)
    const found = vi.fn()
    renderHook(() => useNumberWhenKnown("q-1", true, found))
    await settle()
    bg.bump(5, "settings.locale")
    await settle()
    expect(bg.sendMessage).toHaveBeenCalledTimes(1)
    expect(found).not.toHaveBeenCalledWith({ quote: numbered, refusal: null })
    inBase = numbered
    bg.bump(2)
    await settle()
    expect(found).toHaveBeenLastCalledWith({ quote: numbered, refusal: null })
  })

  it("watches nothing for a draft or a numbered quote, and stops watching when the form goes", async () => {
    const bg = fakeBackground(() => sent)
    const found = vi.fn()
    const { rerender, unmount } = renderHook(({ waiting }) => useNumberWhenKnown("q-1", waiting, found), { initialProps: { waiting: false } })
    await settle()
    expect(bg.sendMessage).not.toHaveBeenCalled()
    expect(bg.listeners.size).toBe(0)
    rerender({ waiting: true })
    await settle()
    expect(bg.listeners.size).toBe(1)
    unmount()
    expect(bg.listeners.size).toBe(0)
  })
})
