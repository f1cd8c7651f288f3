import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"
import { teamNamesWithin } from "../../sync"

/** How long the list waits on the team's names (kept after each sync): past it, the agents show by e-mail. */
const NAMES_WAIT_MS = 150

export const callsRecent = defineHandler("calls/recent", async (req) => {
  const [recent, names] = await Promise.all([callOutcomes().recent(req.limit), teamNamesWithin(NAMES_WAIT_MS)])
  return { calls: recent.map(({ log, customer }) => ({ log, customer: customer ? { id: customer.id, code: customer.code, company: customer.company } : null })), names }
})
