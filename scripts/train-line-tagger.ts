// `npm run orders:train-tagger` (issue #11, branch `tagger`): the leave-one-set-out check of the learned line tagger
// (src/domain/orders/line-tagger.ts), then its weights trained on every labelled mail, written to
// src/domain/orders/line-tagger-weights.json. Deterministic: same corpus, same seed, same weights.
//
// Sets: the mails that were held-out 4 and 5 (h4-*, h5-* in tuned/), held-out 6 (held-out-6/), the rest of tuned/.
// For k in 4, 5, 6 the tagger is trained on every set but k and scored on k, beside the rules. The rules' lines "as
// measured blind" on held-out 4 and 5 (the extractor before it was tuned on them) are read from
// tests/fixtures/orders/blind/ when present; on held-out 6 the rules now are still blind.
//   `-- --dev`: the same over the former held-out 2 and 3 (training without 4, 5, 6), to design features on.
// Prints aggregates only (no mail, no miss).
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import { fixtureExtractor, loadCorpus, ORDERS_FIXTURES } from "~bench/orders-corpus"
import { productsFromCsv } from "~src/domain/orders/catalog-files"
import { scoreCorpus, type ExpectedOrder, type ProposedOrder } from "~src/domain/orders/corpus-score"
import { hybridLines, LineTagger, lineKey, trainLineTagger, type LineCandidate } from "~src/domain/orders/line-tagger"

interface Item {
  name: string
  set: string
  expected: ExpectedOrder
  rules: ProposedOrder
  candidates: LineCandidate[]
}

const setOf = (folder: string, name: string): string => (folder === "held-out-6" ? "6" : /^h([2-5])-/.exec(name)?.[1] ?? "0")

const r3 = (x: number): number => Math.round(x * 1000) / 1000

function report(label: string, items: readonly { name: string; expected: ExpectedOrder; got: ProposedOrder }[]): void {
  const s = scoreCorpus(items)
  console.log(`| ${label} | ${s.mails} (${s.nonOrders}) | ${s.nonOrdersTaken} | ${s.ordersMissed} | ${r3(s.linePrecision)} | ${r3(s.lineRecall)} | **${r3(s.lineF1)}** |`)
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev")
  const extractor = fixtureExtractor()
  const tagger = new LineTagger(productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv"))), ["comptoir-fournitures.fr"])
  const items: Item[] = []
  for (const folder of ["tuned", "held-out-6"]) {
    for (const c of await loadCorpus(folder)) items.push({ name: c.name, set: setOf(folder, c.name), expected: c.expected, rules: extractor.extract(c.mail), candidates: tagger.candidates(c.mail) })
  }
  const blind: Record<string, Record<string, ProposedOrder>> = {}
  const blindCandidates: Record<string, Record<string, LineCandidate[]>> = {}
  for (const [k, at] of [["4", "h4-at-0ad4f27"], ["5", "h5-at-0a3e349"]] as const) {
    const path = join(ORDERS_FIXTURES, "blind", `rules-lines-${at}.json`)
    if (existsSync(path)) blind[k] = JSON.parse(readFileSync(path, "utf8")) as Record<string, ProposedOrder>
    // Only the product's ref, the quantity, the unit, where and the features: what the tagger reads.
    const cands = join(ORDERS_FIXTURES, "blind", `candidates-${at}.json`)
    if (existsSync(cands)) blindCandidates[k] = JSON.parse(readFileSync(cands, "utf8")) as Record<string, LineCandidate[]>
  }
  console.log(`| fold | mails (not orders) | non-orders taken | orders missed | line P | line R | line F1 |\n|---|---|---|---|---|---|---|`)
  for (const k of dev ? ["2", "3"] : ["4", "5", "6"]) {
    const train = items.filter((i) => i.set !== k && !(dev && ["4", "5", "6"].includes(i.set)))
    const weights = trainLineTagger(train.map((i) => ({ candidates: i.candidates, expected: i.expected.is_order ? i.expected.lines : [] })))
    const test = items.filter((i) => i.set === k)
    const alone = (i: Item): ProposedOrder => {
      const lines = LineTagger.pick(weights, i.candidates).map((x) => x.line)
      return { ...i.rules, is_order: lines.length > 0, lines }
    }
    // The ceiling: every candidate that is a labelled line, on the mails that are orders (no model can pass it).
    const ceiling = (i: { expected: ExpectedOrder }, cands: readonly LineCandidate[]): ProposedOrder => {
      const want = new Set(i.expected.is_order ? i.expected.lines.map(lineKey) : [])
      const lines = [...new Map(cands.map((c) => ({ ref: c.line.product.ref, quantity: c.line.quantity, unit: c.line.unit })).filter((l) => want.has(lineKey(l))).map((l) => [lineKey(l), l])).values()]
      return { ...i.expected, lines }
    }
    report(`${k}: ceiling of the candidates`, test.map((i) => ({ name: i.name, expected: i.expected, got: ceiling(i, i.candidates) })))
    if (blindCandidates[k] !== undefined) report(`${k}: ceiling of the blind line finder's candidates`, test.map((i) => ({ name: i.name, expected: i.expected, got: ceiling(i, blindCandidates[k]![i.name]!) })))
    report(`${k}: rules now`, test.map((i) => ({ name: i.name, expected: i.expected, got: i.rules })))
    report(`${k}: tagger alone`, test.map((i) => ({ name: i.name, expected: i.expected, got: alone(i) })))
    report(`${k}: hybrid on the rules now`, test.map((i) => ({ name: i.name, expected: i.expected, got: { ...i.rules, lines: hybridLines(i.rules, i.candidates, weights) } })))
    const b = blind[k]
    if (b !== undefined) {
      report(`${k}: rules blind`, test.map((i) => ({ name: i.name, expected: i.expected, got: b[i.name]! })))
      report(`${k}: hybrid on the rules blind`, test.map((i) => ({ name: i.name, expected: i.expected, got: { ...b[i.name]!, lines: hybridLines(b[i.name]!, i.candidates, weights) } })))
      const bc = blindCandidates[k]
      if (bc !== undefined) {
        report(`${k}: tagger alone, blind line finder`, test.map((i) => {
          const lines = LineTagger.pick(weights, bc[i.name]!).map((x) => x.line)
          return { name: i.name, expected: i.expected, got: { ...b[i.name]!, is_order: lines.length > 0, lines } }
        }))
        report(`${k}: hybrid on the rules blind, blind line finder`, test.map((i) => ({ name: i.name, expected: i.expected, got: { ...b[i.name]!, lines: hybridLines(b[i.name]!, bc[i.name]!, weights) } })))
      }
    }
  }
  if (!dev) {
    const weights = trainLineTagger(items.map((i) => ({ candidates: i.candidates, expected: i.expected.is_order ? i.expected.lines : [] })))
    writeFileSync(join(import.meta.dirname, "..", "src", "domain", "orders", "line-tagger-weights.json"), `${JSON.stringify(weights, null, 1)}\n`)
    console.log(`weights: ${Object.keys(weights).length} features, trained on ${items.length} mails, ${items.reduce((n, i) => n + i.candidates.length, 0)} candidate lines`)
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
