import type { CustomerMatch } from "~src/messaging/contract"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

/** Name hints only bring customers whose name search is this strong; weaker hits would be noise on a card. */
const NAME_RESULTS_PER_HINT = 2

export const lookupMatch = defineHandler("lookup/match", async (req) => {
  const exact = await services.customers.findExact(req)
  const seen = new Set(exact.map((m) => m.customer.id))
  const matches: CustomerMatch[] = exact.map((m) => ({ ...m }))
  for (const name of req.names) {
    if (name.trim().length < 3) continue
    const { customers } = await services.customerSearch.search(name, NAME_RESULTS_PER_HINT)
    for (const c of customers) {
      if (seen.has(c.id)) continue
      seen.add(c.id)
      matches.push({ customer: c, matchedBy: "name", matchedValues: [name] })
    }
  }
  return { matches: matches.slice(0, 100) }
})
