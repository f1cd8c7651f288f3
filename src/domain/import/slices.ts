import type { CsvReader, CsvRow } from "./parse"

/**
 * Drives a reader into an importer in time slices so the options page keeps painting: each slice reads and
 * imports as many rows as fit in `budgetMs` (the size adapts to the machine and to the rows: a base of
 * foreign phone numbers is several times slower than French ones), then yields to the browser.
 */

export interface SliceOptions {
  /** Target duration of one slice; 12 ms leaves room for a 60 Hz frame. */
  budgetMs?: number
  firstSliceRows?: number
  maxSliceRows?: number
  onProgress?: (progress: { fraction: number; rows: number }) => void
  signal?: AbortSignal
  /** Defaults to scheduler.yield() where it exists (Chrome), else a zero-delay timer. */
  yieldToUi?: () => Promise<void>
  clock?: () => number
}

export interface SliceReport {
  rows: number
  slices: number
  maxSliceMs: number
  totalMs: number
}

function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

export async function importInSlices(reader: CsvReader, sink: (rows: CsvRow[]) => void, opts: SliceOptions = {}): Promise<SliceReport> {
  const budget = opts.budgetMs ?? 12
  const maxRows = opts.maxSliceRows ?? 5000
  const clock = opts.clock ?? (() => performance.now())
  const pause = opts.yieldToUi ?? defaultYield
  let size = opts.firstSliceRows ?? 500
  const report: SliceReport = { rows: 0, slices: 0, maxSliceMs: 0, totalMs: 0 }
  const started = clock()
  while (!reader.done) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error("import cancelled")
    const t0 = clock()
    const rows = reader.next(size)
    sink(rows)
    const ms = clock() - t0
    report.rows += rows.length
    report.slices++
    report.maxSliceMs = Math.max(report.maxSliceMs, ms)
    // Aim the next slice at the budget, changing by at most ×2 so one slow slice (a GC) does not swing it.
    const ideal = ms > 0 ? (size * budget) / ms : size * 2
    size = Math.max(50, Math.min(maxRows, Math.round(Math.min(size * 2, Math.max(size / 2, ideal)))))
    opts.onProgress?.({ fraction: reader.progress, rows: report.rows })
    await pause()
  }
  report.totalMs = clock() - started
  return report
}
