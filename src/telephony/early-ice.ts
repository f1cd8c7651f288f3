import { Web, type Session } from "sip.js"

import { traceStep } from "./call-trace"
import type { WarmPeerConnections } from "./warm-peer"

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
class EarlyIceHandler extends Web.SessionDescriptionHandler {
  private udpCandidates = 0
  private settleTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    logger: ConstructorParameters<typeof Web.SessionDescriptionHandler>[0],
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
        this.settle()
      }
    }
    traceStep("handler: made")
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

/**
 * sip.js's default factory (same media stream factory, same configuration merge), building EarlyIceHandler; with
 * `warm`, each call starts on the connection it has gathered in advance when one is ready.
 */
export function earlyIceHandlerFactory(settleMs = ICE_SETTLE_MS, warm?: WarmPeerConnections): Web.SessionDescriptionHandlerFactory {
  const mediaStreamFactory = Web.defaultMediaStreamFactory()
  return (session: Session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
    traceStep("handler: factory called")
    return new EarlyIceHandler(
      session.userAgent.getLogger("sip.SessionDescriptionHandler"),
      mediaStreamFactory,
      {
        iceGatheringTimeout: options?.iceGatheringTimeout ?? 5000,
        peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), ...options?.peerConnectionConfiguration }
      },
      settleMs,
      warm
    )
  }
}
