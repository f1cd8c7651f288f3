// @vitest-environment jsdom
import { act, fireEvent, renderHook } from "@testing-library/react"
import { describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { transition, type CallerContext } from "~src/domain/telephony"

import { dockWorld, heldCalls, registered, viewOf, type Message } from "./softphone-dock-harness"
import { useCallPress } from "./use-call-press"

const NUMBER = "+33144319244"
const durand = Customer.parse({
  id: "c-durand", code: "C-DURAND", company: "Boulangerie Durand", country: "FR", language: "fr", createdAt: 1, updatedAt: 1,
  contacts: [{ id: "p-marie", firstName: "Marie", lastName: "Durand", phones: [NUMBER] }, { id: "p-luc", firstName: "Luc", lastName: "Durand", phones: ["+33155550000"] }]
})

/** The background's customers on this device, read by id (customers/get). */
let known: Customer[] = [durand]
/** When the background answers customers/get: at once, or when the test says. */
let readLater: ((reply: unknown) => void) | null = null
let holdReads = false
const { published, dock } = dockWorld(
  () => viewOf(registered, 1),
  (m: Message) => {
    if (m.type === "softphone/call") return placing.reply(m)
    if (m.type === "customers/get") {
      const { ids } = m.payload as { ids: string[] }
      const reply = { ok: true, data: { customers: known.filter((c) => ids.includes(c.id)) } }
      return holdReads ? new Promise((resolve) => (readLater = () => resolve(reply))) : reply
    }
    return { ok: false, error: "not in this test" }
  }
)
const placing = heldCalls()
const { held } = placing

/** The messages the dock's page sent the background, by name, in order. */
const sentTypes = () => vi.mocked(chrome.runtime.sendMessage).mock.calls.map(([m]) => (m as unknown as Message).type)
const who = (root: HTMLElement) => root.querySelector('[data-comptoir="softphone-who"]')?.textContent ?? null
const heading = (root: HTMLElement) => root.querySelector('[data-comptoir="softphone-status"]')?.textContent ?? ""

/** A card of the same page (the side panel's) pressing Call on a contact's number, the customer's record in hand. */
async function pressOnTheCard(req: { number: string; customerId?: string; contactId?: string }, customer?: Customer) {
  const card = renderHook(() => useCallPress())
  await act(async () => card.result.current.press(req, customer))
}

/** The softphone reporting the outgoing call with the caller the background gives it (controller.callerFor). */
function reported(caller: Omit<CallerContext, "callId" | "number">) {
  const ringing = transition(registered, { type: "outgoing", callId: "c1", number: NUMBER }, Date.now())
  published(viewOf(ringing, 2, { callId: "c1", number: NUMBER, ...caller }))
}

describe("the dock's heading while a call pressed for a customer is placed", () => {
  it("names the contact and the customer from a card's Call, with Calling… and before the softphone has answered", async () => {
    known = [durand]
    const root = await dock()
    await pressOnTheCard({ number: NUMBER, customerId: durand.id, contactId: "p-marie" }, durand)
    expect(held.calls).toHaveLength(1)
    expect(who(root)).toBe("Marie Durand · Boulangerie Durand")
    expect(heading(root)).toContain("Calling…")
    expect(heading(root)).toContain("01 44 31 92 44")
  })

  it("keeps the same name when the softphone reports the call, the number under it", async () => {
    const root = await dock()
    await pressOnTheCard({ number: NUMBER, customerId: durand.id, contactId: "p-marie" }, durand)
    const placingWho = who(root)
    await act(async () => held.answer({ ok: true, data: { ok: true, callId: "c1" } }))
    reported({ candidates: [durand], customerId: durand.id, contactId: "p-marie" })
    expect(root.querySelector('[data-comptoir="softphone-status"]')?.hasAttribute("data-placing")).toBe(false)
    expect(placingWho).toBe("Marie Durand · Boulangerie Durand")
    expect(who(root)).toBe(placingWho)
  })

  it("says Calling… at once for a press naming the customer by id only (Redial), and the name as soon as it is read", async () => {
    known = [durand]
    holdReads = true
    try {
      const root = await dock()
      await pressOnTheCard({ number: NUMBER, customerId: durand.id })
      expect(heading(root)).toContain("Calling…")
      expect(who(root)).toBeNull()
      // The read went after the call: nothing waits on it before the INVITE.
      const sent = sentTypes()
      expect(sent.indexOf("softphone/call")).toBeLessThan(sent.indexOf("customers/get"))
      await act(async () => readLater!(null))
      // The one contact of that customer holding the number, as the background names it.
      expect(who(root)).toBe("Marie Durand · Boulangerie Durand")
    } finally {
      holdReads = false
      readLater = null
    }
  })

  it("keeps the number for a customer not known on this device", async () => {
    known = []
    const root = await dock()
    await pressOnTheCard({ number: NUMBER, customerId: "c-gone" })
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)))
    expect(who(root)).toBeNull()
    expect(heading(root)).toContain("01 44 31 92 44")
  })

  it("keeps the number for a number typed on the pad, naming nobody", async () => {
    known = [durand]
    const root = await dock()
    const field = root.querySelector<HTMLInputElement>('[data-comptoir="dial-input"]')!
    act(() => void fireEvent.change(field, { target: { value: NUMBER } }))
    await act(async () => {
      fireEvent.submit(field.form!)
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(heading(root)).toContain("Calling…")
    expect(who(root)).toBeNull()
    const sent = sentTypes()
    expect(sent).not.toContain("customers/get")
  })

  it("names the company alone for a switchboard several of its contacts share, and nobody for a number none of them holds", async () => {
    const switchboard = Customer.parse({ ...durand, contacts: durand.contacts.map((p) => ({ ...p, phones: [NUMBER] })) })
    const root = await dock()
    await pressOnTheCard({ number: NUMBER, customerId: switchboard.id }, switchboard)
    expect(who(root)).toBe("Boulangerie Durand")
    act(() => void fireEvent.click(root.querySelector('[data-comptoir="calling-hangup"]')!))
    // The background would find no customer by that number: the in-call heading is the number, so is this one.
    await pressOnTheCard({ number: "+33177770000", customerId: durand.id }, durand)
    expect(heading(root)).toContain("01 77 77 00 00")
    expect(who(root)).toBeNull()
  })
})
