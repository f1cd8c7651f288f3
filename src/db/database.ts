import Dexie, { type Table } from "dexie"

import type { Product } from "~src/domain/customers/customer.schema"

/** Up to ~100 customers (at 100k) of one segment, as JSON: see README.md for why not one record each. */
export interface CustomerSegment {
  id: number
  /** Customer[] as JSON. */
  json: string
  count: number
}

/** Lookup key ("t:+33…", "e:…", "c:…") → customer ids, for the keys that hash to this bucket, as JSON. */
export interface LookupBucket {
  id: number
  json: string
}

export interface RecentCustomer {
  customerId: string
  openedAt: number
}

export interface MetaRecord {
  key: string
  value: number
}

/**
 * The extension's IndexedDB, opened only from extension pages and the background (never from a content
 * script: its IndexedDB would be the page's). Versions are only ever appended.
 */
export class ComptoirDb extends Dexie {
  customerSegments!: Table<CustomerSegment, number>
  lookupBuckets!: Table<LookupBucket, number>
  products!: Table<Product, string>
  recentCustomers!: Table<RecentCustomer, string>
  meta!: Table<MetaRecord, string>

  constructor(name = "comptoir") {
    super(name)
    this.version(1).stores({
      customerSegments: "id",
      lookupBuckets: "id",
      products: "id, &ref",
      recentCustomers: "customerId, openedAt",
      meta: "key"
    })
  }
}

let shared: ComptoirDb | undefined

export function getDb(): ComptoirDb {
  shared ??= new ComptoirDb()
  return shared
}
