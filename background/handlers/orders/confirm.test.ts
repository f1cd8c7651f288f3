import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { ProductRepository } from "~src/db/product-repository"
import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { saveCapture } from "~src/features/order-capture/capture-store"
import { DOCUMENTS_GENERATION_KEY } from "~src/messaging/base-generation"
import type { OrderCapture } from "~src/messaging/contract"

import { ask, stubChrome } from "../handler-test-kit"

afterEach(() => vi.unstubAllGlobals())

describe("orders/confirm", () => {
  const product = generateProducts()[0]!
  let customerId = ""
  let review: { customerCode: string; poNumber: string; deliveryDate: string; deliveryAddress: string; lines: { ref: string; quantity: number; unit: string }[] }

  beforeEach(async () => {
    stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 4711 }).map(({ writtenPhones: _w, ...rest }) => rest)
    customerId = `confirm-${Math.random()}`
    const code = `CONF-${Math.floor(Math.random() * 1e6)}`
    await new CustomerRepository(getDb()).upsert([{ ...c!, id: customerId, code, creditLimitCents: null }])
    await new ProductRepository(getDb()).bulkPut([product])
    review = { customerCode: code, poNumber: "PO-1", deliveryDate: "", deliveryAddress: "", lines: [{ ref: product.ref, quantity: 2, unit: product.unit }] }
    const capture: OrderCapture = {
      id: "cap-1",
      webmail: "roundcube",
      messageId: "roundcube:42",
      subject: "Commande",
      from: { address: "achats@example.com", name: "Achats" },
      date: "2026-12-04T12:00:00",
      unread: [],
      read: [],
      proposal: {
        is_order: true,
        order_decision: "order",
        customer_code: code,
        po_number: "PO-1",
        delivery_date: null,
        delivery_address: null,
        lines: [{ ref: product.ref, quantity: 2, unit: product.unit }],
        confidence: {},
        evidence: {}
      },
      at: Date.now()
    }
    await saveCapture(capture)
  })

  const ordersOf = async () => (await ask<{ orders: { id: string }[] }>("orders/by-customer", { customerId })).orders

  it("puts the confirmed capture on the customer's timeline: the mail's subject and sender, and the order it became", async () => {
    const stored = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    const timeline = await ask<{ events: { kind: string; documentId: string; mail: unknown }[]; total: number }>("documents/timeline", { customerId })
    expect(timeline.events).toEqual([expect.objectContaining({ kind: "mail-captured", documentId: stored.orderId, mail: { subject: "Commande", from: "achats@example.com" } })])
    expect(timeline.total).toBe(1)
  })

  it("tells the cards open in pages that the customer's documents changed, so their open orders and risk are read again", async () => {
    const before = (await chrome.storage.local.get(DOCUMENTS_GENERATION_KEY))[DOCUMENTS_GENERATION_KEY]
    const stored = await ask<{ ok: boolean }>("orders/confirm", { captureId: "cap-1", review })
    expect(stored.ok).toBe(true)
    const after = (await chrome.storage.local.get(DOCUMENTS_GENERATION_KEY))[DOCUMENTS_GENERATION_KEY]
    expect(typeof after).toBe("number")
    expect(after).not.toBe(before)
  })

  it("stores one order for a capture confirmed a second time (the review opened again by Back, or in a second tab)", async () => {
    const first = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    expect(first.ok).toBe(true)
    const again = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    expect(again).toMatchObject({ ok: true, orderId: first.orderId })
    expect((await ordersOf()).map((o) => o.id)).toEqual([first.orderId])
  })

  it("stores one order when two confirmations of the same capture arrive together", async () => {
    const both = await Promise.all([
      ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review }),
      ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    ])
    expect(both.map((r) => r.ok)).toEqual([true, true])
    expect(both[1]!.orderId).toBe(both[0]!.orderId)
    expect(await ordersOf()).toHaveLength(1)
  })

  it("charges the customer's special price the prices page set, not the catalog's", async () => {
    await getDb().customerPrices.put({ id: customerId, discountBp: 0, specialPrices: [{ productId: product.id, unitPriceCents: product.unitPriceCents - 100 }], discounts: [], categoryDiscounts: [], updatedAt: 1 })
    const r = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    expect(r.ok).toBe(true)
    const [order] = (await ask<{ orders: { lines: { unitPriceCents: number; priceSource?: { source: string } }[] }[] }>("orders/by-customer", { customerId })).orders
    expect(order!.lines.map((l) => [l.unitPriceCents, l.priceSource?.source])).toEqual([[product.unitPriceCents - 100, "special-price"]])
  })

  it("shows in the review (orders/price) the prices and totals the confirmed order then stores, at the customer's special price", async () => {
    await getDb().customerPrices.put({ id: customerId, discountBp: 0, specialPrices: [{ productId: product.id, unitPriceCents: product.unitPriceCents - 100 }], discounts: [], categoryDiscounts: [], updatedAt: 1 })
    const shown = await ask<{ customer: boolean; lines: { priced: boolean; unitPriceCents?: number; netCents?: number; reason?: string }[]; totalInclVatCents: number; unpriced: number }>("orders/price", {
      customerCode: review.customerCode,
      lines: [...review.lines, { ref: "NO-SUCH-REF", quantity: 1, unit: "" }]
    })
    expect(shown.lines).toEqual([expect.objectContaining({ priced: true, unitPriceCents: product.unitPriceCents - 100, netCents: 2 * (product.unitPriceCents - 100) }), { priced: false, reason: "no-product" }])
    expect(shown.unpriced).toBe(1)
    const r = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
    const [order] = (await ask<{ orders: { id: string; totalInclVatCents: number }[] }>("orders/by-customer", { customerId })).orders
    expect(order).toEqual(expect.objectContaining({ id: r.orderId, totalInclVatCents: shown.totalInclVatCents }))
  })

  it("prices nothing in the review while no customer has the code typed", async () => {
    const shown = await ask<{ customer: boolean; lines: unknown[] }>("orders/price", { customerCode: "NOBODY-1", lines: review.lines })
    expect(shown).toMatchObject({ customer: false, lines: [{ priced: false, reason: "no-product" }] })
  })

  it("dates the order on France's calendar: confirmed at 00:30 in Paris, it is that day's, not the UTC day before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] })
    try {
      vi.setSystemTime(new Date("2026-12-04T23:30:00Z"))
      const r = await ask<{ ok: boolean; orderId?: string }>("orders/confirm", { captureId: "cap-1", review })
      expect(r.ok).toBe(true)
      const [order] = (await ask<{ orders: { id: string; date: string }[] }>("orders/by-customer", { customerId })).orders
      expect(order).toMatchObject({ id: r.orderId, date: "2026-12-05" })
    } finally {
      vi.useRealTimers()
    }
  })
})
