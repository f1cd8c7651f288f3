import { useEffect, useState } from "react"

import type { Product } from "~src/domain/customers/customer.schema"
import { send } from "~src/messaging/send"
import { useBaseGeneration } from "~src/ui/use-base-generation"

/** The whole catalog and whether this user may edit it; read again after a save or a sync that brought rows. */
export function useCatalog(): { products: Product[] | null; mayEdit: boolean; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ products: Product[] | null; mayEdit: boolean; error: string | null }>({ products: null, mayEdit: false, error: null })
  // A sync that brought rows (a colleague's change among them) moves the generation: read again.
  const { generation, reload } = useBaseGeneration()
  useEffect(() => {
    let live = true
    send("catalog/list", {}).then(
      (r) => live && setState({ products: r.products, mayEdit: r.mayEdit, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }))
    )
    return () => {
      live = false
    }
  }, [generation])
  return { ...state, reload }
}
