import { strictNameMatch } from "~src/domain/lookup/name-match"
import type { CustomerMatch } from "~src/messaging/contract"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

/**
 * Candidates the search index gives for a sender's name, before the strict rule picks one or none. Wide enough
 * that two contacts of the same name both come back (and the rule then refuses the ambiguity).
 */
const NAME_CANDIDATES = 12

export const lookupMatch = defineHandler("lookup/match", async (req) => {
  const exact = await services.customers.findExact(req)
  const seen = new Set(exact.map((m) => m.customer.id))
  const matches: CustomerMatch[] = exact.map((m) => ({ ...m }))
  // Names are only ever a mail sender's display name whose address matched nothing (the content script decides
  // that from the header's structure): fuzzy hits would be noise, so the strict rule keeps one customer or none.
  for (const name of req.names) {
    if (name.trim().length < 3) continue
    const { customers } = await services.customerSearch.search(name, NAME_CANDIDATES)
    const hit = strictNameMatch(name, customers)
    const c = hit ? customers.find((x) => x.id === hit.id) : undefined
    if (!c || seen.has(c.id)) continue
    seen.add(c.id)
    matches.push({ customer: c, matchedBy: "name", matchedValues: [name] })
  }
  return { matches: matches.slice(0, 100) }
})
