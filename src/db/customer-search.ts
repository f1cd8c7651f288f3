import Fuse from "fuse.js"

import { isActive } from "~src/domain/catalog/product-form"
import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { CustomerSearchIndex } from "~src/domain/search/customer-search-index"
import { ProductSearchIndex } from "~src/domain/search/product-search-index"

import type { ComptoirDb } from "./database"
import { CustomerRepository } from "./customer-repository"

/**
 * The in-memory search index is a cache of IndexedDB: the service worker may be killed at any time, so it is
 * rebuilt lazily on the first search after a wake-up and dropped whenever customers change in bulk.
 */
export class CustomerSearch {
  private index: Promise<CustomerSearchIndex> | null = null
  private readonly repo: CustomerRepository

  constructor(db: ComptoirDb) {
    this.repo = new CustomerRepository(db)
  }

  private ensure(): Promise<CustomerSearchIndex> {
    this.index ??= this.repo.all().then((all) => CustomerSearchIndex.build(all))
    // A failed build must not be cached forever.
    this.index.catch(() => (this.index = null))
    return this.index
  }

  invalidate(): void {
    this.index = null
    this.byName = null
  }

  async upsert(c: Customer): Promise<void> {
    this.byName = null
    if (this.index) (await this.index).upsert(c)
  }

  /** The base's ids by company name (French order: accents and case aside, "Cave 2" before "Cave 10"), kept until the base changes. */
  private byName: Promise<string[]> | null = null

  /**
   * A page of the whole base in alphabetical order of company (the workspace's Customers list before a search),
   * with the number of customers. Sorted once per change of the base (~100k names in well under a second), then
   * each page is read from the base.
   */
  async alphabetical(offset: number, limit: number): Promise<{ customers: Customer[]; total: number }> {
    this.byName ??= this.repo.all().then((all) => {
      const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true })
      return all.sort((a, b) => collator.compare(a.company, b.company) || collator.compare(a.code, b.code)).map((c) => c.id)
    })
    this.byName.catch(() => (this.byName = null))
    const ids = await this.byName
    return { customers: await this.repo.getMany(ids.slice(offset, offset + limit)), total: ids.length }
  }

  async search(query: string, limit: number): Promise<{ customers: Customer[]; indexSize: number }> {
    const index = await this.ensure()
    const hits = index.search(query, limit)
    const customers = await this.repo.getMany(hits.map((h) => h.id))
    return { customers, indexSize: index.size }
  }
}

/** A catalog is hundreds to a few thousand lines: its word index, and fuse.js over all of it, stay well under a frame. */
export class ProductSearch {
  private catalog: Promise<{ index: ProductSearchIndex<Product>; fuse: () => Fuse<Product> }> | null = null

  constructor(private readonly db: ComptoirDb) {}

  invalidate(): void {
    this.catalog = null
  }

  async search(query: string, limit: number): Promise<Product[]> {
    this.catalog ??= this.read()
    const { index, fuse } = await this.catalog
    if (query.trim() === "") return (await this.db.products.orderBy("ref").filter(isActive).limit(limit).toArray())
    // Whole words, begun words and words with one slip (a swap included), every word typed matched, best first.
    const byWords = index.search(query, limit)
    // Nothing: what fuse.js finds (letters inside a word, "gonom"; a word further than one slip), as before the index.
    return byWords.length > 0 ? byWords : this.byFuse(fuse(), query, limit)
  }

  private read(): NonNullable<ProductSearch["catalog"]> {
    // A deactivated product stays in the catalog (documents point at it) but is no longer offered.
    const reading = this.db.products.toArray().then((all) => {
      const active = all.filter(isActive)
      let fuse: Fuse<Product> | null = null
      const options = { keys: [...PRODUCT_KEYS], threshold: 0.35, ignoreLocation: true, ignoreDiacritics: true }
      return { index: ProductSearchIndex.build(active), fuse: () => (fuse ??= new Fuse(active, options)) }
    })
    // A failed read is not kept (the next search reads again), once, where it is made: only this read is dropped,
    // never a newer one made after `invalidate` while this one was under way.
    reading.catch(() => {
      if (this.catalog === reading) this.catalog = null
    })
    return reading
  }

  private byFuse(fuse: Fuse<Product>, query: string, limit: number): Product[] {
    const whole = fuse.search(query, { limit }).map((r) => r.item)
    const words = query.trim().split(/\s+/)
    if (words.length < 2 || whole.length > 0) return whole
    // Read as one string, a query can be too far from a name with words between: then each word must match one
    // of the fields, the order and the words between left free.
    return fuse.search({ $and: words.map((w) => ({ $or: PRODUCT_KEYS.map((k) => ({ [k]: w })) })) }, { limit }).map((r) => r.item)
  }
}

const PRODUCT_KEYS = ["ref", "nameFr", "nameEn"] as const
