/** `#/quotes/q-1?customer=c-9` → { section: "quotes", path: ["q-1"], query: {customer: "c-9"} }. */
export interface WorkspaceRoute {
  section: string
  path: string[]
  query: URLSearchParams
}

export function parseRoute(hash: string): WorkspaceRoute {
  const raw = hash.replace(/^#\/?/, "")
  const [pathPart = "", queryPart = ""] = raw.split("?", 2)
  const parts = pathPart
    .split("/")
    .filter((p) => p !== "")
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
  return { section: parts[0] ?? "", path: parts.slice(1), query: new URLSearchParams(queryPart) }
}

/** A route path as the workspace's hash (`quotes/q-1` → `#/quotes/q-1`). */
export function routeHash(path: string): string {
  return `#/${path.replace(/^[#/]+/, "")}`
}
