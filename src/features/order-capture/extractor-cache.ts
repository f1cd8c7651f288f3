import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import type { CustomerMemory } from "~src/domain/orders/types"

/**
 * One extractor per state of the base and of the memory: building it indexes every product and customer (tens of
 * ms for a real base), extracting is a few ms. Dropped after any change of the base or of a customer's memory.
 */
export class ExtractorCache {
  private current: Promise<OrderExtractor> | null = null

  constructor(private readonly load: () => Promise<{ customers: Customer[]; products: Product[]; memory: Record<string, CustomerMemory> }>) {}

  get(): Promise<OrderExtractor> {
    this.current ??= this.load().then((ctx) => new OrderExtractor(ctx))
    this.current.catch(() => {
      this.current = null
    })
    return this.current
  }

  invalidate(): void {
    this.current = null
  }
}
