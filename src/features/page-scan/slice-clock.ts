import { guard } from "./scan-state"
import type { ScanStats } from "./scan-types"

export const SLICE_MEASURE = "comptoir:scan-slice"
export const INITIAL_MEASURE = "comptoir:scan-initial"

/** Slice measures are cleared past this many, so a long-lived tab does not grow the performance timeline. */
const MAX_SLICE_MEASURES = 1000

/** The time budget of the slice in progress, and the performance timeline entries that show the slices. */
export class SliceClock {
  /** When the current slice must end. */
  deadline = 0
  /** Steps taken in the current slice: the first one always runs, even when it does not fit. */
  steps = 0
  private sliceMeasures = 0

  constructor(
    readonly perf: Performance,
    readonly sliceMs: number
  ) {}

  start(now: number): void {
    this.deadline = now + this.sliceMs
    this.steps = 0
  }

  left(): number {
    return this.deadline - this.perf.now()
  }

  /** Whether work estimated at `costMs` may start in this slice: yes if it is the first step, or if it fits. */
  fits(costMs: number): boolean {
    return this.steps === 0 || costMs <= this.left()
  }

  measure(stats: ScanStats, name: string, start: number, end: number): void {
    guard(stats, () => {
      if (name === SLICE_MEASURE && ++this.sliceMeasures > MAX_SLICE_MEASURES) {
        this.perf.clearMeasures(SLICE_MEASURE)
        this.sliceMeasures = 1
      }
      this.perf.measure(name, { start, end })
    })
  }
}

/** Runs `run` in a task of its own, once per schedule() however often it is asked, until stop(). */
export class SliceScheduler {
  private scheduled = false
  private stopped = false
  private readonly channel: MessageChannel | null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly run: () => void) {
    this.channel = typeof MessageChannel === "function" ? new MessageChannel() : null
    if (this.channel !== null) this.channel.port1.onmessage = () => this.fire()
  }

  get isScheduled(): boolean {
    return this.scheduled
  }

  get isStopped(): boolean {
    return this.stopped
  }

  schedule(): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    // A message task runs sooner than setTimeout(0) (clamped to 4 ms once nested) and still lets the page's
    // input and rendering tasks run in between.
    if (this.channel !== null) this.channel.port2.postMessage(null)
    else this.timer = setTimeout(() => this.fire(), 0)
  }

  /** Marks the scheduler stopped; `close()` then releases the channel and timer. */
  stop(): void {
    this.stopped = true
  }

  close(): void {
    if (this.channel !== null) {
      this.channel.port1.onmessage = null
      this.channel.port1.close()
    }
    if (this.timer !== null) clearTimeout(this.timer)
  }

  private fire(): void {
    this.scheduled = false
    this.timer = null
    if (this.stopped) return
    this.run()
  }
}
