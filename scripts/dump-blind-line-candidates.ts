// The line tagger's candidates as an OLDER extractor's line finder gives them, for the leave-one-set-out check of
// scripts/train-line-tagger.ts: on held-out 4 and 5 today's line finder was tuned on the mails (h4-*, h5-*), so its
// candidates there are better than a new mail's would be. Run inside a worktree of the commit that was measured blind
// (0ad4f27 for held-out 4, 0a3e349 for held-out 5), with src/domain/orders/line-tagger.ts and order-classifier.ts of
// branch `tagger` copied in and `chooseBody` / `ownSegments` (now in mail-body.ts) exported:
//   npx tsx --tsconfig tsconfig.json dump-blind-line-candidates.ts held-out-4 h4- > …/blind/candidates-h4-at-0ad4f27.json
// With `--rules` last: that extractor's proposals instead (…/blind/rules-lines-h4-at-0ad4f27.json).
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { fixtureExtractor, loadCorpus, ORDERS_FIXTURES } from "~bench/orders-corpus"
import { productsFromCsv } from "~src/domain/orders/catalog-files"
import { LineTagger } from "~src/domain/orders/line-tagger"

async function main(): Promise<void> {
  const [set, prefix] = process.argv.slice(2) as [string, string]
  const tagger = new LineTagger(productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv"))), ["comptoir-fournitures.fr"])
  const out: Record<string, unknown> = {}
  const rules = process.argv.includes("--rules") ? fixtureExtractor() : null
  for (const c of await loadCorpus(set)) {
    if (!c.name.startsWith(prefix)) continue
    if (rules !== null) {
      const g = rules.extract(c.mail)
      out[c.name] = { is_order: g.is_order, customer_code: g.customer_code, po_number: g.po_number, delivery_date: g.delivery_date, delivery_address: g.delivery_address, lines: g.lines }
      continue
    }
    out[c.name] = tagger.candidates(c.mail).map((x) => ({ line: { product: { ref: x.line.product.ref }, quantity: x.line.quantity, unit: x.line.unit }, where: x.where, features: x.features }))
  }
  console.log(JSON.stringify(out, null, rules !== null ? 1 : undefined))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
