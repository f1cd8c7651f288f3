/**
 * Customer search bench: our token index vs fuse.js over every record, at 10k and 100k demo customers.
 *
 *   npx tsx --tsconfig tsconfig.json bench/search.bench.ts
 *
 * Env knobs (defaults in brackets): BENCH_FUSE_10K [500] and BENCH_FUSE_100K [30] fuse.js queries, each capped by
 * BENCH_FUSE_SECONDS [180] of fuse time per size (on these shared cores fuse.js took 1.5-4 s per multi-word query
 * at 10k and 7-47 s at 100k, so "all 500 at 10k" would take ~20 min), BENCH_SIZES [10000,100000], BENCH_QUERIES [500].
 * The fuse sample interleaves query kinds, so a run cut by the time cap stays balanced.
 * Prints tables and writes bench-results/search.json.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import v8 from "node:v8"
import vm from "node:vm"

import Fuse from "fuse.js"

import type { Customer } from "../src/domain/customers/customer.schema"
import { generateCustomers, type DemoCustomer } from "../src/domain/demo/demo-data"
import { seededRandom } from "../src/domain/demo/random"
import { CustomerSearchIndex, foldText } from "../src/domain/search/customer-search-index"

// Heap figures need a real GC between measurements; tsx does not pass --expose-gc, so ask V8 for it.
v8.setFlagsFromString("--expose-gc")
const gc = vm.runInNewContext("gc") as () => void
const heapUsed = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const envInt = (name: string, fallback: number): number => {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v >= 0 ? Math.floor(v) : fallback
}
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number).filter((n) => n > 0)
const QUERY_COUNT = envInt("BENCH_QUERIES", 500)
const FUSE_QUERIES: Record<number, number> = { 10000: envInt("BENCH_FUSE_10K", 500), 100000: envInt("BENCH_FUSE_100K", 30) }
const FUSE_SECONDS = envInt("BENCH_FUSE_SECONDS", 180)
const DATA_SEED = 7
const QUERY_SEED = 2026
/** Timed passes per query for our index; the median is kept, so a neighbour's CPU burst does not set p95. */
const PASSES = 3
/** Builds timed per size: the first is cold, the median is reported. */
const BUILDS = 3

// ---------------------------------------------------------------- query generation

type Kind = "typo1" | "typo2" | "accents" | "prefix" | "company+city" | "contact+typo"
const MIX: ReadonlyArray<readonly [Kind, number, string]> = [
  ["typo1", 0.24, "identifying company words, one of them (>= 4 letters) with 1 edit (insert/delete/substitute/transpose)"],
  ["typo2", 0.16, "identifying company words, two of them (>= 4 letters each) with 1 edit each"],
  ["accents", 0.16, "identifying company words of a French customer whose words carry accents, typed without accents"],
  ["prefix", 0.16, "first 4-6 letters of each identifying company word (shorter words whole), at least two words"],
  ["company+city", 0.14, "one or more company words plus the city, in shuffled order"],
  ["contact+typo", 0.14, "a contact's 'firstname lastname' with 1 edit in one of them, plus company words until identifying"]
]

interface BenchQuery {
  kind: Kind
  text: string
  targetId: string
}

const LEGAL = new Set(["sarl", "sas", "sa", "eurl", "sasu", "fils", "et", "associes", "freres", "ltd", "llp", "plc", "sons", "inc", "llc", "group"])
const LETTERS = "abcdefghijklmnopqrstuvwxyz"

/**
 * Ground truth for "this query identifies its target": an exact (or exact-prefix) token filter over the same
 * searchable fields as the index. A generated query is kept only if its clean form (before typos) matches the
 * target alone; otherwise it gets one more word of the target, and if the words run out another target is drawn.
 */
class ExactFilter {
  private readonly postings = new Map<string, number[]>()
  private readonly sortedTokens: string[]
  constructor(private readonly customers: readonly Customer[]) {
    customers.forEach((c, i) => {
      const tokens = new Set<string>()
      const add = (s: string): void => {
        for (const t of foldText(s).split(" ")) if (t !== "") tokens.add(t)
      }
      add(c.company)
      for (const k of c.contacts) {
        add(k.firstName)
        add(k.lastName)
      }
      for (const a of c.addresses) add(a.city)
      for (const t of tokens) {
        const list = this.postings.get(t)
        if (list === undefined) this.postings.set(t, [i])
        else list.push(i)
      }
    })
    this.sortedTokens = [...this.postings.keys()].sort()
  }

  /** Number of records holding every token (or, with `prefix`, a token starting with each). */
  count(tokens: readonly string[], prefix: boolean): number {
    let current: ReadonlySet<number> | undefined
    for (const t of tokens) {
      const docs = new Set<number>()
      if (prefix) {
        for (const v of this.sortedTokens) if (v.startsWith(t)) for (const d of this.postings.get(v)!) docs.add(d)
      } else {
        for (const d of this.postings.get(t) ?? []) docs.add(d)
      }
      current = intersect(current, docs)
      if (current.size === 0) return 0
    }
    return current?.size ?? this.customers.length
  }
}

function intersect(a: ReadonlySet<number> | undefined, b: ReadonlySet<number>): ReadonlySet<number> {
  if (a === undefined) return b
  const out = new Set<number>()
  for (const x of a) if (b.has(x)) out.add(x)
  return out
}

function makeQueries(customers: readonly DemoCustomer[], count: number): { queries: BenchQuery[]; redraws: number } {
  const rnd = seededRandom(QUERY_SEED)
  const filter = new ExactFilter(customers)
  const int = (n: number): number => Math.floor(rnd() * n)
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(i + 1)
      ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
    }
    return xs
  }
  const typo = (word: string): string => {
    for (;;) {
      const w = foldText(word)
      const at = int(w.length)
      const letter = LETTERS[int(26)]!
      let out: string
      switch (int(4)) {
        case 0:
          out = w.slice(0, at) + w.slice(at + 1)
          break
        case 1:
          out = w.slice(0, at) + letter + w.slice(at)
          break
        case 2:
          out = w.slice(0, at) + letter + w.slice(at + 1)
          break
        default:
          out = at + 1 < w.length ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w.slice(0, at - 1) + w[at] + w[at - 1]
      }
      if (out !== w) return out
    }
  }
  /** Company words in the order a person would use to identify it: distinctive names first, then suffixes. */
  const companyWords = (c: Customer): string[] => {
    const words = c.company.split(/[\s-]+/).filter((w) => foldText(w) !== "")
    const distinctive = shuffle(words.filter((w) => !LEGAL.has(foldText(w)) && !/^\d+$/.test(w)))
    return [...distinctive, ...words.filter((w) => /^\d+$/.test(w)), ...words.filter((w) => LEGAL.has(foldText(w)))]
  }
  /** Takes words from `pool` after `base` until the clean query (folded, before typos) matches only the target. */
  const identify = (base: string[], pool: string[], minWords: number, prefix: boolean): string[] | null => {
    const words = [...base]
    let i = 0
    while (words.length < minWords && i < pool.length) words.push(pool[i++]!)
    for (;;) {
      const tokens = words.flatMap((w) => foldText(w).split(" ")).filter((t) => t !== "")
      if (words.length >= minWords && filter.count(tokens, prefix) === 1) return words
      if (i >= pool.length) return null
      words.push(pool[i++]!)
    }
  }
  const casing = (w: string): string => (rnd() < 0.5 ? w.toLowerCase() : w)
  const ordered = (ws: string[]): string[] => (rnd() < 0.3 ? shuffle(ws) : ws)
  /** A typed beginning: 4 to 6 letters, or the whole word when it is that short. */
  const cut = (w: string): string => {
    const f = foldText(w)
    return f.length <= 4 ? f : f.slice(0, Math.min(f.length, 4 + int(3)))
  }

  const queries: BenchQuery[] = []
  let redraws = 0
  for (const [kind, share] of MIX) {
    const quota = Math.round(share * count)
    let made = 0
    while (made < quota) {
      const c = customers[int(customers.length)]!
      let text: string | null = null
      if (kind === "typo1" || kind === "typo2") {
        const words = identify([], companyWords(c), kind === "typo2" ? 2 : 1, false)
        const long = words?.map((w, i) => [w, i] as const).filter(([w]) => foldText(w).length >= 4) ?? []
        const need = kind === "typo2" ? 2 : 1
        if (words !== null && long.length >= need) {
          const picked = shuffle([...long]).slice(0, need)
          const out = words.map(casing)
          for (const [w, i] of picked) out[i] = typo(w)
          text = ordered(out).join(" ")
        }
      } else if (kind === "accents") {
        const words = c.country === "FR" ? identify([], companyWords(c), 1, false) : null
        if (words !== null && words.some((w) => foldText(w) !== w.toLowerCase())) text = ordered(words.map(foldText)).join(" ")
      } else if (kind === "prefix") {
        const words = identify([], companyWords(c).map(cut), 2, true)
        if (words !== null) text = ordered(words).join(" ")
      } else if (kind === "company+city") {
        const city = c.addresses[0]?.city ?? ""
        const words = city === "" ? null : identify([city], companyWords(c), 2, false)
        if (words !== null) text = shuffle(words.map(casing)).join(" ")
      } else {
        const contact = c.contacts[int(c.contacts.length)]!
        const names = [contact.firstName, contact.lastName]
        const typoAt = names.map((n, i) => [n, i] as const).filter(([n]) => foldText(n).length >= 4 && !foldText(n).includes(" "))
        const words = typoAt.length === 0 ? null : identify(names, companyWords(c), 2, false)
        if (words !== null) {
          const [name, i] = typoAt[int(typoAt.length)]!
          const out = words.map(casing)
          out[i] = typo(name)
          text = out.join(" ")
        }
      }
      if (text === null) {
        redraws++
        continue
      }
      queries.push({ kind, text, targetId: c.id })
      made++
    }
  }
  return { queries, redraws }
}

// ---------------------------------------------------------------- measuring

interface Stats {
  n: number
  p50: number
  p95: number
  p99: number
  recallAt5: number
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function stats(times: readonly number[], hits: readonly boolean[]): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    n: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    recallAt5: hits.filter(Boolean).length / Math.max(1, hits.length)
  }
}

function runOurs(index: CustomerSearchIndex, queries: readonly BenchQuery[]): { times: number[]; hits: boolean[] } {
  for (const q of queries) index.search(q.text, 10) // warm-up: JIT and caches, as after the first keystrokes
  const times = queries.map(() => [] as number[])
  const hits: boolean[] = []
  for (let pass = 0; pass < PASSES; pass++) {
    queries.forEach((q, i) => {
      const t0 = performance.now()
      const result = index.search(q.text, 10)
      times[i]!.push(performance.now() - t0)
      if (pass === 0) hits.push(result.slice(0, 5).some((h) => h.id === q.targetId))
    })
  }
  return { times: times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!), hits }
}

interface FuseRecord {
  id: string
  company: string
  names: string[]
  city: string[]
  emails: string[]
}

function runFuse(customers: readonly Customer[], queries: readonly BenchQuery[]): { times: number[]; hits: boolean[]; buildMs: number } {
  const records: FuseRecord[] = customers.map((c) => ({
    id: c.id,
    company: c.company,
    names: c.contacts.flatMap((k) => [k.firstName, k.lastName]),
    city: c.addresses.map((a) => a.city),
    emails: c.contacts.flatMap((k) => k.emails)
  }))
  const t0 = performance.now()
  const fuse = new Fuse(records, { keys: ["company", "names", "city", "emails"], threshold: 0.4, ignoreLocation: true })
  const buildMs = performance.now() - t0
  const times: number[] = []
  const hits: boolean[] = []
  const deadline = performance.now() + FUSE_SECONDS * 1000
  for (const q of queries) {
    if (times.length > 0 && performance.now() > deadline) break
    const t = performance.now()
    const result = fuse.search(q.text, { limit: 10 })
    times.push(performance.now() - t)
    hits.push(result.slice(0, 5).some((r) => r.item.id === q.targetId))
  }
  return { times, hits, buildMs }
}

/** Queries interleaved across kinds (one of each kind in turn), so any prefix of the list is balanced. */
function sampleByKind(queries: readonly BenchQuery[], n: number): BenchQuery[] {
  const byKind = MIX.map(([kind]) => queries.filter((q) => q.kind === kind))
  const out: BenchQuery[] = []
  for (let round = 0; out.length < Math.min(n, queries.length); round++) {
    for (const list of byKind) {
      const q = list[round]
      if (q !== undefined && out.length < n) out.push(q)
    }
  }
  return out
}

// ---------------------------------------------------------------- main

interface Row {
  records: number
  engine: string
  buildMs: number
  /** Heap the index holds once the records it was built from are gone: the index alone, ids and emails included. */
  heapMB: number | null
  /** Heap growth during the build while the records stay alive (strings shared with them are not counted). */
  heapGrowthRecordsAliveMB: number | null
  stats: Stats
  queries: string
}

const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits
const rows: Row[] = []
const perKind: Record<string, Record<string, Stats>> = {}
const coldBuildMs: Record<number, number> = {}
const ratios: Record<string, { oursP95: number; fuseP95: number; ratio: number; fuseQueries: number }> = {}
const meta = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "", loadavgAtStart: loadavg().map((x) => round(x)) }
let queryMixNote: Record<string, unknown> = {}

for (const size of SIZES) {
  const h0 = heapUsed()
  const customers: DemoCustomer[] = generateCustomers({ count: size, seed: DATA_SEED })
  const { queries, redraws } = makeQueries(customers, QUERY_COUNT)
  const counts = Object.fromEntries(MIX.map(([k]) => [k, queries.filter((q) => q.kind === k).length]))
  queryMixNote = {
    seed: QUERY_SEED,
    total: queries.length,
    counts,
    redrawnTargets: { ...(queryMixNote.redrawnTargets as object), [size]: redraws },
    kinds: Object.fromEntries(MIX.map(([k, , d]) => [k, d])),
    examples: Object.fromEntries(MIX.map(([k]) => [k, queries.filter((q) => q.kind === k).slice(0, 3).map((q) => q.text)]))
  }

  // The first build runs cold (the service worker's case); two more give a figure less at the mercy of neighbours.
  const buildTimes: number[] = []
  for (let b = 0; b < BUILDS - 1; b++) {
    const t = performance.now()
    CustomerSearchIndex.build(customers)
    buildTimes.push(performance.now() - t)
    heapUsed()
  }
  const h1 = heapUsed()
  const t0 = performance.now()
  const index = CustomerSearchIndex.build(customers)
  buildTimes.push(performance.now() - t0)
  const heapGrowthRecordsAliveMB = (heapUsed() - h1) / 1e6
  const buildMs = [...buildTimes].sort((a, b) => a - b)[Math.floor(buildTimes.length / 2)]!
  coldBuildMs[size] = round(buildTimes[0]!, 0)
  const ours = runOurs(index, queries)
  const oursStats = stats(ours.times, ours.hits)
  perKind[`ours@${size}`] = Object.fromEntries(
    MIX.map(([k]) => {
      const idx = queries.flatMap((q, i) => (q.kind === k ? [i] : []))
      return [k, stats(idx.map((i) => ours.times[i]!), idx.map((i) => ours.hits[i]!))]
    })
  )
  const oursRow: Row = { records: size, engine: "token index (ours)", buildMs, heapMB: null, heapGrowthRecordsAliveMB, stats: oursStats, queries: `${queries.length} × ${PASSES} passes (median)` }
  rows.push(oursRow)

  const fuseN = FUSE_QUERIES[size] ?? 30
  if (fuseN > 0) {
    const fuse = runFuse(customers, sampleByKind(queries, fuseN))
    const sample = sampleByKind(queries, fuseN).slice(0, fuse.times.length)
    const fuseStats = stats(fuse.times, fuse.hits)
    rows.push({ records: size, engine: "fuse.js 7.5 over all records", buildMs: fuse.buildMs, heapMB: null, heapGrowthRecordsAliveMB: null, stats: fuseStats, queries: `${sample.length} (1 pass)` })
    ratios[`${size}`] = { oursP95: oursStats.p95, fuseP95: fuseStats.p95, ratio: fuseStats.p95 / oursStats.p95, fuseQueries: sample.length }
    const sampleIdx = sample.map((q) => queries.indexOf(q))
    perKind[`ours@${size} on the fuse sample`] = { all: stats(sampleIdx.map((i) => ours.times[i]!), sampleIdx.map((i) => ours.hits[i]!)) }
    perKind[`fuse@${size}`] = Object.fromEntries(
      MIX.map(([k]) => {
        const idx = sample.flatMap((q, i) => (q.kind === k ? [i] : []))
        return [k, stats(idx.map((i) => fuse.times[i]!), idx.map((i) => fuse.hits[i]!))]
      })
    )
  }

  // What the index alone keeps (ids and emails included) once every record it was built from is gone.
  customers.length = 0
  oursRow.heapMB = (heapUsed() - h0) / 1e6
  if (index.size !== size) throw new Error("index lost records")
}

// ---------------------------------------------------------------- report

const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length))
const num = (x: number | null, d = 1): string => (x === null || Number.isNaN(x) ? "-" : x.toFixed(d))
console.log(`\nCustomer search bench — node ${meta.node}, ${meta.cpus} cpus, load ${meta.loadavgAtStart.join(" ")}`)
console.log(pad("records", 9) + pad("engine", 30) + pad("build ms", 10) + pad("heap MB", 9) + pad("p50 ms", 9) + pad("p95 ms", 9) + pad("p99 ms", 9) + pad("recall@5", 10) + "queries")
for (const r of rows) {
  console.log(pad(String(r.records), 9) + pad(r.engine, 30) + pad(num(r.buildMs, 0), 10) + pad(num(r.heapMB), 9) + pad(num(r.stats.p50, 2), 9) + pad(num(r.stats.p95, 2), 9) + pad(num(r.stats.p99, 2), 9) + pad(num(r.stats.recallAt5, 3), 10) + r.queries)
}
console.log(`cold first build ms: ${JSON.stringify(coldBuildMs)}`)
for (const [size, r] of Object.entries(ratios)) {
  console.log(`at ${size}: our p95 ${r.oursP95.toFixed(2)} ms vs fuse.js p95 ${r.fuseP95.toFixed(0)} ms (${r.fuseQueries} queries) → ×${Math.round(r.ratio)} faster`)
}
for (const [name, kinds] of Object.entries(perKind)) {
  if (name.includes("sample")) continue
  console.log(`\n${name} by query kind`)
  console.log(pad("kind", 14) + pad("n", 5) + pad("p50 ms", 10) + pad("p95 ms", 10) + "recall@5")
  for (const [k, s] of Object.entries(kinds)) console.log(pad(k, 14) + pad(String(s.n), 5) + pad(num(s.p50, 2), 10) + pad(num(s.p95, 2), 10) + num(s.recallAt5, 3))
}
console.log(`\nquery mix (seed ${QUERY_SEED}; each query's clean form, before typos, matches its target alone under an exact token filter):`)
for (const [kind, , description] of MIX) {
  const examples = (queryMixNote.examples as Record<string, string[]>)[kind] ?? []
  console.log(`  ${pad(kind, 13)} ${pad(String((queryMixNote.counts as Record<string, number>)[kind] ?? 0), 4)} ${description}; e.g. ${examples.map((e) => JSON.stringify(e)).join(", ")}`)
}

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, "..", "bench-results")
mkdirSync(outDir, { recursive: true })
writeFileSync(
  join(outDir, "search.json"),
  JSON.stringify(
    {
      bench: "customer search",
      date: new Date().toISOString(),
      meta,
      notes: [
        "heapMB: heap still held once every record is dropped (the index alone, ids and emails included), after forced GCs; heapGrowthRecordsAliveMB: heap growth across the build with the records alive",
        `ours: ${PASSES} timed passes after a warm-up pass, median per query; fuse.js: one pass, no warm-up, the brief's options (threshold 0.4, ignoreLocation), so no ignoreDiacritics: its accent-query recall suffers from that, its speed would halve with it`,
        `fuse.js query count: the first N of a kind-interleaved sample, cut after BENCH_FUSE_SECONDS=${FUSE_SECONDS} s of fuse time per size`,
        "ratio: fuse p95 over its query sample / our p95 over all queries",
        `build ms: median of ${BUILDS} builds; the first (cold JIT) is in coldBuildMs`
      ],
      queryMix: queryMixNote,
      rows: rows.map((r) => ({ ...r, buildMs: round(r.buildMs, 0), heapMB: r.heapMB === null ? null : round(r.heapMB, 1), heapGrowthRecordsAliveMB: r.heapGrowthRecordsAliveMB === null ? null : round(r.heapGrowthRecordsAliveMB, 1), stats: { ...r.stats, p50: round(r.stats.p50, 3), p95: round(r.stats.p95, 3), p99: round(r.stats.p99, 3), recallAt5: round(r.stats.recallAt5, 3) } })),
      coldBuildMs,
      ratios,
      perKind
    },
    null,
    2
  ) + "\n"
)
console.log(`\nwrote ${join(outDir, "search.json")}`)
