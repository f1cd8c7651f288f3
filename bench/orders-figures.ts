/**
 * The order bench's figures over several corpus folders taken as ONE corpus, to compare two versions of the
 * extractor on the same mails when a held-out part has moved into tuned/ between them (main before: tuned/ +
 * held-out-3/; after: tuned/). Same loader, scoring and timing as bench/orders.bench.ts (extractor alone, median
 * of 5 passes per mail), with the corpus's catalog and with the large one (+5,000 products, +20,000 customers).
 *
 *   npx tsx --tsconfig tsconfig.json bench/orders-figures.ts tuned [held-out-3 …]   (ONLY=h3- keeps names so prefixed)
 *
 * Prints one JSON line; lists no mail, so it is safe on a blind part.
 * TAGGER=1 times each mail through the extractor AND the learned line tagger (its candidates and the hybrid's choice,
 * src/domain/orders/line-tagger.ts, an experiment the extractor does not use): what wiring it in would cost.
 */
import { readFileSync } from "node:fs"
import { loadavg } from "node:os"
import { join } from "node:path"

import { productsFromCsv } from "../src/domain/orders/catalog-files"
import { scoreCorpus } from "../src/domain/orders/corpus-score"
import { scoreHeaderMisses } from "../src/domain/orders/header-misses"
import { hybridLines, LineTagger } from "../src/domain/orders/line-tagger"
import weights from "../src/domain/orders/line-tagger-weights.json"
import { fixtureExtractor, hardwareProducts, loadCorpus, ORDERS_FIXTURES } from "./orders-corpus"

const round = (x: number, n = 3): number => Math.round(x * 10 ** n) / 10 ** n
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0, 1)
}

async function main(): Promise<void> {
  const only = process.env.ONLY ?? ""
  const corpus = (await Promise.all(process.argv.slice(2).map((s) => loadCorpus(s)))).flat().filter((c) => c.name.startsWith(only))
  const out: Record<string, unknown> = { tagger: process.env.TAGGER === "1", load: loadavg().map((l) => l.toFixed(1)).join(" ") }
  for (const large of [false, true]) {
    const extractor = large ? fixtureExtractor({ extraProducts: 5000, extraCustomers: 20000 }) : fixtureExtractor()
    const base = productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv")))
    const tagger = process.env.TAGGER === "1" ? new LineTagger(large ? [...base, ...hardwareProducts(5000, base[0]!)] : base, ["comptoir-fournitures.fr"]) : null
    const run = (mail: (typeof corpus)[number]["mail"]): ReturnType<typeof extractor.extract> => {
      const got = extractor.extract(mail)
      return tagger === null ? got : { ...got, lines: hybridLines(got, tagger.candidates(mail), weights) }
    }
    const ms: number[] = []
    for (const c of corpus) {
      const t: number[] = []
      for (let p = 0; p < 5; p++) {
        const t0 = performance.now()
        run(c.mail)
        t.push(performance.now() - t0)
      }
      ms.push(t.sort((a, b) => a - b)[2]!)
    }
    const items = corpus.map((c) => ({ name: c.name, expected: c.expected, got: run(c.mail) }))
    const s = scoreCorpus(items)
    const h = s.headerAccuracy
    out[large ? "large catalog" : "corpus catalog"] = {
      mails: s.mails, "non-orders": s.nonOrders, "non-orders taken": s.nonOrdersTaken, "orders missed": s.ordersMissed,
      customer: round(h.customer_code), "order no.": round(h.po_number), "delivery date": round(h.delivery_date), address: round(h.delivery_address),
      "line P": round(s.linePrecision), "line R": round(s.lineRecall), "line F1": round(s.lineF1),
      "p50 ms": quantile(ms, 0.5), "p95 ms": quantile(ms, 0.95), "max ms": quantile(ms, 1),
      // How each wrong header field reached the agent: left empty, filled and highlighted for a check, or filled as sure.
      "header misses": scoreHeaderMisses(items)
    }
  }
  out["load at the end"] = loadavg()[0]!.toFixed(1)
  console.log(JSON.stringify(out))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
