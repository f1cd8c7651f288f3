import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import type { Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { customersFromCsv, productsFromCsv } from "~src/domain/orders/catalog-files"
import type { ExpectedOrder } from "~src/domain/orders/corpus-score"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import type { OrderContext, OrderMail } from "~src/domain/orders/types"
import { parseEml } from "~src/features/order-capture/parse-eml"

/** The labelled order mails of issue #11, parsed once (the extractor's time is measured apart from MIME and PDF). */
export const ORDERS_FIXTURES = join(import.meta.dirname ?? __dirname, "..", "tests", "fixtures", "orders")

export interface CorpusMail {
  name: string
  mail: OrderMail
  expected: ExpectedOrder
}

/**
 * The parts of the corpus: "tuned" (what the extractor was tuned on, floors enforced by corpus.test.ts), then each
 * held-out folder (`held-out*`, mails written after the extractor, only measured) that holds mails.
 */
export function corpusSets(): string[] {
  const heldOut = readdirSync(ORDERS_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith("held-out") && readdirSync(join(ORDERS_FIXTURES, d.name)).some((f) => f.endsWith(".eml")))
    .map((d) => d.name)
    .sort()
  return ["tuned", ...heldOut]
}

/**
 * Held-out folders still blind: measured for an aggregate figure only, never looked into, tuned or trained on.
 * ORDERS_BLIND_SETS (comma-separated) names more.
 */
export const BLIND_SETS: readonly string[] = ["held-out-6", "held-out-52", "held-out-53", "held-out-54", "held-out-55"]
/**
 * Held-out folders read while tuning and kept apart from tuned/ (held-out 13, tune13: tuned/'s floors fail with it;
 * held-out 44 and 45, read in tune44, are h44-* and h45-* in tuned/ since tune44b; held-out 46 and 47, read in tune46,
 * are h46-* and h47-* in tuned/ since tune46m; held-out 48 and 49, read in tune48, are h48-* and h49-* in tuned/ since tune48; held-out 50 and 51, read in tune50 and
 * kept apart then, are h50-* and h51-* in tuned/ since tune50b):
 * tuning material like tuned/. Any other held-out folder (a set just written …) counts as blind until a
 * tuning round names it here or moves it into tuned/.
 */
export const READ_SETS: readonly string[] = ["held-out-13"]

export function isBlindSet(set: string): boolean {
  if (set === "tuned") return false
  const named = [...BLIND_SETS, ...(process.env.ORDERS_BLIND_SETS ?? "").split(",").map((s) => s.trim())].filter((s) => s !== "")
  return named.includes(set) || !READ_SETS.includes(set)
}

/** The parts a model may be trained or evaluated on: tuned/ and the held-out folders already read, never a blind one. */
export function readSets(): string[] {
  return corpusSets().filter((s) => !isBlindSet(s))
}

export async function loadCorpus(set: string): Promise<CorpusMail[]> {
  const dir = join(ORDERS_FIXTURES, set)
  const names = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort()
  const out: CorpusMail[] = []
  for (const f of names) {
    const name = f.replace(/\.eml$/, "")
    out.push({ name, mail: await parseEml(readFileSync(join(dir, f))), expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as ExpectedOrder })
  }
  return out
}

export function fixtureExtractor(opts: { extraProducts?: number; extraCustomers?: number } = {}): OrderExtractor {
  return new OrderExtractor(fixtureContext(opts))
}

/** The corpus's customers and catalog (and our own domain), as every extractor of the bench is built with. */
export function fixtureContext(opts: { extraProducts?: number; extraCustomers?: number } = {}): OrderContext {
  const products = productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv")))
  return {
    customers: [...customersFromCsv(readFileSync(join(ORDERS_FIXTURES, "customers.csv"))), ...(opts.extraCustomers ? generateCustomers({ count: opts.extraCustomers, seed: 11 }) : [])],
    products: [...products, ...hardwareProducts(opts.extraProducts ?? 0, products[0]!)],
    ownDomains: ["comptoir-fournitures.fr"]
  }
}

const HARDWARE = ["Tournevis", "Clé", "Vis", "Boulon", "Écrou", "Perceuse", "Marteau", "Scie", "Colle", "Peinture", "Pinceau", "Rouleau", "Seau", "Balai", "Serpillière", "Câble", "Prise", "Interrupteur", "Disjoncteur", "Tuyau"]

/**
 * Products no mail of the corpus orders, named with numbers and sizes like a hardware catalog's, to see whether
 * a large catalog slows the extractor down or draws lines to the wrong product.
 */
export function hardwareProducts(n: number, like: Product): Product[] {
  return Array.from({ length: n }, (_, i) => ({
    ...like,
    id: `hw-${i}`,
    ref: `HW-${10000 + i}`,
    nameFr: `${HARDWARE[i % 20]} ${HARDWARE[(i * 7) % 20]} modèle ${i % 97} ${["acier", "inox", "bois", "PVC"][i % 4]} ${i % 13} mm`,
    nameEn: `Item ${HARDWARE[(i * 3) % 20]} model ${i % 97}`,
    unit: "pièce"
  }))
}
