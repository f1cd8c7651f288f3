import { describe, expect, it } from "vitest"

import { initialPhoneState, transition, type PhoneState } from "~src/domain/telephony"

import { TelProvider } from "./tel-provider"

describe("the system dialer", () => {
  it("hands the number to tel: and still reports a call that is logged when the agent hangs up", async () => {
    const opened: string[] = []
    const provider = new TelProvider({ openUrl: (u) => void opened.push(u), newId: () => "t1" })
    let s: PhoneState = initialPhoneState
    provider.onEvent((e) => (s = transition(s, e, Date.now())))
    await provider.register()
    const id = await provider.call("+33 1 44 31 92 44")
    expect(opened).toEqual(["tel:+33144319244"])
    expect(s.call).toMatchObject({ phase: "in-call", direction: "outbound" })
    await provider.hangup(id)
    expect(s.call).toMatchObject({ phase: "ended", endReason: "handed-off" })
  })

  it("offers nothing it cannot do: no incoming calls, no DTMF", async () => {
    const provider = new TelProvider({ openUrl: () => undefined })
    expect(provider.capabilities).toMatchObject({ incoming: false, dtmf: false, media: false })
    await expect(provider.sendDtmf()).rejects.toThrow(/phone itself/)
    await expect(provider.call("abc")).rejects.toThrow(/not dialable/)
  })
})
