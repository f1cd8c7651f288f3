import { CustomerRepository } from "~src/db/customer-repository"
import { CustomerSearch, ProductSearch } from "~src/db/customer-search"
import { getDb } from "~src/db/database"
import { ProductRepository } from "~src/db/product-repository"

import { scheduleBaseProfile } from "./base-profile"

/** Lazily created per service-worker life; everything here can be rebuilt from IndexedDB. */
const db = getDb()
export const services = {
  db,
  customers: new CustomerRepository(db),
  products: new ProductRepository(db),
  customerSearch: new CustomerSearch(db),
  productSearch: new ProductSearch(db)
}

/** The search indexes are caches of the base: after any bulk change, local or from the server, they are rebuilt on next use. */
export function baseChanged(): void {
  services.customerSearch.invalidate()
  services.productSearch.invalidate()
  // Pages learn the base's countries and code shapes from it (issue #7).
  scheduleBaseProfile()
}
