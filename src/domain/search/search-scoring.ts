/**
 * How a text match scores: the posting encoding (doc and field in one int), the weight of each field, the
 * quality of an exact, prefix or typo match, and the scores of exact-key hits. Pure numbers, shared by the
 * index's text search and its key search.
 */

// A posting is one int: doc << 2 | field. Flat Int32Arrays of them cost 4 bytes per (token, doc, field).
export const FIELD_BITS = 2
export const FIELD_MASK = (1 << FIELD_BITS) - 1
export const FIELD_COMPANY = 0
export const FIELD_CONTACT = 1
export const FIELD_CITY = 2
/** The company name is what people search for; a contact or a city is a weaker hint of the same customer. */
export const FIELD_WEIGHT = [1, 0.8, 0.75, 0.6] as const

// Per query token: exact beats prefix beats typo. Prefix credit grows with how much of the word was typed.
const EXACT = 1
const PREFIX_BASE = 0.75
const PREFIX_SPAN = 0.15
const TYPO_1 = 0.7
const TYPO_2 = 0.5
const PREFIX_TYPO_1 = 0.55
const PREFIX_TYPO_2 = 0.4

export const KEY_EXACT = 3
export const KEY_PREFIX_BASE = 2
export const KEY_PREFIX_SPAN = 0.9

/** Edits allowed on a whole token: 1 from 4 letters, 2 from 8 (a transposition counts as one). */
export function maxEditsFor(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

/** Edits allowed on a typed prefix: one letter fewer of slack than whole words, since prefixes match widely. */
export function maxPrefixEditsFor(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0
}

export function matchQuality(queryLength: number, tokenLength: number, edits: number, prefixEdits: number): number {
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
export function roundScore(x: number): number {
  return Math.round(x * 1e9) / 1e9
}

export interface Expansion {
  ids: number[]
  qualities: number[]
  /** Postings a scan would read. */
  cost: number
  /** Best quality among the expansions (times the best field weight, 1). */
  best: number
}

/** Best weighted quality of `doc` in a doc-sorted posting list slice [from, to), `low` being doc << FIELD_BITS. */
export function bestInSortedPostings(list: ArrayLike<number>, from: number, to: number, low: number, quality: number, best: number): number {
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
