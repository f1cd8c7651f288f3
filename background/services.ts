import { CustomerRepository } from "~src/db/customer-repository"
import { CustomerSearch, ProductSearch } from "~src/db/customer-search"
import { getDb } from "~src/db/database"
import { OrderMemoryRepository } from "~src/db/order-memory-repository"
import { ProductRepository } from "~src/db/product-repository"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { ExtractorCache } from "~src/features/order-capture/extractor-cache"
import { BASE_GENERATION_KEY, DOCUMENTS_GENERATION_KEY } from "~src/messaging/base-generation"

import { scheduleBaseProfile } from "./base-profile"

/** Lazily created per service-worker life; everything here can be rebuilt from IndexedDB. */
const db = getDb()
export const services = {
  db,
  customers: new CustomerRepository(db),
  products: new ProductRepository(db),
  customerSearch: new CustomerSearch(db),
  productSearch: new ProductSearch(db),
  // Orders from email (issue #11).
  orders: new ReplicatedRepository(db, "orders"),
  orderMemories: new OrderMemoryRepository(db),
  orderExtractor: new ExtractorCache(async () => {
    const [customers, products, memory] = await Promise.all([new CustomerRepository(db).all(), new ProductRepository(db).all(), new OrderMemoryRepository(db).all()])
    return { customers, products, memory }
  })
}

/** The search indexes are caches of the base: after any bulk change, local or from the server, they are rebuilt on next use. */
export function baseChanged(): void {
  services.customerSearch.invalidate()
  services.productSearch.invalidate()
  services.orderExtractor.invalidate()
  // Pages learn the base's countries and code shapes from it (issue #7).
  scheduleBaseProfile()
  bumpBaseGeneration()
  // A sync may have brought documents, payments or the server's numbers.
  documentsChanged()
}

let documentsGeneration = 0
/** After a sales document or payment was written: the cards open in pages read their documents and risk again. */
export function documentsChanged(): void {
  // Strictly increasing: two writes in the same millisecond still make two changes.
  documentsGeneration = Math.max(Date.now(), documentsGeneration + 1)
  void chrome.storage.local.set({ [DOCUMENTS_GENERATION_KEY]: documentsGeneration }).catch(() => undefined)
}

// ---- panel-truth: open tabs look their values up again after the base changed ----
/**
 * Watched by every content script (src/ui/base-generation.ts). A storage write rather than a
 * chrome.tabs.sendMessage broadcast: the write is persisted before the worker can be killed, and each content
 * script gets chrome.storage.onChanged whether the worker is still alive or not; a broadcast loop dies with the
 * worker halfway through the tabs, needs the "tabs" permission to find them, and is lost by a tab that was
 * frozen meanwhile (that tab reads the counter again when it comes back).
 */
function bumpBaseGeneration(): void {
  void chrome.storage.local.set({ [BASE_GENERATION_KEY]: Date.now() }).catch(() => undefined)
}

