import { detectAll, detectMany, type Detected, type DetectOptions } from "../../domain/detect"
import type { DecorationWriter } from "./decoration-writer"
import type { ScanMemory } from "./scan-state"
import type { SliceClock } from "./slice-clock"
import type { ScanStats, Step } from "./scan-types"

/** Text is detected in chunks of about this size, so one huge <pre> cannot blow a slice. */
const CHUNK_CHARS = 1024
/** Without a code pattern, only a text with a digit or an @ may hold anything. */
const WORTH_DETECTING = /[\p{Nd}@]/u
/** Short texts are detected together, up to about this many characters: one libphonenumber-js call per batch. */
const BATCH_CHARS = 4096

/** A long text being detected chunk by chunk. */
interface TextJob {
  node: Text
  data: string
  pos: number
  items: Detected[]
}

/**
 * Detection of the texts the walk meets: short ones in batches (one libphonenumber-js call for all), long ones
 * chunk by chunk, each piece only if its cost (learnt on this page) fits the slice. Detection never writes: what
 * it finds goes to the DecorationWriter.
 */
export class TextDetector {
  private batch: { node: Text; data: string }[] = []
  private batchChars = 0
  private job: TextJob | null = null
  /** Detection cost per character, learnt on the page: decides whether the next chunk still fits in the slice. */
  private msPerChar = 0.005

  constructor(
    private readonly stats: ScanStats,
    private readonly memory: ScanMemory,
    private readonly clock: SliceClock,
    private readonly writer: DecorationWriter,
    private options: DetectOptions
  ) {}

  /** New options for the texts detected from now on (a batch waiting is detected with them). */
  setOptions(options: DetectOptions): void {
    this.options = options
  }

  get hasJob(): boolean {
    return this.job !== null
  }

  get hasBatch(): boolean {
    return this.batch.length > 0
  }

  /** Texts waiting in the batch, plus the long text in progress. */
  get pending(): number {
    return this.batch.length + (this.job !== null ? 1 : 0)
  }

  /** libphonenumber-js compiles its patterns on first use (11–35 ms in Chromium here): done in a slice of its own. */
  warmUp(): void {
    detectAll("Tél. 01 23 45 67 89", this.options)
  }

  /** A text met by the walk: skipped, batched, or started as a long text. */
  start(node: Text): void {
    this.stats.textNodesScanned++
    this.stats.nodesScanned++
    const data = node.data
    const { scanned, inFlight, previous } = this.memory
    if (data.length < 3 || scanned.get(node) === data || inFlight.has(node)) return
    if (
      (this.options.codePattern === null && !WORTH_DETECTING.test(data)) ||
      (previous !== null && previous.get(node) === data && !this.memory.worthRereading(data))
    ) {
      scanned.set(node, data)
      return
    }
    this.stats.textsDetected++
    inFlight.add(node)
    if (data.length > CHUNK_CHARS) this.job = { node, data, pos: 0, items: [] }
    else {
      this.batch.push({ node, data })
      this.batchChars += data.length
    }
  }

  /** Whether to detect the batch now: it is full, nothing is left to read, or it already takes most of what the slice has left. */
  batchDue(hasReadWork: boolean): boolean {
    return (
      this.batch.length > 0 &&
      (this.batchChars >= BATCH_CHARS || !hasReadWork || this.batchChars * this.msPerChar >= this.clock.left() * 0.6)
    )
  }

  /** Detects the batch of short texts: one call for all of them. */
  detectBatch(): Step {
    if (!this.clock.fits(this.batchChars * this.msPerChar)) return "yield"
    const texts = this.batch
    this.batch = []
    const chars = this.batchChars
    this.batchChars = 0
    const perf = this.clock.perf
    const t0 = perf.now()
    const found = detectMany(
      texts.map((t) => t.data),
      this.options
    )
    this.learnCost(perf.now() - t0, chars)
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!
      const items = found[i] ?? []
      if (items.length === 0) this.done(t.node, t.data)
      else this.writer.queue({ node: t.node, data: t.data, items })
    }
    return "heavy"
  }

  /** Detects the next chunk of the long text in progress (hasJob must be true). */
  continueJob(): Step {
    const job = this.job!
    const end = chunkEnd(job.data, job.pos)
    if (!this.clock.fits((end - job.pos) * this.msPerChar)) return "yield"
    const perf = this.clock.perf
    const t0 = perf.now()
    const chunk = job.pos === 0 && end === job.data.length ? job.data : job.data.slice(job.pos, end)
    for (const d of detectAll(chunk, this.options)) job.items.push({ ...d, start: d.start + job.pos, end: d.end + job.pos })
    this.learnCost(perf.now() - t0, end - job.pos)
    job.pos = end
    if (job.pos >= job.data.length) {
      this.job = null
      if (job.items.length === 0) this.done(job.node, job.data)
      else this.writer.queue({ node: job.node, data: job.data, items: job.items })
    }
    return "heavy"
  }

  /** After an error: whatever broke stays broken if retried as is, the long text in progress is dropped. */
  dropJob(): void {
    if (this.job !== null) this.memory.inFlight.delete(this.job.node)
    this.job = null
  }

  clear(): void {
    this.job = null
    this.batch = []
    this.batchChars = 0
  }

  /** Nothing found: the text is not read again until it changes. */
  private done(node: Text, data: string): void {
    this.memory.inFlight.delete(node)
    this.memory.scanned.set(node, data)
  }

  private learnCost(ms: number, chars: number): void {
    // Quick to learn that detection got slower (cold code, a busy machine), so the next slices keep to their
    // budget; slow to forget it; bounded, so one GC pause does not make every later text look too expensive.
    const seen = ms / Math.max(64, chars)
    const weight = seen > this.msPerChar ? 0.5 : 0.2
    this.msPerChar = Math.min(0.05, this.msPerChar * (1 - weight) + seen * weight)
  }
}

/** Cuts text at a newline or at a space after a letter: never inside a phone number's run of digits and spaces. */
function chunkEnd(data: string, pos: number): number {
  const target = pos + CHUNK_CHARS
  if (target >= data.length) return data.length
  for (let i = target; i > pos + CHUNK_CHARS / 2; i--) {
    const ch = data[i]
    if (ch === "\n") return i
    if ((ch === " " || ch === "\t") && /\p{L}/u.test(data[i - 1] ?? "")) return i
  }
  return target
}
