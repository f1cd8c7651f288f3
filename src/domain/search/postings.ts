import { TokenVocabulary } from "./token-vocabulary"

// A posting is one int: doc << 2 | field. Flat Int32Arrays of them cost 4 bytes per (token, doc, field).
export const FIELD_BITS = 2
export const FIELD_MASK = (1 << FIELD_BITS) - 1
export const FIELD_COMPANY = 0
export const FIELD_CONTACT = 1
export const FIELD_CITY = 2
/** The company name is what people search for; a contact or a city is a weaker hint of the same customer. */
export const FIELD_WEIGHT = [1, 0.8, 0.75, 0.6] as const

/** Postings of token t: postings[offsets[t] .. offsets[t + 1]). */
export interface Csr {
  offsets: Int32Array<ArrayBuffer>
  postings: Int32Array<ArrayBuffer>
}

/** Lays (token, posting) pairs out token by token; docs were numbered in input order, so each token's list is sorted. */
export function layOutCsr(tokens: Int32Array, values: Int32Array, count: number, tokenCount: number): Csr {
  const offsets = new Int32Array(tokenCount + 1)
  for (let i = 0; i < count; i++) offsets[tokens[i]! + 1]!++
  for (let t = 0; t < tokenCount; t++) offsets[t + 1]! += offsets[t]!
  const cursor = offsets.slice(0, tokenCount)
  const postings = new Int32Array(count)
  for (let i = 0; i < count; i++) postings[cursor[tokens[i]!]!++] = values[i]!
  return { offsets, postings }
}

/**
 * The postings of live docs only, renumbered by `newDocOf` (-1: dead), CSR and overflow merged, and a fresh
 * vocabulary: old token ids are re-interned in order, so tokens no live doc uses vanish.
 */
export function compactPostings(
  vocab: TokenVocabulary,
  csr: Csr,
  overflow: Map<number, number[]>,
  newDocOf: Int32Array
): { vocab: TokenVocabulary; csr: Csr } {
  const survivors: Array<{ token: string; postings: number[] }> = []
  let total = 0
  for (let t = 0; t < vocab.size; t++) {
    const postings: number[] = []
    const keep = (p: number): void => {
      const doc = newDocOf[p >>> FIELD_BITS]!
      if (doc >= 0) postings.push((doc << FIELD_BITS) | (p & FIELD_MASK))
    }
    if (t + 1 < csr.offsets.length) {
      for (let i = csr.offsets[t]!; i < csr.offsets[t + 1]!; i++) keep(csr.postings[i]!)
    }
    for (const p of overflow.get(t) ?? []) keep(p)
    if (postings.length > 0) {
      survivors.push({ token: vocab.tokenAt(t), postings })
      total += postings.length
    }
  }
  const fresh = new TokenVocabulary()
  const tokens = new Int32Array(total)
  const values = new Int32Array(total)
  let i = 0
  for (const { token, postings } of survivors) {
    const id = fresh.intern(token)
    for (const p of postings) {
      tokens[i] = id
      values[i++] = p
    }
  }
  return { vocab: fresh, csr: layOutCsr(tokens, values, total, fresh.size) }
}
