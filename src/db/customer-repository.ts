import { codeKey, emailKey, lookupKeysOf, phoneKey, type Customer, type MatchKind } from "~src/domain/customers/customer.schema"
import { applyToBucket, bucketOf, keyChanges, segmentOf, type BucketEntries, type KeyChange } from "~src/domain/customers/packing"

import type { ComptoirDb, CustomerSegment, SegmentChanges } from "./database"

export interface ExactMatch {
  customer: Customer
  matchedBy: Exclude<MatchKind, "name">
  matchedValues: string[]
}

const RANK: Record<ExactMatch["matchedBy"], number> = { email: 0, phone: 1, code: 2 }
const COUNT_KEY = "customerCount"
/** Segments read and written per step of a large upsert, between which progress is reported. */
const SEGMENTS_PER_STEP = 128

interface ParsedSegment {
  json: string
  byId: Map<string, Customer>
}

/**
 * Customers live packed in segments (by id) with lookup buckets (by key) instead of one record each with
 * multiEntry indexes: Chromium's IndexedDB pays per record and per index entry, and at 100k customers that
 * is 30–40 s of writes; packed, the same import writes ~5,000 records (src/db/README.md has the figures).
 * Every write goes through `upsert`, one read-modify-write transaction, so two contexts writing at once
 * (options page and background) never lose each other's changes.
 */
export class CustomerRepository {
  /** Parsed segments, reused while the stored JSON is unchanged (comparing strings is cheap; parsing is not). */
  private readonly cache = new Map<number, ParsedSegment>()

  constructor(private readonly db: ComptoirDb) {}

  async count(): Promise<number> {
    return (await this.db.meta.get(COUNT_KEY))?.value ?? 0
  }

  private parse(id: number, json: string): ParsedSegment {
    const cached = this.cache.get(id)
    if (cached && cached.json === json) return cached
    const list = JSON.parse(json) as Customer[]
    const parsed = { json, byId: new Map(list.map((c) => [c.id, c])) }
    this.cache.set(id, parsed)
    return parsed
  }

  async getMany(ids: readonly string[]): Promise<Customer[]> {
    const segIds = [...new Set(ids.map(segmentOf))]
    const segs = await this.db.customerSegments.bulkGet(segIds)
    const byId = new Map<string, Customer>()
    segs.forEach((s, i) => {
      if (!s) return
      for (const [id, c] of this.parse(segIds[i]!, s.json).byId) byId.set(id, c)
    })
    return ids.map((id) => byId.get(id)).filter((c): c is Customer => c !== undefined)
  }

  async all(): Promise<Customer[]> {
    const out: Customer[] = []
    await this.db.customerSegments.each((s) => {
      for (const c of this.parse(s.id, s.json).byId.values()) out.push(c)
    })
    return out
  }

  /** Customers by upper-cased code. */
  async getByCodes(codes: readonly string[]): Promise<Map<string, Customer>> {
    const found = await this.findExact({ phones: [], emails: [], codes })
    return new Map(found.map((m) => [m.customer.code.toUpperCase(), m.customer]))
  }

  /**
   * Customers holding any of the page's phones, emails or codes, each once, ranked email, then phone, then
   * code. Customers sharing a number all come back: they are never merged.
   */
  async findExact(q: { phones: readonly string[]; emails: readonly string[]; codes: readonly string[] }): Promise<ExactMatch[]> {
    const wanted = new Map<string, { kind: ExactMatch["matchedBy"]; value: string }>()
    for (const p of q.phones) wanted.set(phoneKey(p), { kind: "phone", value: p })
    for (const e of q.emails) wanted.set(emailKey(e), { kind: "email", value: e.toLowerCase() })
    for (const c of q.codes) wanted.set(codeKey(c), { kind: "code", value: c.toUpperCase() })
    if (wanted.size === 0) return []
    const bucketIds = [...new Set([...wanted.keys()].map(bucketOf))]
    const buckets = await this.db.lookupBuckets.bulkGet(bucketIds)
    const ids = new Set<string>()
    for (const b of buckets) {
      if (!b) continue
      const entries = JSON.parse(b.json) as BucketEntries
      for (const key of wanted.keys()) for (const id of entries[key] ?? []) ids.add(id)
    }
    const matches: ExactMatch[] = []
    for (const customer of await this.getMany([...ids])) {
      let best: ExactMatch["matchedBy"] | null = null
      const values: string[] = []
      // Checked against the record itself: a bucket is derived data and must never invent a match.
      for (const key of lookupKeysOf(customer)) {
        const hit = wanted.get(key)
        if (!hit) continue
        values.push(hit.value)
        if (best === null || RANK[hit.kind] < RANK[best]) best = hit.kind
      }
      if (best) matches.push({ customer, matchedBy: best, matchedValues: values })
    }
    matches.sort((a, b) => RANK[a.matchedBy] - RANK[b.matchedBy] || a.customer.company.localeCompare(b.customer.company))
    return matches
  }

  async put(customer: Customer): Promise<void> {
    await this.upsert([customer])
  }

  /**
   * Inserts or replaces customers by id, keeping the lookup buckets and the count in step, in one
   * transaction: a write is all or nothing, and each bucket is rewritten once however many customers move.
   */
  async upsert(customers: readonly Customer[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const bySegment = new Map<number, Customer[]>()
    for (const c of customers) {
      const s = segmentOf(c.id)
      const list = bySegment.get(s)
      if (list) list.push(c)
      else bySegment.set(s, [c])
    }
    const segIds = [...bySegment.keys()].sort((a, b) => a - b)
    await this.db.transaction("rw", [this.db.customerSegments, this.db.lookupBuckets, this.db.meta], async () => {
      const changes: KeyChange[] = []
      let added = 0
      let done = 0
      for (let i = 0; i < segIds.length; i += SEGMENTS_PER_STEP) {
        const group = segIds.slice(i, i + SEGMENTS_PER_STEP)
        const stored = await this.db.customerSegments.bulkGet(group)
        const segments = group.map((segId, k) => {
          const current = new Map(stored[k] ? (JSON.parse(stored[k].json) as Customer[]).map((c) => [c.id, c]) : [])
          const put: SegmentChanges["put"] = []
          for (const c of bySegment.get(segId)!) {
            const before = current.get(c.id)
            if (!before) added++
            for (const change of keyChanges(c.id, before ? lookupKeysOf(before) : [], lookupKeysOf(c))) changes.push(change)
            current.set(c.id, c)
            put.push({ before, after: c })
            done++
          }
          const list = [...current.values()]
          return { id: segId, json: JSON.stringify(list), count: list.length, changes: { put, removed: [] } }
        })
        await this.db.customerSegments.bulkPut(segments)
        onProgress?.(done, customers.length)
      }
      await this.applyKeyChanges(changes)
      if (added > 0) {
        const count = (await this.db.meta.get(COUNT_KEY))?.value ?? 0
        await this.db.meta.put({ key: COUNT_KEY, value: count + added })
      }
    })
  }

  /** Removes customers by id (a delete that came from the server), with their lookup keys and the count. */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const bySegment = new Map<number, string[]>()
    for (const id of ids) {
      const s = segmentOf(id)
      const list = bySegment.get(s)
      if (list) list.push(id)
      else bySegment.set(s, [id])
    }
    const segIds = [...bySegment.keys()].sort((a, b) => a - b)
    await this.db.transaction("rw", [this.db.customerSegments, this.db.lookupBuckets, this.db.meta], async () => {
      const stored = await this.db.customerSegments.bulkGet(segIds)
      const changes: KeyChange[] = []
      let removed = 0
      const segments: CustomerSegment[] = []
      segIds.forEach((segId, k) => {
        const seg = stored[k]
        if (!seg) return
        const current = new Map((JSON.parse(seg.json) as Customer[]).map((c) => [c.id, c]))
        const gone: string[] = []
        for (const id of bySegment.get(segId)!) {
          const before = current.get(id)
          if (!before) continue
          for (const change of keyChanges(id, lookupKeysOf(before), [])) changes.push(change)
          current.delete(id)
          removed++
          gone.push(id)
        }
        if (gone.length === 0) return
        const list = [...current.values()]
        segments.push({ id: segId, json: JSON.stringify(list), count: list.length, changes: { put: [], removed: gone } })
      })
      if (segments.length > 0) await this.db.customerSegments.bulkPut(segments)
      await this.applyKeyChanges(changes)
      if (removed > 0) {
        const count = (await this.db.meta.get(COUNT_KEY))?.value ?? 0
        await this.db.meta.put({ key: COUNT_KEY, value: Math.max(0, count - removed) })
      }
    })
  }

  private async applyKeyChanges(changes: readonly KeyChange[]): Promise<void> {
    if (changes.length === 0) return
    const byBucket = new Map<number, KeyChange[]>()
    for (const c of changes) {
      const b = bucketOf(c.key)
      const list = byBucket.get(b)
      if (list) list.push(c)
      else byBucket.set(b, [c])
    }
    const ids = [...byBucket.keys()]
    const stored = await this.db.lookupBuckets.bulkGet(ids)
    await this.db.lookupBuckets.bulkPut(
      ids.map((id, k) => {
        const entries = stored[k] ? (JSON.parse(stored[k].json) as BucketEntries) : {}
        applyToBucket(entries, byBucket.get(id)!)
        return { id, json: JSON.stringify(entries) }
      })
    )
  }

  async recent(limit: number): Promise<Customer[]> {
    const recents = await this.db.recentCustomers.orderBy("openedAt").reverse().limit(limit).toArray()
    return this.getMany(recents.map((r) => r.customerId))
  }

  async markOpened(customerId: string, at: number): Promise<void> {
    await this.db.recentCustomers.put({ customerId, openedAt: at })
  }
}
