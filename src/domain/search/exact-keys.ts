import { BucketedKeys } from "./bucketed-keys"
import { roundScore } from "./match-quality"
import { e164KeyRanges, e164PrefixesOf } from "./phone-digits"

const KEY_EXACT = 3
const KEY_PREFIX_BASE = 2
const KEY_PREFIX_SPAN = 0.9
/** A short phone or code prefix matches thousands of numbers: the first ones in key order are enough to show. */
const MAX_KEY_CANDIDATES = 512

/** Emails and codes are bucketed by their first characters, phones by their length and first 4 digits. */
const TEXT_BUCKET_CHARS = 3
const PHONE_BUCKET_DIGITS = 4

/**
 * The exact keys of the index (E.164 phone digits as numbers, lower-cased emails, compacted codes) and their
 * prefix search. A hit scores 3 when exact, 2 to 3 for a prefix (more for a longer share of the key): above any
 * text hit. `alive` (1 for a live doc) is the index's; entries of removed docs stay until it compacts.
 */
export class ExactKeys {
  private readonly phones = new BucketedKeys<number>()
  private readonly emails = new BucketedKeys<string>()
  private readonly codes = new BucketedKeys<string>()

  /** `inPlace`: an edit, inserted in sorted place; the bulk build appends and sorts lazily. */
  addPhone(key: number, doc: number, inPlace: boolean): void {
    this.phones.add(phoneBucket(key), key, doc, inPlace)
  }

  addEmail(key: string, doc: number, inPlace: boolean): void {
    this.emails.add(textBucket(key), key, doc, inPlace)
  }

  addCode(key: string, doc: number, inPlace: boolean): void {
    this.codes.add(textBucket(key), key, doc, inPlace)
  }

  remap(newDocOf: Int32Array): void {
    this.phones.remap(newDocOf)
    this.emails.remap(newDocOf)
    this.codes.remap(newDocOf)
  }

  searchEmails(query: string, alive: Uint8Array, hits: Map<number, number>): void {
    const prefix = query.trim().toLowerCase().replace(/^mailto:/, "").replace(/\s+/g, "")
    if (prefix === "") return
    this.collectPrefix(this.emails, prefix, alive, hits)
  }

  searchCodes(code: string, alive: Uint8Array, hits: Map<number, number>): void {
    // "c1" would list every code from C-10000 on: short inputs only match a code exactly.
    if (code.length < TEXT_BUCKET_CHARS) this.collectKeys(this.codes, [textBucket(code)], code, code + "\u0000", alive, hits)
    else this.collectPrefix(this.codes, code, alive, hits)
  }

  searchPhones(query: string, alive: Uint8Array, hits: Map<number, number>): void {
    let found = 0
    const visit = (score: number) => (_key: number, doc: number): boolean => {
      if (alive[doc] !== 1) return true
      addKeyHit(hits, doc, score)
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

  private collectPrefix(keys: BucketedKeys<string>, prefix: string, alive: Uint8Array, hits: Map<number, number>): void {
    const low = textBucket(prefix)
    const high = textBucket(prefix, 0xffff)
    const buckets = prefix.length >= TEXT_BUCKET_CHARS ? [low] : keys.ids().filter((id) => id >= low && id <= high)
    this.collectKeys(keys, buckets, prefix, prefix + "\uffff", alive, hits)
  }

  private collectKeys(
    keys: BucketedKeys<string>,
    buckets: Iterable<number>,
    low: string,
    high: string,
    alive: Uint8Array,
    hits: Map<number, number>
  ): void {
    let found = 0
    for (const bucket of buckets) {
      const more = keys.scan(bucket, low, high, (key, doc) => {
        if (alive[doc] !== 1) return true
        const score = key.length === low.length ? KEY_EXACT : KEY_PREFIX_BASE + (KEY_PREFIX_SPAN * low.length) / key.length
        addKeyHit(hits, doc, score)
        return ++found < MAX_KEY_CANDIDATES
      })
      if (!more) return
    }
  }
}

function addKeyHit(hits: Map<number, number>, doc: number, score: number): void {
  const rounded = roundScore(score)
  if ((hits.get(doc) ?? 0) < rounded) hits.set(doc, rounded)
}

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
