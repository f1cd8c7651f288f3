import type { Customer } from "../customers/customer.schema"
import { ExactKeys } from "./exact-keys"
import { compactCode, tokenize } from "./fold-text"
import { e164Key, isPhoneQuery } from "./phone-digits"
import { BulkSink, EditSink, type Sink } from "./posting-sinks"
import { FIELD_BITS, FIELD_CITY, FIELD_COMPANY, FIELD_CONTACT, FIELD_MASK } from "./search-scoring"
import { TextQuery, type PostingView } from "./text-query"
import { TokenVocabulary } from "./token-vocabulary"

export { foldText } from "./fold-text"

export interface SearchHit {
  id: string
  /** Higher is better. Exact phone, email or code matches score 3, their prefixes 2 to 3, text matches below 2. */
  score: number
}

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 1000
/** Bounds for pasted text: the cost of a query grows with its characters and tokens (see text-query). */
const MAX_QUERY_CHARS = 256

/**
 * In-memory fuzzy search over customers for the as-you-type search box.
 *
 * Text: an inverted index from accent-folded tokens (company words, contact first and last names, cities) to
 * postings in flat Int32Arrays, laid out CSR-style at build. A query token is expanded to the vocabulary tokens
 * within a bounded Damerau distance or sharing its prefix (see TokenVocabulary), and each customer scores, per
 * query token, its best match weighted by field; customers matching every query token come first.
 * Keys: E.164 phone digits (as numbers), lower-cased emails and compacted codes sit in lazily sorted buckets for
 * prefix lookups (see ExactKeys); a query that looks like a phone, an email or a code goes there, and those hits
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

  private readonly text = new TextQuery()
  private readonly ranksBeforeBound = (scoreA: number, docA: number, scoreB: number, docB: number) => this.ranksBefore(scoreA, docA, scoreB, docB)
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
    for (const [doc, score] of this.text.run(this.postingView(), q, max)) {
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
    this.keys.remap(newDocOf)
  }

  private rank(hits: Map<number, number>, limit: number): SearchHit[] {
    const entries = [...hits]
    entries.sort(([docA, a], [docB, b]) => (this.ranksBefore(a, docA, b, docB) ? -1 : 1))
    return entries.slice(0, limit).map(([doc, score]) => ({ id: this.docIds[doc]!, score }))
  }

  /** What the text query reads, as the arrays are now (compaction and growth replace them). */
  private postingView(): PostingView {
    return {
      vocab: this.vocab,
      csrOffsets: this.csrOffsets,
      csrPostings: this.csrPostings,
      overflow: this.overflow,
      alive: this.alive,
      ranksBefore: this.ranksBeforeBound
    }
  }

  /** Best first: higher score, then shorter company name (the more specific match), then id, for stable lists. */
  private ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB
    const lengthA = this.companyLength[docA]!
    const lengthB = this.companyLength[docB]!
    if (lengthA !== lengthB) return lengthA < lengthB
    return this.docIds[docA]! < this.docIds[docB]!
  }
}
