import { defineHandler } from "~src/messaging/handler"

import { getCustomer, riskOf } from "../quotes/documents"

/** The card's risk line. A content script may ask it: the card it shows already holds the customer's credit limit. */
export const documentsRisk = defineHandler("documents/risk", async (req) => {
  const customer = await getCustomer(req.customerId)
  if (!customer) return { level: "ok" as const, reasons: [], outstandingCents: 0, overdueCents: 0, creditLimitCents: null }
  return riskOf(customer)
})
