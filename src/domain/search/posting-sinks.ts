import type { Customer } from "../customers/customer.schema"
import type { ExactKeys } from "./exact-keys"
import { compactCode, tokenize } from "./fold-text"
import { e164Key } from "./phone-digits"
import * as posting from "./postings"
import type { TokenVocabulary } from "./token-vocabulary"

// Read once per word of every customer at build: copied locally (see customer-search-index.ts on imported bindings).
const FIELD_BITS = posting.FIELD_BITS
const FIELD_COMPANY = posting.FIELD_COMPANY
const FIELD_CONTACT = posting.FIELD_CONTACT
const FIELD_CITY = posting.FIELD_CITY

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

/** Where a customer's postings and keys go: flat buffers at build, overflow lists and sorted inserts on an edit. */
export interface Sink {
  posting(tokenId: number, posting: number): void
  phone(key: number, doc: number): void
  email(key: string, doc: number): void
  code(key: string, doc: number): void
}

/** Build: everything is appended to flat buffers, laid out and sorted once at the end. */
export class BulkSink implements Sink {
  readonly postingToken = new IntBuffer()
  readonly postingValue = new IntBuffer()
  constructor(private readonly keys: ExactKeys) {}
  posting(tokenId: number, posting: number): void {
    this.postingToken.push(tokenId)
    this.postingValue.push(posting)
  }
  phone(key: number, doc: number): void {
    this.keys.addPhone(key, doc, false)
  }
  email(key: string, doc: number): void {
    this.keys.addEmail(key, doc, false)
  }
  code(key: string, doc: number): void {
    this.keys.addCode(key, doc, false)
  }
}

/** Edit: postings go to overflow lists, keys are inserted in sorted place. */
export class EditSink implements Sink {
  added = 0
  constructor(
    private readonly overflow: Map<number, number[]>,
    private readonly keys: ExactKeys
  ) {}
  posting(tokenId: number, posting: number): void {
    const list = this.overflow.get(tokenId)
    if (list === undefined) this.overflow.set(tokenId, [posting])
    else list.push(posting)
    this.added++
  }
  phone(key: number, doc: number): void {
    this.keys.addPhone(key, doc, true)
  }
  email(key: string, doc: number): void {
    this.keys.addEmail(key, doc, true)
  }
  code(key: string, doc: number): void {
    this.keys.addCode(key, doc, true)
  }
}

/** Turns a customer into its distinct (token, field) postings and its phone, email and code keys. */
export class PostingCollector {
  private readonly seenPostings: number[] = []
  private readonly seenPhones: number[] = []
  private readonly seenEmails: string[] = []

  /** `wordCache` (build only): words repeat across customers (trades, legal forms, names, cities), fold each once. */
  collect(customer: Customer, doc: number, vocab: TokenVocabulary, sink: Sink, wordCache: Map<string, number[]> | null): void {
    this.seenPostings.length = 0
    this.collectText(customer.company, FIELD_COMPANY, doc, vocab, sink, wordCache)
    for (const contact of customer.contacts) {
      this.collectText(contact.firstName, FIELD_CONTACT, doc, vocab, sink, wordCache)
      this.collectText(contact.lastName, FIELD_CONTACT, doc, vocab, sink, wordCache)
    }
    for (const address of customer.addresses) this.collectText(address.city, FIELD_CITY, doc, vocab, sink, wordCache)

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

  private collectText(text: string, field: number, doc: number, vocab: TokenVocabulary, sink: Sink, wordCache: Map<string, number[]> | null): void {
    if (text === "") return
    // Most names and cities are one word: no split, one cache lookup.
    if (text.indexOf(" ") < 0) this.collectWord(text, field, doc, vocab, sink, wordCache)
    else for (const word of text.split(" ")) if (word !== "") this.collectWord(word, field, doc, vocab, sink, wordCache)
  }

  private collectWord(word: string, field: number, doc: number, vocab: TokenVocabulary, sink: Sink, wordCache: Map<string, number[]> | null): void {
    let ids = wordCache?.get(word)
    if (ids === undefined) {
      ids = tokenize(word).map((token) => vocab.intern(token))
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
}
