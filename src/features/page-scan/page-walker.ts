import type { CountryCode } from "../../domain/customers/customer.schema"
import { parseMailtoHref, parseTelHref } from "../../domain/detect"
import type { DocumentWatcher } from "./document-watcher"
import { ATTRIBUTE, decoratedKindOf, HIT_CLASS, isDecorated, isEditable, isHidden, removeDecorations, SKIPPED_TAGS, unwrap } from "./dom-rules"
import type { QueueEntry } from "./root-queue"
import { insideEditable, type ScanFilter } from "./scan-filter"
import type { Findings, ScanMemory } from "./scan-state"
import { DOCUMENT_NODE, ELEMENT_NODE, TEXT_NODE, type ScanStats } from "./scan-types"
import type { TextDetector } from "./text-detector"

/** A walk through one queued root, one node per step. */
interface Walk {
  root: Node
  /** Next node to visit, in document order; null when the walk is done. */
  next: Node | null
  report: boolean
}

/**
 * Walks a queued root by hand (firstChild/nextSibling, no NodeFilter: a JS callback per node costs more than the
 * rest of the walk), one node per step so the slice can stop anywhere. Decides which elements to enter; hands
 * texts to the TextDetector, frames to the DocumentWatcher; decorates tel:/mailto: links and reports what is
 * already decorated on the spot (attributes only, no text split).
 */
export class PageWalker {
  private walk: Walk | null = null

  constructor(
    private readonly stats: ScanStats,
    private readonly memory: ScanMemory,
    private readonly findings: Findings,
    private readonly filter: ScanFilter,
    private readonly detector: TextDetector,
    private readonly documents: DocumentWatcher,
    /** tel: links without a country code are read in it; `configure()` may change it. */
    public defaultCountry: CountryCode
  ) {}

  get walking(): boolean {
    return this.walk !== null
  }

  /** The page may have moved or removed the node the walk was to visit next: restart that walk (scanned text is skipped). */
  recheck(): void {
    const walk = this.walk
    if (walk !== null && !walk.root.isConnected) this.walk = null
    else if (walk !== null && walk.next !== null && !walk.root.contains(walk.next)) walk.next = walk.root.firstChild
  }

  drop(): void {
    this.walk = null
  }

  /** Starts on a dequeued root: a document, an element (then walked), or a text (read at once). */
  startRoot(entry: QueueEntry): void {
    let node = entry.node
    if (!node.isConnected) return
    if (node.nodeType === DOCUMENT_NODE) {
      const d = node as Document
      if (d.designMode === "on" || d.documentElement === null) return
      node = d.documentElement
    } else if (node.nodeType === TEXT_NODE) {
      // The page rewrote text we had wrapped: put it back as plain text and read it again.
      const parent = node.parentNode as Element | null
      if (parent?.nodeType === ELEMENT_NODE && parent.classList.contains(HIT_CLASS)) unwrap(parent)
      if (this.filter.ancestorsAllow(node)) this.detector.start(node as Text)
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const el = node as Element
    if (isEditable(el) || insideEditable(el)) {
      // Our markup must not be saved or sent with what the user edits: a reply quoting a decorated mail copies it.
      removeDecorations(el)
      return
    }
    if (!this.filter.ancestorsAllow(el)) return
    this.stats.nodesScanned++
    if (!this.visitElement(el, entry.report)) return
    const first = el.firstChild
    if (first !== null) this.walk = { root: el, next: first, report: entry.report }
  }

  /** One node of the walk in progress (walking must be true). */
  step(): void {
    const w = this.walk!
    const node = w.next
    if (node === null) {
      this.walk = null
      return
    }
    if (node.nodeType === ELEMENT_NODE) {
      this.stats.nodesScanned++
      let enter = false
      try {
        enter = this.visitElement(node as Element, w.report)
      } catch {
        this.stats.errors++
      }
      w.next = advance(w.root, node, enter)
      return
    }
    w.next = advance(w.root, node, false)
    if (node.nodeType === TEXT_NODE) this.detector.start(node as Text)
  }

  /** false: do not enter this element. Links and frames are handled here, as the walk meets them. */
  private visitElement(el: Element, report: boolean): boolean {
    const tag = el.localName
    if (tag === "iframe" || tag === "frame") {
      this.documents.watchFrame(el)
      return false
    }
    if (SKIPPED_TAGS.has(tag)) {
      if (report) this.reportExisting(el)
      return false
    }
    // Most elements of a page have no attribute at all: one call answers every attribute rule for them.
    if (el.hasAttributes()) {
      if (isEditable(el) || isHidden(el) || isDecorated(el)) {
        if (report) this.reportExisting(el)
        return false
      }
      if (this.filter.isIgnored(el)) return false
      if (tag === "a" && this.decorateLink(el)) return false
    } else if (this.filter.ignoreId === null && this.filter.ignoreSelector !== null && this.filter.isIgnored(el)) return false
    return true
  }

  private reportExisting(el: Element): void {
    if (this.memory.reported.has(el)) return
    const decorated = decoratedKindOf(el)
    if (decorated !== null) this.findings.add({ ...decorated, element: el })
  }

  private decorateLink(a: Element): boolean {
    const href = a.getAttribute("href")
    if (href === null) return false
    const scheme = href.trimStart().slice(0, 7).toLowerCase()
    if (scheme.startsWith("tel:")) {
      const tel = parseTelHref(href, this.defaultCountry)
      if (tel === null) return false
      a.setAttribute(ATTRIBUTE.phone, tel.e164)
      this.findings.add({ kind: "phone", value: tel.e164, element: a })
      return true
    }
    if (scheme === "mailto:") {
      const email = parseMailtoHref(href)
      if (email === null) return false
      a.setAttribute(ATTRIBUTE.email, email)
      this.findings.add({ kind: "email", value: email, element: a })
      return true
    }
    return false
  }
}

/** The node after `from` in document order within the walk's root, entering `from` or not. */
function advance(root: Node, from: Node, enter: boolean): Node | null {
  if (enter) {
    const child = from.firstChild
    if (child !== null) return child
  }
  for (let n: Node | null = from; n !== null && n !== root; n = n.parentNode) {
    const sibling = n.nextSibling
    if (sibling !== null) return sibling
  }
  return null
}
