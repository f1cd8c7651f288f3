import { summarize, toRows } from "~src/domain/documents/listing"
import { defineHandler } from "~src/messaging/handler"

import { documents, dunningSchedule, today } from "./shared"

export const documentsSummary = defineHandler("documents/summary", async (req) => {
  const mine = await documents.byCustomer(req.customerId)
  const docs = [...mine.quotes, ...mine.orders, ...mine.invoices]
  const rows = toRows(docs, { today: today(), customers: new Map(), payments: mine.payments, creditNotes: mine.creditNotes, schedule: await dunningSchedule() })
  return summarize(rows)
})
