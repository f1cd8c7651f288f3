import { useCallback, useEffect, useState } from "react"

import type { Product } from "~src/domain/customers/customer.schema"
import { BASE_GENERATION_KEY } from "~src/messaging/base-generation"
import { send } from "~src/messaging/send"

/** The whole catalog and whether this user may edit it; read again after a save or a sync that brought rows. */
export function useCatalog(): { products: Product[] | null; mayEdit: boolean; error: string | null; reload: () => void } {
  const [state, setState] = useState<{ products: Product[] | null; mayEdit: boolean; error: string | null }>({ products: null, mayEdit: false, error: null })
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === "local" && BASE_GENERATION_KEY in changes) setTick((n) => n + 1)
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => chrome.storage.onChanged.removeListener(onChanged)
  }, [])
  useEffect(() => {
    let live = true
    send("catalog/list", {}).then(
      (r) => live && setState({ products: r.products, mayEdit: r.mayEdit, error: null }),
      (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }))
    )
    return () => {
      live = false
    }
  }, [tick])
  return { ...state, reload: useCallback(() => setTick((n) => n + 1), []) }
}
