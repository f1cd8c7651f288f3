/** A subtree (a document, an element, a text) waiting to be walked. */
export interface QueueEntry {
  node: Node
  /** Report decorations already on the page (initial pass, rescan) rather than only new ones. */
  report: boolean
}

/** Roots to walk, first in first out, each node queued once (a second enqueue only widens `report`). */
export class RootQueue {
  private entries: QueueEntry[] = []
  private head = 0
  private readonly queued = new Map<Node, QueueEntry>()

  get length(): number {
    return this.entries.length - this.head
  }

  enqueue(node: Node, report: boolean): void {
    const existing = this.queued.get(node)
    if (existing !== undefined) {
      existing.report ||= report
      return
    }
    const entry = { node, report }
    this.queued.set(node, entry)
    this.entries.push(entry)
  }

  dequeue(): QueueEntry | undefined {
    const entry = this.entries[this.head]
    if (entry === undefined) return undefined
    this.head++
    // Consumed entries are dropped in one splice now and then, not one shift() per entry.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head)
      this.head = 0
    }
    this.queued.delete(entry.node)
    return entry
  }

  clear(): void {
    this.entries.length = 0
    this.head = 0
    this.queued.clear()
  }
}
