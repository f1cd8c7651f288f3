/**
 * Whether the quote form over a page may act (issue #10): the frame is drawn over a web page the extension does not
 * trust, which could draw its own elements over the frame (a popover or a dialog of its own, above ours in the top
 * layer) and make the agent click Send, Insert into reply or PDF believing they click something else (clickjacking).
 * The frame's code learns what is really on screen from IntersectionObserver v2 (`trackVisibility`:
 * quote-frame-gate.ts); this is the rule it applies, kept apart from the DOM so that it can be tested.
 *
 * - Until the first report, and while the frame is hidden (the dialog closed), nothing may act: "checking".
 * - Seen whole and unobscured: may act once it has stayed so MIN_VISIBLE_MS. A page that takes its cover away just
 *   before the agent's click (the second click of a double-click on its own bait) finds the buttons still off.
 * - On screen but covered, faded or filtered: "covered", and the agent is told why the buttons are off.
 * - A browser that cannot tell (no `trackVisibility`: Firefox): "unsupported", nothing may act. The overlay is not
 *   used in such a browser (quoteOverlayUsable), so only a frame the page put there itself could meet this.
 */
export type GateState = "checking" | "open" | "covered" | "unsupported"

/** What one IntersectionObserver v2 entry says. */
export interface VisibilityReport {
  /** In the viewport at all (the dialog shown). */
  intersecting: boolean
  /** Chrome's `isVisible`: not covered by anything, opacity 1, no filter nor distorting transform up the tree. */
  visible: boolean
}

/** How long the form must have been seen unobscured before it may act: about the time of a double-click and more. */
export const MIN_VISIBLE_MS = 500

export interface GateClock {
  /** Runs `run` in `ms`; returns how to cancel it. */
  after(ms: number, run: () => void): () => void
}

export class VisibilityGate {
  private state: GateState = "checking"
  private cancelOpening: (() => void) | null = null

  constructor(
    private readonly clock: GateClock,
    private readonly onChange: (state: GateState) => void = () => undefined,
    private readonly minVisibleMs = MIN_VISIBLE_MS
  ) {}

  get current(): GateState {
    return this.state
  }

  /** Whether a consequential action (send, insert, PDF, accept…) may run now. */
  get mayAct(): boolean {
    return this.state === "open"
  }

  report(r: VisibilityReport): void {
    if (this.state === "unsupported") return
    if (r.intersecting && r.visible) {
      // Already open, or already counting since an earlier "visible": the first one counts.
      if (this.state === "open" || this.cancelOpening) return
      this.set("checking")
      this.cancelOpening = this.clock.after(this.minVisibleMs, () => {
        this.cancelOpening = null
        this.set("open")
      })
      return
    }
    this.stopOpening()
    this.set(r.intersecting ? "covered" : "checking")
  }

  /** The browser has no `trackVisibility`: closed for good. */
  unsupported(): void {
    this.stopOpening()
    this.set("unsupported")
  }

  private stopOpening() {
    this.cancelOpening?.()
    this.cancelOpening = null
  }

  private set(next: GateState) {
    if (next === this.state) return
    this.state = next
    this.onChange(next)
  }
}
