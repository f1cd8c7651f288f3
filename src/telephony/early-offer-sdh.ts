import { Web, type SessionDescriptionHandlerFactory } from "sip.js"

type Options = Web.SessionDescriptionHandlerOptions | undefined

/**
 * sip.js's session description handler, except that an outgoing call's offer does not wait for the microphone.
 *
 * sip.js opens the microphone, then creates the offer, then gathers ICE candidates (~120 ms here even on
 * loopback with no ICE servers), one after the other. The first call of a browser opens the capture device
 * cold (~80 ms measured in the offscreen document, 5–8 ms for later calls), all of it added to "click → ringing".
 * Here the first offer of a call is made on an audio transceiver without a track while the microphone opens;
 * the track goes in with `replaceTrack` (no renegotiation) as soon as it exists. The INVITE still leaves only
 * once both are done, so a refused microphone fails the call before anything is sent, as before.
 * Answers (incoming calls: the microphone is asked for from setDescription, before the remote offer is applied)
 * and re-offers (hold) take sip.js's own path.
 */
export class EarlyOfferSessionDescriptionHandler extends Web.SessionDescriptionHandler {
  private microphone: Promise<void> | null = null
  /** The audio transceiver the first offer was made on, waiting for the microphone's track. */
  private early: RTCRtpTransceiver | null = null

  /**
   * Set while getDescription runs its first, synchronous step: sip.js also asks for the microphone from
   * setDescription (an incoming call's offer, before its answer), where a transceiver of ours would not be the
   * one the remote offer's audio lands on, and the answer would go out without the microphone.
   */
  private describing = false

  override getDescription(options?: Options, modifiers?: Parameters<Web.SessionDescriptionHandler["getDescription"]>[1]) {
    this.describing = true
    let described: ReturnType<Web.SessionDescriptionHandler["getDescription"]>
    try {
      described = super.getDescription(options, modifiers)
    } finally {
      this.describing = false
    }
    const microphone = this.microphone
    this.microphone = null
    if (!microphone) return described
    return Promise.all([described, microphone]).then(([description]) => description)
  }

  protected override getLocalMediaStream(options?: Options): Promise<void> {
    const pc = this.peerConnection
    const firstOffer = this.describing && pc !== undefined && pc.signalingState === "stable" && pc.getTransceivers().length === 0
    const constraints = options?.constraints
    if (!firstOffer || (constraints && constraints.video)) return super.getLocalMediaStream(options)
    this.early = pc.addTransceiver("audio", { direction: "sendrecv", streams: [this.localMediaStream] })
    // sip.js's own call: it records the constraints (so a re-offer does not open the microphone again) and
    // hands the stream to setLocalMediaStream below. Awaited by getDescription, with the ICE gathering.
    const opening = super.getLocalMediaStream(options)
    opening.catch(() => undefined)
    this.microphone = opening
    return Promise.resolve()
  }

  protected override setLocalMediaStream(stream: MediaStream): Promise<void> {
    const early = this.early
    this.early = null
    if (!early) return super.setLocalMediaStream(stream)
    const pc = this.peerConnection
    const track = stream.getAudioTracks()[0]
    if (!pc || !track) {
      // The call ended while the microphone opened (or it gave no audio track): do not leave it open.
      for (const t of stream.getTracks()) t.stop()
      return Promise.reject(new Error("Peer connection closed."))
    }
    // In the local stream first: sip.js stops its tracks when the call closes, whatever happens next.
    this.localMediaStream.addTrack(track)
    return early.sender.replaceTrack(track).catch((e: unknown) => {
      track.stop()
      throw e
    })
  }
}

/** sip.js's default factory (same configuration, same 5 s default ICE timeout), building the handler above. */
export function earlyOfferSessionDescriptionHandlerFactory(): SessionDescriptionHandlerFactory {
  const mediaStreamFactory = Web.defaultMediaStreamFactory()
  return (session, options?: Web.SessionDescriptionHandlerFactoryOptions) =>
    new EarlyOfferSessionDescriptionHandler(session.userAgent.getLogger("sip.SessionDescriptionHandler"), mediaStreamFactory, {
      iceGatheringTimeout: options?.iceGatheringTimeout ?? 5000,
      peerConnectionConfiguration: { ...Web.defaultPeerConnectionConfiguration(), ...options?.peerConnectionConfiguration }
    })
}
