import { Device } from "@twilio/voice-sdk"

import type { EndReason, PhoneEvent } from "~src/domain/telephony"

import { DTMF_DIGITS, EventHub, ProviderError, emptyStats, type AudioDevices, type CallStats, type TelephonyProvider } from "./provider"

/**
 * The part of `@twilio/voice-sdk`'s Call this adapter uses: the tests fake exactly this, so a change of the
 * SDK's surface shows up as a type error here.
 */
export interface TwilioCallLike {
  parameters: Record<string, string>
  accept(options?: unknown): void
  reject(): void
  disconnect(): void
  mute(shouldMute?: boolean): void
  sendDigits(digits: string): void
  // The SDK's listeners take event-specific arguments (EventEmitter's signature).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown
}

/** The part of `@twilio/voice-sdk`'s Device this adapter uses. */
export interface TwilioDeviceLike {
  register(): Promise<void>
  unregister(): Promise<void>
  updateToken(token: string): void
  connect(options?: { params?: Record<string, string> }): Promise<TwilioCallLike>
  destroy(): void
  // The SDK's listeners take event-specific arguments (EventEmitter's signature).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown
}

export type TwilioDeviceClass = new (token: string, options?: Record<string, unknown>) => TwilioDeviceLike

export async function loadTwilioDevice(): Promise<TwilioDeviceClass> {
  return Device as unknown as TwilioDeviceClass
}

export interface TwilioProviderOptions {
  DeviceClass: TwilioDeviceClass
  /** Asks the team server for a fresh access token (POST /telephony/twilio/token). */
  fetchToken: () => Promise<string>
  /**
   * Tells the team server whether this softphone is registered (POST /telephony/twilio/presence): an incoming
   * call rings only the registered ones. Best effort: a failure is ignored, the next refresh says it again.
   */
  reportPresence?: (registered: boolean) => Promise<void>
  devices?: AudioDevices
  newId?: () => string
}

interface TwilioCallEntry {
  call: TwilioCallLike
  answered: boolean
  endReason: EndReason | null
  ended: boolean
  totals: CallStats
}

/**
 * Twilio Programmable Voice through its browser SDK. The token comes from the team server (Twilio's
 * credentials never reach the browser) and is replaced before it expires (`tokenWillExpire`): an expired
 * token silently drops the registration and loses inbound calls. Hold and transfer are done by the server
 * (TwiML), not the SDK: not offered here.
 */
export class TwilioProvider implements TelephonyProvider {
  readonly kind = "twilio" as const
  readonly capabilities = { incoming: true, hold: false, dtmf: true, transfer: false, media: true }
  private readonly hub = new EventHub<PhoneEvent>()
  private readonly calls = new Map<string, TwilioCallEntry>()
  private device: TwilioDeviceLike | null = null
  /** Whether the server was last told "registered" (so an unregister is said once, not again at dispose). */
  private present = false
  private readonly newId: () => string

  constructor(private readonly opts: TwilioProviderOptions) {
    this.newId = opts.newId ?? (() => crypto.randomUUID())
  }

  onEvent(listener: (e: PhoneEvent) => void): () => void {
    return this.hub.on(listener)
  }

  async register(): Promise<void> {
    this.hub.emit({ type: "register-requested", provider: "twilio" })
    let token: string
    try {
      token = await this.opts.fetchToken()
    } catch (e) {
      this.hub.emit({ type: "registration-failed", code: "token", message: e instanceof Error ? e.message : String(e) })
      return
    }
    const device = new this.opts.DeviceClass(token, { closeProtection: true, codecPreferences: ["opus", "pcmu"] })
    this.device = device
    device.on("registered", () => {
      this.presence(true)
      this.hub.emit({ type: "registered" })
    })
    device.on("unregistered", () => {
      this.presence(false)
      this.hub.emit({ type: "connection-lost", message: "unregistered by Twilio" })
    })
    device.on("error", (error: { message?: string; code?: number }) => {
      this.hub.emit({ type: "registration-failed", code: `twilio-${error?.code ?? "error"}`, message: error?.message ?? "Twilio error" })
    })
    device.on("tokenWillExpire", () => {
      this.opts.fetchToken().then(
        (fresh) => {
          device.updateToken(fresh)
          // The server forgets a softphone silent for longer than a token's life: say it again with each token.
          if (this.present && this.device === device) this.presence(true)
        },
        (e: unknown) => this.hub.emit({ type: "registration-failed", code: "token", message: e instanceof Error ? e.message : String(e) })
      )
    })
    device.on("incoming", (call: TwilioCallLike) => {
      const id = this.newId()
      this.track(id, call)
      this.hub.emit({ type: "incoming", callId: id, number: (call.parameters.From ?? "").replace(/^client:/, "").slice(0, 100) })
    })
    await device.register()
  }

  async unregister(): Promise<void> {
    for (const id of [...this.calls.keys()]) await this.hangup(id).catch(() => undefined)
    await this.device?.unregister().catch(() => undefined)
    this.presence(false)
    this.hub.emit({ type: "unregistered" })
  }

  dispose(): void {
    this.device?.destroy()
    this.device = null
    this.presence(false)
    this.calls.clear()
  }

  /** Never in the call path's way: neither a throw nor a rejection of the report reaches the caller. */
  private presence(registered: boolean): void {
    if (!registered && !this.present) return
    this.present = registered
    try {
      this.opts.reportPresence?.(registered).catch(() => undefined)
    } catch {
      // a synchronous throw of the reporter: ignored like a failed post
    }
  }

  async call(number: string): Promise<string> {
    if (!this.device) throw new ProviderError("state", "not registered")
    const id = this.newId()
    this.hub.emit({ type: "outgoing", callId: id, number })
    try {
      const call = await this.device.connect({ params: { To: number } })
      this.track(id, call)
    } catch (e) {
      this.hub.emit({ type: "ended", callId: id, reason: "failed" })
      throw e
    }
    return id
  }

  private track(id: string, call: TwilioCallLike): void {
    const entry: TwilioCallEntry = { call, answered: false, endReason: null, ended: false, totals: { ...emptyStats } }
    this.calls.set(id, entry)
    const end = (reason: EndReason) => {
      if (entry.ended) return
      entry.ended = true
      this.calls.delete(id)
      this.hub.emit({ type: "ended", callId: id, reason: entry.endReason ?? reason })
    }
    call.on("accept", () => {
      entry.answered = true
      this.hub.emit({ type: "answered", callId: id })
    })
    call.on("disconnect", () => end(entry.answered ? "hangup-remote" : "failed"))
    call.on("cancel", () => end("cancelled"))
    call.on("reject", () => end("declined"))
    call.on("error", () => end("failed"))
    call.on("mute", (muted: boolean) => this.hub.emit({ type: "muted", callId: id, muted }))
    call.on("sample", (sample: { totals?: { bytesReceived: number; bytesSent: number; packetsReceived: number; packetsSent: number }; codecName?: string; rtt?: number }) => {
      if (!sample?.totals) return
      entry.totals = {
        bytesReceived: sample.totals.bytesReceived,
        bytesSent: sample.totals.bytesSent,
        packetsReceived: sample.totals.packetsReceived,
        packetsSent: sample.totals.packetsSent,
        codec: sample.codecName ? `audio/${sample.codecName}` : null,
        roundTripTimeMs: typeof sample.rtt === "number" ? sample.rtt : null
      }
    })
  }

  private entry(callId: string): TwilioCallEntry {
    const e = this.calls.get(callId)
    if (!e) throw new ProviderError("no-call", `no call ${callId}`)
    return e
  }

  async answer(callId: string): Promise<void> {
    const input = this.opts.devices?.inputDeviceId
    this.entry(callId).call.accept(input ? { rtcConstraints: { audio: { deviceId: { exact: input } } } } : undefined)
  }

  async decline(callId: string): Promise<void> {
    const e = this.entry(callId)
    e.endReason = "declined"
    e.call.reject()
  }

  async hangup(callId: string): Promise<void> {
    const e = this.entry(callId)
    e.endReason ??= "hangup-local"
    e.call.disconnect()
  }

  async mute(callId: string, muted: boolean): Promise<void> {
    this.entry(callId).call.mute(muted)
  }

  async hold(): Promise<void> {
    throw new ProviderError("unsupported", "hold is not offered with Twilio")
  }

  async sendDtmf(callId: string, digits: string): Promise<void> {
    if (!DTMF_DIGITS.test(digits)) throw new ProviderError("dtmf", `not DTMF digits: ${digits}`)
    this.entry(callId).call.sendDigits(digits)
  }

  async transfer(): Promise<void> {
    throw new ProviderError("unsupported", "blind transfer is not offered with Twilio")
  }

  async stats(callId: string): Promise<CallStats> {
    return this.entry(callId).totals
  }
}
