import type { DocumentWatcher } from "./document-watcher"
import { ensureHitStyle, wrapSpans } from "./dom-rules"
import type { ScanFilter } from "./scan-filter"
import type { Findings, ScanMemory } from "./scan-state"
import type { SliceClock } from "./slice-clock"
import type { ScanStats, Step, Write } from "./scan-types"

/** A page that undoes our decoration (an editor view repairing its DOM) gets the same text wrapped this often, no more. */
const MAX_REDECORATIONS = 3
/** Rough cost of one decoration (split, wrap, attribute), to decide whether a small write fits the slice. */
const WRITE_COST_MS = 0.06
/**
 * Decorations are written when the queue is empty, or when the oldest has waited this long. Every write into the
 * page may cost it a layout (a whole table's, when a cell changes), so one write per pass instead of one per slice
 * is what keeps the page fast; the delay only bounds how long a huge page shows nothing.
 */
const WRITE_DELAY_MS = 250
/** Time is read every few decorations written. */
const WRITES_PER_CHECK = 4
/**
 * Budget of a slice that writes decorations. Longer than a reading slice: each slice that writes may cost the page
 * a full layout (a table's, ~15–30 ms here), so a pass's writes go in one slice when they fit, and stay under the
 * 16 ms a content-script task may take.
 */
const WRITE_SLICE_MS = 14

/** Decorations waiting to be written, and the writing of them: the only part of the scanner that changes the page's text. */
export class DecorationWriter {
  private writes: Write[] = []
  private head = 0
  private oldestWrite = 0
  /** How often each text was wrapped under each parent: see MAX_REDECORATIONS. */
  private readonly wrapCounts = new WeakMap<Node, Map<string, number>>()

  constructor(
    private readonly stats: ScanStats,
    private readonly memory: ScanMemory,
    private readonly findings: Findings,
    private readonly filter: ScanFilter,
    private readonly clock: SliceClock,
    private readonly documents: DocumentWatcher
  ) {}

  get pending(): number {
    return this.writes.length - this.head
  }

  queue(w: Write): void {
    if (this.head === this.writes.length) this.oldestWrite = this.clock.perf.now()
    this.writes.push(w)
  }

  /** Whether to write now: nothing is left to read (`readIdle`), or the oldest decoration has waited long enough. */
  due(readIdle: boolean): boolean {
    return this.head < this.writes.length && (readIdle || this.clock.perf.now() - this.oldestWrite >= WRITE_DELAY_MS)
  }

  /** Writes waiting decorations, in a slice of their own, until its time is up. */
  writeSome(): Step {
    const { clock } = this
    // A large write gets a slice of its own; a few decorations (content added later: a new message, a list
    // page) are written at once in the slice that found them, saving a slice's fixed costs.
    if (!clock.fits((this.writes.length - this.head) * WRITE_COST_MS)) return "yield"
    this.stats.writeSlices++
    const writeDeadline = clock.deadline - clock.sliceMs + Math.max(clock.sliceMs, WRITE_SLICE_MS)
    this.filter.beginMemo()
    // Our observers would only record our own splits, to drop them at the end of the slice: they are off meanwhile
    // (the page's records were taken at the start of this slice, and no page code runs until it ends).
    const resume = this.documents.pause()
    try {
      let n = 0
      while (this.head < this.writes.length) {
        const w = this.writes[this.head++]!
        this.memory.inFlight.delete(w.node)
        this.write(w)
        if (++n % WRITES_PER_CHECK === 0 && clock.perf.now() >= writeDeadline) break
      }
    } finally {
      resume()
      this.filter.endMemo()
    }
    if (this.head >= this.writes.length) {
      this.writes = []
      this.head = 0
    } else this.oldestWrite = clock.perf.now()
    return "heavy"
  }

  clear(): void {
    this.writes = []
    this.head = 0
  }

  private write(job: Write): void {
    const { node, data, items } = job
    const { scanned } = this.memory
    // Changed since: the observer queued it again. Moved under an editable area meanwhile: never touch it.
    if (!node.isConnected || node.data !== data || (items.length > 0 && !this.filter.ancestorsAllow(node))) return
    if (items.length === 0) {
      scanned.set(node, data)
      return
    }
    const parent = node.parentNode
    if (parent !== null) {
      const counts = this.wrapCounts.get(parent) ?? new Map<string, number>()
      const count = (counts.get(data) ?? 0) + 1
      if (count > MAX_REDECORATIONS) {
        scanned.set(node, data)
        return
      }
      counts.set(data, count)
      this.wrapCounts.set(parent, counts)
    }
    ensureHitStyle(node.ownerDocument)
    const { wrappers, rest } = wrapSpans(node, items)
    for (const t of rest) scanned.set(t, t.data)
    for (const w of wrappers) this.findings.add({ kind: w.span.kind, value: w.span.value, element: w.element })
  }
}
