import type { CountryCode } from "../../domain/customers/customer.schema"
import { detectAll, detectMany, parseMailtoHref, parseTelHref, type Detected } from "../../domain/detect"
import {
  ATTRIBUTE,
  DECORATED_SELECTOR,
  decoratedKindOf,
  ensureHitStyle,
  HIT_CLASS,
  isEditable,
  isDecorated,
  isHidden,
  isSkippedElement,
  SKIPPED_TAGS,
  removeDecorations,
  unwrap,
  wrapSpans
} from "./dom-rules"

export interface FoundItem {
  kind: "phone" | "email" | "code"
  /** E.164, lower-cased email or upper-cased code. */
  value: string
  element: Element
}

export interface PageScannerOptions {
  defaultCountry: CountryCode
  codePattern: RegExp | null
  /** Passed through to detection (detect-all.ts): the base's other countries, and how a foreign reading is confirmed. */
  otherCountries?: readonly CountryCode[]
  acceptForeign?(e164: string): boolean
  onForeign?(e164: string): void
  /** Called after each slice that found something new. */
  onFound(items: FoundItem[]): void
  /** The user clicked a decorated element. */
  onActivate?(item: FoundItem): void
  /** Budget of one slice; default 8 (DESIGN: no content-script task over 16 ms). */
  sliceMs?: number
  /** Subtrees never scanned, e.g. "#comptoir-overlay". */
  ignoreSelector?: string
  /** Called after a slice that left nothing to do: the page is decorated, what was found has been reported. */
  onIdle?(): void
  /**
   * Called (once per slice at most) after the page removed nodes, hid content, rewrote decorated text or replaced
   * a frame's document: items found earlier may have left the view, the caller checks its own (see PageLookup).
   */
  onRemoved?(): void
}

export interface ScanStats {
  /** Text nodes and elements the scanner looked at. */
  nodesScanned: number
  textNodesScanned: number
  /** Items reported to onFound (new decorations, plus existing ones on the initial pass and on rescan()). */
  itemsFound: number
  phones: number
  emails: number
  codes: number
  slices: number
  maxSliceMs: number
  totalSliceMs: number
  /** Start of the scanner → end of the slice that emptied the first queue; null until then. */
  initialPassMs: number | null
  /** Queued roots, plus the walk or text in progress, texts waiting for detection and decorations waiting to be written. */
  pending: number
  /** Slices that wrote decorations into the page (each may cost the page one layout). */
  writeSlices: number
  /** Nothing queued and no slice scheduled. */
  idle: boolean
  documents: number
  /** Errors caught and swallowed: the page must never see one. */
  errors: number
}

export interface PageScanner {
  stop(): void
  rescan(): void
  stats(): ScanStats
}

export const SLICE_MEASURE = "comptoir:scan-slice"
export const INITIAL_MEASURE = "comptoir:scan-initial"

// Node constants as numbers: the constructors of another window (an iframe) are other objects.
const ELEMENT_NODE = 1
const TEXT_NODE = 3
const DOCUMENT_NODE = 9

/** Text is detected in chunks of about this size, so one huge <pre> cannot blow a slice. */
const CHUNK_CHARS = 1024
/** Time is read every few cheap steps (walking past elements), and after every detection. */
const CHECK_EVERY = 8
/** A page that undoes our decoration (an editor view repairing its DOM) gets the same text wrapped this often, no more. */
const MAX_REDECORATIONS = 3
/** Rough cost of one decoration (split, wrap, attribute), to decide whether a small write fits the slice. */
const WRITE_COST_MS = 0.06

/** Slice measures are cleared past this many, so a long-lived tab does not grow the performance timeline. */
const MAX_SLICE_MEASURES = 1000
const WORTH_DETECTING = /[\p{Nd}@]/u
/** Short texts are detected together, up to about this many characters: one libphonenumber-js call per batch. */
const BATCH_CHARS = 4096
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
const WATCHED_ATTRIBUTES = ["hidden", "aria-hidden", "contenteditable"]

interface QueueEntry {
  node: Node
  /** Report decorations already on the page (initial pass, rescan) rather than only new ones. */
  report: boolean
}

interface TextJob {
  node: Text
  data: string
  pos: number
  items: Detected[]
}

interface Registration {
  observer: MutationObserver
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES
}

interface Walk {
  root: Node
  /** Next node to visit, in document order; null when the walk is done. */
  next: Node | null
  report: boolean
}

interface Write {
  node: Text
  data: string
  items: Detected[]
}

type Step = "none" | "light" | "heavy" | "yield"

/**
 * Finds phone numbers, emails and customer codes in a page's text, decorates them and reports them, in time
 * slices so the page never janks. Runs in a content script's isolated world: DOM only.
 */
export function startPageScanner(doc: Document, opts: PageScannerOptions): PageScanner {
  const view = doc.defaultView
  const perf: Performance = view?.performance ?? globalThis.performance
  const Observer: typeof MutationObserver = view?.MutationObserver ?? globalThis.MutationObserver
  const sliceMs = Math.min(50, Math.max(1, opts.sliceMs ?? 8))
  const detectOptions = {
    defaultCountry: opts.defaultCountry,
    codePattern: opts.codePattern,
    otherCountries: opts.otherCountries,
    acceptForeign: opts.acceptForeign,
    onForeign: opts.onForeign
  }
  const ignoreSelector = validSelector(doc, opts.ignoreSelector)
  // "#id", the usual case: compared with el.id, far cheaper than matches() on every element of the page.
  const ignoreId = ignoreSelector !== null && /^#[A-Za-z_][\w-]*$/.test(ignoreSelector) ? ignoreSelector.slice(1) : null

  const stats: ScanStats = {
    nodesScanned: 0,
    textNodesScanned: 0,
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

  const registrations = new Map<Document, Registration>()
  const frames = new Set<Element>()
  const queue: QueueEntry[] = []
  let queueHead = 0
  const queued = new Map<Node, QueueEntry>()
  // The text a node held when scanned: an unchanged node is not detected twice (a re-added subtree, a rescan).
  let scanned = new WeakMap<Text, string>()
  // Elements already reported since the start or the last rescan(): the walk meets its own fresh wrappers again.
  let reported = new WeakSet<Element>()
  let walk: Walk | null = null
  let textJob: TextJob | null = null
  // Short texts waiting to be detected together, and decorations waiting to be written (see WRITE_DELAY_MS).
  let batch: { node: Text; data: string }[] = []
  let batchChars = 0
  let writes: Write[] = []
  let writesHead = 0
  let oldestWrite = 0
  // Texts in the batch or in the writes: a second walk over them (a re-added subtree, a rescan) leaves them be.
  const inFlight = new WeakSet<Text>()
  let sliceFound: FoundItem[] = []
  let sliceSteps = 0
  // Detection cost per character, learnt on the page: decides whether the next chunk still fits in the slice.
  let msPerChar = 0.005
  // How often each text was wrapped under each parent: see MAX_REDECORATIONS.
  const wrapCounts = new WeakMap<Node, Map<string, number>>()
  let sliceMeasures = 0
  let warm = false
  // Set when something may have left the view (see onRemoved); reported at the end of the next slice.
  let removals = false
  let scheduled = false
  let stopped = false
  const startedAt = perf.now()

  const channel = typeof MessageChannel === "function" ? new MessageChannel() : null
  let timer: ReturnType<typeof setTimeout> | null = null
  if (channel !== null) channel.port1.onmessage = () => runSlice()

  function schedule(): void {
    if (scheduled || stopped) return
    scheduled = true
    // A message task runs sooner than setTimeout(0) (clamped to 4 ms once nested) and still lets the page's
    // input and rendering tasks run in between.
    if (channel !== null) channel.port2.postMessage(null)
    else timer = setTimeout(runSlice, 0)
  }

  function guard(fn: () => void): void {
    try {
      fn()
    } catch {
      stats.errors++
    }
  }

  // ---- queue ----

  function enqueue(node: Node, report: boolean): void {
    const existing = queued.get(node)
    if (existing !== undefined) {
      existing.report ||= report
      return
    }
    const entry = { node, report }
    queued.set(node, entry)
    queue.push(entry)
  }

  function dequeue(): QueueEntry | undefined {
    const entry = queue[queueHead]
    if (entry === undefined) return undefined
    queueHead++
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue.splice(0, queueHead)
      queueHead = 0
    }
    queued.delete(entry.node)
    return entry
  }

  const hasWork = (): boolean =>
    textJob !== null || walk !== null || queueHead < queue.length || batch.length > 0 || writesHead < writes.length
  const hasReadWork = (): boolean => textJob !== null || walk !== null || queueHead < queue.length

  // ---- documents, frames, mutations, clicks ----

  function registerDocument(d: Document): void {
    if (registrations.has(d)) return
    const observer = new Observer((records) => guard(() => onMutations(records)))
    // Revealed or no-longer-editable content needs a look; our own data-comptoir-* attributes are not listed.
    observer.observe(d, OBSERVE)
    if (opts.onActivate) d.addEventListener("click", onClick, true)
    registrations.set(d, { observer })
    enqueue(d, true)
  }

  function unregisterDocument(d: Document, reg: Registration): void {
    reg.observer.disconnect()
    d.removeEventListener("click", onClick, true)
    registrations.delete(d)
  }

  /** Documents of removed or navigated frames: their window is gone. */
  function pruneDocuments(): void {
    for (const [d, reg] of registrations) {
      if (d !== doc && d.defaultView === null) {
        unregisterDocument(d, reg)
        removals = true
      }
    }
    for (const frame of frames) {
      if (!frame.isConnected) {
        frame.removeEventListener("load", onFrameLoad)
        frames.delete(frame)
      }
    }
  }

  function watchFrame(frame: Element): void {
    if (!frames.has(frame)) {
      frames.add(frame)
      // A frame's document is replaced when it loads (about:blank first, then its src or srcdoc).
      frame.addEventListener("load", onFrameLoad)
    }
    const d = frameDocument(frame)
    if (d !== null) registerDocument(d)
  }

  function onFrameLoad(ev: Event): void {
    guard(() => {
      const frame = ev.currentTarget as Element | null
      if (frame === null) return
      // The frame's previous document (an earlier message in a preview pane) is gone.
      removals = true
      const d = frameDocument(frame)
      if (d === null) {
        schedule()
        return
      }
      // Same document as before (about:blank's own load): only what is new needs a look.
      if (registrations.has(d)) enqueue(d, false)
      else registerDocument(d)
      schedule()
    })
  }

  function onMutations(records: MutationRecord[]): void {
    takeMutations(records)
    if (hasWork() || removals) schedule()
  }

  function takeMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === "characterData" || r.type === "attributes") {
        enqueue(r.target, false)
        // Hidden content, or decorated text rewritten by the page (its wrapper is undone): a value may have left.
        if (r.type === "attributes" || inDecoration(r.target)) removals = true
      } else {
        for (const n of r.addedNodes) if (n.nodeType === ELEMENT_NODE || n.nodeType === TEXT_NODE) enqueue(n, false)
        if (r.removedNodes.length > 0) removals = true
      }
    }
  }

  function onClick(ev: Event): void {
    guard(() => {
      const onActivate = opts.onActivate
      if (!onActivate) return
      const mouse = ev as MouseEvent
      // Modified and middle clicks keep the browser's meaning (new tab, copy link…).
      if (mouse.button !== 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return
      const target = ev.target as Partial<Element> | null
      const element = typeof target?.closest === "function" ? target.closest(DECORATED_SELECTOR) : null
      if (element === null || element === undefined) return
      const decorated = decoratedKindOf(element)
      if (decorated === null) return
      // The softphone takes tel: links; mailto: keeps opening the user's mail client.
      if (decorated.kind === "phone" && isTelLink(element)) ev.preventDefault()
      onActivate({ ...decorated, element })
    })
  }

  // ---- the walk ----

  /** false: do not enter this element. Links and frames are handled here, as the walk meets them. */
  function visitElement(el: Element, report: boolean): boolean {
    const tag = el.localName
    if (tag === "iframe" || tag === "frame") {
      watchFrame(el)
      return false
    }
    if (SKIPPED_TAGS.has(tag)) {
      if (report) reportExisting(el)
      return false
    }
    // Most elements of a page have no attribute at all: one call answers every attribute rule for them.
    if (el.hasAttributes()) {
      if (isEditable(el) || isHidden(el) || isDecorated(el)) {
        if (report) reportExisting(el)
        return false
      }
      if (ignoreId !== null ? el.id === ignoreId : ignoreSelector !== null && el.matches(ignoreSelector)) return false
      if (tag === "a" && decorateLink(el)) return false
    } else if (ignoreId === null && ignoreSelector !== null && el.matches(ignoreSelector)) return false
    return true
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

  /** One node of the walk. No NodeFilter: a JS callback per node costs more than the rest of the walk. */
  function walkStep(w: Walk): void {
    const node = w.next
    if (node === null) {
      walk = null
      return
    }
    if (node.nodeType === ELEMENT_NODE) {
      stats.nodesScanned++
      let enter = false
      try {
        enter = visitElement(node as Element, w.report)
      } catch {
        stats.errors++
      }
      w.next = advance(w.root, node, enter)
      return
    }
    w.next = advance(w.root, node, false)
    if (node.nodeType === TEXT_NODE) startText(node as Text)
  }

  function reportExisting(el: Element): void {
    if (reported.has(el)) return
    const decorated = decoratedKindOf(el)
    if (decorated !== null) found({ ...decorated, element: el })
  }

  function decorateLink(a: Element): boolean {
    const href = a.getAttribute("href")
    if (href === null) return false
    const scheme = href.trimStart().slice(0, 7).toLowerCase()
    if (scheme.startsWith("tel:")) {
      const tel = parseTelHref(href, opts.defaultCountry)
      if (tel === null) return false
      a.setAttribute(ATTRIBUTE.phone, tel.e164)
      found({ kind: "phone", value: tel.e164, element: a })
      return true
    }
    if (scheme === "mailto:") {
      const email = parseMailtoHref(href)
      if (email === null) return false
      a.setAttribute(ATTRIBUTE.email, email)
      found({ kind: "email", value: email, element: a })
      return true
    }
    return false
  }

  // While a slice writes, whether each element may hold decorations (the texts of one pass share most ancestors).
  let allowMemo: Map<Node, boolean> | null = null

  /** Whether `el` and everything above it allow decorations below it. */
  function allowsBelow(el: Element, memo: Map<Node, boolean>): boolean {
    const known = memo.get(el)
    if (known !== undefined) return known
    let ok: boolean
    if (isSkippedElement(el) || (ignoreSelector !== null && (ignoreId !== null ? el.id === ignoreId : el.matches(ignoreSelector))))
      ok = false
    else {
      const up = el.parentNode
      if (up === null) ok = false
      else if (up.nodeType === DOCUMENT_NODE) ok = (up as Document).designMode !== "on"
      else if (up.nodeType === ELEMENT_NODE) ok = allowsBelow(up as Element, memo)
      else ok = false // a shadow root or a detached fragment: not ours to touch
    }
    memo.set(el, ok)
    return ok
  }

  /** Whether nothing above `node` forbids touching it (entries queued by mutations come from anywhere). */
  function ancestorsAllow(node: Node): boolean {
    if (allowMemo !== null) {
      const parent = node.parentNode
      return parent !== null && parent.nodeType === ELEMENT_NODE && allowsBelow(parent as Element, allowMemo)
    }
    let n: Node | null = node.parentNode
    let first: Element | null = null
    for (; n !== null; n = n.parentNode) {
      if (n.nodeType === DOCUMENT_NODE)
        return (n as Document).designMode !== "on" && (first === null || ignoreSelector === null || first.closest(ignoreSelector) === null)
      if (n.nodeType !== ELEMENT_NODE) return false // a shadow root or a detached fragment: not ours to touch
      const el = n as Element
      first ??= el
      if (isSkippedElement(el)) return false
    }
    return false
  }

  function insideEditable(node: Node): boolean {
    for (let n = node.parentNode; n !== null && n.nodeType === ELEMENT_NODE; n = n.parentNode) if (isEditable(n as Element)) return true
    return false
  }

  function startRoot(entry: QueueEntry): void {
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
      if (ancestorsAllow(node)) startText(node as Text)
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const el = node as Element
    if (isEditable(el) || insideEditable(el)) {
      // Our markup must not be saved or sent with what the user edits: a reply quoting a decorated mail copies it.
      removeDecorations(el)
      return
    }
    if (!ancestorsAllow(el)) return
    stats.nodesScanned++
    if (!visitElement(el, entry.report)) return
    const first = el.firstChild
    if (first !== null) walk = { root: el, next: first, report: entry.report }
  }

  function startText(node: Text): void {
    stats.textNodesScanned++
    stats.nodesScanned++
    const data = node.data
    if (data.length < 3 || scanned.get(node) === data || inFlight.has(node)) return
    if (opts.codePattern === null && !WORTH_DETECTING.test(data)) {
      scanned.set(node, data)
      return
    }
    inFlight.add(node)
    if (data.length > CHUNK_CHARS) textJob = { node, data, pos: 0, items: [] }
    else {
      batch.push({ node, data })
      batchChars += data.length
    }
  }

  /** Detects the batch of short texts: one call for all of them. */
  function detectBatch(): Step {
    if (sliceSteps > 0 && batchChars * msPerChar > deadlineLeft()) return "yield"
    const texts = batch
    batch = []
    const chars = batchChars
    batchChars = 0
    const t0 = perf.now()
    const found = detectMany(
      texts.map((t) => t.data),
      detectOptions
    )
    learnCost(perf.now() - t0, chars)
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!
      const items = found[i] ?? []
      if (items.length === 0) {
        inFlight.delete(t.node)
        scanned.set(t.node, t.data)
      } else queueWrite({ node: t.node, data: t.data, items })
    }
    return "heavy"
  }

  function learnCost(ms: number, chars: number): void {
    // Quick to learn that detection got slower (cold code, a busy machine), so the next slices keep to their
    // budget; slow to forget it; bounded, so one GC pause does not make every later text look too expensive.
    const seen = ms / Math.max(64, chars)
    const weight = seen > msPerChar ? 0.5 : 0.2
    msPerChar = Math.min(0.05, msPerChar * (1 - weight) + seen * weight)
  }

  function queueWrite(w: Write): void {
    if (writesHead === writes.length) oldestWrite = perf.now()
    writes.push(w)
  }

  /** Writes waiting decorations, in a slice of their own, until its time is up. */
  function writeSome(): Step {
    // A large write gets a slice of its own; a few decorations (content added later: a new message, a list
    // page) are written at once in the slice that found them, saving a slice's fixed costs.
    if (sliceSteps > 0 && (writes.length - writesHead) * WRITE_COST_MS > deadlineLeft()) return "yield"
    stats.writeSlices++
    const writeDeadline = deadline - sliceMs + Math.max(sliceMs, WRITE_SLICE_MS)
    allowMemo = new Map()
    // Our observers would only record our own splits, to drop them at the end of the slice: they are off meanwhile
    // (the page's records were taken at the start of this slice, and no page code runs until it ends).
    const paused: [Document, MutationObserver][] = []
    for (const [d, reg] of registrations) {
      // The page's records were taken at the start of this slice and no page code has run since: whatever is
      // queued now is ours (an unwrap earlier in this slice), not to be read again.
      reg.observer.takeRecords()
      reg.observer.disconnect()
      paused.push([d, reg.observer])
    }
    try {
      let n = 0
      while (writesHead < writes.length) {
        const w = writes[writesHead++]!
        inFlight.delete(w.node)
        finishText(w)
        if (++n % WRITES_PER_CHECK === 0 && perf.now() >= writeDeadline) break
      }
    } finally {
      for (const [d, observer] of paused) guard(() => observer.observe(d, OBSERVE))
      allowMemo = null
    }
    if (writesHead >= writes.length) {
      writes = []
      writesHead = 0
    } else oldestWrite = perf.now()
    return "heavy"
  }

  const writesDue = (): boolean =>
    writesHead < writes.length && ((!hasReadWork() && batch.length === 0) || perf.now() - oldestWrite >= WRITE_DELAY_MS)

  function continueText(job: TextJob): Step {
    const end = chunkEnd(job.data, job.pos)
    if (sliceSteps > 0 && (end - job.pos) * msPerChar > deadlineLeft()) return "yield"
    const t0 = perf.now()
    const chunk = job.pos === 0 && end === job.data.length ? job.data : job.data.slice(job.pos, end)
    for (const d of detectAll(chunk, detectOptions)) job.items.push({ ...d, start: d.start + job.pos, end: d.end + job.pos })
    learnCost(perf.now() - t0, end - job.pos)
    job.pos = end
    if (job.pos >= job.data.length) {
      textJob = null
      if (job.items.length === 0) {
        inFlight.delete(job.node)
        scanned.set(job.node, job.data)
      } else queueWrite({ node: job.node, data: job.data, items: job.items })
    }
    return "heavy"
  }

  function finishText(job: Write): void {
    const { node, data, items } = job
    // Changed since: the observer queued it again. Moved under an editable area meanwhile: never touch it.
    if (!node.isConnected || node.data !== data || (items.length > 0 && !ancestorsAllow(node))) return
    if (items.length === 0) {
      scanned.set(node, data)
      return
    }
    const parent = node.parentNode
    if (parent !== null) {
      const counts = wrapCounts.get(parent) ?? new Map<string, number>()
      const count = (counts.get(data) ?? 0) + 1
      if (count > MAX_REDECORATIONS) {
        scanned.set(node, data)
        return
      }
      counts.set(data, count)
      wrapCounts.set(parent, counts)
    }
    ensureHitStyle(node.ownerDocument)
    const { wrappers, rest } = wrapSpans(node, items)
    for (const t of rest) scanned.set(t, t.data)
    for (const w of wrappers) found({ kind: w.span.kind, value: w.span.value, element: w.element })
  }

  function found(item: FoundItem): void {
    reported.add(item.element)
    sliceFound.push(item)
    stats.itemsFound++
    if (item.kind === "phone") stats.phones++
    else if (item.kind === "email") stats.emails++
    else stats.codes++
  }

  // ---- slices ----

  let deadline = 0
  const deadlineLeft = (): number => deadline - perf.now()

  function step(): Step {
    if (writesDue()) return writeSome()
    if (batch.length > 0 && (batchChars >= BATCH_CHARS || !hasReadWork() || batchChars * msPerChar >= deadlineLeft() * 0.6))
      return detectBatch()
    if (textJob !== null) return continueText(textJob)
    if (walk !== null) {
      walkStep(walk)
      return "light"
    }
    const entry = dequeue()
    if (entry === undefined) return "none"
    startRoot(entry)
    return "light"
  }

  function runSlice(): void {
    scheduled = false
    timer = null
    if (stopped) return
    const t0 = perf.now()
    deadline = t0 + sliceMs
    sliceFound = []
    sliceSteps = 0
    try {
      pruneDocuments()
      for (const reg of registrations.values()) takeMutations(reg.observer.takeRecords())
      // The page may have moved or removed the node the walk was to visit next: restart that walk (scanned text
      // is skipped).
      if (walk !== null && !walk.root.isConnected) walk = null
      if (walk !== null && walk.next !== null && !walk.root.contains(walk.next)) walk.next = walk.root.firstChild
      if (!warm) {
        // libphonenumber-js compiles its patterns on first use (11–35 ms in Chromium here): a slice of its own,
        // rather than on top of a full one.
        warm = true
        detectAll("Tél. 01 23 45 67 89", detectOptions)
      } else {
        for (;;) {
          const did = step()
          if (did === "none" || did === "yield") break
          sliceSteps++
          if ((did === "heavy" || sliceSteps % CHECK_EVERY === 0) && perf.now() >= deadline) break
        }
      }
    } catch {
      stats.errors++
      // Whatever broke stays broken if retried as is; drop it and go on with the queue.
      walk = null
      if (textJob !== null) inFlight.delete(textJob.node)
      textJob = null
    }
    // Our own splits and wraps are in the observers' queues now: drop them, or we would rescan our decoration.
    for (const reg of registrations.values()) guard(() => reg.observer.takeRecords())
    const t1 = perf.now()
    stats.slices++
    stats.totalSliceMs += t1 - t0
    stats.maxSliceMs = Math.max(stats.maxSliceMs, t1 - t0)
    measure(SLICE_MEASURE, t0, t1)
    const items = sliceFound
    sliceFound = []
    if (items.length > 0) guard(() => opts.onFound(items))
    if (removals) {
      removals = false
      const onRemoved = opts.onRemoved
      if (onRemoved) guard(() => onRemoved())
    }
    if (hasWork()) schedule()
    else {
      if (stats.initialPassMs === null) {
        stats.initialPassMs = t1 - startedAt
        measure(INITIAL_MEASURE, startedAt, t1)
      }
      const onIdle = opts.onIdle
      if (onIdle) guard(() => onIdle())
    }
  }

  function measure(name: string, start: number, end: number): void {
    guard(() => {
      if (name === SLICE_MEASURE && ++sliceMeasures > MAX_SLICE_MEASURES) {
        perf.clearMeasures(SLICE_MEASURE)
        sliceMeasures = 1
      }
      perf.measure(name, { start, end })
    })
  }

  // ---- controller ----

  guard(() => {
    registerDocument(doc)
    schedule()
  })

  return {
    stop() {
      if (stopped) return
      stopped = true
      for (const [d, reg] of registrations) guard(() => unregisterDocument(d, reg))
      for (const frame of frames) guard(() => frame.removeEventListener("load", onFrameLoad))
      frames.clear()
      if (channel !== null) {
        channel.port1.onmessage = null
        channel.port1.close()
      }
      if (timer !== null) clearTimeout(timer)
      queue.length = 0
      queueHead = 0
      queued.clear()
      walk = null
      textJob = null
      batch = []
      batchChars = 0
      writes = []
      writesHead = 0
    },
    rescan() {
      if (stopped) return
      guard(() => {
        scanned = new WeakMap()
        reported = new WeakSet()
        // What is in flight is written as found (its items are reported then): only the rest is read again.
        for (const d of registrations.keys()) enqueue(d, true)
        schedule()
      })
    },
    stats() {
      return {
        ...stats,
        pending:
          queue.length - queueHead + (walk !== null ? 1 : 0) + (textJob !== null ? 1 : 0) + batch.length + (writes.length - writesHead),
        idle: !scheduled && !hasWork(),
        documents: registrations.size
      }
    }
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

/** An invalid selector from the caller must not break every element check: it is dropped. */
function validSelector(doc: Document, selector: string | undefined): string | null {
  if (selector === undefined || selector.trim() === "") return null
  try {
    doc.createDocumentFragment().querySelector(selector)
    return selector
  } catch {
    return null
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
