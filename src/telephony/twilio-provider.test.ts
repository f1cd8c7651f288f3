import { EventEmitter } from "node:events"

import { describe, expect, it } from "vitest"

import { initialPhoneState, transition, visibleState, type PhoneEvent, type PhoneState } from "~src/domain/telephony"

import { TwilioProvider, type TwilioCallLike, type TwilioDeviceLike } from "./twilio-provider"

/** A fake of the SDK's Call: the methods the adapter calls, and the events the SDK emits. */
class FakeCall extends EventEmitter implements TwilioCallLike {
  accepted = 0
  rejected = 0
  disconnected = 0
  muted: boolean | undefined
  digits: string[] = []
  constructor(readonly parameters: Record<string, string>) {
    super()
  }
  accept(): void {
    this.accepted++
    this.emit("accept", this)
  }
  reject(): void {
    this.rejected++
    this.emit("reject")
  }
  disconnect(): void {
    this.disconnected++
    this.emit("disconnect", this)
  }
  mute(shouldMute = true): void {
    this.muted = shouldMute
    this.emit("mute", shouldMute, this)
  }
  sendDigits(digits: string): void {
    this.digits.push(digits)
  }
}

/** A fake of the SDK's Device. */
class FakeDevice extends EventEmitter implements TwilioDeviceLike {
  static last: FakeDevice
  tokens: string[]
  connected: FakeCall[] = []
  destroyed = false
  constructor(token: string) {
    super()
    this.tokens = [token]
    FakeDevice.last = this
  }
  async register(): Promise<void> {
    this.emit("registered")
  }
  async unregister(): Promise<void> {
    this.emit("unregistered")
  }
  updateToken(token: string): void {
    this.tokens.push(token)
  }
  async connect(options?: { params?: Record<string, string> }): Promise<TwilioCallLike> {
    const call = new FakeCall({ To: options?.params?.To ?? "" })
    this.connected.push(call)
    return call
  }
  destroy(): void {
    this.destroyed = true
  }
}

function setup(tokens: (() => Promise<string>)[] = [], reportPresence?: (registered: boolean) => Promise<void>) {
  let n = 0
  const fetchToken = () => (tokens[n] ? tokens[n++]!() : Promise.resolve(`token-${++n}`))
  let id = 0
  const provider = new TwilioProvider({ DeviceClass: FakeDevice, fetchToken, newId: () => `call-${++id}`, ...(reportPresence ? { reportPresence } : {}) })
  const events: PhoneEvent[] = []
  let state: PhoneState = initialPhoneState
  provider.onEvent((e) => {
    events.push(e)
    state = transition(state, e, Date.now())
  })
  return { provider, events, state: () => state }
}

describe("the Twilio provider", () => {
  it("registers the device with the server's token and replaces the token before it expires", async () => {
    const { provider, state } = setup()
    await provider.register()
    expect(visibleState(state())).toBe("registered")
    expect(FakeDevice.last.tokens).toEqual(["token-1"])
    FakeDevice.last.emit("tokenWillExpire", FakeDevice.last)
    await new Promise((r) => setTimeout(r, 0))
    expect(FakeDevice.last.tokens).toEqual(["token-1", "token-2"])
  })

  it("says so in words when the server gives no token", async () => {
    const { provider, state } = setup([() => Promise.reject(new Error("token: HTTP 401"))])
    await provider.register()
    expect(visibleState(state())).toBe("error")
    expect(state().error).toEqual({ code: "token", message: "token: HTTP 401" })
  })

  it("places a call with the number as To, follows it to the answer, sends digits, mutes and hangs up", async () => {
    const { provider, state } = setup()
    await provider.register()
    const id = await provider.call("+33144319244")
    expect(visibleState(state())).toBe("ringing-out")
    const call = FakeDevice.last.connected[0]!
    expect(call.parameters.To).toBe("+33144319244")
    call.emit("accept", call)
    expect(visibleState(state())).toBe("in-call")
    await provider.sendDtmf(id, "12#")
    expect(call.digits).toEqual(["12#"])
    await expect(provider.sendDtmf(id, "1; DROP")).rejects.toThrow(/not DTMF/)
    await provider.mute(id, true)
    expect(state().call?.muted).toBe(true)
    await provider.hangup(id)
    expect(call.disconnected).toBe(1)
    expect(state().call).toMatchObject({ phase: "ended", endReason: "hangup-local" })
  })

  it("reports an incoming call with the caller's number, and a decline ends it as declined", async () => {
    const { provider, state, events } = setup()
    await provider.register()
    const incoming = new FakeCall({ From: "+33198765432", CallSid: "CA1" })
    FakeDevice.last.emit("incoming", incoming)
    expect(state().call).toMatchObject({ phase: "ringing-in", number: "+33198765432", direction: "inbound" })
    await provider.decline(state().call!.id)
    expect(incoming.rejected).toBe(1)
    expect(state().call).toMatchObject({ phase: "ended", endReason: "declined" })
    expect(events.filter((e) => e.type === "ended")).toHaveLength(1)
  })

  it("a caller who hangs up before the answer is a missed call", async () => {
    const { provider, state } = setup()
    await provider.register()
    const incoming = new FakeCall({ From: "+33198765432" })
    FakeDevice.last.emit("incoming", incoming)
    incoming.emit("cancel")
    expect(state().call).toMatchObject({ phase: "ended", endReason: "cancelled" })
  })

  it("reads the call's audio totals from the SDK's samples", async () => {
    const { provider } = setup()
    await provider.register()
    const id = await provider.call("+33144319244")
    const call = FakeDevice.last.connected[0]!
    call.emit("sample", { totals: { bytesReceived: 6800, bytesSent: 7000, packetsReceived: 50, packetsSent: 51 }, codecName: "opus", rtt: 42 })
    expect(await provider.stats(id)).toEqual({ bytesReceived: 6800, bytesSent: 7000, packetsReceived: 50, packetsSent: 51, codec: "audio/opus", roundTripTimeMs: 42 })
  })

  it("tells the server when the softphone registers, again with each fresh token, and when it unregisters", async () => {
    const said: boolean[] = []
    const { provider } = setup([], async (registered) => void said.push(registered))
    await provider.register()
    expect(said).toEqual([true])
    FakeDevice.last.emit("tokenWillExpire", FakeDevice.last)
    await new Promise((r) => setTimeout(r, 0))
    expect(said).toEqual([true, true])
    await provider.unregister()
    provider.dispose()
    expect(said).toEqual([true, true, false])
  })

  it("tells the server the softphone is gone when Twilio drops the registration or the device is destroyed", async () => {
    const said: boolean[] = []
    const { provider } = setup([], async (registered) => void said.push(registered))
    await provider.register()
    FakeDevice.last.emit("unregistered")
    expect(said).toEqual([true, false])
    FakeDevice.last.emit("registered")
    provider.dispose()
    expect(said).toEqual([true, false, true, false])
  })

  it("answers and places calls though the server refuses every presence", async () => {
    const { provider, state } = setup([], () => Promise.reject(new Error("presence: HTTP 500")))
    await provider.register()
    expect(visibleState(state())).toBe("registered")
    const incoming = new FakeCall({ From: "+33198765432" })
    FakeDevice.last.emit("incoming", incoming)
    await provider.answer(state().call!.id)
    expect(incoming.accepted).toBe(1)
    expect(visibleState(state())).toBe("in-call")
    await provider.unregister()
    provider.dispose()
    const thrower = setup([], () => {
      throw new Error("no fetch")
    })
    await thrower.provider.register()
    expect(visibleState(thrower.state())).toBe("registered")
  })

  it("does not offer hold or blind transfer (done on the server with TwiML)", async () => {
    const { provider } = setup()
    expect(provider.capabilities).toMatchObject({ hold: false, transfer: false, dtmf: true, incoming: true })
    await expect(provider.hold()).rejects.toThrow(/hold/)
    await expect(provider.transfer()).rejects.toThrow(/transfer/)
  })
})
