import { useCallback, useEffect, useState } from "react"

import { watchBaseGeneration } from "./base-generation"

/**
 * A counter for an effect's dependencies: it moves when the base changed (a sync that brought rows, an import)
 * and when the page calls `reload` (after its own save), so a list read through the background is read again.
 */
export function useBaseGeneration(): { generation: number; reload: () => void } {
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  useEffect(() => watchBaseGeneration(reload), [reload])
  return { generation, reload }
}
