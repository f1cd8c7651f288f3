import { compactCode, tokenize } from "./fold-text"
import { matchQuality, maxEditsFor, maxPrefixEditsFor, roundScore } from "./match-quality"
import { TokenVocabulary } from "./token-vocabulary"

/** What the catalog search reads of a product. */
export interface SearchableProduct {
  ref: string
  nameFr: string
  nameEn: string
}

/**
 * The quote's "Add a line" search over the catalog (hundreds to a few thousand products), by the customer index's
 * rules (`README.md`): each typed word, accents and case aside, reaches the words of a product's ref and names that
 * it begins or that lie within 1 edit of it (4+ letters) or 2 (8+), a swap of two letters counting as one edit.
 * fuse.js alone missed swaps ("chiar" is two substitutions from "chair" to its bitap scorer, over its threshold).
 *
 * Ranking: the ref typed exactly (separators and case aside) first; then products matching every typed word, by
 * the sum of their words' qualities (exact > begun > one slip, `match-quality.ts`), so a slip never outranks a
 * word typed right; then the shorter name (the words typed say more of it); then the ref.
 */
export class ProductSearchIndex<P extends SearchableProduct> {
  private readonly vocab = new TokenVocabulary()
  /** Products per vocabulary token, as indexes into `products`. */
  private readonly postings: number[][] = []
  private readonly refKeys: string[]
  private readonly wordCounts: Int32Array

  private constructor(private readonly products: readonly P[]) {
    this.refKeys = products.map((p) => compactCode(p.ref))
    this.wordCounts = new Int32Array(products.length)
    products.forEach((p, doc) => {
      const fr = tokenize(p.nameFr)
      const en = tokenize(p.nameEn)
      this.wordCounts[doc] = Math.min(fr.length, en.length)
      // The compacted ref is a word too: "gn4411" typed without its dash finds "GN-4411".
      const words = new Set([...tokenize(p.ref), this.refKeys[doc]!, ...fr, ...en])
      for (const word of words) {
        if (word === "") continue
        const id = this.vocab.intern(word)
        ;(this.postings[id] ??= []).push(doc)
      }
    })
  }

  static build<P extends SearchableProduct>(products: readonly P[]): ProductSearchIndex<P> {
    return new ProductSearchIndex(products)
  }

  get size(): number {
    return this.products.length
  }

  /** The best `limit` products matching every word of `query`, best first; none when a word matches nothing. */
  search(query: string, limit: number): P[] {
    const words = tokenize(query)
    if (words.length === 0 || limit <= 0) return []
    const n = this.products.length
    const score = new Float64Array(n)
    const matched = new Int32Array(n)
    const best = new Float64Array(n)
    for (const word of words) {
      best.fill(0)
      const m = word.length
      // A word with a figure is a ref's or a size's: one digit off is another product, so it matches as typed or begun.
      const exactOnly = /\d/.test(word)
      this.vocab.walk(word, exactOnly ? 0 : maxEditsFor(m), exactOnly ? 0 : maxPrefixEditsFor(m), true, (tokenId, edits, prefixEdits) => {
        const quality = matchQuality(m, this.vocab.tokenAt(tokenId).length, edits, prefixEdits)
        for (const doc of this.postings[tokenId] ?? []) if (quality > best[doc]!) best[doc] = quality
      })
      for (let doc = 0; doc < n; doc++) {
        if (best[doc]! === 0) continue
        score[doc] = score[doc]! + best[doc]!
        matched[doc] = matched[doc]! + 1
      }
    }
    const refKey = compactCode(query)
    const hits: number[] = []
    for (let doc = 0; doc < n; doc++) if (matched[doc] === words.length || this.refKeys[doc] === refKey) hits.push(doc)
    const exactRef = (doc: number) => (this.refKeys[doc] === refKey ? 1 : 0)
    hits.sort(
      (a, b) =>
        exactRef(b) - exactRef(a) ||
        roundScore(score[b]!) - roundScore(score[a]!) ||
        this.wordCounts[a]! - this.wordCounts[b]! ||
        compareRefs(this.products[a]!.ref, this.products[b]!.ref)
    )
    return hits.slice(0, limit).map((doc) => this.products[doc]!)
  }
}

const compareRefs = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
