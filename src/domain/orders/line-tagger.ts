import type { Product } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import { CatalogMatcher } from "./catalog-match"
import { chooseBody, ownSegments } from "./mail-body"
import { findLines, type FoundLine } from "./lines"
import { splitMail } from "./mail-body"
import { orderProbability, trainOrderClassifier, type Weights } from "./order-classifier"
import type { ExtractedLine, OrderMail } from "./types"

/**
 * A learned LINE tagger (issue #11, branch `tagger`): the rules' line finder proposes candidate lines everywhere in
 * the mail — the sender's new text, the attachments, and also the parts the rules never read for lines (the history a
 * reply quotes, the signature, older forwarded messages) — and a logistic regression over each candidate's shape and
 * context (where it sits, its words, its quantity, its neighbours, the mail's kind) says which are order lines.
 * Reading everything gives the model negatives the tuned rules no longer produce on their own mails (a quoted
 * order, a signature's numbers), and the positives the rules reach only through special cases (a quote accepted).
 *
 * Pure and deterministic: the same corpus and seed give the same weights (`scripts/train-line-tagger.ts`). Measured
 * leave-one-set-out in tests/fixtures/orders/README.md, "A learned line tagger"; see there whether the extractor uses it.
 */

export type Where = "body" | "attachment" | "quoted" | "signature" | "history"

export interface LineCandidate {
  line: FoundLine
  where: Where
  features: string[]
}

export const lineKey = (l: { ref: string; quantity: number; unit: string }): string => `${l.ref}|${l.quantity}|${l.unit}`
const keyOf = (l: FoundLine): string => lineKey({ ref: l.product.ref, quantity: l.quantity, unit: l.unit })

const qtyBucket = (q: number): string => (!Number.isInteger(q) ? "frac" : q === 1 ? "1" : q < 10 ? "2-9" : q < 100 ? "10-99" : q < 1000 ? "100-999" : "1000+")
const words = (text: string): string[] =>
  foldText(text)
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => (/^\d/.test(w) ? "<n>" : w))

/** Candidate lines of one text, each with the index of the text line it was read on (for its neighbours). */
function candidatesOf(text: string, where: Where, matcher: CatalogMatcher): { line: FoundLine; where: Where; at: number; lines: string[] }[] {
  if (text.trim() === "") return []
  const lines = text.split("\n")
  const folded = lines.map((l) => foldText(l))
  let from = 0
  return findLines(text, { matcher, aliases: [], prefer: new Set() }).map((line) => {
    // The evidence is the line (or its sentence, or a table row) as written: find it from the last one found.
    const probe = foldText(line.evidence).slice(0, 30)
    let at = folded.findIndex((l, i) => i >= from && probe !== "" && l.includes(probe))
    if (at < 0) at = folded.findIndex((l) => probe !== "" && l.includes(probe))
    if (at >= 0) from = at
    return { line, where, at: Math.max(0, at), lines }
  })
}

export class LineTagger {
  private readonly matcher: CatalogMatcher

  constructor(products: readonly Product[], private readonly ownDomains: readonly string[] = []) {
    this.matcher = new CatalogMatcher(products)
  }

  /** Every candidate line of the mail with its features. */
  candidates(mail: OrderMail): LineCandidate[] {
    const body = chooseBody(mail)
    const internal = this.ownDomains.includes(mail.from.address.toLowerCase().split("@")[1] ?? "")
    const segments = splitMail(body, { from: `${mail.from.name} <${mail.from.address}>`, date: mail.date, subject: mail.subject }, internal || /^\s*(?:tr|fw|fwd|wg)\s*:/i.test(mail.subject))
    const own = new Set(ownSegments(segments, this.ownDomains))
    const raw = [
      ...mail.attachments.flatMap((a) => candidatesOf(a.text, "attachment", this.matcher).map((c) => ({ ...c, line: { ...c.line, source: a.filename } }))),
      ...segments.flatMap((s) => [
        ...candidatesOf(s.body, own.has(s) ? "body" : "history", this.matcher),
        ...candidatesOf(s.signature, "signature", this.matcher),
        ...candidatesOf(s.quoted ?? "", "quoted", this.matcher)
      ])
    ]
    const reply = /^\s*(?:re|r[ée]f|aw|sv)\s*:/i.test(mail.subject)
    const forward = /^\s*(?:tr|fw|fwd|wg)\s*:/i.test(mail.subject)
    const quotes = segments.some((s) => s.quoted !== undefined)
    const whereOfKey = new Map<string, Set<Where>>()
    const keysOfRef = new Map<string, Set<string>>()
    for (const c of raw) {
      whereOfKey.set(keyOf(c.line), new Set([...(whereOfKey.get(keyOf(c.line)) ?? []), c.where]))
      keysOfRef.set(c.line.product.ref, new Set([...(keysOfRef.get(c.line.product.ref) ?? []), keyOf(c.line)]))
    }
    const topWords = new Set(words([...own][0]?.body ?? "").slice(0, 80))
    const inBody = raw.filter((c) => c.where === "body" || c.where === "attachment").length
    return raw.map((c, i) => {
      const f = new Set<string>(["bias", `where:${c.where}`, `conf:${Math.round(c.line.confidence * 10)}`, `qty:${qtyBucket(c.line.quantity)}`, `body-lines:${Math.min(inBody, 4)}`])
      const l = c.line
      if (l.unit === l.product.unit) f.add("unit:own")
      const ev = l.evidence
      if (/\?/.test(ev)) f.add("ev:question")
      if (/^\s*[-•*–]|^\s*\d{1,2}[.)]\s/.test(ev)) f.add("ev:bullet")
      if (/\|/.test(ev)) f.add("ev:table")
      if (/\bx\s*\d|\d\s*x\b/i.test(ev)) f.add("ev:x")
      if (/\b(?:qt[ée]|qty|quantit)/i.test(ev)) f.add("ev:qty-label")
      if (/[€$£]|\d[.,]\d\d\b/.test(ev)) f.add("ev:price")
      f.add(`ev:len:${ev.length < 25 ? "short" : ev.length < 60 ? "mid" : "long"}`)
      // The words around the product, not the product's own (those would teach the corpus's products, not the kind of line).
      const named = new Set(words(`${l.product.nameFr} ${l.product.nameEn} ${l.product.ref}`))
      for (const w of words(ev)) if (!named.has(w)) f.add(`w:${w}`)
      // A quoted line is ordered when the new text takes it ("bon pour accord", "same again"): the new text's words.
      if (c.where === "quoted") for (const w of topWords) f.add(`q:${w}`)
      // Its place: first, middle or last third of its text, and what is around it.
      const n = c.lines.length
      f.add(`pos:${c.at < n / 3 ? "first" : c.at < (2 * n) / 3 ? "mid" : "last"}`)
      const prev = c.lines.slice(0, c.at).reverse().find((x) => x.trim() !== "") ?? ""
      if (/:\s*$/.test(prev)) f.add("prev:colon")
      for (const w of words(prev).slice(-4)) f.add(`p:${w}`)
      const near = raw.filter((o, j) => j !== i && o.lines === c.lines && Math.abs(o.at - c.at) <= 1 && o.at !== c.at).length
      f.add(`near:${Math.min(near, 2)}`)
      // The same product with other quantities or units elsewhere; the same line said twice (a reply re-ordering).
      if ((keysOfRef.get(l.product.ref)?.size ?? 1) > 1) f.add("ref:rivals")
      for (const w of whereOfKey.get(keyOf(l)) ?? []) if (w !== c.where) f.add(`also:${w}`)
      if (reply) f.add(`reply×${c.where}`)
      if (forward) f.add(`forward×${c.where}`)
      if (quotes) f.add(`quotes×${c.where}`)
      if (mail.attachments.length > 0) f.add(`attach×${c.where}`)
      return { line: l, where: c.where, features: [...f] }
    })
  }

  /**
   * The lines the model takes: candidates over `threshold`, the likeliest one per product (a product is ordered
   * once per mail in the corpus), in the order they were found.
   */
  static pick(weights: Weights, candidates: readonly LineCandidate[], threshold = 0.5): { line: ExtractedLine; p: number }[] {
    const best = new Map<string, { line: ExtractedLine; p: number; i: number }>()
    candidates.forEach((c, i) => {
      const p = orderProbability(weights, c.features)
      if (p <= threshold) return
      const had = best.get(c.line.product.ref)
      if (had === undefined || p > had.p) best.set(c.line.product.ref, { line: { ref: c.line.product.ref, quantity: c.line.quantity, unit: c.line.unit }, p, i })
    })
    return [...best.values()].sort((a, b) => a.i - b.i).map(({ line, p }) => ({ line, p }))
  }
}

/**
 * Rules' lines kept unless the tagger gives them under 0.2 where the rules read lines themselves (a quoted line the
 * rules took stays: they took it for a reason the line's shape does not show, an accepted quote); the tagger's own
 * lines over 0.8 added for products the rules lack. The mail is an order when the rules say so.
 */
export function hybridLines(rules: { is_order: boolean; lines: readonly ExtractedLine[] }, candidates: readonly LineCandidate[], weights: Weights): ExtractedLine[] {
  const p = new Map<string, number>()
  for (const c of candidates) {
    const k = lineKey({ ref: c.line.product.ref, quantity: c.line.quantity, unit: c.line.unit })
    p.set(k, Math.max(p.get(k) ?? 0, c.where === "quoted" ? 1 : lineProbability(weights, c)))
  }
  if (!rules.is_order) return []
  const kept = rules.lines.filter((l) => (p.get(lineKey(l)) ?? 1) >= 0.2)
  const refs = new Set(kept.map((l) => l.ref))
  return [...kept, ...LineTagger.pick(weights, candidates, 0.8).map((x) => x.line).filter((l) => !refs.has(l.ref))]
}

/** The probability that one candidate is an order line. */
export function lineProbability(weights: Weights, candidate: LineCandidate): number {
  return orderProbability(weights, candidate.features)
}

/**
 * Trains the tagger: each candidate is an example, right when its product, quantity and unit are a labelled line of
 * its mail (a non-order has none). Logistic regression by SGD with the order classifier's trainer (classes weighted
 * alike, features seen fewer than `minCount` times left out, a fixed seed).
 */
export function trainLineTagger(mails: readonly { candidates: readonly LineCandidate[]; expected: readonly ExtractedLine[] }[], opts: { seed?: number; minCount?: number; epochs?: number } = {}): Record<string, number> {
  const examples = mails.flatMap((m) => {
    const want = new Set(m.expected.map(lineKey))
    return m.candidates.map((c) => ({ features: c.features, isOrder: want.has(keyOf(c.line)) }))
  })
  return trainOrderClassifier(examples, { seed: opts.seed ?? 11, minCount: opts.minCount ?? 3, epochs: opts.epochs ?? 30, balanced: true })
}
