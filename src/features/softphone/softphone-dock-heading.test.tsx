// @vitest-environment jsdom
import { describe, expect, it } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { transition, type CallerContext, type SoftphoneView } from "~src/domain/telephony"

import { dockWorld, registered, viewOf } from "./softphone-dock-harness"

const NUMBER = "+33144319244"
const customer = (id: string, company: string, contacts: { id: string; firstName: string; lastName: string }[]) =>
  Customer.parse({ id, code: id.toUpperCase(), company, country: "FR", language: "fr", createdAt: 1, updatedAt: 1, contacts: contacts.map((c) => ({ ...c, phones: [NUMBER] })) })
const durand = customer("c-durand", "Boulangerie Durand", [{ id: "p-marie", firstName: "Marie", lastName: "Durand" }])
const roux = customer("c-roux", "Garage Roux", [{ id: "p-paul", firstName: "Paul", lastName: "Roux" }])

const inCall = transition(transition(registered, { type: "incoming", callId: "k1", number: NUMBER }, 1000), { type: "answered", callId: "k1" }, 2000)
const caller = (over: Partial<CallerContext>): CallerContext => ({ callId: "k1", number: NUMBER, candidates: [durand], customerId: durand.id, contactId: "p-marie", ...over })

let openedOn: SoftphoneView = viewOf(inCall, 1, caller({}))
const { published, dock } = dockWorld(() => openedOn)

const heading = (root: HTMLElement) => ({
  who: root.querySelector('[data-comptoir="softphone-who"]')?.textContent ?? null,
  all: root.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? ""
})

describe("the dock's heading during a call", () => {
  it("names a known customer, contact and company, with the number under them", async () => {
    openedOn = viewOf(inCall, 1, caller({}))
    const root = await dock()
    expect(heading(root).who).toBe("Marie Durand · Boulangerie Durand")
    expect(heading(root).all).toContain("01 44 31 92 44")
    // The name comes first: it is the heading, the state and the number are the line under it.
    expect(heading(root).all.indexOf("Marie Durand")).toBeLessThan(heading(root).all.indexOf("01 44 31 92 44"))
  })

  it("names the company alone when no contact is known for the number", async () => {
    openedOn = viewOf(inCall, 1, caller({ contactId: null }))
    const root = await dock()
    expect(heading(root).who).toBe("Boulangerie Durand")
  })

  it("keeps the number for an unknown caller", async () => {
    openedOn = viewOf(inCall, 1, caller({ candidates: [], customerId: null, contactId: null }))
    const root = await dock()
    expect(heading(root).who).toBeNull()
    expect(heading(root).all).toContain("01 44 31 92 44")
  })

  it("shows the number while several customers share it, and the one the agent picks once picked, never a guess", async () => {
    openedOn = viewOf(inCall, 1, caller({ candidates: [durand, roux], customerId: null, contactId: null }))
    const root = await dock()
    expect(heading(root).who).toBeNull()
    expect(heading(root).all).not.toMatch(/Durand|Roux/)
    published(viewOf(inCall, 2, caller({ candidates: [durand, roux], customerId: roux.id, contactId: "p-paul" })))
    expect(heading(root).who).toBe("Paul Roux · Garage Roux")
  })

  it("does not name the customer of another call", async () => {
    openedOn = viewOf(inCall, 1, caller({ callId: "k0" }))
    const root = await dock()
    expect(heading(root).who).toBeNull()
  })
})
