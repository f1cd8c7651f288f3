import type { Customer } from "../customers/customer.schema"
import { compactCode, tokenize } from "./fold-text"
import { e164Key, e164KeyRanges, e164PrefixesOf, isPhoneQuery } from "./phone-digits"
import { BucketedKeys } from "./bucketed-keys"
import { TokenVocabulary } from "./token-vocabulary"

export { foldText } from "./fold-text"

export interface SearchHit {
  id: string
  /** Higher is better. Exact phone, email or code matches score 3, their prefixes 2 to 3, text matches below 2. */
  score: number
}

// A posting is one int: doc << 2 | field. Flat Int32Arrays of them cost 4 bytes per (token, doc, field).
const FIELD_BITS = 2
const FIELD_MASK = (1 << FIELD_BITS) - 1
const FIELD_COMPANY = 0
const FIELD_CONTACT = 1
const FIELD_CITY = 2
/** The company name is what people search for; a contact or a city is a weaker hint of the same customer. */
const FIELD_WEIGHT = [1, 0.8, 0.75, 0.6] as const

// Per query token: exact beats prefix beats typo. Prefix credit grows with how much of the word was typed.
const EXACT = 1
const PREFIX_BASE = 0.75
const PREFIX_SPAN = 0.15
const TYPO_1 = 0.7
const TYPO_2 = 0.5
const PREFIX_TYPO_1 = 0.55
const PREFIX_TYPO_2 = 0.4

const KEY_EXACT = 3
const KEY_PREFIX_BASE = 2
const KEY_PREFIX_SPAN = 0.9
/** A short phone or code prefix matches thousands of numbers: the first ones in key order are enough to show. */
const MAX_KEY_CANDIDATES = 512

/** Emails and codes are bucketed by their first characters, phones by their length and first 4 digits. */
const TEXT_BUCKET_CHARS = 3
const PHONE_BUCKET_DIGITS = 4

/**
 * The first 3 UTF-16 units packed in a number (missing ones as 0): no substring to allocate and hash per key, and
 * numeric order is the keys' order, so the buckets under a shorter prefix form one range.
 */
function textBucket(key: string, pad = 0): number {
  let id = 0
  for (let i = 0; i < TEXT_BUCKET_CHARS; i++) id = id * 65536 + (i < key.length ? key.charCodeAt(i) : pad)
  return id
}

function digitCount(n: number): number {
  let length = 1
  for (let bound = 10; n >= bound && length < 16; bound *= 10) length++
  return length
}

function phoneBucket(key: number, length = digitCount(key)): number {
  const lead = length <= PHONE_BUCKET_DIGITS ? key : Math.floor(key / 10 ** (length - PHONE_BUCKET_DIGITS))
  return length * 10 ** PHONE_BUCKET_DIGITS + lead
}

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 1000
/** Bounds for pasted text: the cost of a query grows with its tokens, and nobody types more than this. */
const MAX_QUERY_CHARS = 256
const MAX_QUERY_TOKENS = 12

/** Edits allowed on a whole token: 1 from 4 letters, 2 from 8 (a transposition counts as one). */
function maxEditsFor(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Edits allowed on a typed prefix: one letter fewer of slack than whole words, since prefixes match widely. */
function maxPrefixEditsFor(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0
}

function matchQuality(queryLength: number, tokenLength: number, edits: number, prefixEdits: number): number {
  if (edits === 0) return EXACT
  let quality = 0
  if (prefixEdits === 0) quality = PREFIX_BASE + (PREFIX_SPAN * queryLength) / tokenLength
  if (edits === 1 && quality < TYPO_1) quality = TYPO_1
  if (edits === 2 && quality < TYPO_2) quality = TYPO_2
  if (prefixEdits === 1 && quality < PREFIX_TYPO_1) quality = PREFIX_TYPO_1
  if (prefixEdits === 2 && quality < PREFIX_TYPO_2) quality = PREFIX_TYPO_2
  return quality
}

/** Scores that differ only by float summation order must tie, so ties fall to the deterministic order. */
function roundScore(x: number): number {
  return Math.round(x * 1e9) / 1e9
}

class IntBuffer {
  data = new Int32Array(1024)
  length = 0
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = v
  }
}

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

interface Sink {
  posting(tokenId: number, posting: number): void
  phone(key: number, doc: number): void
  email(key: string, doc: number): void
  code(key: string, doc: number): void
}

/** Build: everything is appended to flat buffers, laid out and sorted once at the end. */
class BulkSink implements Sink {
  readonly postingToken = new IntBuffer()
  readonly postingValue = new IntBuffer()
  constructor(
    private readonly phones: BucketedKeys<number>,
    private readonly emails: BucketedKeys<string>,
    private readonly codes: BucketedKeys<string>
  ) {}
  posting(tokenId: number, posting: number): void {
    this.postingToken.push(tokenId)
    this.postingValue.push(posting)
  }
  phone(key: number, doc: number): void {
    this.phones.add(phoneBucket(key), key, doc, false)
  }
  email(key: string, doc: number): void {
    this.emails.add(textBucket(key), key, doc, false)
  }
  code(key: string, doc: number): void {
    this.codes.add(textBucket(key), key, doc, false)
  }
}

/** Edit: postings go to overflow lists, keys are inserted in sorted place. */
class EditSink implements Sink {
  added = 0
  constructor(
    private readonly overflow: Map<number, number[]>,
    private readonly phones: BucketedKeys<number>,
    private readonly emails: BucketedKeys<string>,
    private readonly codes: BucketedKeys<string>
  ) {}
  posting(tokenId: number, posting: number): void {
    const list = this.overflow.get(tokenId)
    if (list === undefined) this.overflow.set(tokenId, [posting])
    else list.push(posting)
    this.added++
  }
  phone(key: number, doc: number): void {
    this.phones.add(phoneBucket(key), key, doc, true)
  }
  email(key: string, doc: number): void {
    this.emails.add(textBucket(key), key, doc, true)
  }
  code(key: string, doc: number): void {
    this.codes.add(textBucket(key), key, doc, true)
  }
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

  private readonly phones = new BucketedKeys<number>()
  private readonly emails = new BucketedKeys<string>()
  private readonly codes = new BucketedKeys<string>()

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
    const sink = new EditSink(this.overflow, this.phones, this.emails, this.codes)
    this.collect(customer, doc, sink, null)
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
      this.searchEmails(q, keyHits)
      return this.rank(keyHits, max)
    }
    const code = compactCode(q)
    if (/\d/.test(code)) this.searchCodes(code, keyHits)
    if (isPhoneQuery(q)) {
      this.searchPhones(q, keyHits)
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
    const sink = new BulkSink(this.phones, this.emails, this.codes)
    // Words repeat across customers (trades, legal forms, first names, surnames, cities): fold each once.
    const wordCache = new Map<string, number[]>()
    for (const customer of customers) {
      const previous = this.docById.get(customer.id)
      if (previous !== undefined) this.kill(previous)
      this.collect(customer, this.addDoc(customer), sink, wordCache)
    }
    this.setCsr(sink.postingToken.data, sink.postingValue.data, sink.postingToken.length)
  }

  /** Lays postings out token by token; docs were numbered in input order, so each token's list is sorted. */
  private setCsr(tokens: Int32Array, values: Int32Array, count: number): void {
    const tokenCount = this.vocab.size
    const offsets = new Int32Array(tokenCount + 1)
    for (let i = 0; i < count; i++) offsets[tokens[i]! + 1]!++
    for (let t = 0; t < tokenCount; t++) offsets[t + 1]! += offsets[t]!
    const cursor = offsets.slice(0, tokenCount)
    const postings = new Int32Array(count)
    for (let i = 0; i < count; i++) postings[cursor[tokens[i]!]!++] = values[i]!
    this.csrOffsets = offsets
    this.csrPostings = postings
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

  /** Sends a customer's distinct (token, field) postings and its phone, email and code keys to the sink. */
  private collect(customer: Customer, doc: number, sink: Sink, wordCache: Map<string, number[]> | null): void {
    const seen = this.seenPostings
    seen.length = 0
    this.collectText(customer.company, FIELD_COMPANY, doc, sink, wordCache)
    for (const contact of customer.contacts) {
      this.collectText(contact.firstName, FIELD_CONTACT, doc, sink, wordCache)
      this.collectText(contact.lastName, FIELD_CONTACT, doc, sink, wordCache)
    }
    for (const address of customer.addresses) this.collectText(address.city, FIELD_CITY, doc, sink, wordCache)

    const code = compactCode(customer.code)
    if (code !== "") sink.code(code, doc)
    // A phone or email shared by two contacts of the customer is one key.
    const seenPhones = this.seenPhones
    const seenEmails = this.seenEmails
    seenPhones.length = 0
    seenEmails.length = 0
    for (const contact of customer.contacts) {
      for (const phone of contact.phones) {
        const key = e164Key(phone)
        if (key !== null && !seenPhones.includes(key)) {
          seenPhones.push(key)
          sink.phone(key, doc)
        }
      }
      for (const email of contact.emails) {
        const key = email.trim().toLowerCase()
        if (key !== "" && !seenEmails.includes(key)) {
          seenEmails.push(key)
          sink.email(key, doc)
        }
      }
    }
  }

  private readonly seenPostings: number[] = []
  private readonly seenPhones: number[] = []
  private readonly seenEmails: string[] = []

  private collectText(text: string, field: number, doc: number, sink: Sink, wordCache: Map<string, number[]> | null): void {
    if (text === "") return
    // Most names and cities are one word: no split, one cache lookup.
    if (text.indexOf(" ") < 0) this.collectWord(text, field, doc, sink, wordCache)
    else for (const word of text.split(" ")) if (word !== "") this.collectWord(word, field, doc, sink, wordCache)
  }

  private collectWord(word: string, field: number, doc: number, sink: Sink, wordCache: Map<string, number[]> | null): void {
    let ids = wordCache?.get(word)
    if (ids === undefined) {
      ids = tokenize(word).map((token) => this.vocab.intern(token))
      wordCache?.set(word, ids)
    }
    const seen = this.seenPostings
    for (const id of ids) {
      const encoded = (id << FIELD_BITS) | field
      if (seen.includes(encoded)) continue
      seen.push(encoded)
      sink.posting(id, (doc << FIELD_BITS) | field)
    }
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

    // Old token ids are re-interned in order into a fresh vocabulary; unused ones vanish.
    const survivors: Array<{ token: string; postings: number[] }> = []
    let total = 0
    for (let t = 0; t < this.vocab.size; t++) {
      const postings: number[] = []
      const keep = (p: number): void => {
        const doc = newDocOf[p >>> FIELD_BITS]!
        if (doc >= 0) postings.push((doc << FIELD_BITS) | (p & FIELD_MASK))
      }
      if (t + 1 < this.csrOffsets.length) {
        for (let i = this.csrOffsets[t]!; i < this.csrOffsets[t + 1]!; i++) keep(this.csrPostings[i]!)
      }
      for (const p of this.overflow.get(t) ?? []) keep(p)
      if (postings.length > 0) {
        survivors.push({ token: this.vocab.tokenAt(t), postings })
        total += postings.length
      }
    }
    const vocab = new TokenVocabulary()
    const tokens = new Int32Array(total)
    const values = new Int32Array(total)
    let i = 0
    for (const { token, postings } of survivors) {
      const id = vocab.intern(token)
      for (const p of postings) {
        tokens[i] = id
        values[i++] = p
      }
    }
    this.vocab = vocab
    this.setCsr(tokens, values, total)
    this.phones.remap(newDocOf)
    this.emails.remap(newDocOf)
    this.codes.remap(newDocOf)
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

  private searchEmails(query: string, hits: Map<number, number>): void {
    const prefix = query.trim().toLowerCase().replace(/^mailto:/, "").replace(/\s+/g, "")
    if (prefix === "") return
    this.collectPrefix(this.emails, prefix, hits)
  }

  private searchCodes(code: string, hits: Map<number, number>): void {
    // "c1" would list every code from C-10000 on: short inputs only match a code exactly.
    if (code.length < TEXT_BUCKET_CHARS) this.collectKeys(this.codes, [textBucket(code)], code, code + "\u0000", hits)
    else this.collectPrefix(this.codes, code, hits)
  }

  private collectPrefix(keys: BucketedKeys<string>, prefix: string, hits: Map<number, number>): void {
    const low = textBucket(prefix)
    const high = textBucket(prefix, 0xffff)
    const buckets = prefix.length >= TEXT_BUCKET_CHARS ? [low] : keys.ids().filter((id) => id >= low && id <= high)
    this.collectKeys(keys, buckets, prefix, prefix + "\uffff", hits)
  }

  private collectKeys(keys: BucketedKeys<string>, buckets: Iterable<number>, low: string, high: string, hits: Map<number, number>): void {
    let found = 0
    for (const bucket of buckets) {
      const more = keys.scan(bucket, low, high, (key, doc) => {
        if (this.alive[doc] !== 1) return true
        const score = key.length === low.length ? KEY_EXACT : KEY_PREFIX_BASE + (KEY_PREFIX_SPAN * low.length) / key.length
        this.addKeyHit(hits, doc, score)
        return ++found < MAX_KEY_CANDIDATES
      })
      if (!more) return
    }
  }

  private searchPhones(query: string, hits: Map<number, number>): void {
    let found = 0
    const visit = (score: number) => (_key: number, doc: number): boolean => {
      if (this.alive[doc] !== 1) return true
      this.addKeyHit(hits, doc, score)
      return ++found < MAX_KEY_CANDIDATES
    }
    for (const prefix of e164PrefixesOf(query)) {
      for (const { low, high, length } of e164KeyRanges(prefix)) {
        const score = length === prefix.length ? KEY_EXACT : KEY_PREFIX_BASE + (KEY_PREFIX_SPAN * prefix.length) / length
        const first = phoneBucket(low, length)
        const last = phoneBucket(high - 1, length)
        for (let bucket = first; bucket <= last; bucket++) {
          if (this.phones.has(bucket) && !this.phones.scan(bucket, low, high, visit(score))) return
        }
      }
    }
  }

  private addKeyHit(hits: Map<number, number>, doc: number, score: number): void {
    const rounded = roundScore(score)
    if ((hits.get(doc) ?? 0) < rounded) hits.set(doc, rounded)
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
