import * as z from "zod"

import { CustomerPricing } from "~src/domain/catalog/pricing"
import { Product } from "~src/domain/customers/customer.schema"

const Write = z.object({ ok: z.boolean(), error: z.string().optional(), field: z.string().optional() })

/**
 * The messages of the catalog and the customers' prices (issue #10). Part of the one contract (`contract.ts`
 * spreads them in); their senders are declared there. Writes are refused to agents by the background and
 * again by the server.
 */
export const catalogContract = {
  /** Every product, deactivated ones included, and whether this user may edit them. */
  "catalog/list": {
    request: z.object({}),
    response: z.object({ products: z.array(Product).max(50_000), mayEdit: z.boolean() })
  },
  /** Creates or replaces a product (no delete: `active: false`). `field` names the form field refused. */
  "catalog/save": {
    request: z.object({ product: Product }),
    response: Write
  },
  /** The catalog's products with these ids as they are now (a reopened draft's lines); ids not found are left out. */
  "catalog/products": {
    request: z.object({ ids: z.array(z.string().min(1).max(100)).max(1000) }),
    response: z.object({ products: z.array(Product).max(1000) })
  },
  /** One customer's prices (null: the catalog's). */
  "pricing/get": {
    request: z.object({ customerId: z.string().min(1).max(100) }),
    response: z.object({ pricing: CustomerPricing.nullable(), mayEdit: z.boolean() })
  },
  /** The customers that have prices of their own, with their names (the catalog's "customer prices" list). */
  "pricing/list": {
    request: z.object({}),
    response: z.object({ entries: z.array(z.object({ pricing: CustomerPricing, company: z.string(), code: z.string() })).max(50_000) })
  },
  "pricing/save": {
    request: z.object({ pricing: CustomerPricing }),
    response: Write
  }
} as const
