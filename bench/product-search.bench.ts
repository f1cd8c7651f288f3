/**
 * Product search bench: the quote's "Add a line" search (`ProductSearch`, src/db/customer-search.ts) over seeded
 * catalogs of 500 and 5,000 products with French and English names, as the background worker runs it (Dexie over
 * fake-indexeddb: the first search loads the catalog, the next ones search in memory).
 *
 *   npx tsx --tsconfig tsconfig.json bench/product-search.bench.ts
 *
 * Env knobs: BENCH_PRODUCT_SIZES [500,5000], BENCH_PRODUCT_QUERIES [400]. Runs unchanged against any branch that
 * has `ProductSearch(db).search(query, limit)`: copy it into another checkout to compare builds side by side.
 * Prints a table and writes bench-results/product-search.json.
 */
import "fake-indexeddb/auto"

import { mkdirSync, writeFileSync } from "node:fs"
import { cpus, loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

import { ProductSearch } from "../src/db/customer-search"
import { ComptoirDb } from "../src/db/database"
import type { Product } from "../src/domain/customers/customer.schema"
import { seededRandom } from "../src/domain/demo/random"

const SIZES = (process.env.BENCH_PRODUCT_SIZES ?? "500,5000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0)
const QUERY_COUNT = Number(process.env.BENCH_PRODUCT_QUERIES ?? 400)
const PASSES = 3
const SHOWN = 8

// French and English words of an office supplier's catalog, accents included (the agent often types them without).
const NOUNS: ReadonlyArray<readonly [string, string]> = [
  ["Chaise", "Chair"],
  ["Bureau", "Desk"],
  ["Café", "Coffee"],
  ["Étiquettes", "Labels"],
  ["Chaîne", "Chain"],
  ["Écran", "Screen"],
  ["Câble", "Cable"],
  ["Règle", "Ruler"],
  ["Boîte", "Box"],
  ["Classeur", "Binder"],
  ["Enveloppes", "Envelopes"],
  ["Cartouche", "Cartridge"],
  ["Ramette", "Ream"],
  ["Agrafeuse", "Stapler"],
  ["Lampe", "Lamp"],
  ["Tabouret", "Stool"],
  ["Armoire", "Cupboard"],
  ["Étagère", "Shelf"],
  ["Gants", "Gloves"],
  ["Savon", "Soap"],
  ["Ruban", "Tape"],
  ["Palette", "Pallet"],
  ["Carton", "Carton"],
  ["Stylo", "Pen"],
  ["Crayon", "Pencil"],
  ["Gomme", "Eraser"],
  ["Cahier", "Notebook"],
  ["Clavier", "Keyboard"],
  ["Souris", "Mouse"],
  ["Casque", "Headset"],
  ["Thé", "Tea"],
  ["Sucre", "Sugar"],
  ["Gobelets", "Cups"],
  ["Serviettes", "Napkins"],
  ["Poubelle", "Bin"],
  ["Sacs", "Bags"],
  ["Tableau", "Board"],
  ["Feutres", "Markers"],
  ["Pochettes", "Sleeves"],
  ["Chemises", "Folders"]
]
const QUALIFIERS: ReadonlyArray<readonly [string, string]> = [
  ["ergonomique", "ergonomic"],
  ["réglable", "adjustable"],
  ["noir", "black"],
  ["blanc", "white"],
  ["bleu", "blue"],
  ["recyclé", "recycled"],
  ["pliant", "folding"],
  ["métallique", "metal"],
  ["premium", "premium"],
  ["économique", "economy"],
  ["renforcé", "reinforced"],
  ["adhésif", "adhesive"],
  ["magnétique", "magnetic"],
  ["lavable", "washable"],
  ["jetable", "disposable"],
  ["compact", "compact"],
  ["sans fil", "wireless"],
  ["à roulettes", "on wheels"],
  ["double face", "double-sided"],
  ["haute résistance", "heavy duty"],
  ["transparent", "clear"],
  ["biologique", "organic"],
  ["moulu", "ground"],
  ["en grains", "beans"],
  ["mat", "matt"],
  ["brillant", "glossy"],
  ["fin", "fine"],
  ["large", "wide"],
  ["professionnel", "professional"],
  ["standard", "standard"]
]
const SIZES_TEXT = ["", "A4", "A3", "50 cm", "80 mm", "1 kg", "500 g", "(100)", "(500)", "160 × 80", "5 L", "10 m"]

function catalog(size: number): Product[] {
  const rnd = seededRandom(7)
  const seen = new Set<string>()
  const out: Product[] = []
  while (out.length < size) {
    const n = Math.floor(rnd() * NOUNS.length)
    const q = Math.floor(rnd() * QUALIFIERS.length)
    const s = Math.floor(rnd() * SIZES_TEXT.length)
    const key = `${n}/${q}/${s}`
    if (seen.has(key)) continue
    seen.add(key)
    const [nounFr, nounEn] = NOUNS[n]!
    const [qualFr, qualEn] = QUALIFIERS[q]!
    const sz = SIZES_TEXT[s]!
    const ref = `${nounEn.slice(0, 3).toUpperCase()}-${String(1000 + out.length)}`
    out.push({
      id: `p${out.length}`,
      ref,
      nameFr: `${nounFr} ${qualFr} ${sz}`.trim(),
      nameEn: `${qualEn[0]!.toUpperCase()}${qualEn.slice(1)} ${nounEn.toLowerCase()} ${sz}`.trim(),
      unit: "pièce",
      unitPriceCents: 100 + out.length,
      vatRateBp: 2000,
      createdAt: 0,
      updatedAt: 0
    })
  }
  return out
}

type Kind = "ref" | "ref-compact" | "words" | "prefix" | "swap" | "missing" | "doubled" | "no-accents" | "mid-word"
/** "mid-word": 5 letters from inside the name's longest word ("gonom"), which no word begins: fuse.js's turn. */
const KINDS: readonly Kind[] = ["ref", "ref-compact", "words", "prefix", "swap", "missing", "doubled", "no-accents", "mid-word"]
const stripAccents = (s: string) => s.normalize("NFD").replace(/\p{M}+/gu, "")

/** One slip in the longest word of 4+ letters (the typo rule starts at 4 letters), at a seeded position. */
function slip(words: string[], kind: "swap" | "missing" | "doubled", rnd: () => number): string[] {
  const i = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0)
  const w = words[i]!
  if (w.length < 4) return words
  const at = 1 + Math.floor(rnd() * (w.length - 2))
  const slipped =
    kind === "swap"
      ? w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2)
      : kind === "missing"
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at + 1) + w.slice(at)
  return words.map((x, j) => (j === i ? slipped : x))
}

function queries(products: readonly Product[]): { kind: Kind; text: string; target: string }[] {
  const rnd = seededRandom(2026)
  const out: { kind: Kind; text: string; target: string }[] = []
  for (let k = 0; out.length < QUERY_COUNT; k++) {
    const kind = KINDS[k % KINDS.length]!
    let p = products[Math.floor(rnd() * products.length)]!
    while (kind === "no-accents" && stripAccents(p.nameFr) === p.nameFr) p = products[Math.floor(rnd() * products.length)]!
    const french = kind === "no-accents" || rnd() < 0.5
    const words = (french ? p.nameFr : p.nameEn).split(/\s+/)
    let text: string
    if (kind === "ref") text = p.ref
    else if (kind === "ref-compact") text = p.ref.replace("-", "").toLowerCase()
    else if (kind === "words") text = words.join(" ")
    else if (kind === "prefix") text = words.map((w) => w.slice(0, 4)).join(" ")
    else if (kind === "no-accents") text = stripAccents(p.nameFr).toLowerCase()
    else if (kind === "mid-word") {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a))
      if (longest.length < 7) continue
      text = longest.slice(1, 6).toLowerCase()
    } else
      text = slip(words, kind as "swap" | "missing" | "doubled", rnd)
        .join(" ")
        .toLowerCase()
    out.push({ kind, text, target: p.ref })
  }
  return out
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
}

const meta = { node: process.version, cpus: cpus().length, loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100) }
const rows: Record<string, unknown>[] = []
console.log(`Product search bench — node ${meta.node}, ${meta.cpus} cpus, load ${meta.loadavgAtStart.join(" ")}`)
console.log("products  kind          n    p50 ms   p95 ms   found   target in the 8 shown   first")
async function main(): Promise<void> {
  for (const size of SIZES) {
    const db = new ComptoirDb(`product-bench-${size}`)
    const products = catalog(size)
    await db.products.bulkPut(products)
    const search = new ProductSearch(db)
    const t0 = performance.now()
    await search.search("warm", SHOWN)
    const firstMs = performance.now() - t0
    const qs = queries(products)
    for (const q of qs) await search.search(q.text, SHOWN)
    const times: number[][] = qs.map(() => [])
    const results: string[][] = []
    for (let pass = 0; pass < PASSES; pass++) {
      for (const [i, q] of qs.entries()) {
        const t = performance.now()
        const found = await search.search(q.text, SHOWN)
        times[i]!.push(performance.now() - t)
        if (pass === 0) results.push(found.map((p) => p.ref))
      }
    }
    const median = times.map((t) => quantile(t, 0.5))
    for (const kind of ["all", ...KINDS] as const) {
      const idx = qs.flatMap((q, i) => (kind === "all" || q.kind === kind ? [i] : []))
      const ms = idx.map((i) => median[i]!)
      const found = idx.filter((i) => results[i]!.length > 0).length / idx.length
      const shown = idx.filter((i) => results[i]!.includes(qs[i]!.target)).length / idx.length
      const first = idx.filter((i) => results[i]![0] === qs[i]!.target).length / idx.length
      const row = {
        products: size,
        kind,
        n: idx.length,
        p50: quantile(ms, 0.5),
        p95: quantile(ms, 0.95),
        found,
        recallShown: shown,
        recallFirst: first,
        firstSearchMs: firstMs
      }
      rows.push(row)
      console.log(
        `${String(size).padEnd(10)}${kind.padEnd(14)}${String(idx.length).padEnd(5)}${row.p50.toFixed(3).padEnd(9)}${row.p95.toFixed(3).padEnd(9)}${found.toFixed(2).padEnd(8)}${shown.toFixed(2).padEnd(24)}${first.toFixed(2)}`
      )
    }
    console.log(`${size} products: first search (loads the catalog, builds) ${firstMs.toFixed(0)} ms`)
    db.close()
  }
}

void main().then(() => {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "bench-results")
  mkdirSync(outDir, { recursive: true })
  writeFileSync(
    join(outDir, "product-search.json"),
    JSON.stringify({ bench: "product search", date: new Date().toISOString(), meta, passes: PASSES, rows }, null, 2) + "\n"
  )
})
