import { seededRandom } from "../demo/random"
import { foldText } from "../search/fold-text"
import { splitMail } from "./mail-body"
import type { OrderMail } from "./types"
import { unitOfWord } from "./units"

/**
 * A learned "is this mail an order?" score, beside the rules: logistic regression over the words (unigrams and
 * bigrams, numbers as one token) of the sender's new text and a few shapes of the mail (lines that hold a number
 * and a unit word, a reply, an attachment). Pure and deterministic (a fixed seed orders the training passes).
 *
 * An experiment, not wired into the extractor: its leave-one-set-out check (`scripts/train-order-classifier.ts`,
 * tests/fixtures/orders/README.md, "tune5") took more non-orders for orders on the mails it had not seen than the rules did blind.
 */

export type Weights = Readonly<Record<string, number>>

/** The features of a mail, each present once (binary). */
export function orderFeatures(mail: Pick<OrderMail, "subject" | "text" | "htmlText" | "attachments">): string[] {
  const body = mail.text.trim() === "" ? mail.htmlText : mail.text
  const top = splitMail(body, { from: null, date: null, subject: mail.subject })[0]
  const own = [mail.subject, top?.body ?? "", ...mail.attachments.map((a) => a.text)].join("\n")
  const out = new Set<string>()
  const words = foldText(own)
    .split(" ")
    .filter((w) => w !== "")
    .map((w) => (/^\d/.test(w) ? "<n>" : w))
  words.forEach((w, i) => {
    out.add(`w:${w}`)
    if (i > 0) out.add(`b:${words[i - 1]} ${w}`)
  })
  // Lines shaped like an order line: a number with a unit word after it ("12 rolls", "x 4 boîtes").
  const qtyLines = own.split("\n").filter((l) => {
    const t = foldText(l).split(" ")
    return t.some((w, i) => /^\d+$/.test(w) && t[i + 1] !== undefined && unitOfWord(t[i + 1]!) !== null)
  }).length
  out.add(`shape:qty-lines=${Math.min(qtyLines, 3)}`)
  if (/^\s*(?:re|r[ée]f|aw|sv)\s*:/i.test(mail.subject)) out.add("shape:reply")
  if (/^\s*(?:tr|fw|fwd|wg)\s*:/i.test(mail.subject)) out.add("shape:forward")
  if (mail.attachments.some((a) => a.text.length > 50)) out.add("shape:attachment")
  if (top?.quoted !== undefined) out.add("shape:quotes")
  out.add("bias")
  return [...out]
}

/** Probability that the mail is an order. */
export function orderProbability(weights: Weights, features: readonly string[]): number {
  let z = 0
  for (const f of features) z += weights[f] ?? 0
  return 1 / (1 + Math.exp(-z))
}

/**
 * Logistic regression by stochastic gradient descent with L2, the examples shuffled with a fixed seed each pass.
 * Features seen in fewer than `minCount` examples are left out (with ~200 mails, a word seen once is a mail's
 * fingerprint, not a class's); the two classes are weighted to count alike.
 */
export function trainOrderClassifier(
  examples: readonly { features: readonly string[]; isOrder: boolean }[],
  opts: { epochs?: number; rate?: number; l2?: number; seed?: number; minCount?: number; balanced?: boolean } = {}
): Record<string, number> {
  const { epochs = 40, rate = 0.1, l2 = 0.001, seed = 11, minCount = 2, balanced = true } = opts
  // Each class weighs as much as the other in all (about three orders to one non-order in the corpus).
  const positives = examples.filter((e) => e.isOrder).length
  const classWeight = (y: number): number => (!balanced || positives === 0 || positives === examples.length ? 1 : examples.length / (2 * (y === 1 ? positives : examples.length - positives)))
  const count = new Map<string, number>()
  for (const e of examples) for (const f of e.features) count.set(f, (count.get(f) ?? 0) + 1)
  const kept = examples.map((e) => ({ features: e.features.filter((f) => (count.get(f) ?? 0) >= minCount || f === "bias"), y: e.isOrder ? 1 : 0 }))
  const w = new Map<string, number>()
  const next = seededRandom(seed)
  const order = kept.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const i of order) {
      const e = kept[i]!
      let z = 0
      for (const f of e.features) z += w.get(f) ?? 0
      const g = (1 / (1 + Math.exp(-z)) - e.y) * classWeight(e.y)
      for (const f of e.features) {
        const v = w.get(f) ?? 0
        w.set(f, v - rate * (g + l2 * v))
      }
    }
  }
  const out: Record<string, number> = {}
  for (const [f, v] of [...w.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (Math.abs(v) >= 1e-4) out[f] = Math.round(v * 1e4) / 1e4
  return out
}
