import { DECORATED_SELECTOR, decoratedKindOf, isDecorated } from "./dom-rules"
import type { RootQueue } from "./root-queue"
import { guard } from "./scan-state"
import { ELEMENT_NODE, TEXT_NODE, type FoundItem, type ScanStats } from "./scan-types"

const WATCHED_ATTRIBUTES = ["hidden", "aria-hidden", "contenteditable"]

// Revealed or no-longer-editable content needs a look; our own data-comptoir-* attributes are not listed.
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES
}

/**
 * The documents the scanner reads (the page's, and its same-origin frames', now and after each load): one
 * MutationObserver and one click listener each. Mutations become roots in the queue; what may have left the view
 * sets `removals`.
 */
export class DocumentWatcher {
  private readonly observers = new Map<Document, MutationObserver>()
  private readonly frames = new Set<Element>()
  /** Set when something may have left the view (see onRemoved); the scanner reports it at the end of a slice. */
  removals = false
  private readonly Observer: typeof MutationObserver
  private readonly onClick: ((ev: Event) => void) | null

  /**
   * `wake` is called when a mutation or a frame load queued work (the scanner schedules a slice if it has any).
   */
  constructor(
    private readonly rootDoc: Document,
    private readonly stats: ScanStats,
    private readonly queue: RootQueue,
    onActivate: ((item: FoundItem) => void) | undefined,
    private readonly wake: () => void
  ) {
    this.Observer = rootDoc.defaultView?.MutationObserver ?? globalThis.MutationObserver
    this.onClick = onActivate ? activationListener(stats, onActivate) : null
  }

  get size(): number {
    return this.observers.size
  }

  documents(): Iterable<Document> {
    return this.observers.keys()
  }

  register(d: Document): void {
    if (this.observers.has(d)) return
    const observer = new this.Observer((records) => guard(this.stats, () => this.onMutations(records)))
    observer.observe(d, OBSERVE)
    if (this.onClick !== null) d.addEventListener("click", this.onClick, true)
    this.observers.set(d, observer)
    this.queue.enqueue(d, true)
  }

  /** A frame met by the walk: its document now, and again each time it loads. */
  watchFrame(frame: Element): void {
    if (!this.frames.has(frame)) {
      this.frames.add(frame)
      // A frame's document is replaced when it loads (about:blank first, then its src or srcdoc).
      frame.addEventListener("load", this.onFrameLoad)
    }
    const d = frameDocument(frame)
    if (d !== null) this.register(d)
  }

  /** Documents of removed or navigated frames: their window is gone. */
  prune(): void {
    for (const [d, observer] of this.observers) {
      if (d !== this.rootDoc && documentGone(d)) {
        this.unregister(d, observer)
        this.removals = true
      }
    }
    for (const frame of this.frames) {
      if (!attached(frame)) {
        guard(this.stats, () => frame.removeEventListener("load", this.onFrameLoad))
        this.frames.delete(frame)
      }
    }
  }

  /** The page's mutations since the last look, into the queue. */
  takeMutations(): void {
    for (const observer of this.observers.values()) this.take(observer.takeRecords())
  }

  /** Drops what the observers recorded of our own splits and wraps, so our decoration is not read again. */
  dropRecords(): void {
    for (const observer of this.observers.values()) guard(this.stats, () => observer.takeRecords())
  }

  /**
   * Disconnects every observer while the scanner writes (they would only record our own splits), and returns
   * how to reconnect them.
   */
  pause(): () => void {
    const paused: [Document, MutationObserver][] = []
    for (const [d, observer] of this.observers) {
      // The page's records were taken at the start of this slice and no page code has run since: whatever is
      // queued now is ours (an unwrap earlier in this slice), not to be read again.
      observer.takeRecords()
      observer.disconnect()
      paused.push([d, observer])
    }
    return () => {
      for (const [d, observer] of paused) guard(this.stats, () => observer.observe(d, OBSERVE))
    }
  }

  stop(): void {
    for (const [d, observer] of this.observers) guard(this.stats, () => this.unregister(d, observer))
    for (const frame of this.frames) guard(this.stats, () => frame.removeEventListener("load", this.onFrameLoad))
    this.frames.clear()
  }

  private unregister(d: Document, observer: MutationObserver): void {
    this.observers.delete(d)
    observer.disconnect()
    const onClick = this.onClick
    // A dead document (see documentGone) throws here too: it is dropped all the same.
    if (onClick !== null) guard(this.stats, () => d.removeEventListener("click", onClick, true))
  }

  private onMutations(records: MutationRecord[]): void {
    this.take(records)
    this.wake()
  }

  private take(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === "characterData" || r.type === "attributes") {
        this.queue.enqueue(r.target, false)
        // Hidden content, or decorated text rewritten by the page (its wrapper is undone): a value may have left.
        if (r.type === "attributes" || inDecoration(r.target)) this.removals = true
      } else {
        for (const n of r.addedNodes) if (n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE) this.queue.enqueue(n, false)
        if (r.removedNodes.length > 0) this.removals = true
      }
    }
  }

  private readonly onFrameLoad = (ev: Event): void => {
    guard(this.stats, () => {
      const frame = ev.currentTarget as Element | null
      if (frame === null) return
      // The frame's previous document (an earlier message in a preview pane) is gone.
      this.removals = true
      const d = frameDocument(frame)
      // Same document as before (about:blank's own load): only what is new needs a look.
      if (d !== null) {
        if (this.observers.has(d)) this.queue.enqueue(d, false)
        else this.register(d)
      }
      this.wake()
    })
  }
}

/**
 * One capturing click listener per document: plain left clicks on a decorated element. The softphone takes tel:
 * links (the browser's own handling is prevented); mailto: keeps opening the user's mail client.
 */
function activationListener(stats: ScanStats, onActivate: (item: FoundItem) => void): (ev: Event) => void {
  return (ev) =>
    guard(stats, () => {
      const mouse = ev as MouseEvent
      // Modified and middle clicks keep the browser's meaning (new tab, copy link…).
      if (mouse.button !== 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return
      const target = ev.target as Partial<Element> | null
      const element = typeof target?.closest === "function" ? target.closest(DECORATED_SELECTOR) : null
      if (element === null || element === undefined) return
      const decorated = decoratedKindOf(element)
      if (decorated === null) return
      if (decorated.kind === "phone" && isTelLink(element)) ev.preventDefault()
      onActivate({ ...decorated, element })
    })
}

/**
 * Whether a document's window is gone: `defaultView` is null once its frame has navigated, and in Firefox the
 * content script's wrapper of it becomes a dead object once that window is destroyed, which throws on any access
 * ("can't access dead object"). Read in every slice: a throw here stopped all scanning of the page (Roundcube's
 * preview pane, walk15ff).
 */
export function documentGone(d: Document): boolean {
  try {
    return d.defaultView === null
  } catch {
    return true
  }
}

/** An element still in a live document (false for one of a dead document, see documentGone). */
function attached(el: Element): boolean {
  try {
    return el.isConnected
  } catch {
    return false
  }
}

function frameDocument(frame: Element): Document | null {
  try {
    // null for a cross-origin frame; some browsers throw instead.
    return (frame as HTMLIFrameElement).contentDocument ?? null
  } catch {
    return null
  }
}

function inDecoration(node: Node): boolean {
  const parent = node.parentElement
  return parent !== null && isDecorated(parent)
}

function isTelLink(el: Element): boolean {
  return el.localName === "a" && /^\s*tel:/i.test(el.getAttribute("href") ?? "")
}
