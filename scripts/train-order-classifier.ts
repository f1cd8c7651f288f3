// `npx tsx --tsconfig tsconfig.json scripts/train-order-classifier.ts` (issue #11, tune5): the leave-one-set-out check
// of the learned is-order score (src/domain/orders/order-classifier.ts). Trained on the tuned corpus without the mails
// that were held-out 4 and 5 (h4-*, h5-*), with its fixed seed (same corpus, same weights), the model is scored on
// them beside the rules' decisions as they were measured blind (the extractor at 0ad4f27 on held-out 4, at 0a3e349
// on held-out 5: tests/fixtures/orders/blind/), and beside ways of combining the two. It did not beat the rules
// (tests/fixtures/orders/README.md, "Held-out 5 becomes tuning material; tune5"), so no weights are written and the extractor does not use it.
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { loadCorpus, ORDERS_FIXTURES } from "~bench/orders-corpus"
import { orderFeatures, orderProbability, trainOrderClassifier } from "~src/domain/orders/order-classifier"

async function main(): Promise<void> {
  const corpus = (await loadCorpus("tuned")).map((c) => ({ name: c.name, features: orderFeatures(c.mail), isOrder: c.expected.is_order }))
  const heldOut = (n: string): boolean => /^h[45]-/.test(n)
  const weights = trainOrderClassifier(corpus.filter((c) => !heldOut(c.name)))
  const rules: Record<string, boolean> = {
    ...(JSON.parse(readFileSync(join(ORDERS_FIXTURES, "blind", "rules-h4-at-0ad4f27.json"), "utf8")) as Record<string, boolean>),
    ...(JSON.parse(readFileSync(join(ORDERS_FIXTURES, "blind", "rules-h5-at-0a3e349.json"), "utf8")) as Record<string, boolean>)
  }
  const test = corpus.filter((c) => heldOut(c.name))
  const p = new Map(test.map((c) => [c.name, orderProbability(weights, c.features)]))
  const deciders: Record<string, (name: string) => boolean> = {
    "rules, blind": (n) => rules[n]!,
    "model alone (p > 0.5)": (n) => p.get(n)! > 0.5,
    "rules, vetoed by the model under 0.2": (n) => rules[n]! && p.get(n)! >= 0.2,
    "rules, vetoed by the model under 0.35": (n) => rules[n]! && p.get(n)! >= 0.35,
    "rules, or the model over 0.8": (n) => rules[n]! || p.get(n)! > 0.8
  }
  for (const set of ["h4-", "h5-", ""]) {
    const mails = test.filter((c) => c.name.startsWith(set))
    for (const [label, decide] of Object.entries(deciders)) {
      const taken = mails.filter((c) => !c.isOrder && decide(c.name)).length
      const missed = mails.filter((c) => c.isOrder && !decide(c.name)).length
      console.log(`${set === "" ? "h4+h5" : set.slice(0, 2)} | ${label} | ${mails.length} mails, ${mails.filter((c) => !c.isOrder).length} not orders | non-orders taken ${taken} | orders missed ${missed} | right ${mails.length - taken - missed}`)
    }
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
