import { describe, expect, it, vi } from "vitest"

import { initialPhoneState, transition, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

import { createCallBarPush, PANEL_SOFTPHONE_MESSAGE } from "./call-bar-push"

const ready = transition(initialPhoneState, { type: "registered" }, 0)
const ringing = transition(ready, { type: "incoming", callId: "c1", number: "+33123456789" }, 1000)

const viewOf = (state: PhoneState, updatedAt: number): SoftphoneView => ({
  state,
  caller: null,
  capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
  configured: true,
  lastCall: null,
  updatedAt
})

function fakeTabs(activeTabIds: () => (number | undefined)[], fail = () => false) {
  const sent: { tabId: number; state: string }[] = []
  const tabs = {
    query: vi.fn(async () => activeTabIds().map((id) => ({ id }))),
    sendMessage: vi.fn(async (tabId: number, message: { type: string; payload: { state: string } }, options: { frameId: number }) => {
      expect(message.type).toBe(PANEL_SOFTPHONE_MESSAGE)
      expect(options).toEqual({ frameId: 0 })
      if (fail()) throw new Error("Could not establish connection. Receiving end does not exist.")
      sent.push({ tabId, state: message.payload.state })
    })
  }
  return { tabs: tabs as unknown as Parameters<typeof createCallBarPush>[0], sent, query: tabs.query }
}

describe("the call bar pushed to the tab in front", () => {
  it("sends the active tab of each window each change once, in order", async () => {
    const { tabs, sent, query } = fakeTabs(() => [7, 8])
    const push = createCallBarPush(tabs)
    void push(viewOf(ready, 1))
    void push(viewOf(ringing, 2))
    await push(viewOf(ringing, 2))
    expect(query).toHaveBeenCalledWith({ active: true })
    expect(sent).toEqual([
      { tabId: 7, state: "registered" },
      { tabId: 8, state: "registered" },
      { tabId: 7, state: "ringing-in" },
      { tabId: 8, state: "ringing-in" }
    ])
  })

  it("sends the same bar again to another tab come to the front, and after a tab that could not take it", async () => {
    let tab = 7
    let failing = true
    const { tabs, sent } = fakeTabs(
      () => [tab, undefined],
      () => failing
    )
    const push = createCallBarPush(tabs)
    await push(viewOf(ringing, 2))
    expect(sent).toEqual([])
    failing = false
    await push(viewOf(ringing, 2))
    tab = 9
    await push(viewOf(ringing, 2))
    // Back to the first tab: it may have missed changes while another was in front, so it is sent the bar again.
    tab = 7
    await push(viewOf(ringing, 2))
    expect(sent).toEqual([
      { tabId: 7, state: "ringing-in" },
      { tabId: 9, state: "ringing-in" },
      { tabId: 7, state: "ringing-in" }
    ])
  })
})
