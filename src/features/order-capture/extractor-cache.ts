import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import type { CustomerMemory } from "~src/domain/orders/types"

/**
 * One extractor per state of the base and of the memory: building it indexes every product and customer (tens of
 * ms for a real base), extracting is a few ms. Dropped after any change of the base or of a customer's memory.
 */
export class ExtractorCache {
  private current: Promise<OrderExtractor> | null = null
  private domainsKey = ""

  constructor(private readonly load: () => Promise<{ customers: Customer[]; products: Product[]; memory: Record<string, CustomerMemory> }>) {}

  /** `ownDomains`: the team's mail domains (the signed-in agent's), so our people's text is not read as the customer's; another agent signing in builds it again. */
  get(ownDomains: readonly string[] = []): Promise<OrderExtractor> {
    const key = [...ownDomains].sort().join(",")
    if (key !== this.domainsKey) {
      this.current = null
      this.domainsKey = key
    }
    const domains = [...ownDomains]
    this.current ??= this.load().then((ctx) => new OrderExtractor({ ...ctx, ownDomains: domains }))
    this.current.catch(() => {
      this.current = null
    })
    return this.current
  }

  invalidate(): void {
    this.current = null
  }
}
