import {
  bestInSortedPostings,
  FIELD_BITS,
  FIELD_COMPANY,
  FIELD_MASK,
  FIELD_WEIGHT,
  matchQuality,
  maxEditsFor,
  maxPrefixEditsFor,
  roundScore,
  type Expansion
} from "./search-scoring"
import { tokenize } from "./fold-text"
import type { TokenVocabulary } from "./token-vocabulary"

/** Bounds for pasted text: the cost of a query grows with its tokens, and nobody types more than this. */
const MAX_QUERY_TOKENS = 12

/**
 * What a text query reads of the index. Taken afresh for each query: a compaction or a growth of the index
 * replaces these arrays.
 */
export interface PostingView {
  vocab: TokenVocabulary
  /** Postings of token t at build time: csrPostings[csrOffsets[t] .. csrOffsets[t + 1]). */
  csrOffsets: Int32Array
  csrPostings: Int32Array
  /** Postings added by edits since the last build or compaction, by token id. */
  overflow: Map<number, number[]>
  /** 1 for a live doc; its length is the doc capacity. */
  alive: Uint8Array
  /** Best first: the index's order for equal scores. */
  ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean
}

/** The text half of a search: query tokens expanded, docs scored per token, the best `limit` kept. */
export class TextQuery {
  private v!: PostingView
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

  /**
   * Text search: the best `limit` docs as [doc, score], score in (0, 1.5).
   *
   * Query tokens are expanded first, then scored rarest first. Once `limit` docs are sure to beat any doc not yet
   * seen (it could match only the remaining tokens, at their best quality), the remaining, frequent tokens ("sarl",
   * a city, a first name) only update docs already seen, by binary search in their sorted postings when that is
   * cheaper than a scan. This keeps the work near the size of the rare tokens' postings.
   */
  run(view: PostingView, query: string, limit: number): Array<[number, number]> {
    this.v = view
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
      if (top.length === limit && !this.v.ranksBefore(score, doc, top[limit - 1]![1], top[limit - 1]![0])) continue
      let at = top.length < limit ? top.length : limit - 1
      while (at > 0 && this.v.ranksBefore(score, doc, top[at - 1]![1], top[at - 1]![0])) at--
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
    this.v.vocab.walk(token, maxEditsFor(m), maxPrefixEditsFor(m), allowPrefix, (tokenId, edits, prefixEdits) => {
      const quality = matchQuality(m, this.v.vocab.tokenAt(tokenId).length, edits, prefixEdits)
      ids.push(tokenId)
      qualities.push(quality)
      if (quality > best) best = quality
      cost += this.postingCount(tokenId)
    })
    return { ids, qualities, cost, best }
  }

  private postingCount(tokenId: number): number {
    const csr = tokenId + 1 < this.v.csrOffsets.length ? this.v.csrOffsets[tokenId + 1]! - this.v.csrOffsets[tokenId]! : 0
    return csr + (this.v.overflow.get(tokenId)?.length ?? 0)
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
    const { csrOffsets, csrPostings } = this.v
    const weighted = this.weighted
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
      const extra = this.v.overflow.get(tokenId)
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
    const { tokenStamp, tokenBest, docStamp, weighted, touchedByToken } = this
    const alive = this.v.alive
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
    const { docTotal, docMatched } = this
    const { csrOffsets, csrPostings } = this.v
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
        const extra = this.v.overflow.get(tokenId)
        if (extra !== undefined) best = bestInSortedPostings(extra, 0, extra.length, low, quality, best)
      }
      if (best > 0) {
        docTotal[doc]! += best
        docMatched[doc]!++
      }
    }
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
    const capacity = this.v.alive.length
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
