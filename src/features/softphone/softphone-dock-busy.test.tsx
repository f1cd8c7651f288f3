// @vitest-environment jsdom
import { act, fireEvent } from "@testing-library/react"
import { describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { transition, type HistoryCall } from "~src/domain/telephony"
import { CustomerCard } from "~src/features/customer-card/customer-card"

import { dockWorld, heldCalls, registered, viewOf } from "./softphone-dock-harness"

/**
 * Issue #9: while a call is being placed or under way, every other call button of the page (the cards' ☎ beside
 * the dock, the history's Call) dialled a second call the softphone never showed: the first call's report held
 * the screen, the second INVITE rang a phone the agent could not hang up. They are off now and say why.
 */
const [called, other] = generateCustomers({ count: 2, seed: 5 })
const calledNumber = called!.contacts[0]!.phones[0]!
const otherNumber = other!.contacts[0]!.phones[0]!

const past = (id: string, number: string): HistoryCall => ({
  id,
  direction: "outbound",
  number,
  provider: "sip",
  customerId: null,
  contactId: null,
  startedAt: 1,
  answeredAt: 2,
  endedAt: 3,
  durationMs: 1,
  endReason: "hangup-local",
  company: null,
  contact: null
})

const { published, dock } = dockWorld(
  () => viewOf(registered, 1),
  (m) => {
    if (m.type === "softphone/history") return { ok: true, data: { calls: [past("h1", calledNumber), past("h2", otherNumber)] } }
    return m.type === "softphone/call" ? placing.reply(m) : { ok: false, error: "not in this test" }
  }
)
const placing = heldCalls()
const calls = placing.held.calls

/** The side panel: the dock and, beside it, the two customers' cards opened. */
const sidePanel = () =>
  dock(
    <>
      <CustomerCard customer={called!} agentCountry="FR" />
      <CustomerCard customer={other!} agentCountry="FR" />
    </>
  )

/** Every call button for `number` on the page (its card's ☎, its history row's Call), as the agent finds them. */
const buttonsFor = (root: HTMLElement, number: string) =>
  [...root.querySelectorAll<HTMLButtonElement>(`[data-comptoir="call"][data-number="${number}"]`)].map((b) => ({
    off: b.disabled,
    title: b.title,
    pressed: b.getAttribute("aria-pressed")
  }))

const historyCall = (root: HTMLElement, number: string) => root.querySelector<HTMLButtonElement>(`[data-comptoir="call-history-item"] [data-number="${number}"]`)!

describe("the page's other call buttons while a call is placed from the dock's history", () => {
  it("are off and say a call is in progress; the called number's say they are the one; a click on another dials nothing", async () => {
    const root = await sidePanel()
    expect(buttonsFor(root, otherNumber)).toHaveLength(2)
    await act(async () => void fireEvent.click(historyCall(root, calledNumber)))
    expect(calls).toHaveLength(1)
    expect(buttonsFor(root, otherNumber)).toEqual([
      { off: true, title: "A call is in progress", pressed: "false" },
      { off: true, title: "A call is in progress", pressed: "false" }
    ])
    expect(buttonsFor(root, calledNumber).every((b) => b.off && b.pressed === "true" && b.title === "In call with this number")).toBe(true)
    await act(async () => void fireEvent.click(historyCall(root, otherNumber)))
    expect(calls).toHaveLength(1)
  })
})

describe("the page's other call buttons while in a call", () => {
  it("are off and say a call is in progress, and come back on when the call ends", async () => {
    const root = await sidePanel()
    const ringing = transition(registered, { type: "outgoing", callId: "c1", number: calledNumber }, Date.now())
    const inCall = transition(ringing, { type: "answered", callId: "c1" }, Date.now())
    published(viewOf(inCall, 2))
    expect(buttonsFor(root, otherNumber).every((b) => b.off && b.title === "A call is in progress")).toBe(true)
    expect(buttonsFor(root, calledNumber).every((b) => b.off && b.pressed === "true")).toBe(true)
    await act(async () => void fireEvent.click(historyCall(root, otherNumber)))
    expect(calls).toHaveLength(0)
    published(viewOf(transition(inCall, { type: "ended", callId: "c1", reason: "hangup-local" }, Date.now()), 3))
    expect(buttonsFor(root, otherNumber)).toEqual([
      { off: false, title: "", pressed: "false" },
      { off: false, title: "", pressed: "false" }
    ])
    expect(buttonsFor(root, calledNumber).every((b) => !b.off && b.pressed === "false")).toBe(true)
  })
})
