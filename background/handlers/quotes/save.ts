import { quoteFromValues } from "~src/domain/documents/quote-form"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { defineHandler } from "~src/messaging/handler"

import { documentsChanged } from "../../services"
import { runSync } from "../../sync"
import { documentsDb, getQuote } from "./documents"

/** A draft from the form's values; the totals are computed here, with the code the server checks them with. */
export const quotesSave = defineHandler("quotes/save", async (req) => {
  const existing = await getQuote(req.id)
  if (existing && existing.status !== "draft") return { ok: false, error: "not-draft" }
  const quote = quoteFromValues(req.values, { id: req.id, date: existing?.date ?? todayInFrance(), now: Date.now(), existing })
  await documentsDb.quotes.put(quote)
  documentsChanged()
  void runSync(true).catch(() => undefined)
  return { ok: true, quote }
})
