// @vitest-environment jsdom
import { act, fireEvent } from "@testing-library/react"
import { describe, expect, it } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import type { HistoryCall } from "~src/domain/telephony"

import { dockWorld, heldCalls, registered, viewOf, type Message } from "./softphone-dock-harness"

const SWITCHBOARD = "+33144319244"
const people = [
  { id: "p-marie", firstName: "Marie", lastName: "Dupont", phones: [SWITCHBOARD] },
  { id: "p-luc", firstName: "Luc", lastName: "Bernard", phones: [SWITCHBOARD] },
  { id: "p-ines", firstName: "Inès", lastName: "Roux", phones: [SWITCHBOARD] }
]
/** Société X: its contacts `ids`, all reached on one switchboard. */
const societeX = (ids = ["p-marie", "p-luc", "p-ines"]) =>
  Customer.parse({ id: "c-x", code: "C-X", company: "Société X", country: "FR", language: "fr", createdAt: 1, updatedAt: 1, contacts: people.filter((p) => ids.includes(p.id)) })

/** The last call of the dock's history: to Société X's switchboard, logged to `contactId`. */
function lastCall(contactId: string | null): HistoryCall {
  const person = people.find((p) => p.id === contactId)
  return {
    id: "prev", direction: "outbound", number: SWITCHBOARD, provider: "sip", customerId: "c-x", contactId,
    startedAt: 1_000, answeredAt: 2_000, endedAt: 62_000, durationMs: 60_000, endReason: "hangup-local",
    company: "Société X", contact: person ? `${person.firstName} ${person.lastName}` : null
  }
}

/** What the background has: the dock's history and Société X as it is now on this device. */
let history: HistoryCall[] = []
let known: Customer = societeX()
const placing = heldCalls()
const { held } = placing
const { dock } = dockWorld(
  () => viewOf(registered, 1),
  (m: Message) => {
    if (m.type === "softphone/call") return placing.reply(m)
    if (m.type === "softphone/history") return { ok: true, data: { calls: history } }
    if (m.type === "customers/get") return { ok: true, data: { customers: [known] } }
    return { ok: false, error: "not in this test" }
  }
)

const who = (root: HTMLElement) => root.querySelector('[data-comptoir="softphone-who"]')?.textContent ?? null
async function press(root: HTMLElement, selector: string) {
  await act(async () => {
    fireEvent.click(root.querySelector(selector)!)
    await Promise.resolve()
  })
  // The customer read by id after the call went out (use-placing-heading.ts).
  await act(async () => void (await Promise.resolve()))
}

describe("Redial and the history's Call after a call to one contact of a switchboard three contacts share", () => {
  it("Redial asks for the call to the contact last spoken to and heads the dock with her name and company", async () => {
    history = [lastCall("p-marie")]
    known = societeX()
    const root = await dock()
    await press(root, '[data-comptoir="redial"]')
    expect(held.calls).toEqual([{ number: SWITCHBOARD, customerId: "c-x", contactId: "p-marie" }])
    expect(who(root)).toBe("Marie Dupont · Société X")
  })

  it("the history's Call on that call asks for the same contact and names her", async () => {
    history = [lastCall("p-marie")]
    known = societeX()
    const root = await dock()
    act(() => void fireEvent.click(root.querySelector("summary")!))
    await press(root, '[data-comptoir="call-history-item"] [data-comptoir="call"]')
    expect(held.calls).toEqual([{ number: SWITCHBOARD, customerId: "c-x", contactId: "p-marie" }])
    expect(who(root)).toBe("Marie Dupont · Société X")
  })

  it("Redial after a call logged to no contact names the company alone and asks for no contact", async () => {
    history = [lastCall(null)]
    known = societeX()
    const root = await dock()
    await press(root, '[data-comptoir="redial"]')
    expect(held.calls).toEqual([{ number: SWITCHBOARD, customerId: "c-x" }])
    expect(who(root)).toBe("Société X")
  })

  it("Redial after a call to a contact deleted since names the company alone, as the background will log it", async () => {
    history = [lastCall("p-marie")]
    known = societeX(["p-luc", "p-ines"])
    const root = await dock()
    await press(root, '[data-comptoir="redial"]')
    expect(who(root)).toBe("Société X")
  })
})
