// `npm run demo:csv [count]`: writes build/demo-customers.csv and build/demo-products.csv, files to try the
// options page's import with (French and English companies, varied phone formats).
import { mkdirSync, writeFileSync } from "node:fs"

import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { demoCustomersCsv, exportProductsCsv } from "~src/domain/import/export"

const count = Number(process.argv[2] ?? 2000)
mkdirSync("build", { recursive: true })
writeFileSync("build/demo-customers.csv", demoCustomersCsv(generateCustomers({ count })))
writeFileSync("build/demo-products.csv", exportProductsCsv(generateProducts()))
console.log(`Wrote build/demo-customers.csv (${count} customers) and build/demo-products.csv`)
