import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { getCustomer, getQuote, teamSettings } from "./documents"

export const quotesGet = defineHandler("quotes/get", async (req) => {
  const quote = await getQuote(req.id)
  const customer = quote ? await getCustomer(quote.customerId) : null
  const { seller } = await teamSettings()
  // A change the server refused (a stale or invalid sending) is kept with its reason: the form says it.
  const refused = await services.db.conflicts.filter((c) => c.table === "quotes" && c.key === req.id).last()
  return { quote, customer, seller, refusal: refused ? refused.message || refused.reason : null }
})
