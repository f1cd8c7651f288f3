import { describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"

import { handoffCustomer, keepQuoteHandoff, takeQuoteHandoff } from "./quote-handoff"

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
