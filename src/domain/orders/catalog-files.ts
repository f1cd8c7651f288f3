import type { Customer, Product } from "../customers/customer.schema"
import { createCustomerImporter } from "../import/customer-import"
import { decodeCsvBytes } from "../import/decode"
import { autoMapCustomerHeaders, autoMapProductHeaders } from "../import/headers"
import { createCsvReader } from "../import/parse"
import { createProductImporter } from "../import/product-import"

/**
 * Customers and products from files in the import templates, read by the importer the options page uses, so
 * the CLI sees what an agent who imported the same files would have.
 */
export function customersFromCsv(bytes: Uint8Array, now = 0): Customer[] {
  const reader = createCsvReader(decodeCsvBytes(bytes).text)
  const { mapping } = autoMapCustomerHeaders(reader.headers)
  let n = 0
  const importer = createCustomerImporter({ mapping, defaultCountry: "FR", now, newId: () => `customer-${++n}`, columnCount: reader.headers.length })
  while (!reader.done) importer.addRows(reader.next(500))
  return importer.finish().customers.map((c) => c.customer)
}

export function productsFromCsv(bytes: Uint8Array, now = 0): Product[] {
  const reader = createCsvReader(decodeCsvBytes(bytes).text)
  const { mapping } = autoMapProductHeaders(reader.headers)
  let n = 0
  const importer = createProductImporter({ mapping, now, newId: () => `product-${++n}`, columnCount: reader.headers.length })
  while (!reader.done) importer.addRows(reader.next(500))
  return importer.finish().products.map((p) => p.product)
}
