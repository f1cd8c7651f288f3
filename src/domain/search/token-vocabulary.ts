/**
 * Called for each vocabulary token close to the query token. `edits` is the full Damerau (optimal string
 * alignment) distance, or -1 when above the bound; `prefixEdits` is the distance to the closest prefix of the
 * token, or -1 when prefixes were not asked for or are above their bound.
 */
export type TokenVisitor = (tokenId: number, edits: number, prefixEdits: number) => void

/** Tokens longer than this are not looked up: no real name is that long and the DP cost grows with the length. */
export const MAX_QUERY_TOKEN_LENGTH = 48

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Interned tokens (one string per distinct token, ids are array positions) and a sorted view of them.
 *
 * The sorted view is an implicit trie: walking it in order with one edit-distance DP row per character, rows
 * shared with the previous token are reused, and a row whose minimum is above the bound prunes every token that
 * shares that prefix (found by binary search). So a typo lookup touches only the few trie paths within reach of
 * the query, without a trie's per-node objects; at 100k customers the vocabulary stays a few thousand strings
 * for names, and scales to real-world vocabularies of 10^5 tokens.
 */
export class TokenVocabulary {
  private readonly idsByToken = new Map<string, number>()
  private readonly tokens: string[] = []
  private sorted: number[] = []
  /** Tokens interned since the sorted view was last refreshed. */
  private pending: number[] = []
  private longest = 0
  // Scratch buffers for the DP walk, reused across lookups.
  private rows = new Int32Array(0)
  private prefixMin = new Int32Array(0)
  private queryCodes = new Int32Array(0)

  get size(): number {
    return this.tokens.length
  }

  idOf(token: string): number | undefined {
    return this.idsByToken.get(token)
  }

  tokenAt(id: number): string {
    const token = this.tokens[id]
    if (token === undefined) throw new RangeError(`no token ${id}`)
    return token
  }

  intern(token: string): number {
    const known = this.idsByToken.get(token)
    if (known !== undefined) return known
    const id = this.tokens.length
    this.tokens.push(token)
    this.idsByToken.set(token, id)
    this.pending.push(id)
    if (token.length > this.longest) this.longest = token.length
    return id
  }

  /**
   * Visits every token within `maxEdits` of `query`, and with `allowPrefix` every token that has a prefix within
   * `maxPrefixEdits` of it (the as-you-type case: "boulang" reaches "boulangerie").
   */
  walk(query: string, maxEdits: number, maxPrefixEdits: number, allowPrefix: boolean, visit: TokenVisitor): void {
    const m = query.length
    if (m === 0 || m > MAX_QUERY_TOKEN_LENGTH) return
    const prefixBound = allowPrefix ? maxPrefixEdits : -1
    const bound = Math.max(maxEdits, prefixBound)
    // Every match, full or prefix, is at least m - bound characters long.
    if (m - bound > this.longest) return
    this.refreshSorted()
    const width = m + 1
    // A row at depth d has minimum >= d - m, so no walk goes deeper than m + bound + 1 before it is pruned.
    const depthCap = m + bound + 1
    this.ensureScratch(width, depthCap + 1)
    const rows = this.rows
    const prefixMin = this.prefixMin
    const q = this.queryCodes
    for (let j = 0; j < m; j++) q[j] = query.charCodeAt(j)
    for (let j = 0; j <= m; j++) rows[j] = j
    prefixMin[0] = m

    const sorted = this.sorted
    const tokens = this.tokens
    const n = sorted.length
    let previous = ""
    let validDepth = 0
    let i = 0
    outer: while (i < n) {
      const id = sorted[i]!
      const word = tokens[id]!
      const wl = word.length
      let d = 0
      const shared = validDepth < wl ? validDepth : wl
      while (d < shared && word.charCodeAt(d) === previous.charCodeAt(d)) d++
      while (d < wl) {
        d++
        const c = word.charCodeAt(d - 1)
        const cPrev = d > 1 ? word.charCodeAt(d - 2) : -1
        const base = d * width
        const up = base - width
        const upUp = up - width
        // Ukkonen's band: cells with |d - j| > bound exceed it, so only 2 * bound + 1 of them are computed and
        // the two cells around the band are pinned just above the bound for the next row to read.
        const jLow = d - bound > 1 ? d - bound : 1
        const jHigh = d + bound < m ? d + bound : m
        rows[base + jLow - 1] = jLow === 1 ? d : bound + 1
        if (jHigh < m) rows[base + jHigh + 1] = bound + 1
        let rowMin = jLow === 1 ? d : bound + 1
        for (let j = jLow; j <= jHigh; j++) {
          const qj = q[j - 1]!
          let v = rows[up + j - 1]! + (qj === c ? 0 : 1)
          const deletion = rows[up + j]! + 1
          if (deletion < v) v = deletion
          const insertion = rows[base + j - 1]! + 1
          if (insertion < v) v = insertion
          if (j > 1 && d > 1 && qj === cPrev && q[j - 2] === c) {
            const transposition = rows[upUp + j - 2]! + 1
            if (transposition < v) v = transposition
          }
          rows[base + j] = v
          if (v < rowMin) rowMin = v
        }
        const last = m <= jHigh + 1 ? rows[base + m]! : bound + 1
        const before = prefixMin[d - 1]!
        prefixMin[d] = last < before ? last : before
        if (rowMin > bound || d >= depthCap) {
          // No token under this prefix can come within the bound; those whose prefix already matched still count.
          const end = this.prefixBlockEnd(word, d, i)
          if (prefixBound >= 0 && before <= prefixBound) {
            for (let r = i; r < end; r++) visit(sorted[r]!, -1, before)
          }
          previous = word
          validDepth = d - 1
          i = end
          continue outer
        }
      }
      const edits = m <= wl + bound + 1 ? rows[wl * width + m]! : bound + 1
      const prefixEdits = prefixMin[wl]!
      const fullOk = edits <= maxEdits
      const prefixOk = prefixBound >= 0 && prefixEdits <= prefixBound
      if (fullOk || prefixOk) visit(id, fullOk ? edits : -1, prefixOk ? prefixEdits : -1)
      previous = word
      validDepth = wl
      i++
    }
  }

  /** Index of the first sorted token, from `from` on, that does not start with word[0..depth). */
  private prefixBlockEnd(word: string, depth: number, from: number): number {
    const prefix = word.slice(0, depth)
    let lo = from + 1
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.tokens[this.sorted[mid]!]!.startsWith(prefix)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private refreshSorted(): void {
    if (this.pending.length === 0) return
    const tokens = this.tokens
    // A handful of new tokens after an edit are inserted in place; a bulk load is sorted once.
    if (this.pending.length > 64) {
      this.sorted = tokens.map((_, id) => id).sort((a, b) => compareStrings(tokens[a]!, tokens[b]!))
    } else {
      for (const id of this.pending) {
        const token = tokens[id]!
        let lo = 0
        let hi = this.sorted.length
        while (lo < hi) {
          const mid = (lo + hi) >>> 1
          if (tokens[this.sorted[mid]!]! < token) lo = mid + 1
          else hi = mid
        }
        this.sorted.splice(lo, 0, id)
      }
    }
    this.pending = []
  }

  private ensureScratch(width: number, depth: number): void {
    if (this.rows.length < width * depth) this.rows = new Int32Array(width * depth * 2)
    if (this.prefixMin.length < depth) this.prefixMin = new Int32Array(depth * 2)
    if (this.queryCodes.length < width) this.queryCodes = new Int32Array(width * 2)
  }
}
