import type { PhoneEvent, PhoneState } from "~src/domain/telephony"

/**
 * How long after the call's INVITE is out the held "outgoing" report is published, unless the call's next report
 * (answered, refused, ended) comes first and takes it along in one publication.
 */
export const OUTGOING_PUBLISH_AFTER_INVITE_MS = 150
/** Published at the latest this long after it was held, whatever became of the call's command. */
export const OUTGOING_HOLD_MAX_MS = 1000

export interface HeldOutgoing {
  state: PhoneState
  event: Extract<PhoneEvent, { type: "outgoing" }>
}

/**
 * Issue #9, click → in call: an outgoing call's first report ("ringing-out") fans out across processes (the
 * caller's lookup, the session storage write and a storage event in every extension page, the dock's render, the
 * toolbar badge, the call bar pushed to the pages) while the microphone opens and the offer is made, on the same
 * cores. Held here instead until the call is on the wire, and published with the call's next report when the PBX
 * answers sooner: one publication instead of two. The surface the agent clicked shows "Calling…" by itself meanwhile.
 *
 * Holds one call at a time; `release` is called by the controller's report queue, which publishes what it gets.
 */
export class OutgoingHold {
  private held: HeldOutgoing | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  /** The number whose call command was answered (its INVITE sent) before its report came. */
  private invitedFirst: string | null = null

  constructor(private readonly release: () => void) {}

  hold(held: HeldOutgoing): void {
    this.held = held
    const invited = this.invitedFirst === held.event.number
    this.invitedFirst = null
    this.arm(invited ? OUTGOING_PUBLISH_AFTER_INVITE_MS : OUTGOING_HOLD_MAX_MS)
  }

  /** The call command for `number` was answered: its INVITE is out (or it failed: `failed`, published at once). */
  invited(number: string, failed = false): void {
    if (!this.held) {
      if (!failed) this.invitedFirst = number
      return
    }
    if (this.held.event.number === number) this.arm(failed ? 0 : OUTGOING_PUBLISH_AFTER_INVITE_MS)
  }

  /** The held report, still held: the call commands act on it (a hang-up during the hold ends the call). */
  peek(): HeldOutgoing | null {
    return this.held
  }

  /** The held report, now out of the hold (the caller folds it into the view it publishes next). */
  take(): HeldOutgoing | null {
    const held = this.held
    this.held = null
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    return held
  }

  private arm(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.held) this.release()
    }, ms)
  }
}
