// @vitest-environment jsdom
import { act, fireEvent } from "@testing-library/react"
import { describe, expect, it } from "vitest"

import { transition } from "~src/domain/telephony"

import { dockWorld, registered, viewOf, type Message } from "./softphone-dock-harness"

/**
 * The keypad during a call (an automated line's menu, an extension, a customer number): as on a desk phone or
 * Aircall's keypad, the agent sees the digits already sent. The keys sent them and showed nothing, so after "1", "#"
 * and a pause nobody knew what the line had been given.
 */
const sent: Message[] = []
const { published, dock } = dockWorld(
  () => viewOf(registered, 1),
  (m) => {
    if (m.type !== "softphone/dtmf") return { ok: false, error: "not in this test" }
    sent.push(m)
    return { ok: true, data: {} }
  }
)

const inCall = (callId: string) => transition(transition(registered, { type: "outgoing", callId, number: "+447951760009" }, Date.now()), { type: "answered", callId }, Date.now())

describe("the keypad during a call", () => {
  it("shows the digits sent in this call, and starts empty for the next call", async () => {
    const root = await dock()
    published(viewOf(inCall("c1"), 2))
    const key = (d: string) => root.querySelector<HTMLButtonElement>(`[data-comptoir="dtmf"] [data-digit="${d}"]`)!
    expect(root.querySelector('[data-comptoir="dtmf-sent"]')?.textContent ?? "").toBe("")
    for (const d of ["1", "#", "4"]) {
      await act(async () => {
        fireEvent.click(key(d))
      })
    }
    expect(sent.map((m) => (m.payload as { digits: string }).digits)).toEqual(["1", "#", "4"])
    expect(root.querySelector('[data-comptoir="dtmf-sent"]')?.textContent).toContain("1#4")

    published(viewOf(transition(inCall("c1"), { type: "ended", callId: "c1", reason: "hangup-local" }, Date.now()), 3))
    published(viewOf(inCall("c2"), 4))
    expect(root.querySelector('[data-comptoir="dtmf-sent"]')?.textContent ?? "").not.toContain("1#4")
  })
})
