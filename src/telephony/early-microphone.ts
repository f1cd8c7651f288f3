import { Web } from "sip.js"

import { traceStep } from "./call-trace"

/**
 * The microphone asked for as soon as an outgoing call is asked for (issue #9), instead of when sip.js's session
 * description handler asks for it. In the offscreen document the handler asked 7–8 ms after the command (the
 * Inviter, the handler and its connection made first), and getUserMedia then finished behind the dock's
 * "ringing-out" render, which runs on the same main thread (Chrome puts every page of an extension in one renderer
 * process): 18 ms where the bare page's takes 7 (bench/README.md, "Softphone"). Asked first, the capture opens
 * while sip.js builds the call; the SIP provider reports the call ("outgoing", which the surfaces render) once the
 * microphone is open, so that render runs while the offer is made and ICE settles, not during the opening.
 *
 * One stream at a time, for one call: `open` before the call is made, the media stream factory (`factory`) hands it
 * to that call's handler if the constraints are the same, and `discard` after the INVITE stops it if nothing took
 * it (a call that failed before its offer): the microphone is never left open.
 */
export class EarlyMicrophone {
  private pending: { key: string; stream: Promise<MediaStream> } | null = null

  constructor(private readonly getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream> = (c) => navigator.mediaDevices.getUserMedia(c)) {}

  /** Starts opening the microphone for the next call (a stream not taken before is stopped); resolves once it is open or refused. */
  open(constraints: MediaStreamConstraints): Promise<void> {
    this.discard()
    traceStep("early getUserMedia called")
    const stream = this.getUserMedia(constraints)
    // A refusal is the handler's to report when it takes the stream; one nobody takes is only dropped.
    const settled = stream.then(
      () => traceStep("early getUserMedia resolved"),
      () => undefined
    )
    this.pending = { key: JSON.stringify(constraints), stream }
    return settled
  }

  /** The stream being opened for these constraints, once: the next call asks the microphone itself. */
  take(constraints: MediaStreamConstraints): Promise<MediaStream> | null {
    const p = this.pending
    if (!p || p.key !== JSON.stringify(constraints)) return null
    this.pending = null
    return p.stream
  }

  /** A stream opened and not taken is stopped (its tracks ended: the browser's recording indicator goes). */
  discard(): void {
    const p = this.pending
    this.pending = null
    p?.stream.then((s) => s.getTracks().forEach((t) => t.stop()), () => undefined)
  }

  /** sip.js's media stream factory, taking the stream opened early when it is for these constraints. */
  factory(): Web.MediaStreamFactory {
    const fallback = Web.defaultMediaStreamFactory()
    return (constraints, handler, options) => this.take(constraints) ?? fallback(constraints, handler, options)
  }
}
