import { useEffect, useState } from "react"

/**
 * Search as you type: runs `search` once typing pauses for `delayMs`, drops answers to older queries, and
 * clears the results when the box is emptied. `search` comes from the caller, so the panel (zod-free page
 * messaging) and the popup (validated `send`) share this without sharing their transport.
 */
export function useDebouncedSearch<T>(
  query: string,
  search: (query: string) => Promise<T[]>,
  delayMs: number,
  onError: (e: unknown) => void
): T[] | null {
  const [results, setResults] = useState<T[] | null>(null)
  useEffect(() => {
    if (query.trim() === "") {
      setResults(null)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      search(query)
        .then((r) => live && setResults(r))
        .catch((e: unknown) => live && onError(e))
    }, delayMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // `search` and `onError` are left out on purpose: call sites pass inline functions, and a new function
    // must not restart the wait.
  }, [query, delayMs])
  return results
}
