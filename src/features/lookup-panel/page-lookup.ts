import type { MatchKind } from "~src/domain/customers/customer.schema"
import type { FoundItem } from "~src/features/page-scan/page-scanner"
import type { CustomerMatch, RequestOf, ResponseOf } from "~src/messaging/contract"

const RANK: Record<MatchKind, number> = { email: 0, phone: 1, code: 2, name: 3 }
/**
 * Values per request, all kinds together. The background answers at most 100 customers per request
 * (background/handlers/lookup/match.ts), and a value can match several customers (a shared switchboard): well
 * under 100, so a CRM list of hundreds of customers gets every card.
 */
const MAX_PER_REQUEST = 60
const MAX_NAMES = 20

export interface PageLookupDeps {
  lookup(req: RequestOf<"lookup/match">): Promise<ResponseOf<"lookup/match">>
  /** All matches so far, ranked; markName names the performance mark set when the batch was found. */
  onMatches(matches: CustomerMatch[], markName: string | null): void
  onError(e: unknown): void
}

let markSeq = 0
// localeCompare builds its comparison state on each call: sorting a few hundred matches per answer cost ~60 ms.
const byCompany = new Intl.Collator()

/**
 * Turns the scanner's findings into lookups: only values not asked before are sent, in one batch per scan
 * slice, and answers merge into one ranked list (email, then phone, then code, then name). Customers that
 * share a number each keep their own entry.
 */
export class PageLookup {
  private readonly asked = new Set<string>()
  private readonly askedNames = new Set<string>()
  private readonly byCustomer = new Map<string, CustomerMatch>()
  private queue: { phones: string[]; emails: string[]; codes: string[]; names: string[] } = { phones: [], emails: [], codes: [], names: [] }
  private scheduled = false
  private inFlight = false
  private disposed = false

  constructor(private readonly deps: PageLookupDeps) {}

  add(items: readonly FoundItem[]): void {
    for (const item of items) {
      const key = `${item.kind}:${item.value}`
      if (this.asked.has(key)) continue
      this.asked.add(key)
      if (item.kind === "phone") this.queue.phones.push(item.value)
      else if (item.kind === "email") {
        this.queue.emails.push(item.value)
        const name = nameNear(item)
        if (name && !this.askedNames.has(name) && this.askedNames.size < MAX_NAMES) {
          this.askedNames.add(name)
          this.queue.names.push(name)
        }
      } else this.queue.codes.push(item.value)
    }
    this.schedule()
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

  customerFor(item: FoundItem): CustomerMatch | undefined {
    for (const m of this.ranked()) if (m.matchedValues.includes(item.value)) return m
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
    // Names go last and alone: a name search may have to build the search index first (after the service
    // worker woke up), and exact matches must not wait for it.
    if (q.names.length > 0) requests.push({ phones: [], emails: [], codes: [], names: q.names })
    for (const req of requests) {
      try {
        const res = await this.deps.lookup(req)
        if (this.disposed) return
        for (const m of res.matches) this.merge(m)
        this.deps.onMatches(this.ranked(), res.matches.length > 0 && !req.names?.length ? mark : null)
      } catch (e) {
        this.deps.onError(e)
      }
    }
  }

  private merge(m: CustomerMatch): void {
    const prev = this.byCustomer.get(m.customer.id)
    if (!prev) {
      this.byCustomer.set(m.customer.id, m)
      return
    }
    const values = [...new Set([...prev.matchedValues, ...m.matchedValues])].slice(0, 50)
    const matchedBy = RANK[m.matchedBy] < RANK[prev.matchedBy] ? m.matchedBy : prev.matchedBy
    this.byCustomer.set(m.customer.id, { customer: m.customer, matchedBy, matchedValues: values })
  }

  private ranked(): CustomerMatch[] {
    return [...this.byCustomer.values()].sort(
      (a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || byCompany.compare(a.customer.company, b.customer.company)
    )
  }
}

/** The person's name shown with an email in mail headers ("Jean Dupont <jean@…>" or a mailto link's text). */
function nameNear(item: FoundItem): string | null {
  const el = item.element
  const candidates = [el.getAttribute("name"), el.textContent, el.parentElement?.textContent]
  for (const text of candidates) {
    if (!text || text.length > 160) continue
    const cleaned = text
      .replace(/\S+@\S+/g, " ")
      .replace(/[<>"()[\],;:]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
    if (cleaned.length >= 3 && cleaned.length <= 120) return cleaned
  }
  return null
}
