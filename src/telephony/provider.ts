import type { PhoneEvent, ProviderKind } from "~src/domain/telephony"

/** Audio counters of the current call, from WebRTC's stats (or the SDK's). */
export interface CallStats {
  bytesReceived: number
  packetsReceived: number
  bytesSent: number
  packetsSent: number
  /** "audio/opus", when known. */
  codec: string | null
  roundTripTimeMs: number | null
  /** The microphone's audio energy sent so far (WebRTC's media-source `totalAudioEnergy`): it stops growing while muted. */
  audioEnergySent?: number | null
}

export const emptyStats: CallStats = { bytesReceived: 0, packetsReceived: 0, bytesSent: 0, packetsSent: 0, codec: null, roundTripTimeMs: null }

export interface ProviderCapabilities {
  incoming: boolean
  hold: boolean
  dtmf: boolean
  transfer: boolean
  /** The call's audio runs here (WebRTC); false for the system dialer, where the phone is elsewhere. */
  media: boolean
}

/** Optional audio devices (the microphone page's choice). */
export interface AudioDevices {
  inputDeviceId: string | null
  outputDeviceId: string | null
}

/**
 * One telephony back end (SIP over WebSocket, Twilio, the system dialer). Adapters translate their SDK's
 * callbacks into the domain's PhoneEvents; they do not keep the state the agent sees (the domain does).
 * A method on an unknown or finished call rejects with a reason.
 */
export interface TelephonyProvider {
  readonly kind: ProviderKind
  readonly capabilities: ProviderCapabilities
  register(): Promise<void>
  unregister(): Promise<void>
  /** Places a call; resolves with the call's id once it is under way (ringing-out reported). */
  call(number: string): Promise<string>
  answer(callId: string): Promise<void>
  decline(callId: string): Promise<void>
  hangup(callId: string): Promise<void>
  mute(callId: string, muted: boolean): Promise<void>
  hold(callId: string, onHold: boolean): Promise<void>
  sendDtmf(callId: string, digits: string): Promise<void>
  /** Blind transfer; rejects where `capabilities.transfer` is false. */
  transfer(callId: string, target: string): Promise<void>
  stats(callId: string): Promise<CallStats>
  onEvent(listener: (e: PhoneEvent) => void): () => void
  /** Drops everything at once (no unregister sent): the page is going away or the settings changed. */
  dispose(): void
}

export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/** A tiny listener set shared by the adapters. */
export class EventHub<E> {
  private listeners = new Set<(e: E) => void>()
  on(listener: (e: E) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  emit(e: E): void {
    for (const l of this.listeners) l(e)
  }
}

export const DTMF_DIGITS = /^[0-9*#A-D]{1,32}$/
