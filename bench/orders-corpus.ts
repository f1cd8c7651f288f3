import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"

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

export async function loadCorpus(set: "tuned" | "held-out"): Promise<CorpusMail[]> {
  const dir = join(ORDERS_FIXTURES, set)
  const names = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort()
  const out: CorpusMail[] = []
  for (const f of names) {
    const name = f.replace(/\.eml$/, "")
    out.push({ name, mail: await parseEml(readFileSync(join(dir, f))), expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as ExpectedOrder })
  }
  return out
}

export function fixtureExtractor(): OrderExtractor {
  return new OrderExtractor({
    customers: customersFromCsv(readFileSync(join(ORDERS_FIXTURES, "customers.csv"))),
    products: productsFromCsv(readFileSync(join(ORDERS_FIXTURES, "products.csv"))),
    ownDomains: ["comptoir-fournitures.fr"]
  })
}
