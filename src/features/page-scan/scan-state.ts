import type { FoundItem, ScanStats } from "./scan-types"

export function newScanStats(): ScanStats {
  return {
    nodesScanned: 0,
    textNodesScanned: 0,
    textsDetected: 0,
    itemsFound: 0,
    phones: 0,
    emails: 0,
    codes: 0,
    slices: 0,
    maxSliceMs: 0,
    totalSliceMs: 0,
    initialPassMs: null,
    pending: 0,
    writeSlices: 0,
    idle: false,
    documents: 0,
    errors: 0
  }
}

/** Runs `fn`, counting instead of throwing: the page must never see one of our errors. */
export function guard(stats: ScanStats, fn: () => void): void {
  try {
    fn()
  } catch {
    stats.errors++
  }
}

/** What the scanner remembers of the page between slices; `rescan()` forgets the first two. */
export class ScanMemory {
  /** The text a node held when scanned: an unchanged node is not detected twice (a re-added subtree, a rescan). */
  scanned = new WeakMap<Text, string>()
  /** Elements already reported since the start or the last rescan(): the walk meets its own fresh wrappers again. */
  reported = new WeakSet<Element>()
  /** Texts waiting for detection or for their decoration: a second walk over them leaves them be. */
  readonly inFlight = new WeakSet<Text>()
  /**
   * After new detection options (`configure`): what was read with the old ones. An unchanged text there is read
   * again only if `worthRereading` says the new options may find something in it; the others are taken as read.
   */
  previous: WeakMap<Text, string> | null = null
  worthRereading: (data: string) => boolean = () => true

  forget(): void {
    this.scanned = new WeakMap()
    this.reported = new WeakSet()
    this.previous = null
  }

  /**
   * New options: texts are read again where `worth` says so; elements already reported stay reported (their
   * values were not found with the options). During an earlier re-read, everything is read again: the texts that
   * re-read already read with options older than these.
   */
  reread(worth: (data: string) => boolean): void {
    if (this.previous !== null) {
      this.previous = null
      this.worthRereading = () => true
    } else {
      this.previous = this.scanned
      this.worthRereading = worth
    }
    this.scanned = new WeakMap()
  }
}

/** Items found during the current slice, handed to `onFound` at its end. */
export class Findings {
  private items: FoundItem[] = []

  constructor(
    private readonly stats: ScanStats,
    private readonly memory: ScanMemory
  ) {}

  add(item: FoundItem): void {
    this.memory.reported.add(item.element)
    this.items.push(item)
    this.stats.itemsFound++
    if (item.kind === "phone") this.stats.phones++
    else if (item.kind === "email") this.stats.emails++
    else this.stats.codes++
  }

  /** The slice's items, and a fresh list for the next slice. */
  take(): FoundItem[] {
    const items = this.items
    this.items = []
    return items
  }
}
