import { DecorationWriter } from "./decoration-writer"
import { rereadFilter, sameDetection } from "./detection-change"
import { DocumentWatcher } from "./document-watcher"
import { PageWalker } from "./page-walker"
import { RootQueue } from "./root-queue"
import { ScanFilter } from "./scan-filter"
import { Findings, guard, newScanStats, ScanMemory } from "./scan-state"
import { INITIAL_MEASURE, SLICE_MEASURE, SliceClock, SliceScheduler } from "./slice-clock"
import type { DetectionOptions, PageScanner, PageScannerOptions, Step } from "./scan-types"
import { TextDetector } from "./text-detector"

export { INITIAL_MEASURE, SLICE_MEASURE } from "./slice-clock"
export type { DetectionOptions, FoundItem, PageScanner, PageScannerOptions, ScanStats } from "./scan-types"

/** Time is read every few cheap steps (walking past elements), and after every detection. */
const CHECK_EVERY = 8

/**
 * Finds phone numbers, emails and customer codes in a page's text, decorates them and reports them, in time
 * slices so the page never janks. Runs in a content script's isolated world: DOM only.
 *
 * This function wires the units together and runs the slices; each unit holds its own state (README, "Files").
 */
export function startPageScanner(doc: Document, opts: PageScannerOptions): PageScanner {
  const perf: Performance = doc.defaultView?.performance ?? globalThis.performance
  const stats = newScanStats()
  const memory = new ScanMemory()
  const findings = new Findings(stats, memory)
  const clock = new SliceClock(perf, Math.min(50, Math.max(1, opts.sliceMs ?? 8)))
  const scheduler = new SliceScheduler(runSlice)
  const queue = new RootQueue()
  const filter = new ScanFilter(doc, opts.ignoreSelector)
  const documents = new DocumentWatcher(doc, stats, queue, opts.onActivate, () => {
    if (hasWork() || documents.removals) scheduler.schedule()
  })
  const writer = new DecorationWriter(stats, memory, findings, filter, clock, documents)
  let detection: DetectionOptions = { defaultCountry: opts.defaultCountry, codePattern: opts.codePattern, otherCountries: opts.otherCountries }
  const detectOptions = (d: DetectionOptions) => ({ ...d, acceptForeign: opts.acceptForeign, onForeign: opts.onForeign })
  const detector = new TextDetector(stats, memory, clock, writer, detectOptions(detection))
  const walker = new PageWalker(stats, memory, findings, filter, detector, documents, opts.defaultCountry)
  let warm = false
  const startedAt = perf.now()

  const hasReadWork = (): boolean => detector.hasJob || walker.walking || queue.length > 0
  const hasWork = (): boolean => hasReadWork() || detector.hasBatch || writer.pending > 0

  /** The next piece of work, by priority: due decorations, a due batch, the long text, the walk, the next root. */
  function step(): Step {
    // Guarded by the cheap checks first: step() runs once per node of the page.
    if (writer.pending > 0 && writer.due(!hasReadWork() && !detector.hasBatch)) return writer.writeSome()
    if (detector.hasBatch && detector.batchDue(hasReadWork())) return detector.detectBatch()
    if (detector.hasJob) return detector.continueJob()
    if (walker.walking) {
      walker.step()
      return "light"
    }
    const entry = queue.dequeue()
    if (entry === undefined) return "none"
    walker.startRoot(entry)
    return "light"
  }

  function runSlice(): void {
    const t0 = perf.now()
    clock.start(t0)
    findings.take()
    try {
      documents.prune()
      documents.takeMutations()
      walker.recheck()
      if (!warm) {
        // A slice of its own for the first detection's warm-up, rather than on top of a full one.
        warm = true
        detector.warmUp()
      } else {
        for (;;) {
          const did = step()
          if (did === "none" || did === "yield") break
          clock.steps++
          if ((did === "heavy" || clock.steps % CHECK_EVERY === 0) && perf.now() >= clock.deadline) break
        }
      }
    } catch {
      stats.errors++
      // Whatever broke stays broken if retried as is; drop it and go on with the queue.
      walker.drop()
      detector.dropJob()
    }
    // Our own splits and wraps are in the observers' queues now: drop them, or we would rescan our decoration.
    documents.dropRecords()
    const t1 = perf.now()
    stats.slices++
    stats.totalSliceMs += t1 - t0
    stats.maxSliceMs = Math.max(stats.maxSliceMs, t1 - t0)
    clock.measure(stats, SLICE_MEASURE, t0, t1)
    const items = findings.take()
    if (items.length > 0) guard(stats, () => opts.onFound(items))
    if (documents.removals) {
      documents.removals = false
      const onRemoved = opts.onRemoved
      if (onRemoved) guard(stats, () => onRemoved())
    }
    if (hasWork()) scheduler.schedule()
    else {
      if (stats.initialPassMs === null) {
        stats.initialPassMs = t1 - startedAt
        clock.measure(stats, INITIAL_MEASURE, startedAt, t1)
      }
      const onIdle = opts.onIdle
      if (onIdle) guard(stats, () => onIdle())
    }
  }

  guard(stats, () => {
    documents.register(doc)
    scheduler.schedule()
  })

  return {
    stop() {
      if (scheduler.isStopped) return
      scheduler.stop()
      documents.stop()
      scheduler.close()
      queue.clear()
      walker.drop()
      detector.clear()
      writer.clear()
    },
    rescan() {
      if (scheduler.isStopped) return
      guard(stats, () => {
        memory.forget()
        // What is in flight is written as found (its items are reported then): only the rest is read again.
        for (const d of documents.documents()) queue.enqueue(d, true)
        scheduler.schedule()
      })
    },
    configure(next) {
      if (scheduler.isStopped || sameDetection(detection, next)) return false
      const worth = rereadFilter(detection, next)
      detection = { defaultCountry: next.defaultCountry, codePattern: next.codePattern, otherCountries: next.otherCountries }
      detector.setOptions(detectOptions(detection))
      walker.defaultCountry = detection.defaultCountry
      guard(stats, () => {
        memory.reread(worth)
        // Not reported again (report: false): PageLookup holds what was found, only new values come.
        for (const d of documents.documents()) queue.enqueue(d, false)
        scheduler.schedule()
      })
      return true
    },
    stats() {
      return {
        ...stats,
        pending: queue.length + (walker.walking ? 1 : 0) + detector.pending + writer.pending,
        idle: !scheduler.isScheduled && !hasWork(),
        documents: documents.size
      }
    }
  }
}
