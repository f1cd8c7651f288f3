/**
 * Which mails are slow for the order extractor (issue #11, "≤ 50 ms per mail"): the extractor's time on each mail of
 * a corpus part (median and fastest of several passes: on a busy machine the fastest says best what the mail costs), with the corpus's catalog and with the large one (+ 5,000 products,
 * + 20,000 customers, as orders.bench.ts), the slowest (by their fastest pass) listed by file name.
 *
 *   npx tsx --tsconfig tsconfig.json bench/orders-mail-times.ts [--top 10] [--passes 7] [--large] SET [SET …]
 *
 * It reads the mails only, never their labels, and prints names and times only, never what the extractor returns:
 * it may be run on a blind part (held-out-N) without opening it.
 */
import { readFileSync, readdirSync } from "node:fs"
import { loadavg } from "node:os"
import { join } from "node:path"

import type { OrderMail } from "../src/domain/orders/types"
import { parseEml } from "../src/features/order-capture/parse-eml"
import { fixtureExtractor, ORDERS_FIXTURES } from "./orders-corpus"

const args = process.argv.slice(2)
let top = 10
let passes = 7
let large = false
const sets: string[] = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === "--top") top = Number(args[++i])
  else if (a === "--passes") passes = Number(args[++i])
  else if (a === "--large") large = true
  else sets.push(a)
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}
const ms = (x: number): string => x.toFixed(1).padStart(7)

async function main(): Promise<void> {
  const extractor = large ? fixtureExtractor({ extraProducts: 5000, extraCustomers: 20000 }) : fixtureExtractor()
  console.log(`extractor time per mail, median of ${passes} passes, ${large ? "large" : "corpus"} catalog, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`)
  for (const set of sets) {
    const dir = join(ORDERS_FIXTURES, set)
    const mails: { name: string; mail: OrderMail }[] = []
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".eml")).sort()) mails.push({ name: f.replace(/\.eml$/, ""), mail: await parseEml(readFileSync(join(dir, f))) })
    const times = mails.map(({ name, mail }) => {
      const t: number[] = []
      for (let p = 0; p < passes; p++) {
        const t0 = performance.now()
        extractor.extract(mail)
        t.push(performance.now() - t0)
      }
      return { name, ms: quantile(t, 0.5), min: Math.min(...t) }
    })
    const all = times.map((t) => t.ms)
    const mins = times.map((t) => t.min)
    console.log(`\n${set}: ${times.length} mails, median of passes: p50 ${ms(quantile(all, 0.5))} ms, p95 ${ms(quantile(all, 0.95))} ms, max ${ms(Math.max(...all))} ms; fastest pass: p50 ${ms(quantile(mins, 0.5))}, p95 ${ms(quantile(mins, 0.95))}, max ${ms(Math.max(...mins))} ms`)
    console.log(`  median  fastest  (ms)`)
    for (const t of [...times].sort((a, b) => b.min - a.min).slice(0, top)) console.log(`  ${ms(t.ms)}  ${ms(t.min)}  ${t.name}`)
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
