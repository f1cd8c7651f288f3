import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

import type { Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { customersFromCsv, productsFromCsv } from "~src/domain/orders/catalog-files"
import type { ExpectedOrder } from "~src/domain/orders/corpus-score"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import type { OrderMail } from "~src/domain/orders/types"
import { parseEml } from "~src/features/order-capture/parse-eml"

/** The labelled order mails of issue #11, parsed once (the extractor's time is measured apart from MIME and PDF). */
export const ORDERS_FIXTURES = join(import.meta.dirname ?? __dirname, "..", "tests", "fixtures", "orders")

export interface CorpusMail {
  name: string
  mail: OrderMail
  expected: ExpectedOrder
}

/**
 * The parts of the corpus: `tuned` (the extractor was tuned on it), `held-out` (written after the extractor) and
 * `held-out-2` (written later still, blind, by an author who never read the extractor nor ran it on them).
 */
export const CORPUS_SETS = ["tuned", "held-out", "held-out-2"] as const
export type CorpusSet = (typeof CORPUS_SETS)[number]

export async function loadCorpus(set: CorpusSet): Promise<CorpusMail[]> {
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
  const products = productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv")))
  return new OrderExtractor({
    customers: [...customersFromCsv(readFileSync(join(ORDERS_FIXTURES, "customers.csv"))), ...(opts.extraCustomers ? generateCustomers({ count: opts.extraCustomers, seed: 11 }) : [])],
    products: [...products, ...hardwareProducts(opts.extraProducts ?? 0, products[0]!)],
    ownDomains: ["comptoir-fournitures.fr"]
  })
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
