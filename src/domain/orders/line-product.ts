import type { Product } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import type { CatalogMatcher } from "./catalog-match"
import { normalizeSizes } from "./normalize"
import { packCount } from "./units"

/** Which product a piece of a line names, read token by token (lines.ts counts how many of it; table-rows.ts reads a row). */
export interface Token {
  raw: string
  folded: string
  start: number
  end: number
  num: number | null
  sep: boolean
}

export interface LineOptions {
  matcher: CatalogMatcher
  aliases: readonly { words: string[]; product: Product }[]
  prefer: ReadonlySet<string>
}

const TOKEN_RE = /\d+(?:[.,]\d+)?(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-/.][\p{L}\p{N}]+)*|[;,+&|]/gu

export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0]
    const start = m.index
    const sep = /^[;,+&|]$/.test(raw)
    const num = /^\d+(?:[.,]\d+)?$/.test(raw) ? Number(raw.replace(",", ".")) : null
    out.push({ raw, folded: sep ? raw : foldText(raw), start, end: start + raw.length, num, sep })
  }
  return out
}

export interface Group {
  from: number
  to: number
  product: Product
  confidence: number
  /** Tokens the product name or ref used: their numbers are not quantities. */
  used: Set<number>
  /** Named by a ref or maker's code ("GN 4410"): its digits are a code, never a side of a dimension. */
  byRef?: boolean
}

export function productIn(tokens: Token[], from: number, to: number, matcher: CatalogMatcher, aliases: readonly { words: string[]; product: Product }[], prefer: ReadonlySet<string>): Group | null {
  const slice = tokens.slice(from, to)
  const words = slice.filter((t) => !t.sep)
  const idx = slice.map((_, i) => from + i).filter((i) => !tokens[i]!.sep)
  // "multi-surfaces", "Z-fold": one token for refs, its words for names.
  const folded: string[] = []
  const owner: number[] = []
  words.forEach((t, k) => {
    for (const w of t.folded.split(" ")) {
      if (w === "") continue
      folded.push(w)
      owner.push(idx[k]!)
    }
  })
  // (a code written joined, "TN2420", only where the name's words name nothing: then it is all the piece says)
  const refs = matcher.findRefs(words.map((t) => t.raw)).filter((r) => r.via !== "joined" || matcher.matchName(folded, prefer).hit === null)
  if (refs.length > 0) {
    const r = refs[0]!
    const used = new Set(r.at.map((k) => idx[k]!))
    // "trois cartouches de toner TN-2420": the maker's code names the product, and the name's words around it are its
    // too (a number word counts right before them, as before the name alone).
    if (r.via !== "ref") {
      const { hit } = matcher.matchName(folded, prefer)
      if (hit !== null && hit.product.ref === r.product.ref) for (const k of hit.matched) if (k >= 0) used.add(owner[k]!)
    }
    return { from, to, product: r.product, confidence: r.via === "ref" ? 0.97 : 0.9, used, byRef: true }
  }
  const joined = " " + folded.join(" ") + " "
  for (const a of aliases) {
    if (joined.includes(" " + a.words.join(" ") + " ")) {
      const start = folded.findIndex((_, k) => a.words.every((w, j) => folded[k + j] === w))
      return { from, to, product: a.product, confidence: 0.92, used: new Set(a.words.map((_, j) => owner[start + j]!)) }
    }
  }
  const { hit, runnerUp } = matcher.matchName(folded, prefer)
  if (hit === null) return null
  const margin = hit.score - runnerUp
  const confidence = Math.max(0.3, Math.min(0.9, 0.45 + 0.45 * hit.score) * (margin < 0.08 ? 0.75 : 1))
  return { from, to, product: hit.product, confidence, used: new Set(hit.matched.filter((k) => k >= 0).map((k) => owner[k]!)) }
}

/** The product's name has this number with this measure after it ("1 L", "500 ml", "66 m"). */
export function measureOfName(product: Product, num: string, measure: string): boolean {
  if (!/^(?:l|ml|cl|g|kg|mm|cm|m|w|gsm)$/.test(measure)) return false
  const name = ` ${foldText(normalizeSizes(`${product.nameFr} ${product.nameEn}`))} `
  return name.includes(` ${foldText(num)} ${measure} `)
}

/** The piece's numbers are all numbers of the product's own name ("pack of 12", "500 sheets"). */
export function ownNumbersOnly(piece: readonly Token[], product: Product): boolean {
  const own = new Set(`${product.nameFr} ${product.nameEn}`.match(/\d+/g) ?? [])
  return piece.every((t) => t.num === null || own.has(String(t.num)))
}

/**
 * "300 paper cups" of cups sold by the bag of 50: a count of the items the product packs, with no unit word, is that
 * many packs when it is a whole number of them (6 bags). Null when it is not.
 */
export function packsOf(quantity: number, product: Product): number | null {
  const n = packCount(product) ?? 0
  return n >= 10 && quantity >= n && quantity % n === 0 ? quantity / n : null
}

/** The line says the pack the product comes in, by its count: "(bags of 50)", "en sachets de 50" of cups sold by 50. */
export function packSaid(text: string, product: Product): boolean {
  const n = packCount(product)
  return n !== null && [...text.matchAll(/\b(?:of|de)\s+(\d{2,4})\b/g)].some((m) => Number(m[1]) === n)
}
