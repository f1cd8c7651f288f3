// `npm run -s orders:extract -- --customers CUSTOMERS.csv --products PRODUCTS.csv [--own-domain DOMAIN …]
// [--agent EMAIL] MAIL.eml [MAIL2.eml …]` (issue #11): one JSON object, each mail's base name → the order the
// extension would propose for it. Same code as the extension: the .eml adapter (postal-mime, unpdf) and
// src/domain/orders. The team's mail domains (`--own-domain`, or the agent's address as the extension reads it,
// `--agent`) tell a colleague's note passing on a customer's order from the customer's own mail: the extension
// always has them (the signed-in agent's), so a mail read here without them may read as no order.
import { readFileSync } from "node:fs"
import { basename, extname } from "node:path"

import { customersFromCsv, productsFromCsv } from "~src/domain/orders/catalog-files"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import { ownDomainsOf } from "~src/domain/orders/own-domains"
import { parseEml } from "~src/features/order-capture/parse-eml"

const args = process.argv.slice(2)
let customersFile: string | null = null
let productsFile: string | null = null
const mails: string[] = []
const ownDomains: string[] = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]!
  if (a === "--customers") customersFile = args[++i] ?? null
  else if (a === "--products") productsFile = args[++i] ?? null
  else if (a === "--own-domain") ownDomains.push((args[++i] ?? "").trim().toLowerCase())
  else if (a === "--agent") ownDomains.push(...ownDomainsOf([args[++i]]))
  else if (a === "--") continue
  else mails.push(a)
}
const usage = "usage: npm run -s orders:extract -- --customers CUSTOMERS.csv --products PRODUCTS.csv [--own-domain DOMAIN …] [--agent EMAIL] MAIL.eml [MAIL2.eml …]"
if (customersFile === null || productsFile === null || mails.length === 0) {
  console.error(usage)
  process.exit(2)
}
if (ownDomains.some((d) => !/^[\w-]+(\.[\w-]+)+$/.test(d))) {
  console.error(`--own-domain takes a mail domain such as example.fr\n${usage}`)
  process.exit(2)
}
const extractor = new OrderExtractor({
  customers: customersFromCsv(readFileSync(customersFile)),
  products: productsFromCsv(readFileSync(productsFile)),
  ownDomains
})
async function main(): Promise<void> {
  const out: Record<string, unknown> = {}
  for (const file of mails) {
    const { evidence: _evidence, ...order } = extractor.extract(await parseEml(readFileSync(file)))
    out[basename(file, extname(file))] = order
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n")
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
