import { createContext, useContext, useEffect, useState, type ReactNode } from "react"

/** Every extension page's tab reads "<what it shows> · Comptoir": what it shows first, as tabs cut the end. */
export const pageTitle = (what: string): string => `${what} · Comptoir`

/** The page's own name, and how a view inside it names the tab instead while it is shown (null: gives it back). */
const TitleClaim = createContext<((title: string | null) => void) | null>(null)

/**
 * Names the tab `name` (in the agent's language), unless a view inside claims it with `usePageTitle`: the workspace
 * is "Orders · Comptoir" until the review of a captured mail names it after the customer.
 */
export function PageTitle({ name, children }: { name: string; children: ReactNode }) {
  const [claimed, setClaimed] = useState<string | null>(null)
  useEffect(() => {
    document.title = pageTitle(claimed ?? name)
  }, [claimed, name])
  return <TitleClaim.Provider value={setClaimed}>{children}</TitleClaim.Provider>
}

/**
 * The tab's name while this view is shown (null: the page's own). Outside a PageTitle the view owns the tab and
 * names it directly.
 */
export function usePageTitle(title: string | null): void {
  const claim = useContext(TitleClaim)
  useEffect(() => {
    if (claim === null) {
      if (title !== null) document.title = pageTitle(title)
      return
    }
    claim(title)
    return () => claim(null)
  }, [claim, title])
}
