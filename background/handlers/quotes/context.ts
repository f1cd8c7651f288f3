import { todayInFrance } from "~src/domain/documents/payment-terms"
import { defineHandler } from "~src/messaging/handler"

import { readSession, teamNames } from "../../sync"
import { getCustomer, riskOf, sellerGaps, teamSettings } from "./documents"

/** The team's names wait at most this long (the form opens within 100 ms); past it, the agent is the default rep. */
const NAMES_WAIT_MS = 60

export const quotesContext = defineHandler("quotes/context", async (req) => {
  const customer = await getCustomer(req.customerId)
  const session = await readSession()
  const names = Promise.race([teamNames.of(session), new Promise<Record<string, string>>((resolve) => setTimeout(() => resolve({}), NAMES_WAIT_MS))])
  const [settings, gaps, risk, members] = await Promise.all([teamSettings(), sellerGaps(), customer ? riskOf(customer) : null, names])
  return { customer, agentName: session?.user.name ?? null, teamMembers: Object.values(members), today: todayInFrance(), validityDays: settings.validityDays, sellerProblems: gaps, risk }
})
