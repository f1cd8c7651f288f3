import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type Session,
  Web
} from "sip.js"

import { numberFromSipUser, sipTargetFor, type EndReason, type PhoneEvent } from "~src/domain/telephony"

import { traceStep } from "./call-trace"
import { earlyIceHandlerFactory } from "./early-ice"
import { WarmPeerConnections } from "./warm-peer"
import { DTMF_DIGITS, EventHub, ProviderError, emptyStats, type AudioDevices, type CallStats, type TelephonyProvider } from "./provider"

export interface SipSettings {
  websocketUrl: string
  /** sip:agent1@pbx.example */
  uri: string
  authorizationUser: string
  password: string
  displayName: string
}

export interface SipProviderOptions {
  settings: SipSettings
  devices?: AudioDevices
  /** Plays the remote audio (an <audio> element of the offscreen document); absent in tests without sound. */
  playRemote?: (stream: MediaStream, outputDeviceId: string | null) => void
  /** Registration lifetime asked of the registrar (s). sip.js refreshes it before it lapses. */
  expiresSeconds?: number
  /** Delays between reconnection attempts after the connection is lost (ms); the last one repeats. */
  retryDelaysMs?: readonly number[]
  now?: () => number
  newId?: () => string
}

const DEFAULT_RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000] as const
/** No STUN or TURN: the PBX's media relay (rtpengine, Asterisk) is reached on the host's own addresses. */
const PEER_CONFIGURATION: RTCConfiguration = { iceServers: [] }

function reasonForStatus(code: number): EndReason {
  if (code === 486 || code === 600) return "busy"
  if (code === 404 || code === 484 || code === 604) return "not-found"
  if (code === 408 || code === 480) return "no-answer"
  if (code === 603) return "declined"
  if (code === 487) return "cancelled"
  return "failed"
}

interface CallEntry {
  session: Session
  /** What ended it, when we know better than "the session terminated". */
  endReason: EndReason | null
  answered: boolean
  reported: boolean
  muted: boolean
  onHold: boolean
}

/**
 * SIP over WebSocket with sip.js (Asterisk, FreeSWITCH, Kamailio, 3CX). It keeps its registration alive by
 * itself: sip.js refreshes it before it expires, and when the WebSocket drops (the PBX restarted, the
 * network went away, the laptop slept) this reconnects with backoff and registers again.
 */
export class SipProvider implements TelephonyProvider {
  readonly kind = "sip" as const
  readonly capabilities = { incoming: true, hold: true, dtmf: true, transfer: true, media: true }
  private readonly hub = new EventHub<PhoneEvent>()
  private readonly calls = new Map<string, CallEntry>()
  private readonly ua: UserAgent
  /** The next call's connection, gathered while registered (warm-peer.ts). */
  private readonly warm: WarmPeerConnections
  private registerer: Registerer | null = null
  private wanted = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  private disposed = false
  private readonly domain: string
  private readonly now: () => number
  private readonly newId: () => string

  constructor(private readonly opts: SipProviderOptions) {
    const uri = UserAgent.makeURI(opts.settings.uri)
    if (!uri) throw new ProviderError("settings", `not a SIP URI: ${opts.settings.uri}`)
    this.domain = uri.host
    this.now = opts.now ?? (() => Date.now())
    this.newId = opts.newId ?? (() => crypto.randomUUID())
    this.warm = new WarmPeerConnections({ ...Web.defaultPeerConnectionConfiguration(), ...PEER_CONFIGURATION })
    this.ua = new UserAgent({
      uri,
      transportOptions: { server: opts.settings.websocketUrl, connectionTimeout: 5, keepAliveInterval: 20 },
      authorizationUsername: opts.settings.authorizationUser || undefined,
      authorizationPassword: opts.settings.password || undefined,
      displayName: opts.settings.displayName || undefined,
      // The reconnection below registers again; sip.js's own one would not.
      reconnectionAttempts: 0,
      // The offer goes out once the UDP host candidates are in, not after Chromium's TCP ones (see early-ice.ts),
      // and at once on a connection gathered in advance (warm-peer.ts).
      sessionDescriptionHandlerFactory: earlyIceHandlerFactory(undefined, this.warm),
      sessionDescriptionHandlerFactoryOptions: { iceGatheringTimeout: 500, peerConnectionConfiguration: PEER_CONFIGURATION },
      logLevel: "warn",
      delegate: {
        onDisconnect: (error) => {
          if (!error || !this.wanted || this.disposed) return
          // Often a network change: the next call's connection is gathered again on the addresses the host has now.
          this.warm.replace()
          this.hub.emit({ type: "connection-lost", message: error.message || "connection lost" })
          this.scheduleReconnect()
        },
        onInvite: (invitation) => this.onInvite(invitation)
      }
    })
  }

  onEvent(listener: (e: PhoneEvent) => void): () => void {
    return this.hub.on(listener)
  }

  async register(): Promise<void> {
    this.wanted = true
    this.hub.emit({ type: "register-requested", provider: "sip" })
    try {
      await this.connectAndRegister()
    } catch (e) {
      // The PBX unreachable at start is a lost connection like any other: keep trying.
      this.hub.emit({ type: "connection-lost", message: e instanceof Error ? e.message : String(e) })
      this.scheduleReconnect()
    }
  }

  /** Called when the browser says the network is back: try at once rather than at the next backoff step. */
  networkBack(): void {
    if (!this.wanted || this.disposed || this.ua.isConnected()) return
    this.clearRetry()
    this.attempt = 0
    this.scheduleReconnect(0)
  }

  private async connectAndRegister(): Promise<void> {
    if (!this.ua.isConnected()) {
      if (this.ua.state === "Started") await this.ua.reconnect()
      else await this.ua.start()
    }
    if (!this.registerer) {
      this.registerer = new Registerer(this.ua, { expires: this.opts.expiresSeconds ?? 300 })
      this.registerer.stateChange.addListener((state) => {
        if (state === RegistererState.Registered) {
          this.attempt = 0
          this.warm.start()
          this.hub.emit({ type: "registered" })
        }
      })
    }
    await this.registerer.register({
      requestDelegate: {
        // After a reconnection the Registerer still thinks it is registered (sip.js keeps its state across a
        // lost transport), so its state does not change: the accepted REGISTER is the signal.
        onAccept: () => {
          this.attempt = 0
          this.warm.start()
          this.hub.emit({ type: "registered" })
        },
        onReject: (r) => {
          const code = r.message.statusCode ?? 0
          this.hub.emit({
            type: "registration-failed",
            code: code === 401 || code === 403 || code === 407 ? "auth" : "rejected",
            message: `${code} ${r.message.reasonPhrase ?? ""}`.trim()
          })
        }
      }
    })
  }

  private scheduleReconnect(delay?: number): void {
    if (this.retryTimer !== null || this.disposed) return
    const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_MS
    const wait = delay ?? delays[Math.min(this.attempt, delays.length - 1)] ?? 1000
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      if (!this.wanted || this.disposed) return
      this.attempt += 1
      this.hub.emit({ type: "reconnect-attempt" })
      this.connectAndRegister().catch(() => this.scheduleReconnect())
    }, wait)
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  async unregister(): Promise<void> {
    this.wanted = false
    this.clearRetry()
    this.warm.stop()
    for (const id of [...this.calls.keys()]) await this.hangup(id).catch(() => undefined)
    if (this.registerer && this.ua.isConnected()) await this.registerer.unregister().catch(() => undefined)
    await this.ua.stop().catch(() => undefined)
    this.hub.emit({ type: "unregistered" })
  }

  dispose(): void {
    this.disposed = true
    this.wanted = false
    this.clearRetry()
    this.warm.stop()
    for (const c of this.calls.values()) c.session.dispose().catch(() => undefined)
    this.calls.clear()
    void this.ua.stop().catch(() => undefined)
  }

  private audioConstraints(): MediaStreamConstraints {
    const input = this.opts.devices?.inputDeviceId
    return { audio: input ? { deviceId: { exact: input } } : true, video: false }
  }

  async call(number: string): Promise<string> {
    const target = UserAgent.makeURI(sipTargetFor(number, this.domain))
    if (!target) throw new ProviderError("number", `not dialable: ${number}`)
    traceStep("provider.call")
    const inviter = new Inviter(this.ua, target, { sessionDescriptionHandlerOptions: { constraints: this.audioConstraints() } })
    const id = this.newId()
    const entry = this.track(id, inviter)
    this.hub.emit({ type: "outgoing", callId: id, number, displayName: "" })
    traceStep("outgoing reported")
    let rang = false
    await inviter.invite({
      requestDelegate: {
        // The callee's phone rings: the controller publishes the held "ringing-out" now (outgoing-hold.ts) rather
        // than when its hold runs out, so the agent sees "ringing" when the PBX says it, as a bare page would.
        onProgress: (r) => {
          const code = r.message.statusCode ?? 0
          if (rang || (code !== 180 && code !== 183)) return
          rang = true
          this.hub.emit({ type: "ringing", callId: id })
        },
        // sip.js ends the session (Terminated, the call forgotten) before it calls this: the reason goes on the
        // entry kept here, and the "ended" report waits for it (track). A reason already set (the agent hung up,
        // which cancels: 487) stays.
        onReject: (r) => {
          entry.endReason ??= reasonForStatus(r.message.statusCode ?? 0)
        }
      }
    })
    return id
  }

  private onInvite(invitation: Invitation): void {
    const id = this.newId()
    this.track(id, invitation)
    const identity = invitation.remoteIdentity
    this.hub.emit({
      type: "incoming",
      callId: id,
      number: numberFromSipUser(identity.uri.user ?? ""),
      displayName: (identity.displayName ?? "").slice(0, 120)
    })
  }

  private track(id: string, session: Session): CallEntry {
    const entry: CallEntry = { session, endReason: null, answered: false, reported: false, muted: false, onHold: false }
    this.calls.set(id, entry)
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        traceStep("Established")
        entry.answered = true
        this.attachAudio(session)
        traceStep("audio attached")
        this.hub.emit({ type: "answered", callId: id })
        traceStep("answered reported")
      } else if (state === SessionState.Terminated) {
        this.calls.delete(id)
        if (entry.reported) return
        entry.reported = true
        const report = () => {
          const reason: EndReason = entry.endReason ?? (entry.answered ? "hangup-remote" : session instanceof Invitation ? "cancelled" : "failed")
          this.hub.emit({ type: "ended", callId: id, reason })
        }
        // An outgoing call refused (busy, no answer, not found) is Terminated by sip.js just before it hands the
        // answer's status to the invite's onReject, in the same task: reported at once, it was always "failed".
        if (session instanceof Inviter && !entry.answered) queueMicrotask(report)
        else report()
      }
    })
    return entry
  }

  private attachAudio(session: Session): void {
    const sdh = session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined
    if (sdh?.remoteMediaStream && this.opts.playRemote) this.opts.playRemote(sdh.remoteMediaStream, this.opts.devices?.outputDeviceId ?? null)
  }

  private entry(callId: string): CallEntry {
    const e = this.calls.get(callId)
    if (!e) throw new ProviderError("no-call", `no call ${callId}`)
    return e
  }

  async answer(callId: string): Promise<void> {
    const { session } = this.entry(callId)
    if (!(session instanceof Invitation)) throw new ProviderError("state", "only an incoming call can be answered")
    await session.accept({ sessionDescriptionHandlerOptions: { constraints: this.audioConstraints() } })
  }

  async decline(callId: string): Promise<void> {
    const entry = this.entry(callId)
    if (!(entry.session instanceof Invitation)) throw new ProviderError("state", "only an incoming call can be declined")
    entry.endReason = "declined"
    await entry.session.reject({ statusCode: 486 })
  }

  async hangup(callId: string): Promise<void> {
    const entry = this.entry(callId)
    const s = entry.session
    entry.endReason ??= "hangup-local"
    if (s.state === SessionState.Established) await s.bye()
    else if (s instanceof Inviter) await s.cancel()
    else if (s instanceof Invitation) {
      entry.endReason = "declined"
      await s.reject()
    }
  }

  /**
   * The microphone goes out only when the call is neither muted nor on hold, and the remote audio plays only
   * off hold (what sip.js's SessionManager does). Hold's a=sendonly alone leaves the browser sending: the
   * customer on hold heard the agent (the Chromium test measured as much energy going out on hold as talking).
   */
  private applyTracks(entry: CallEntry): void {
    const sdh = entry.session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined
    const pc = sdh?.peerConnection
    if (!pc) return
    for (const s of pc.getSenders()) if (s.track) s.track.enabled = !entry.muted && !entry.onHold
    for (const r of pc.getReceivers()) r.track.enabled = !entry.onHold
  }

  async mute(callId: string, muted: boolean): Promise<void> {
    const entry = this.entry(callId)
    entry.muted = muted
    this.applyTracks(entry)
    this.hub.emit({ type: "muted", callId, muted })
  }

  async hold(callId: string, onHold: boolean): Promise<void> {
    const entry = this.entry(callId)
    const { session } = entry
    // A re-INVITE with a=sendonly (sip.js's own hold), as SessionManager does.
    session.sessionDescriptionHandlerOptionsReInvite = { hold: onHold } as Web.SessionDescriptionHandlerOptions
    await new Promise<void>((ok, ko) => {
      session
        .invite({
          requestDelegate: {
            onAccept: () => ok(),
            onReject: (r) => ko(new ProviderError("hold", `${r.message.statusCode} ${r.message.reasonPhrase}`))
          }
        })
        .catch(ko)
    })
    entry.onHold = onHold
    this.applyTracks(entry)
    this.hub.emit({ type: "held", callId, onHold })
  }

  async sendDtmf(callId: string, digits: string): Promise<void> {
    if (!DTMF_DIGITS.test(digits)) throw new ProviderError("dtmf", `not DTMF digits: ${digits}`)
    const { session } = this.entry(callId)
    const sdh = session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined
    // RFC 4733 in the media when the peer negotiated telephone-event; SIP INFO otherwise.
    if (sdh?.sendDtmf(digits, { duration: 120, interToneGap: 80 })) return
    for (const d of digits) {
      await session.info({
        requestOptions: { body: { contentDisposition: "render", contentType: "application/dtmf-relay", content: `Signal=${d}\r\nDuration=160` } }
      })
    }
  }

  /**
   * Blind transfer (RFC 5589, "basic transfer"): once the other side accepts the REFER (202), it calls the target
   * itself and the agent's leg is hung up, as a desk phone's blind transfer does, so the agent is free at once. A
   * REFER refused (a PBX that forbids the target, a peer without REFER) leaves the call with the agent and says so.
   * Before, the REFER was sent and forgotten: the agent stayed in the call whatever happened, and a transfer that
   * went through ended as "handed to the phone".
   */
  async transfer(callId: string, target: string): Promise<void> {
    let uri: ReturnType<typeof UserAgent.makeURI>
    try {
      uri = UserAgent.makeURI(target.startsWith("sip:") ? target : sipTargetFor(target, this.domain))
    } catch {
      uri = undefined
    }
    if (!uri) throw new ProviderError("number", `not a transfer target: ${target}`)
    const entry = this.entry(callId)
    const { session } = entry
    if (session.state !== SessionState.Established) throw new ProviderError("state", "only a call under way can be transferred")
    await new Promise<void>((ok, ko) => {
      session
        .refer(uri, {
          requestDelegate: {
            onAccept: () => ok(),
            onReject: (r) => ko(new ProviderError("transfer", `${r.message.statusCode} ${r.message.reasonPhrase}`))
          },
          // The transferee's progress reports (NOTIFY) while the leg lasts: acknowledged, nothing to act on.
          onNotify: (n) => void n.accept()
        })
        .catch(ko)
    })
    entry.endReason = "transferred"
    if (session.state === SessionState.Established) await session.bye()
  }

  async stats(callId: string): Promise<CallStats> {
    const sdh = this.entry(callId).session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined
    const pc = sdh?.peerConnection
    if (!pc) return emptyStats
    return statsOf(await pc.getStats())
  }
}

/** The audio counters out of an RTCStatsReport (also used by the bench's bare page). */
export function statsOf(report: RTCStatsReport): CallStats {
  const out: CallStats = { ...emptyStats }
  const codecs = new Map<string, string>()
  let codecId: string | null = null
  report.forEach((s: Record<string, unknown>) => {
    if (s.type === "inbound-rtp" && s.kind === "audio") {
      out.bytesReceived = Number(s.bytesReceived ?? 0)
      out.packetsReceived = Number(s.packetsReceived ?? 0)
      codecId = (s.codecId as string) ?? null
    }
    if (s.type === "outbound-rtp" && s.kind === "audio") {
      out.bytesSent = Number(s.bytesSent ?? 0)
      out.packetsSent = Number(s.packetsSent ?? 0)
    }
    if (s.type === "media-source" && s.kind === "audio" && typeof s.totalAudioEnergy === "number") out.audioEnergySent = s.totalAudioEnergy
    if (s.type === "codec") codecs.set(s.id as string, s.mimeType as string)
    if (s.type === "candidate-pair" && s.nominated && typeof s.currentRoundTripTime === "number") out.roundTripTimeMs = Math.round(s.currentRoundTripTime * 1000)
  })
  out.codec = codecId ? (codecs.get(codecId) ?? null) : null
  return out
}
