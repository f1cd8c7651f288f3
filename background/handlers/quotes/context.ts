import { todayInFrance } from "~src/domain/documents/payment-terms"
import { defineHandler } from "~src/messaging/handler"

import { readSession, teamRepsWithin } from "../../sync"
import { getCustomer, riskOf, sellerGaps, teamSettings } from "./documents"

/** The team's names wait at most this long (the form opens within 100 ms); past it, the agent is the default rep. */
const NAMES_WAIT_MS = 60

export const quotesContext = defineHandler("quotes/context", async (req) => {
  const customer = await getCustomer(req.customerId)
  const [session, settings, gaps, risk, names] = await Promise.all([readSession(), teamSettings(), sellerGaps(), customer ? riskOf(customer) : null, teamRepsWithin(NAMES_WAIT_MS)])
  return { customer, agentName: session?.user.name ?? null, teamMembers: names.active, inactiveMembers: names.inactive, today: todayInFrance(), validityDays: settings.validityDays, sellerProblems: gaps, risk }
})
