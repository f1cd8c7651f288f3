import type { PhoneEvent } from "~src/domain/telephony"

import { EventHub, ProviderError, emptyStats, type CallStats, type TelephonyProvider } from "./provider"

export interface TelProviderOptions {
  /** Opens the tel: link (chrome.tabs.update / window.open): the system dialer or desk-phone app takes it. */
  openUrl: (url: string) => void | Promise<void>
  now?: () => number
  newId?: () => string
}

/**
 * The system dialer, for agents on a desk phone: the number is handed over as a tel: link and the call is
 * still reported (and logged) as a call. What happens on the phone is unknown here, so the call is taken as
 * answered when handed over, and ends when the agent says so (hang up in the dock).
 */
export class TelProvider implements TelephonyProvider {
  readonly kind = "tel" as const
  readonly capabilities = { incoming: false, hold: false, dtmf: false, transfer: false, media: false }
  private readonly hub = new EventHub<PhoneEvent>()
  private readonly calls = new Set<string>()
  private readonly newId: () => string

  constructor(private readonly opts: TelProviderOptions) {
    this.newId = opts.newId ?? (() => crypto.randomUUID())
  }

  onEvent(listener: (e: PhoneEvent) => void): () => void {
    return this.hub.on(listener)
  }

  async register(): Promise<void> {
    this.hub.emit({ type: "register-requested", provider: "tel" })
    this.hub.emit({ type: "registered" })
  }

  async unregister(): Promise<void> {
    this.hub.emit({ type: "unregistered" })
  }

  dispose(): void {
    this.calls.clear()
  }

  async call(number: string): Promise<string> {
    const dialable = number.replace(/[^0-9+*#]/g, "")
    if (dialable.length < 2) throw new ProviderError("number", `not dialable: ${number}`)
    const id = this.newId()
    this.calls.add(id)
    this.hub.emit({ type: "outgoing", callId: id, number })
    await this.opts.openUrl(`tel:${dialable}`)
    this.hub.emit({ type: "answered", callId: id })
    return id
  }

  private known(callId: string): void {
    if (!this.calls.has(callId)) throw new ProviderError("no-call", `no call ${callId}`)
  }

  async answer(): Promise<void> {
    throw new ProviderError("unsupported", "the system dialer takes no incoming calls here")
  }
  async decline(): Promise<void> {
    throw new ProviderError("unsupported", "the system dialer takes no incoming calls here")
  }
  async hangup(callId: string): Promise<void> {
    this.known(callId)
    this.calls.delete(callId)
    this.hub.emit({ type: "ended", callId, reason: "handed-off" })
  }
  async mute(): Promise<void> {
    throw new ProviderError("unsupported", "mute on the phone itself")
  }
  async hold(): Promise<void> {
    throw new ProviderError("unsupported", "hold on the phone itself")
  }
  async sendDtmf(): Promise<void> {
    throw new ProviderError("unsupported", "dial the digits on the phone itself")
  }
  async transfer(): Promise<void> {
    throw new ProviderError("unsupported", "transfer from the phone itself")
  }
  async stats(): Promise<CallStats> {
    return emptyStats
  }
}
