import { documentEvents } from "~src/domain/documents/timeline"
import { defineHandler } from "~src/messaging/handler"

import { documents } from "./shared"

/** The card's timeline: the steps of one customer's documents, payments and captured mails, newest first. */
export const documentsTimeline = defineHandler("documents/timeline", async (req) => {
  const mine = await documents.byCustomer(req.customerId)
  const events = documentEvents({ documents: [...mine.quotes, ...mine.orders, ...mine.invoices, ...mine.creditNotes], payments: mine.payments })
  return { events: events.slice(0, req.limit), total: events.length }
})
