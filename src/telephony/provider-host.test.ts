import { beforeAll, describe, expect, it, vi } from "vitest"

import type { PhoneEvent } from "~src/domain/telephony"

import type { HostReport } from "./provider-host"

/** A SIP provider that reports "outgoing" at once and "answered" when the test says. */
vi.mock("./sip-provider", () => {
  class SipProvider {
    static last: SipProvider
    listener: (e: PhoneEvent) => void = () => undefined
    n = 0
    constructor() {
      SipProvider.last = this
    }
    onEvent(l: (e: PhoneEvent) => void) {
      this.listener = l
      return () => undefined
    }
    async register() {
      this.listener({ type: "registered" })
    }
    async call(number: string) {
      const callId = `c${++this.n}`
      this.listener({ type: "outgoing", callId, number })
      return callId
    }
    answerNow(callId: string) {
      this.listener({ type: "answered", callId })
    }
    dispose() {}
  }
  return { SipProvider }
})

beforeAll(() => {
  // The host plays the remote audio in an <audio> of its document and listens for "online".
  const g = globalThis as unknown as Record<string, unknown>
  g.document = { createElement: () => ({}), body: { appendChild: () => undefined } }
  g.addEventListener = () => undefined
})

const start = {
  op: "start",
  provider: "sip",
  sip: { websocketUrl: "ws://127.0.0.1:8088", uri: "sip:agent1@127.0.0.1", password: "" },
  twilio: null,
  devices: { inputDeviceId: null, outputDeviceId: null }
} as const

describe("the provider host", () => {
  it("sends the customer a card's click named with that call's 'outgoing' report, and with nothing else", async () => {
    const { createProviderHost } = await import("./provider-host")
    const { SipProvider } = (await import("./sip-provider")) as unknown as { SipProvider: { last: { answerNow(id: string): void } } }
    const reports: Parameters<HostReport>[] = []
    const host = createProviderHost((...r) => void reports.push(r))
    await host.run({ ...start, sip: { ...start.sip } } as never)
    const dialled = { number: "+33144319244", customerId: "cu1", contactId: "cu1-p", check: true }
    expect(await host.run({ op: "call", number: "+33144319244", dialled })).toEqual({ callId: "c1" })
    SipProvider.last.answerNow("c1")
    // A call placed through the background (softphone/call) carries no claim: the background has it already.
    await host.run({ op: "call", number: "+33155550000" })
    const byEvent = reports.filter(([, e]) => e?.type === "outgoing" || e?.type === "answered").map(([, e, d]) => [e!.type, d])
    expect(byEvent).toEqual([
      ["outgoing", dialled],
      ["answered", undefined],
      ["outgoing", undefined]
    ])
  })
})
