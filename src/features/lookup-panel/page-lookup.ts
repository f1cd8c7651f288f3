import type { MatchKind } from "~src/domain/customers/customer.schema"
import { sameName } from "~src/domain/lookup/name-match"
import type { FoundItem } from "~src/features/page-scan/page-scanner"
import type { CustomerMatch, RequestOf, ResponseOf } from "~src/messaging/contract"

import { mailRoleOf, senderNameOf } from "./mail-roles"

const RANK: Record<MatchKind, number> = { email: 0, phone: 1, code: 2, name: 3 }
/**
 * Values per request, all kinds together. The background answers at most 100 customers per request
 * (background/handlers/lookup/match.ts), and a value can match several customers (a shared switchboard): well
 * under 100, so a CRM list of hundreds of customers gets every card.
 */
const MAX_PER_REQUEST = 60
const MAX_NAMES = 20
/** Cards that left the view, kept under "Recent" (never under "On this page"). */
const MAX_RECENT = 5

/** What the panel lists: the cards of the view the user is on, and, apart, those recently seen. */
export interface PanelView {
  onPage: CustomerMatch[]
  recent: CustomerMatch[]
}

export interface PageLookupDeps {
  lookup(req: RequestOf<"lookup/match">): Promise<ResponseOf<"lookup/match">>
  /**
   * The view changed. markName names the performance mark set when the batch was found; urgent is set when
   * cards LEFT the view (a removed node, a replaced preview, a route change): the panel shows that at once.
   */
  onMatches(view: PanelView, markName: string | null, urgent: boolean): void
  onError(e: unknown): void
  /** The user's own mailbox (names and addresses): never looked up by name. */
  ownMailbox?(): { names: string[]; emails: string[] }
  /** Is this element still part of what the user sees? Default: in a live document, and not display:none. */
  isVisible?(el: Element): boolean
}

let markSeq = 0
// localeCompare builds its comparison state on each call: sorting a few hundred matches per answer cost ~60 ms.
const byCompany = new Intl.Collator()

type Key = string
const keyOf = (kind: MatchKind, value: string): Key => `${kind}:${value}`
const kindOfKey = (key: Key): MatchKind => key.slice(0, key.indexOf(":")) as MatchKind
const valueOfKey = (key: Key): string => key.slice(key.indexOf(":") + 1)

interface NameHint {
  name: string
  email: string
}

/**
 * Turns the scanner's findings into lookups and keeps the panel's list true to the view: each found value keeps
 * the elements it was found in, and a customer is listed "on this page" while one of its matched values still has
 * an element in the view; when the last one leaves (prune()), the card moves to "recent". Only values not asked
 * before are sent, in one batch per scan slice; answers merge into one list in the page's order (the mail's
 * sender first). Customers that share a number each keep their own entry. A name is only ever a mail sender's
 * display name whose address found nobody (strict rule in the background: src/domain/lookup/name-match.ts).
 */
export class PageLookup {
  /** Values asked (or being asked) since the start or the last base change. */
  private asked = new Set<Key>()
  /** Elements each value was found in, while connected. */
  private readonly elements = new Map<Key, Set<Element>>()
  /** Values whose elements are all hidden (a view the app keeps in the DOM but hides: Gmail): not on the page. */
  private readonly hidden = new Set<Key>()
  /** Every customer any value brought, with the values (by key) that brought it. */
  private byCustomer = new Map<string, { match: CustomerMatch; keys: Set<Key> }>()
  /**
   * Cards that left the view, by customer: when they left, and the card as it was then. Kept apart from byCustomer,
   * which a base change rebuilds from the values still on the page only (refresh()).
   */
  private readonly recent = new Map<string, { left: number; card: CustomerMatch }>()
  private onPageCards = new Map<string, CustomerMatch>()
  private leftSeq = 0
  private queue: { phones: string[]; emails: string[]; codes: string[]; names: NameHint[] } = { phones: [], emails: [], codes: [], names: [] }
  private scheduled = false
  private inFlight = false
  private disposed = false
  private namesAsked = 0
  private readonly isVisible: (el: Element) => boolean

  constructor(private readonly deps: PageLookupDeps) {
    this.isVisible = deps.isVisible ?? defaultIsVisible
  }

  add(items: readonly FoundItem[]): void {
    /** Values asked before that were off the page until now (a route back to a view): no answer will draw them. */
    const back: Key[] = []
    for (const item of items) {
      const key = keyOf(item.kind, item.value)
      if (this.track(key, item.element) && this.asked.has(key)) back.push(key)
      if (item.kind === "email") this.addSender(item, back)
      if (this.asked.has(key)) continue
      this.asked.add(key)
      if (item.kind === "phone") this.queue.phones.push(item.value)
      else if (item.kind === "email") this.queue.emails.push(item.value)
      else this.queue.codes.push(item.value)
    }
    this.schedule()
    // Their customers are known already: the list is drawn again now, or their cards would wait for the next
    // change of the page (a removal reported in the same slice used to hide this). Not urgent: a card coming
    // back waits for the scanner like any new one; nothing is drawn for values that matched nobody.
    if (back.length > 0 && this.anyMatched(back)) this.emit(null, false)
  }

  /**
   * Something left the page (nodes removed, a frame replaced, a route changed): values whose elements are all gone
   * or hidden take their cards off "on this page". Cheap: a few checks per value found on the page.
   */
  prune(): void {
    for (const [key, els] of this.elements) {
      let visible = false
      for (const el of els) {
        if (!isAttached(el)) els.delete(el)
        else if (!visible && this.isVisible(el)) visible = true
      }
      if (els.size === 0) {
        this.elements.delete(key)
        this.hidden.delete(key)
      } else if (visible) this.hidden.delete(key)
      else this.hidden.add(key)
    }
    this.emit(null, true)
  }

  /** The base changed (an import, a sync): every value still on the page is asked again, none is reloaded. */
  refresh(): void {
    this.asked = new Set()
    this.namesAsked = 0
    this.queue = { phones: [], emails: [], codes: [], names: [] }
    const previous = this.byCustomer
    this.byCustomer = new Map()
    // Until the answers come, the cards shown stay as they were (no flicker); stale ones go with the answers.
    this.pendingRefresh = previous
    for (const key of this.elements.keys()) {
      const kind = kindOfKey(key)
      const value = valueOfKey(key)
      this.asked.add(key)
      if (kind === "phone") this.queue.phones.push(value)
      else if (kind === "email") this.queue.emails.push(value)
      else if (kind === "code") this.queue.codes.push(value)
    }
    for (const hint of this.senders.values()) if (this.elements.has(keyOf("name", hint.name))) this.queueName(hint)
    const q = this.queue
    if (!(q.phones.length || q.emails.length || q.codes.length || q.names.length)) {
      this.pendingRefresh = null
      this.emit(null, true)
    }
    this.schedule()
  }

  private pendingRefresh: Map<string, { match: CustomerMatch; keys: Set<Key> }> | null = null
  private readonly senders = new Map<string, NameHint>()

  /** Whether the value was off the page until now (no element left, or all hidden). */
  private track(key: Key, el: Element): boolean {
    let els = this.elements.get(key)
    const wasOff = els === undefined || this.hidden.has(key)
    if (els === undefined) this.elements.set(key, (els = new Set()))
    els.add(el)
    this.hidden.delete(key)
    return wasOff
  }

  /** Whether one of these values brought a customer (of the list shown: the previous one while a refresh waits). */
  private anyMatched(keys: readonly Key[]): boolean {
    for (const { keys: own } of (this.pendingRefresh ?? this.byCustomer).values()) if (keys.some((k) => own.has(k))) return true
    return false
  }

  /** A mail header's sender: its display name is looked up (strictly) if its address finds nobody. */
  private addSender(item: FoundItem, back: Key[]): void {
    if (mailRoleOf(item.element) !== "sender") return
    const name = senderNameOf(item.element, item.value)
    if (name === null) return
    const own = this.deps.ownMailbox?.()
    if (own && (own.emails.includes(item.value) || own.names.some((n) => sameName(n, name)))) return
    const key = keyOf("name", name)
    const wasOff = this.track(key, item.element)
    const hint = { name, email: item.value }
    this.senders.set(name, hint)
    if (this.asked.has(key)) {
      if (wasOff) back.push(key)
      return
    }
    this.asked.add(key)
    this.queueName(hint)
  }

  private queueName(hint: NameHint): void {
    if (this.namesAsked >= MAX_NAMES) return
    this.namesAsked++
    this.asked.add(keyOf("name", hint.name))
    this.queue.names.push(hint)
  }

  /**
   * One request in flight at a time: what the scanner finds meanwhile waits and goes in the next batch, so a
   * long page costs a few lookups and a few renders, not one per scan slice.
   */
  private schedule(): void {
    const q = this.queue
    if (this.scheduled || this.inFlight || !(q.phones.length || q.emails.length || q.codes.length || q.names.length)) return
    this.scheduled = true
    // A task of its own, not a microtask: the scanner calls add() at the end of a slice, and the request's
    // serialisation would otherwise lengthen that slice's task.
    setTimeout(() => void this.flush(), 0)
  }

  /** The card of a clicked element's value, if it is on the page. */
  customerFor(item: FoundItem): CustomerMatch | undefined {
    for (const m of this.view().onPage) if (m.matchedValues.includes(item.value)) return m
    return undefined
  }

  dispose(): void {
    this.disposed = true
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    this.inFlight = true
    try {
      await this.send()
    } finally {
      this.inFlight = false
    }
    if (!this.disposed) this.schedule()
  }

  private async send(): Promise<void> {
    const q = this.queue
    this.queue = { phones: [], emails: [], codes: [], names: [] }
    const mark = `comptoir:lookup-start-${++markSeq}`
    performance.mark(mark)
    const requests: RequestOf<"lookup/match">[] = []
    const values = [
      ...q.phones.map((v) => ["phones", v] as const),
      ...q.emails.map((v) => ["emails", v] as const),
      ...q.codes.map((v) => ["codes", v] as const)
    ]
    for (let i = 0; i < values.length; i += MAX_PER_REQUEST) {
      const req: RequestOf<"lookup/match"> & { phones: string[]; emails: string[]; codes: string[] } = { phones: [], emails: [], codes: [], names: [] }
      for (const [kind, v] of values.slice(i, i + MAX_PER_REQUEST)) req[kind].push(v)
      requests.push(req)
    }
    const refreshing = this.pendingRefresh !== null
    let found = false
    for (const req of requests) {
      if (!(await this.ask(req))) return
      found ||= this.lastAnswered > 0
      // After a base change the whole answer is shown at once: one list, not cards going and coming back.
      if (!refreshing) this.emit(this.lastAnswered > 0 ? mark : null, false)
    }
    // Names go last and alone: a name search may have to build the search index first (after the service worker
    // woke up), and exact matches must not wait for it. A sender whose address matched is not looked up by name.
    const names = q.names.filter((h) => !this.emailMatched(h.email)).map((h) => h.name)
    if (names.length > 0 && !(await this.ask({ phones: [], emails: [], codes: [], names }))) return
    if (refreshing) {
      this.pendingRefresh = null
      this.emit(found ? mark : null, false)
    } else if (names.length > 0) this.emit(null, false)
  }

  private lastAnswered = 0

  /** false when disposed meanwhile. */
  private async ask(req: RequestOf<"lookup/match">): Promise<boolean> {
    this.lastAnswered = 0
    try {
      const res = await this.deps.lookup(req)
      if (this.disposed) return false
      const kinds = new Map<string, MatchKind>()
      for (const v of req.phones) kinds.set(v, "phone")
      for (const v of req.emails) kinds.set(v, "email")
      for (const v of req.codes) kinds.set(v, "code")
      for (const v of req.names ?? []) kinds.set(v, "name")
      for (const m of res.matches) this.merge(m, kinds)
      this.lastAnswered = res.matches.length
    } catch (e) {
      this.deps.onError(e)
    }
    return !this.disposed
  }

  private emailMatched(email: string): boolean {
    const key = keyOf("email", email)
    for (const { keys } of this.byCustomer.values()) if (keys.has(key)) return true
    return false
  }

  private merge(m: CustomerMatch, kinds: Map<string, MatchKind>): void {
    const entry = this.byCustomer.get(m.customer.id) ?? { match: m, keys: new Set<Key>() }
    for (const v of m.matchedValues) entry.keys.add(keyOf(kinds.get(v) ?? m.matchedBy, v))
    entry.match = m
    this.byCustomer.set(m.customer.id, entry)
  }

  private emit(markName: string | null, urgent: boolean): void {
    if (this.disposed) return
    this.deps.onMatches(this.view(), markName, urgent)
  }

  /** The list as it stands: customers with a value present in the view, ranked; those that left, apart. */
  view(): PanelView {
    const source = this.pendingRefresh ?? this.byCustomer
    const onPage: CustomerMatch[] = []
    const cards = new Map<string, CustomerMatch>()
    // Where each card's first value is on the page (its frames, then the element): the list reads top to bottom.
    const at = new Map<CustomerMatch, Element[]>()
    for (const [id, { match, keys }] of source) {
      let best: MatchKind | null = null
      let first: Element[] | null = null
      const values: string[] = []
      for (const key of keys) {
        const els = this.elements.get(key)
        if (els === undefined || this.hidden.has(key)) continue
        const kind = kindOfKey(key)
        if (best === null || RANK[kind] < RANK[best]) best = kind
        if (values.length < 50) values.push(valueOfKey(key))
        for (const el of els) {
          if (!isAttached(el)) continue
          const path = framePath(el)
          if (first === null || comparePaths(path, first) < 0) first = path
        }
      }
      if (best === null || first === null) continue
      const card = { customer: match.customer, matchedBy: best, matchedValues: values }
      cards.set(id, card)
      at.set(card, first)
      onPage.push(card)
    }
    // Who wrote the mail on screen comes first (the panel answers "who is this?"), then the page's order: a user
    // reading a CRM list or a mail top to bottom finds the cards in the same order. Ties (one element bringing
    // several customers: a shared switchboard) by match kind, then company.
    const senderEmails = new Set<string>()
    for (const hint of this.senders.values()) {
      const key = keyOf("name", hint.name)
      if (this.elements.has(key) && !this.hidden.has(key)) senderEmails.add(hint.email)
    }
    const isSender = (m: CustomerMatch) => (m.matchedValues.some((v) => senderEmails.has(v)) ? 0 : 1)
    onPage.sort((a, b) => isSender(a) - isSender(b) || comparePaths(at.get(a)!, at.get(b)!) || RANK[a.matchedBy] - RANK[b.matchedBy] || byCompany.compare(a.customer.company, b.customer.company))
    // A sequence, not a clock: two cards that left within one millisecond still keep their order.
    const now = ++this.leftSeq
    for (const [id, card] of this.onPageCards) if (!cards.has(id)) this.recent.set(id, { left: now, card })
    for (const id of cards.keys()) this.recent.delete(id)
    this.onPageCards = cards
    const recentIds = [...this.recent.entries()].sort((a, b) => b[1].left - a[1].left).slice(0, MAX_RECENT)
    for (const [id] of [...this.recent.entries()].slice(0, Math.max(0, this.recent.size - MAX_RECENT * 4))) this.recent.delete(id)
    // The customer as the base now has it when still known here, else as it was when its card left.
    const recent = recentIds.map(([id, { card }]) => (source.get(id) ?? this.byCustomer.get(id))?.match ?? card)
    return { onPage, recent }
  }
}

/** The frames an element is in, from the top document's, then the element: its place in the page as a whole. */
function framePath(el: Element): Element[] {
  const path = [el]
  for (let frame = el.ownerDocument.defaultView?.frameElement ?? null; frame !== null; frame = frame.ownerDocument.defaultView?.frameElement ?? null) path.unshift(frame)
  return path
}

/** Page order of two frame paths: compared in the first document where they part (an element before a frame's content when it comes first). */
function comparePaths(a: readonly Element[], b: readonly Element[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    if (a[i] === b[i]) continue
    const pos = a[i]!.compareDocumentPosition(b[i]!)
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1
    return 0
  }
  return a.length - b.length
}

/**
 * In a document that is still shown: a replaced frame's old document has no window any more, and in Firefox its
 * nodes are dead objects that throw on any access once that window is destroyed (Roundcube's preview pane).
 */
function isAttached(el: Element): boolean {
  try {
    return el.isConnected && el.ownerDocument.defaultView !== null
  } catch {
    return false
  }
}

function defaultIsVisible(el: Element): boolean {
  // checkVisibility() reads computed styles; prune() runs on removals and route changes, on the page's own values
  // only (tens, at most a few hundred), not on each scan slice.
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility
  if (typeof check !== "function") return true
  if (!check.call(el)) return false
  // An element of a frame is hidden when its frame is.
  const frame = el.ownerDocument.defaultView?.frameElement
  return frame ? defaultIsVisible(frame) : true
}
