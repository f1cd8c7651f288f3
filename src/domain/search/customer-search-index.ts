import type { Customer } from "../customers/customer.schema"
import { ExactKeys } from "./exact-keys"
import { compactCode, tokenize } from "./fold-text"
import { matchQuality, maxEditsFor, maxPrefixEditsFor, roundScore as roundScoreOf } from "./match-quality"
import { isPhoneQuery } from "./phone-digits"
import { BulkSink, EditSink, PostingCollector } from "./posting-sinks"
import {
  compactPostings,
  FIELD_BITS as POSTING_FIELD_BITS,
  FIELD_COMPANY as POSTING_FIELD_COMPANY,
  FIELD_MASK as POSTING_FIELD_MASK,
  FIELD_WEIGHT as POSTING_FIELD_WEIGHT,
  layOutCsr,
  type Csr
} from "./postings"
import { TokenVocabulary } from "./token-vocabulary"

export { foldText } from "./fold-text"

export interface SearchHit {
  id: string
  /** Higher is better. Exact phone, email or code matches score 3, their prefixes 2 to 3, text matches below 2. */
  score: number
}

// What the query loops below read per posting or per doc, copied once into this module's own constants: run as
// CommonJS (tsx, vitest, the bench), each use of an imported binding is a property load through the exporting
// module's getter. The query's loops stay in this file for the same reason (README of this folder).
const FIELD_BITS = POSTING_FIELD_BITS
const FIELD_MASK = POSTING_FIELD_MASK
const FIELD_COMPANY = POSTING_FIELD_COMPANY
const FIELD_WEIGHT = POSTING_FIELD_WEIGHT
const roundScore = roundScoreOf

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 1000
/** Bounds for pasted text: the cost of a query grows with its tokens, and nobody types more than this. */
const MAX_QUERY_CHARS = 256
const MAX_QUERY_TOKENS = 12

interface Expansion {
  ids: number[]
  qualities: number[]
  /** Postings a scan would read. */
  cost: number
  /** Best quality among the expansions (times the best field weight, 1). */
  best: number
}

/** Best weighted quality of `doc` in a doc-sorted posting list slice [from, to), `low` being doc << FIELD_BITS. */
function bestInSortedPostings(list: ArrayLike<number>, from: number, to: number, low: number, quality: number, best: number): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < low) lo = mid + 1
    else hi = mid
  }
  const doc = low >>> FIELD_BITS
  for (let i = lo; i < to && list[i]! >>> FIELD_BITS === doc; i++) {
    const s = quality * FIELD_WEIGHT[list[i]! & FIELD_MASK]!
    if (s > best) best = s
  }
  return best
}

/**
 * In-memory fuzzy search over customers for the as-you-type search box.
 *
 * Text: an inverted index from accent-folded tokens (company words, contact first and last names, cities) to
 * postings in flat Int32Arrays, laid out CSR-style at build. A query token is expanded to the vocabulary tokens
 * within a bounded Damerau distance or sharing its prefix (see TokenVocabulary), and each customer scores, per
 * query token, its best match weighted by field; customers matching every query token come first.
 * Keys: E.164 phone digits (as numbers), lower-cased emails and compacted codes sit in lazily sorted buckets for
 * prefix lookups (see BucketedKeys); a query that looks like a phone, an email or a code goes there, and those hits
 * rank above text hits.
 *
 * Edits: `upsert` and `remove` tombstone the previous doc and append a new one (postings go to per-token overflow
 * lists, keys are inserted in place), so an edit costs microseconds to a fraction of a millisecond. When dead
 * docs or overflow postings pass a quarter of the index, it compacts itself in one pass over the postings
 * (no customer records needed): a lazy rebuild whose cost is amortised over the edits that caused it.
 */
export class CustomerSearchIndex {
  private vocab = new TokenVocabulary()
  /** Postings of token t at build time: csrPostings[csrOffsets[t] .. csrOffsets[t + 1]). */
  private csrOffsets = new Int32Array(1)
  private csrPostings = new Int32Array(0)
  /** Postings added by edits since the last build or compaction, by token id. */
  private overflow = new Map<number, number[]>()
  private overflowCount = 0

  private docIds: string[] = []
  private companyLength = new Uint16Array(0)
  private alive = new Uint8Array(0)
  private docCount = 0
  private liveCount = 0
  private readonly docById = new Map<string, number>()

  private readonly keys = new ExactKeys()
  private readonly collector = new PostingCollector()
  // Search scratch, sized to the doc capacity and reused: stamps avoid clearing them between queries.
  private tokenStamp = new Uint32Array(0)
  private tokenBest = new Float64Array(0)
  private docStamp = new Uint32Array(0)
  private docTotal = new Float64Array(0)
  private docMatched = new Uint16Array(0)
  private stamp = 0
  /** Docs reached by the current query token, then by the whole query: typed buffers, since a plain array reset
   * with `length = 0` gives its storage back and every push of the next query grows it again (5x slower here). */
  private touchedByToken = new Int32Array(0)
  private byTokenCount = 0
  private readonly weighted = new Float64Array(FIELD_WEIGHT.length)
  private touched = new Int32Array(0)
  private touchedCount = 0

  private constructor() {}

  static build(customers: Iterable<Customer>): CustomerSearchIndex {
    const index = new CustomerSearchIndex()
    index.bulkLoad(customers)
    return index
  }

  get size(): number {
    return this.liveCount
  }

  upsert(customer: Customer): void {
    const previous = this.docById.get(customer.id)
    if (previous !== undefined) this.kill(previous)
    const doc = this.addDoc(customer)
    const sink = new EditSink(this.overflow, this.keys)
    this.collector.collect(customer, doc, this.vocab, sink, null)
    this.overflowCount += sink.added
    this.maybeCompact()
  }

  remove(id: string): void {
    const doc = this.docById.get(id)
    if (doc === undefined) return
    this.kill(doc)
    this.maybeCompact()
  }

  search(query: string, limit: number = DEFAULT_LIMIT): SearchHit[] {
    if (typeof query !== "string" || !(limit >= 1)) return []
    const max = Math.min(Math.floor(limit), MAX_LIMIT)
    const q = query.length > MAX_QUERY_CHARS ? query.slice(0, MAX_QUERY_CHARS) : query
    if (q.trim() === "") return []

    const keyHits = new Map<number, number>()
    if (q.includes("@")) {
      this.keys.searchEmails(q, this.alive, keyHits)
      return this.rank(keyHits, max)
    }
    const code = compactCode(q)
    if (/\d/.test(code)) this.keys.searchCodes(code, this.alive, keyHits)
    if (isPhoneQuery(q)) {
      this.keys.searchPhones(q, this.alive, keyHits)
      // "06 12 34" is only a phone, but a lone number may also be a word of a name ("Garage 2000").
      if (/\s/.test(q.trim())) return this.rank(keyHits, max)
    }
    for (const [doc, score] of this.searchText(q, max)) {
      if ((keyHits.get(doc) ?? 0) < score) keyHits.set(doc, score)
    }
    return this.rank(keyHits, max)
  }

  // ---- build and edits ----

  private bulkLoad(customers: Iterable<Customer>): void {
    const sink = new BulkSink(this.keys)
    // Words repeat across customers (trades, legal forms, first names, surnames, cities): fold each once.
    const wordCache = new Map<string, number[]>()
    for (const customer of customers) {
      const previous = this.docById.get(customer.id)
      if (previous !== undefined) this.kill(previous)
      this.collector.collect(customer, this.addDoc(customer), this.vocab, sink, wordCache)
    }
    this.setCsr(layOutCsr(sink.postingToken.data, sink.postingValue.data, sink.postingToken.length, this.vocab.size))
  }

  private setCsr(csr: Csr): void {
    this.csrOffsets = csr.offsets
    this.csrPostings = csr.postings
    this.overflow = new Map()
    this.overflowCount = 0
  }

  private addDoc(customer: Customer): number {
    const doc = this.docCount++
    if (doc >= this.alive.length) {
      const capacity = Math.max(1024, this.alive.length * 2)
      const alive = new Uint8Array(capacity)
      alive.set(this.alive)
      this.alive = alive
      const lengths = new Uint16Array(capacity)
      lengths.set(this.companyLength)
      this.companyLength = lengths
    }
    this.docIds[doc] = customer.id
    this.companyLength[doc] = Math.min(customer.company.length, 0xffff)
    this.alive[doc] = 1
    this.docById.set(customer.id, doc)
    this.liveCount++
    return doc
  }

  private kill(doc: number): void {
    if (this.alive[doc] !== 1) return
    this.alive[doc] = 0
    this.liveCount--
    const id = this.docIds[doc]
    if (id !== undefined && this.docById.get(id) === doc) this.docById.delete(id)
  }


  private maybeCompact(): void {
    const dead = this.docCount - this.liveCount
    const tooManyDead = dead > 1024 && dead * 4 > this.liveCount
    const tooMuchOverflow = this.overflowCount > 4096 && this.overflowCount * 4 > this.csrPostings.length
    if (tooManyDead || tooMuchOverflow) this.compact()
  }

  /**
   * Renumbers live docs densely, merges overflow postings into the CSR arrays and drops tokens no live doc uses,
   * so removed customers stop costing memory and lookup time.
   */
  private compact(): void {
    const newDocOf = new Int32Array(this.docCount).fill(-1)
    const docIds: string[] = []
    let next = 0
    for (let doc = 0; doc < this.docCount; doc++) {
      if (this.alive[doc] !== 1) continue
      newDocOf[doc] = next
      docIds[next] = this.docIds[doc]!
      this.companyLength[next] = this.companyLength[doc]!
      next++
    }
    this.alive.fill(0)
    this.alive.fill(1, 0, next)
    this.docIds = docIds
    this.docCount = next
    this.liveCount = next
    this.docById.clear()
    for (let doc = 0; doc < next; doc++) this.docById.set(docIds[doc]!, doc)

    const compacted = compactPostings(this.vocab, { offsets: this.csrOffsets, postings: this.csrPostings }, this.overflow, newDocOf)
    this.vocab = compacted.vocab
    this.setCsr(compacted.csr)
    this.keys.remap(newDocOf)
  }

  // ---- search ----

  /**
   * Text search: the best `limit` docs as [doc, score], score in (0, 1.5).
   *
   * Query tokens are expanded first, then scored rarest first. Once `limit` docs are sure to beat any doc not yet
   * seen (it could match only the remaining tokens, at their best quality), the remaining, frequent tokens ("sarl",
   * a city, a first name) only update docs already seen, by binary search in their sorted postings when that is
   * cheaper than a scan. This keeps the work near the size of the rare tokens' postings.
   */
  private searchText(query: string, limit: number): Array<[number, number]> {
    const tokens = [...new Set(tokenize(query))].slice(0, MAX_QUERY_TOKENS)
    const n = tokens.length
    if (n === 0) return []
    this.ensureScratch()

    const expansions = tokens.map((token, ti) => this.expand(token, ti === n - 1))
    const order = expansions.map((_, i) => i).sort((a, b) => expansions[a]!.cost - expansions[b]!.cost || a - b)
    const queryStamp = this.nextStamp()
    this.touchedCount = 0
    const { docTotal, docMatched } = this
    const norm = n + 1
    let restricted = false
    let remainingBest = 0
    let remainingMatchable = 0
    for (const e of expansions) {
      remainingBest += e.best
      if (e.ids.length > 0) remainingMatchable++
    }

    for (let k = 0; k < n; k++) {
      const e = expansions[order[k]!]!
      if (e.ids.length === 0) continue
      if (!restricted && this.touchedCount >= limit) {
        restricted = this.unseenCannotRank(limit, norm, remainingMatchable + remainingBest / norm)
      }
      remainingBest -= e.best
      remainingMatchable--
      if (restricted) {
        // ~20 steps of binary search per (seen doc, expanded token) against one step per posting of a scan.
        const searchCost = this.touchedCount * e.ids.length * 20
        if (searchCost < e.cost) this.scoreSeenBySearch(e)
        else this.scoreByScan(e, queryStamp, true)
      } else {
        // Alone, a token's docs score by its best expansion only: stop once better ones fill the list.
        this.scoreByScan(e, queryStamp, false, n === 1 ? limit : 0)
      }
    }

    // Matching more query tokens always wins: only docs with enough matches to reach the top are scored.
    const perMatched = new Int32Array(n + 2)
    const touched = this.touched
    const touchedCount = this.touchedCount
    for (let i = 0; i < touchedCount; i++) perMatched[docMatched[touched[i]!]!]!++
    let minMatched = n
    for (let acc = perMatched[n]!; minMatched > 1 && acc < limit; ) acc += perMatched[--minMatched]!
    const top: Array<[number, number]> = []
    let worst = -1
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!
      if (docMatched[doc]! < minMatched) continue
      const score = roundScore((docMatched[doc]! + docTotal[doc]! / norm) / n)
      if (score < worst) continue
      if (top.length === limit && !this.ranksBefore(score, doc, top[limit - 1]![1], top[limit - 1]![0])) continue
      let at = top.length < limit ? top.length : limit - 1
      while (at > 0 && this.ranksBefore(score, doc, top[at - 1]![1], top[at - 1]![0])) at--
      if (top.length === limit) top.pop()
      top.splice(at, 0, [doc, score])
      if (top.length === limit) worst = top[limit - 1]![1]
    }
    return top
  }

  /** Vocabulary tokens a query token stands for, with their match quality, and the postings they would cost. */
  private expand(token: string, isLast: boolean): Expansion {
    const m = token.length
    const ids: number[] = []
    const qualities: number[] = []
    let cost = 0
    let best = 0
    // Any unfinished word may be a prefix, the last one even from its first letter.
    const allowPrefix = isLast || m >= 3
    this.vocab.walk(token, maxEditsFor(m), maxPrefixEditsFor(m), allowPrefix, (tokenId, edits, prefixEdits) => {
      const quality = matchQuality(m, this.vocab.tokenAt(tokenId).length, edits, prefixEdits)
      ids.push(tokenId)
      qualities.push(quality)
      if (quality > best) best = quality
      cost += this.postingCount(tokenId)
    })
    return { ids, qualities, cost, best }
  }

  private postingCount(tokenId: number): number {
    const csr = tokenId + 1 < this.csrOffsets.length ? this.csrOffsets[tokenId + 1]! - this.csrOffsets[tokenId]! : 0
    return csr + (this.overflow.get(tokenId)?.length ?? 0)
  }

  /** True when `limit` seen docs already score above `unseenBound`, the best an unseen doc could still reach. */
  private unseenCannotRank(limit: number, norm: number, unseenBound: number): boolean {
    let sure = 0
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = this.touched[i]!
      if (this.docMatched[doc]! + this.docTotal[doc]! / norm > unseenBound && ++sure >= limit) return true
    }
    return false
  }

  /**
   * Adds one query token's best match per doc, scanning its postings; `seenOnly` ignores docs not seen yet.
   * With `stopAt` > 0 (a one-token query), expansions go best quality first and the scan stops when `stopAt` docs
   * already beat the best an unread expansion could give: "sa" reads the 8k docs with an exact "sa", not the
   * 45k docs of every word starting with "sa".
   */
  private scoreByScan(e: Expansion, queryStamp: number, seenOnly: boolean, stopAt = 0): void {
    const stamp = this.nextStamp()
    this.byTokenCount = 0
    const { csrOffsets, csrPostings, weighted } = this
    const count = e.ids.length
    const order = e.ids.map((_, i) => i)
    if (stopAt > 0) order.sort((a, b) => e.qualities[b]! - e.qualities[a]! || a - b)
    for (let k = 0; k < count; k++) {
      const x = order[k]!
      const tokenId = e.ids[x]!
      const quality = e.qualities[x]!
      for (let f = 0; f < FIELD_WEIGHT.length; f++) weighted[f] = quality * FIELD_WEIGHT[f]!
      if (tokenId + 1 < csrOffsets.length) {
        this.scanPostings(csrPostings, csrOffsets[tokenId]!, csrOffsets[tokenId + 1]!, stamp, queryStamp, seenOnly)
      }
      const extra = this.overflow.get(tokenId)
      if (extra !== undefined) this.scanPostings(Int32Array.from(extra), 0, extra.length, stamp, queryStamp, seenOnly)
      if (stopAt > 0 && k + 1 < count) {
        const next = e.qualities[order[k + 1]!]! * FIELD_WEIGHT[FIELD_COMPANY]
        if (next < quality && this.byTokenCount >= stopAt && this.countBestAbove(next) >= stopAt) break
      }
    }
    this.mergeTokenIntoQuery(queryStamp)
  }

  private mergeTokenIntoQuery(queryStamp: number): void {
    const { docStamp, docTotal, docMatched, tokenBest, touched, touchedByToken } = this
    const count = this.byTokenCount
    let touchedCount = this.touchedCount
    for (let i = 0; i < count; i++) {
      const doc = touchedByToken[i]!
      if (docStamp[doc] !== queryStamp) {
        docStamp[doc] = queryStamp
        docTotal[doc] = tokenBest[doc]!
        docMatched[doc] = 1
        touched[touchedCount++] = doc
      } else {
        docTotal[doc]! += tokenBest[doc]!
        docMatched[doc]!++
      }
    }
    this.touchedCount = touchedCount
  }

  private countBestAbove(threshold: number): number {
    let above = 0
    for (let i = 0; i < this.byTokenCount; i++) if (this.tokenBest[this.touchedByToken[i]!]! > threshold) above++
    return above
  }

  /** The hot loop: one typed-array type keeps it monomorphic (overflow lists are copied in, they are short). */
  private scanPostings(list: Int32Array, from: number, to: number, stamp: number, queryStamp: number, seenOnly: boolean): void {
    const { tokenStamp, tokenBest, docStamp, alive, weighted, touchedByToken } = this
    let count = this.byTokenCount
    for (let i = from; i < to; i++) {
      const p = list[i]!
      const doc = p >>> FIELD_BITS
      if (alive[doc] !== 1 || (seenOnly && docStamp[doc] !== queryStamp)) continue
      const s = weighted[p & FIELD_MASK]!
      if (tokenStamp[doc] !== stamp) {
        tokenStamp[doc] = stamp
        tokenBest[doc] = s
        touchedByToken[count++] = doc
      } else if (s > tokenBest[doc]!) tokenBest[doc] = s
    }
    this.byTokenCount = count
  }

  /** Adds one query token's best match to each doc already seen, by binary search in each sorted posting list. */
  private scoreSeenBySearch(e: Expansion): void {
    const { docTotal, docMatched, csrOffsets, csrPostings } = this
    for (let t = 0; t < this.touchedCount; t++) {
      const doc = this.touched[t]!
      const low = doc << FIELD_BITS
      let best = 0
      for (let x = 0; x < e.ids.length; x++) {
        const tokenId = e.ids[x]!
        const quality = e.qualities[x]!
        if (tokenId + 1 < csrOffsets.length) {
          best = bestInSortedPostings(csrPostings, csrOffsets[tokenId]!, csrOffsets[tokenId + 1]!, low, quality, best)
        }
        const extra = this.overflow.get(tokenId)
        if (extra !== undefined) best = bestInSortedPostings(extra, 0, extra.length, low, quality, best)
      }
      if (best > 0) {
        docTotal[doc]! += best
        docMatched[doc]!++
      }
    }
  }


  private rank(hits: Map<number, number>, limit: number): SearchHit[] {
    const entries = [...hits]
    entries.sort(([docA, a], [docB, b]) => (this.ranksBefore(a, docA, b, docB) ? -1 : 1))
    return entries.slice(0, limit).map(([doc, score]) => ({ id: this.docIds[doc]!, score }))
  }

  /** Best first: higher score, then shorter company name (the more specific match), then id, for stable lists. */
  private ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB
    const lengthA = this.companyLength[docA]!
    const lengthB = this.companyLength[docB]!
    if (lengthA !== lengthB) return lengthA < lengthB
    return this.docIds[docA]! < this.docIds[docB]!
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.stamp = 0
      this.tokenStamp.fill(0)
      this.docStamp.fill(0)
    }
    return ++this.stamp
  }

  private ensureScratch(): void {
    const capacity = this.alive.length
    if (this.docStamp.length >= capacity) return
    this.tokenStamp = new Uint32Array(capacity)
    this.tokenBest = new Float64Array(capacity)
    this.docStamp = new Uint32Array(capacity)
    this.docTotal = new Float64Array(capacity)
    this.docMatched = new Uint16Array(capacity)
    this.touchedByToken = new Int32Array(capacity)
    this.touched = new Int32Array(capacity)
    this.stamp = 0
  }
}
