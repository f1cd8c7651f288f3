import { afterEach, describe, expect, it, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"

import { handoffCustomer, keepQuoteHandoff, prefetchQuoteHandoff, takePrefetchedHandoff, takeQuoteHandoff } from "./quote-handoff"

const [customer] = generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...rest }) => rest)
const context = { customer, agentName: "Agent Un", today: "2026-12-03", validityDays: 30, sellerProblems: [], risk: null }
const hash = `#/quotes/new?customer=${customer!.id}`

describe("the quote handoff", () => {
  it("is made for a plain new quote's route only, not for one with lines handed over or for another section", () => {
    expect(handoffCustomer("quotes/new?customer=c-1&contact=k-2")).toBe("c-1")
    expect(handoffCustomer("#/quotes/new?customer=c-1")).toBe("c-1")
    expect(handoffCustomer("quotes/new?customer=c-1&line=REF-1%7C2%7Cu")).toBeNull()
    expect(handoffCustomer("quotes/q-7")).toBeNull()
    expect(handoffCustomer("quotes/new")).toBeNull()
  })

  it("gives the form what the background sent with its route, once", () => {
    keepQuoteHandoff(hash, { context, pricing: null })
    expect(takeQuoteHandoff("#/quotes/new?customer=someone-else")).toBeNull()
    expect(takeQuoteHandoff(hash)?.context.customer?.id).toBe(customer!.id)
    expect(takeQuoteHandoff(hash)).toBeNull()
  })

  it("drops a handoff that is not what the background answers to quotes/context, so the form loads as before", () => {
    keepQuoteHandoff(hash, { context: { ...context, validityDays: "thirty" }, pricing: null })
    expect(takeQuoteHandoff(hash)).toBeNull()
    keepQuoteHandoff(hash, undefined)
    expect(takeQuoteHandoff(hash)).toBeNull()
  })
})

describe("a workspace tab opened on a new quote", () => {
  afterEach(() => vi.unstubAllGlobals())

  it("asks for the form's lookups as it starts, and hands them to the form once", async () => {
    const asked: string[] = []
    vi.stubGlobal("chrome", {
      runtime: {
        sendMessage: async (m: { type: string }) => {
          asked.push(m.type)
          return { ok: true, data: m.type === "quotes/context" ? context : { pricing: null, mayEdit: false } }
        }
      }
    })
    prefetchQuoteHandoff(hash)
    expect(asked).toEqual(["quotes/context", "pricing/get"])
    expect(takePrefetchedHandoff("#/quotes")).toBeNull()
    const handoff = await takePrefetchedHandoff(hash)
    expect(handoff?.context.customer?.id).toBe(customer!.id)
    expect(takePrefetchedHandoff(hash)).toBeNull()
  })

  it("asks nothing on another route", () => {
    const sendMessage = vi.fn()
    vi.stubGlobal("chrome", { runtime: { sendMessage } })
    prefetchQuoteHandoff("#/invoices")
    expect(sendMessage).not.toHaveBeenCalled()
  })
})
