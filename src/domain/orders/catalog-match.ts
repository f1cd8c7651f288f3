import type { Product } from "../customers/customer.schema"
import { compactCode, foldText } from "../search/fold-text"
import { normalizeSizes } from "./normalize"
import { unitOfWord } from "./units"

/**
 * Finds the catalog product a piece of an order mail names: by our ref (in any spelling: "gn4410", "GN 4410"),
 * by a code inside a product's name ("TN-2420"), by a name the customer taught us (memory), or by the words of
 * its French or English name, typo- and plural-tolerant, each word weighted by how rare it is in the catalog
 * (so "taille M" decides between three gloves and "papier" alone decides nothing).
 *
 * Not fuse.js: its Bitap scoring compares whole strings in order and a 32-character pattern, while an order line
 * names a product with a few of its words in any order among other words ("2 cartons de gants nitrile M svp").
 */

const STOP = new Set(["de", "du", "des", "la", "le", "les", "d", "l", "en", "of", "the", "a", "an", "for", "pour", "avec", "with", "et", "and", "x", "un", "une", "au", "aux", "a", "in", "par", "per", "to", "sur", "on", "s"])

export interface ProductHit {
  product: Product
  score: number
  /** Index span of the folded tokens matched, in the tokens given. */
  matched: number[]
  via: "ref" | "name" | "alias"
}

interface IndexedName {
  tokens: string[]
  /** The word after each token: a number in a name counts only with its measure ("1 L", not "1 carton"). */
  after: (string | null)[]
  /** Parenthesised words (pack sizes) count less. */
  weights: number[]
  /** Per token, computed once per catalog (not per mail): its weight (rarity × `weights`), whether it is a rare
   *  word or a rare code that names its product, whether it is a number, and the compounds it forms with its
   *  neighbours. */
  w?: number[]
  rare?: boolean[]
  code?: boolean[]
  numeric?: boolean[]
  glued?: string[][]
  /** Its dimensions ("40 × 30 × 30" → " 40 30 30 "): written in full in a mail, they name the product. */
  dims?: string[]
}

interface IndexedProduct {
  product: Product
  names: IndexedName[]
  codes: string[]
  /** The nouns its names are built on: the first word in French, the last word before sizes in English. */
  heads: string[]
  /** Words its names write in capitals ("AA", "IIR"): a maker's designation, a code even without digits. */
  upper: Set<string>
}

function singular(t: string): string {
  if (t.length > 3 && /[^s]s$/.test(t)) return t.slice(0, -1)
  if (t.length > 4 && t.endsWith("x") && /(eaux|aux)$/.test(t)) return t.slice(0, -1)
  if (t.length > 4 && t.endsWith("es") && /(ches|shes|xes|sses)$/.test(t)) return t.slice(0, -2)
  return t
}

/** Damerau edit distance, or max+1 as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const prev2: number[] = new Array<number>(b.length + 1).fill(0)
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur.push(v)
      rowMin = Math.min(rowMin, v)
    }
    if (rowMin > max) return max + 1
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!
    prev = cur
  }
  return prev[b.length]!
}

/**
 * Everyday words one letter away from a catalog word: written as themselves, never a typo of it ("le tournoi des
 * jeunes" names no yellow highlighters, "livrer vers 10 h" nothing green, "sans" no bags).
 */
const EVERYDAY = new Set(["jeune", "jeunes", "vers", "sans", "dans"])

/** How well a mail word stands for a catalog word: 1 same, less for a typo or an abbreviation. */
export function wordMatch(mail: string, catalog: string): number {
  if (mail === catalog) return 1
  const a = singular(mail)
  const b = singular(catalog)
  if (a === b) return 1
  // English plurals in -es of a word ending in x, ch, sh, s ("boxes", "brushes") lose the whole -es.
  if (esPlural(mail) === catalog || esPlural(catalog) === mail) return 1
  if (/\d/.test(a) || /\d/.test(b) || a.startsWith("qsize") || b.startsWith("qsize")) return 0
  // "deau", "lhuile": a French elision typed without its apostrophe.
  if (unelided(a) === b) return 0.9
  if (a.length >= 4 && b.length >= 4 && !EVERYDAY.has(a)) {
    const d = editDistance(a, b, b.length >= 8 ? 2 : 1)
    if (d <= (b.length >= 8 ? 2 : 1)) return 0.8
  }
  if (a.length >= 4 && b.startsWith(a)) return 0.7
  return 0
}

/** The word without an elided article glued to it ("deau" → "eau"), or itself. */
function unelided(t: string): string {
  return /^(?:d|l|j|qu)[aeiouyh]\p{L}{2,}$/u.test(t) ? t.replace(/^(?:d|l|j|qu)/, "") : t
}

function esPlural(t: string): string | null {
  return /(?:x|ch|sh|ss)es$/.test(t) ? t.slice(0, -2) : null
}

/**
 * "2 toners TN2420": a maker's code written joined, which no name's words match, names its product when every name that
 * prints it is that one product's ("toner TN-2420" / "toner cartridge TN-2420"). Written "TN-2420" or "TN 2420", the
 * name's words read it as before, as they read a code the name itself prints joined ("LED E27").
 */
function joinedCodeOfOne(raw: string, products: readonly Product[] | undefined): boolean {
  if (!/^[a-z]{1,4}\d{2,6}$/i.test(raw) || products === undefined || new Set(products.map((p) => p.ref)).size !== 1) return false
  // (a name that prints the code joined itself, "LED E27", is read by its words: the code names nothing more)
  const words = foldText(`${products[0]!.nameFr} ${products[0]!.nameEn}`).split(" ")
  return !words.includes(foldText(raw))
}

export class CatalogMatcher {
  private readonly items: IndexedProduct[]
  private readonly byRef = new Map<string, Product>()
  private readonly byCode = new Map<string, Product[]>()
  private readonly idf = new Map<string, number>()
  /** How many products' names have each (singular) word. */
  private readonly df = new Map<string, number>()
  /** Word keys (the whole word, its first and its last three letters) → products: only those are scored. */
  private readonly postings = new Map<string, number[]>()
  /** How many products are built on each head noun: one alone names its product ("10 packs d'eau"). */
  private readonly headCount = new Map<string, number>()

  constructor(products: readonly Product[]) {
    const df = this.df
    this.items = products.map((product) => {
      this.byRef.set(compactCode(product.ref), product)
      const names = [product.nameFr, product.nameEn].map((n) => indexName(normalizeSizes(n)))
      const codes: string[] = []
      // Codes written inside a name ("toner TN-2420", "HP 305"): a customer quotes the maker's code.
      // Upper case only and outside the pack size in parentheses: "lot de 10" is no code.
      for (const m of `${product.nameFr} ${product.nameEn}`.replace(/\([^)]*\)/g, " ").matchAll(/\b([A-Z]{1,4})[- ]?(\d{2,6})\b/g)) codes.push(compactCode(m[1]! + m[2]!))
      for (const c of codes) this.byCode.set(c, [...(this.byCode.get(c) ?? []), product])
      const seen = new Set<string>()
      for (const n of names) for (const t of n.tokens) seen.add(singular(t))
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1)
      const upper = new Set([...`${product.nameFr} ${product.nameEn}`.matchAll(/(?<![\p{L}\d])([A-Z]{2,4})(?![\p{L}\d])/gu)].map((m) => m[1]!.toLowerCase()))
      return { product, names, codes, heads: headNouns(product), upper }
    })
    for (const item of this.items) for (const h of new Set(item.heads)) this.headCount.set(h, (this.headCount.get(h) ?? 0) + 1)
    const n = Math.max(1, products.length)
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + n / f))
    const rareIdf = Math.log(1 + this.items.length / 3)
    for (const item of this.items) {
      for (const name of item.names) {
        name.w = name.tokens.map((pt, k) => (this.idf.get(singular(pt)) ?? 1) * name.weights[k]!)
        name.numeric = name.tokens.map((pt) => /^\d+$/.test(pt))
        // A rare word names its product; so does a rare code of letters and digits ("a4", "e27"), short as it is.
        name.rare = name.tokens.map((pt) => (this.idf.get(singular(pt)) ?? 0) >= rareIdf && (pt.length >= 3 || /[a-z]\d|\d[a-z]/.test(pt)) && !/^\d+$/.test(pt))
        // A code of letters and digits that at most two products have ("a3", "e27") names them all but alone.
        // So does a word the catalog writes in capitals that at most two products have ("piles AA", "type IIR").
        name.code = name.tokens.map((pt) => (/^[a-z]+\d+[a-z]*$|^\d+[a-z]+$/.test(pt) || item.upper.has(pt)) && (this.df.get(singular(pt)) ?? 9) <= 2 && !MEASURE_CODE.test(pt))
        // A compound written as one word ("multisurface", "essuiemains") stands for two words of the name.
        name.glued = name.tokens.map((pt, k) => [k > 0 ? name.tokens[k - 1]! + pt : null, k + 1 < name.tokens.length ? pt + name.tokens[k + 1]! : null].filter((g): g is string => g !== null && !/\d/.test(g)))
      }
    }
    this.items.forEach((item, k) => {
      const keys = new Set<string>()
      for (const name of item.names) for (const t of name.tokens) for (const key of wordKeys(t)) keys.add(key)
      for (const key of keys) {
        const list = this.postings.get(key)
        if (list === undefined) this.postings.set(key, [k])
        else list.push(k)
      }
    })
  }

  /**
   * The products worth scoring for these words: those sharing a word key with them, the ones sharing the rarest
   * words first, at most 60. A typo leaves a word's first or last three letters intact; an abbreviation its first.
   */
  private candidates(words: readonly string[]): IndexedProduct[] {
    // Typed arrays over the catalog, reused from call to call, rather than a Map and a Set per call: a common word
    // key ("=10", ">ier") lists thousands of a large catalog's products. The sums are added in the same order.
    const weight = (this.weight ??= new Float64Array(this.items.length))
    const stamp = (this.stamp ??= new Int32Array(this.items.length))
    const touched: number[] = []
    for (const w of new Set(words)) {
      if (this.stampNow >= 0x7ffffff0) {
        stamp.fill(0)
        this.stampNow = 0
      }
      const seen = ++this.stampNow
      for (const key of wordKeys(w)) {
        const list = this.postings.get(key)
        if (list === undefined) continue
        const idf = Math.log(1 + this.items.length / list.length)
        for (const k of list) {
          if (stamp[k] === seen) continue
          stamp[k] = seen
          if (weight[k] === 0) touched.push(k)
          weight[k] = weight[k]! + idf
        }
      }
    }
    let picked: number[]
    if (touched.length <= 60) picked = touched
    else {
      // The 60 heaviest, the lower index first among equals: all those above the 60th weight, then the first of
      // those equal to it.
      const sorted = Float64Array.from(touched, (k) => weight[k]!).sort()
      const cut = sorted[sorted.length - 60]!
      const above = touched.filter((k) => weight[k]! > cut)
      const equal = touched.filter((k) => weight[k] === cut).sort((a, b) => a - b)
      picked = [...above, ...equal.slice(0, 60 - above.length)]
    }
    for (const k of touched) weight[k] = 0
    return picked.sort((a, b) => a - b).map((k) => this.items[k]!)
  }

  private weight: Float64Array | undefined
  private stamp: Int32Array | undefined
  private stampNow = 0

  /**
   * wordMatch is pure and a mail's words meet the same catalog words again and again: remembered across mails,
   * one row per mail word (looked up once per matchName call), one cell per catalog word.
   */
  private readonly wordMatches = new Map<string, Map<string, number>>()
  private matchRow(mail: string): Map<string, number> {
    let row = this.wordMatches.get(mail)
    if (row === undefined) {
      if (this.wordMatches.size > 20_000) this.wordMatches.clear()
      row = new Map()
      this.wordMatches.set(mail, row)
    }
    return row
  }

  private cachedMatch(mail: string, catalog: string): number {
    const row = this.matchRow(mail)
    let s = row.get(catalog)
    if (s === undefined) {
      s = wordMatch(mail, catalog)
      row.set(catalog, s)
    }
    return s
  }

  get size(): number {
    return this.items.length
  }

  refOf(ref: string): Product | undefined {
    return this.byRef.get(compactCode(ref))
  }

  /**
   * Products named by a ref or maker's code among the raw words of a text: each hit with the index of the raw
   * word(s) it used, in order of appearance.
   */
  findRefs(raw: readonly string[]): { product: Product; at: number[]; via: "ref" | "code" | "joined" }[] {
    const hits: { product: Product; at: number[]; via: "ref" | "code" | "joined" }[] = []
    for (let i = 0; i < raw.length; i++) {
      const one = compactCode(raw[i]!)
      const two = i + 1 < raw.length ? compactCode(raw[i]! + raw[i + 1]!) : ""
      if (two !== "" && /\d/.test(raw[i + 1]!) && /^[a-z]+$/i.test(raw[i]!) && this.byRef.has(two)) {
        hits.push({ product: this.byRef.get(two)!, at: [i, i + 1], via: "ref" })
        i++
      } else if (one.length >= 3 && this.byRef.has(one)) hits.push({ product: this.byRef.get(one)!, at: [i], via: "ref" })
      else if (two !== "" && /^[a-z]{1,4}$/i.test(raw[i]!) && /^\d{2,6}$/.test(raw[i + 1]!) && this.byCode.get(two)?.length === 1) {
        hits.push({ product: this.byCode.get(two)![0]!, at: [i, i + 1], via: "code" })
        i++
      } else if (one.length >= 4 && /\d/.test(one) && /[a-z]/.test(one) && this.byCode.get(one)?.length === 1) hits.push({ product: this.byCode.get(one)![0]!, at: [i], via: "code" })
      else if (one.length >= 4 && joinedCodeOfOne(raw[i]!, this.byCode.get(one))) hits.push({ product: this.byCode.get(one)![0]!, at: [i], via: "joined" })
    }
    return hits
  }

  /**
   * The best product for folded words, or null. `prefer` (refs the customer ordered before) break ties.
   * A match needs a rare word of the product or most of its weight: "papier" alone names nothing.
   */
  matchName(tokens: readonly string[], prefer: ReadonlySet<string> = new Set()): { hit: ProductHit | null; runnerUp: number } {
    // A mail's sentence is matched again and again (a piece, the piece narrowed, the whole line, by another reader):
    // the answer is a pure function of the words and the preferred refs, remembered until forgetNames; copies go out.
    const key = JSON.stringify([tokens, prefer.size === 0 ? [] : [...prefer].sort()])
    let found = this.nameMatches.get(key)
    if (found === undefined) {
      if (this.nameMatches.size > 5_000) this.nameMatches.clear()
      found = this.scoreName(tokens, prefer)
      this.nameMatches.set(key, found)
    }
    return { hit: found.hit === null ? null : { ...found.hit, matched: [...found.hit.matched] }, runnerUp: found.runnerUp }
  }

  private readonly nameMatches = new Map<string, { hit: ProductHit | null; runnerUp: number }>()

  /** Forgets the names matched so far (the extractor calls it for each mail). */
  forgetNames(): void {
    this.nameMatches.clear()
  }

  private scoreName(tokens: readonly string[], prefer: ReadonlySet<string>): { hit: ProductHit | null; runnerUp: number } {
    let best: ProductHit | null = null
    let bestKey = -1
    let second = 0
    // "160 x 80" in a mail is the "160 × 80" of a name (the × folds away).
    // "sacs 110", "bags 50": right after a word, and with no measure or unit word after it, a number may be a
    // name's number written without its measure (decided once per word, outside the scoring loop).
    const content = tokens
      .map((t, i) => {
        const next = (tokens[i + 1] === "x" ? tokens[i + 2] : tokens[i + 1]) ?? null
        const prev = tokens[i - 1] ?? null
        const bare = /^\d+$/.test(t) && prev !== null && /^\p{L}{3,}$/u.test(prev) && (next === null || (!MEASURES.has(next) && !/^\d/.test(next) && unitOfWord(next) === null))
        return { t, i, next, bare }
      })
      .filter(({ t }) => !STOP.has(t))
    if (content.length === 0) return { hit: null, runnerUp: 0 }
    const joined = " " + tokens.join(" ") + " "
    const rows = content.map(({ t }) => this.matchRow(t))
    const bySize = content.some(({ t }) => BIG.has(t)) ? 1 : content.some(({ t }) => SMALL.has(t)) ? -1 : 0
    const sized: { product: Product; key: number; matched: number[] }[] = []
    // Each mail word's forms a head noun may take, worked out once per call when the head rule needs them.
    let forms: Map<string, (string | null)[]> | undefined
    for (const item of this.candidates(content.map(({ t }) => t))) {
      let itemBest: { score: number; matched: number[]; rare: boolean; code?: boolean } | null = null
      for (const name of item.names) {
        let total = 0
        let got = 0
        let gotWords = 0
        let measured = 0
        let rare = false
        let code = false
        const matched: number[] = []
        for (let k = 0; k < name.tokens.length; k++) {
          const pt = name.tokens[k]!
          const w = name.w![k]!
          total += w
          let m = 0
          let at = -1
          const measure = name.after[k] ?? null
          const glued = name.glued![k]!
          for (let j = 0; j < content.length; j++) {
            const { t, i, next, bare } = content[j]!
            // Only a number the name gives with its measure ("110 L") may go without it.
            if (measure !== null && next !== measure && !(next !== null && measure.startsWith(next)) && !(bare && MEASURES.has(measure))) continue
            const row = rows[j]!
            let s = row.get(pt)
            if (s === undefined) {
              s = wordMatch(t, pt)
              row.set(pt, s)
            }
            if (s === 0 && t.length >= 8) {
              for (const g of glued) {
                if (g.slice(0, 2) !== t.slice(0, 2) || Math.abs(g.length - t.length) > 3) continue
                let sg = row.get(g)
                if (sg === undefined) {
                  sg = wordMatch(t, g)
                  row.set(g, sg)
                }
                s = Math.max(s, sg)
              }
            }
            if (s > m) {
              m = s
              at = i
            }
          }
          if (m > 0) {
            got += w * m
            if (!name.numeric![k]) gotWords += w * m
            else if (measure !== null) measured += w
            matched.push(at)
            if (name.rare![k]) rare = true
            if (m === 1 && name.code![k]) code = true
          }
        }
        // A dimension written in full ("cartons 40x30x30") names its product as a code does.
        // Its first two sides too ("200 cartons 40x30" for the 40 × 30 × 30 box), as a buyer shortens a box's size.
        if (name.dims!.some((d) => joined.includes(d) || (d.split(" ").length >= 5 && joined.includes(d.split(" ").slice(0, 3).join(" ") + " ")))) code = true
        // Numbers only back words up: "20" alone names no "model 20". A size found with its measure ("110 L") is left
        // out of what the words are weighed against: a rare size would otherwise outweigh the word that names it, and
        // "sacs 110 L" fall to the bags whose size is commoner.
        const score = total === 0 || (gotWords < 0.3 * (total - measured) && !code) ? 0 : got / total
        if (itemBest === null || score > itemBest.score) itemBest = { score, matched, rare, code }
      }
      if (itemBest === null) continue
      // The noun a product's name is built on, when no other product is, names it even without its qualifiers
      // ("10 packs d'eau" is the "Eau minérale plate 50 cl"), though less surely than most of its words.
      if (itemBest.score < 0.45) {
        // A typo ("detergeant") or a glued elision ("deau") still names the noun when it is long or whole.
        forms ??= new Map(content.map(({ t }) => [t, [singular(t), esPlural(t), unelided(singular(t))]]))
        const isHead = (t: string, h: string) => forms!.get(t)!.includes(h) || (h.length >= 6 && this.cachedMatch(t, h) >= 0.8)
        // Only a noun no other product's name has: "papier" is toilet paper's head noun, but A4 paper has it too.
        const head = item.heads.find((h) => this.headCount.get(h) === 1 && this.df.get(h) === 1 && content.some(({ t }) => isHead(t, h)))
        if (head !== undefined) itemBest = { score: 0.45, matched: [content.find(({ t }) => isHead(t, head))!.i], rare: true }
      }
      const ok = (itemBest.rare && itemBest.score >= 0.3) || (itemBest.code && itemBest.score >= 0.15) || itemBest.score >= 0.55
      if (!ok) continue
      const key = itemBest.score + (prefer.has(item.product.ref) ? 0.05 : 0)
      if (bySize !== 0) sized.push({ product: item.product, key, matched: itemBest.matched })
      if (key > bestKey) {
        second = Math.max(second, bestKey)
        bestKey = key
        best = { product: item.product, score: Math.min(1, itemBest.score), matched: itemBest.matched, via: "name" }
      } else second = Math.max(second, key)
    }
    // "the big bin bags", "les petits sacs": between products named alike but for their size number, and matched
    // alike, the largest or the smallest one.
    if (best !== null && bySize !== 0 && sizeNumber(best.product) !== null) {
      const family = (p: Product): string => foldText(p.nameFr.replace(/\([^)]*\)/g, " ")).replace(/\d+\s*\w{0,2}\b/g, "#")
      const alike = sized.filter((c) => bestKey - c.key < 0.15 && family(c.product) === family(best!.product) && sizeNumber(c.product) !== null)
      const pick = alike.sort((a, b) => bySize * (sizeNumber(b.product)! - sizeNumber(a.product)!))[0]
      if (pick !== undefined && pick.product !== best.product) best = { product: pick.product, score: best.score, matched: pick.matched, via: "name" }
    }
    return { hit: best, runnerUp: second }
  }
}

const BIG = new Set(["big", "bigger", "biggest", "gros", "grosse", "grosses", "grand", "grands", "grande", "grandes", "qsizel", "qsizexl", "large", "larger", "heavy"])
const SMALL = new Set(["petit", "petits", "petite", "petites", "small", "smaller", "smallest", "qsizes", "little"])

/** The first number of a product's name outside its pack size ("Sacs poubelle 110 L (rouleau de 25)" → 110). */
function sizeNumber(product: Product): number | null {
  const m = /\d+/.exec(product.nameFr.replace(/\([^)]*\)/g, " "))
  return m === null ? null : Number(m[0])
}

/** A number glued to its measure ("5l", "80g") is no product code. */
const MEASURE_CODE = /^\d+(?:gsm|g|kg|mg|ml|cl|l|mm|cm|m|w|v)$/

const MEASURES = new Set(["mm", "cm", "m", "l", "cl", "ml", "g", "kg", "gsm", "w", "v", "x"])

function headNouns(product: Product): string[] {
  // A name's qualifiers after its noun are no head: the "type IIR" of "Surgical masks type IIR", a code in capitals.
  const words = (name: string): string[] =>
    foldText(normalizeSizes(name.replace(/\([^)]*\)/g, " ").replace(/\b(?:type|model|mod[eè]le|style|grade|class|classe|norme|standard)\b.*$/i, " ").replace(/\b[A-Z]{2,}\b/g, " ")))
      .split(" ")
      .filter((t) => t.length >= 3 && !STOP.has(t) && !/\d/.test(t) && !MEASURES.has(t) && !t.startsWith("qsize"))
  const fr = words(product.nameFr)
  const en = words(product.nameEn)
  return [fr[0], en[en.length - 1]].filter((h): h is string => h !== undefined).map(singular)
}

function wordKeys(word: string): string[] {
  const w = singular(word)
  const es = esPlural(word)
  const keys = /^\d+$/.test(w) || w.length <= 3 ? [`=${w}`] : [`=${w}`, `<${w.slice(0, 3)}`, `>${w.slice(-3)}`]
  return es === null ? keys : [...keys, `=${es}`]
}

function indexName(name: string): IndexedName {
  const tokens: string[] = []
  const weights: number[] = []
  const after: (string | null)[] = []
  const all = foldText(name.replace(/[()]/g, " ")).split(" ")
  let cursor = 0
  // "(boîte de 100)", "(500 f.)": how it is packed, rarely what the customer writes.
  const re = /\(([^)]*)\)|([^()]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(name)) !== null) {
    const inParens = m[1] !== undefined
    for (const t of foldText(m[1] ?? m[2] ?? "").split(" ")) {
      if (t === "") continue
      const at = all.indexOf(t, cursor)
      if (at >= 0) cursor = at + 1
      if (STOP.has(t)) continue
      tokens.push(t)
      weights.push(inParens ? 0.25 : 1)
      after.push(/^\d+$/.test(t) && at >= 0 ? (all[at + 1] ?? null) : null)
    }
  }
  const dims = [...name.matchAll(/\d+(?:[.,]\d+)?(?: × \d+(?:[.,]\d+)?)+/g)].map((d) => " " + foldText(d[0]) + " ")
  return { tokens, weights, after, dims }
}
