import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { documentsDb } from "./documents"
import type { Quote } from "~src/domain/documents/quote-form"

export const quotesList = defineHandler("quotes/list", async (req) => {
  const rows = ((req.customerId ? await documentsDb.quotes.byCustomer(req.customerId) : await documentsDb.quotes.all()) as Quote[])
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, req.limit)
  const customers = new Map((await services.customers.getMany([...new Set(rows.map((q) => q.customerId))])).map((c) => [c.id, c.company]))
  return { quotes: rows.map((quote) => ({ quote, company: customers.get(quote.customerId) ?? "" })) }
})
