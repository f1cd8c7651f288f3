import { todayInFrance } from "~src/domain/documents/payment-terms"
import { defineHandler } from "~src/messaging/handler"

import { readSession } from "../../sync"
import { getCustomer, riskOf, sellerGaps, teamSettings } from "./documents"

export const quotesContext = defineHandler("quotes/context", async (req) => {
  const customer = await getCustomer(req.customerId)
  const [session, settings, gaps, risk] = await Promise.all([readSession(), teamSettings(), sellerGaps(), customer ? riskOf(customer) : null])
  return { customer, agentName: session?.user.name ?? null, today: todayInFrance(), validityDays: settings.validityDays, sellerProblems: gaps, risk }
})
