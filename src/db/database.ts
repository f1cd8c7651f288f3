import Dexie, { type Table } from "dexie"

import type { Customer, Product } from "~src/domain/customers/customer.schema"

export type StoredCustomer = Customer & {
  /** Typed keys of the one multiEntry index: "t:+33…", "e:name@host", "c:CODE" (see lookupKeysOf). */
  lookupKeys: string[]
}

export interface RecentCustomer {
  customerId: string
  openedAt: number
}

/**
 * The extension's IndexedDB, opened only from extension pages and the background (never from a content
 * script: its IndexedDB would be the page's). Versions are only ever appended.
 *
 * One multiEntry index serves phone, email and code lookups: each extra index costs write time, and a
 * 100,000-customer import has to fit in 20 s on Chromium's IndexedDB (DESIGN.md measured ~4k records/s with
 * three multiEntry indexes).
 */
export class ComptoirDb extends Dexie {
  customers!: Table<StoredCustomer, string>
  products!: Table<Product, string>
  recentCustomers!: Table<RecentCustomer, string>

  constructor(name = "comptoir") {
    super(name)
    this.version(1).stores({
      customers: "id, *lookupKeys",
      products: "id, &ref",
      recentCustomers: "customerId, openedAt"
    })
  }
}

let shared: ComptoirDb | undefined

export function getDb(): ComptoirDb {
  shared ??= new ComptoirDb()
  return shared
}
