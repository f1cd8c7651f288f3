import { Inviter, Web, type Session } from "sip.js"

import { traceStep } from "./call-trace"
import type { PreparedOffers } from "./prepared-offer"
import type { WarmPeerConnections } from "./warm-peer"

type Logger = ConstructorParameters<typeof Web.SessionDescriptionHandler>[0]

/** How long ICE must stay quiet after the last UDP candidate before the offer or answer goes out (ms). */
export const ICE_SETTLE_MS = 20

/**
 * A sip.js session description handler that sends the offer (or the answer) once the UDP host candidates are
 * in, instead of when ICE gathering is complete. With no STUN or TURN server (ours: `iceServers: []`), Chromium
 * has every UDP host candidate a few ms after setLocalDescription, then spends ~115 ms more gathering TCP host
 * candidates (`tcptype active`, port 9) before it says "complete"; no SIP media relay we talk to (rtpengine,
 * Asterisk, FreeSWITCH) does ICE over TCP, and without trickle ICE nothing gathered after the INVITE is sent
 * anyway. That wait was ~115 ms of a ~150 ms click → in-call on the lab. sip.js provides `iceGatheringComplete()`
 * for exactly this ("implementing your own ICE gathering completion strategy"): it is called once no UDP
 * candidate has come for `settleMs`. Without any candidate the configured `iceGatheringTimeout` still applies.
 */
export class EarlyIceHandler extends Web.SessionDescriptionHandler {
  private udpCandidates = 0
  /** When the last UDP candidate came (Date.now()). */
  private lastUdpAt = 0
  private settleTimer: ReturnType<typeof setTimeout> | undefined
  /** The offer made ahead of the call (prepareOffer): whether it is set as the local description. */
  private offerAhead: Promise<boolean> | null = null

  constructor(
    logger: Logger,
    mediaStreamFactory: Web.MediaStreamFactory,
    configuration: Web.SessionDescriptionHandlerConfiguration,
    private readonly settleMs: number,
    warm: WarmPeerConnections | undefined
  ) {
    super(logger, mediaStreamFactory, configuration)
    // A connection gathered ahead of the call (warm-peer.ts) instead of the one sip.js just made, which has
    // gathered nothing yet. sip.js sets its event handlers in its constructor: set them again on this one.
    const ready = warm?.take()
    if (ready) {
      this._peerConnection?.close()
      this._peerConnection = ready
      ;(this as unknown as { initPeerConnectionEventHandlers(): void }).initPeerConnectionEventHandlers()
    }
    this.peerConnectionDelegate = {
      onicecandidate: (e) => {
        if (e.candidate?.protocol !== "udp") return
        this.udpCandidates += 1
        this.lastUdpAt = Date.now()
        this.settle()
      }
    }
    traceStep("handler: made")
  }

  /**
   * The outgoing call's offer made before its click (prepared-offer.ts): an audio transceiver with no track yet,
   * the offer set as the local description, its ICE gathered meanwhile. No microphone: getUserMedia is the call's.
   */
  prepareOffer(): void {
    const pc = this._peerConnection
    if (!pc || this.offerAhead || pc.signalingState !== "stable" || pc.getTransceivers().length > 0) return
    traceStep("offer made ahead")
    pc.addTransceiver("audio", { direction: "sendrecv" })
    this.offerAhead = pc
      .createOffer()
      .then((offer) => this.setLocalSessionDescription(offer))
      .then(
        () => true,
        () => false
      )
  }

  /**
   * With an offer made ahead: the microphone opened (sip.js adds its track to the transceiver offered, which has never
   * sent) and that offer sent as it is, its candidates in; no second offer. Otherwise sip.js's own steps.
   */
  override getDescription(options?: Web.SessionDescriptionHandlerOptions, modifiers?: Parameters<Web.SessionDescriptionHandler["getDescription"]>[1]) {
    const ahead = this.offerAhead
    this.offerAhead = null
    if (!ahead || modifiers?.length || options?.offerOptions?.iceRestart) return super.getDescription(options, modifiers)
    return ahead.then((made) => {
      const pc = this._peerConnection
      // Not made after all (or closed meanwhile): sip.js's steps, which reuse the track-less transceiver.
      if (!made || pc?.signalingState !== "have-local-offer") return super.getDescription(options, modifiers)
      const timeout = options?.iceGatheringTimeout ?? this.sessionDescriptionHandlerConfiguration?.iceGatheringTimeout
      return this.getLocalMediaStream(options)
        .then(() => {
          // Its UDP candidates came long enough ago: no settle to wait.
          if (pc.iceGatheringState === "complete" || (this.udpCandidates > 0 && Date.now() - this.lastUdpAt >= this.settleMs)) return
          return this.waitForIceGatheringComplete(false, timeout)
        })
        .then(() => this.getLocalSessionDescription())
        .then((d) => ({ body: d.sdp, contentType: "application/sdp" }))
    })
  }

  protected override setLocalSessionDescription(description: RTCSessionDescriptionInit): Promise<void> {
    // Candidates counted are those of this description's gathering only.
    this.udpCandidates = 0
    return super.setLocalSessionDescription(description)
  }

  protected override waitForIceGatheringComplete(restart?: boolean, timeout?: number): Promise<void> {
    traceStep("ICE wait begins")
    const done = super.waitForIceGatheringComplete(restart, timeout)
    done.then(() => traceStep("ICE wait over"), () => undefined)
    // The UDP candidates may all be in already: the quiet period then starts now.
    if (this.udpCandidates > 0) this.settle()
    return done
  }

  override close(): void {
    clearTimeout(this.settleTimer)
    super.close()
  }

  private settle(): void {
    clearTimeout(this.settleTimer)
    // Resolves the pending wait, if any (a no-op otherwise: see sip.js's iceGatheringComplete).
    this.settleTimer = setTimeout(() => this.iceGatheringComplete(), this.settleMs)
  }
}

export interface EarlyIceHandlerFactory extends Web.SessionDescriptionHandlerFactory {
  /** A handler for the next outgoing call, its offer made ahead (prepareOffer); what `prepared` holds. */
  ahead(logger: Logger, options?: Web.SessionDescriptionHandlerFactoryOptions): EarlyIceHandler
}

/**
 * sip.js's default factory (same media stream factory, same configuration merge), building EarlyIceHandler; with
 * `warm`, each call starts on the connection it has gathered in advance when one is ready; with `prepared`, an
 * outgoing call takes the handler prepared on the agent's intent, if one waits (prepared-offer.ts).
 */
export function earlyIceHandlerFactory(settleMs = ICE_SETTLE_MS, warm?: WarmPeerConnections, prepared?: PreparedOffers<EarlyIceHandler>): EarlyIceHandlerFactory {
  const mediaStreamFactory = Web.defaultMediaStreamFactory()
  const make = (logger: Logger, options?: Web.SessionDescriptionHandlerFactoryOptions) =>
    new EarlyIceHandler(
      logger,
      mediaStreamFactory,
      {
        iceGatheringTimeout: options?.iceGatheringTimeout ?? 5000,
        peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), ...options?.peerConnectionConfiguration }
      },
      settleMs,
      warm
    )
  const factory = (session: Session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
    traceStep("handler: factory called")
    const ready = session instanceof Inviter ? prepared?.take() : null
    if (ready) traceStep("handler: prepared one taken")
    return ready ?? make(session.userAgent.getLogger("sip.SessionDescriptionHandler"), options)
  }
  return Object.assign(factory, {
    ahead: (logger: Logger, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
      const h = make(logger, options)
      h.prepareOffer()
      return h
    }
  })
}
