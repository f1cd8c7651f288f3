import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"
import { teamNamesWithin } from "../../sync"

/** How long the card's timeline waits on the team's names (kept after each sync): past it, the agents show by e-mail. */
const NAMES_WAIT_MS = 150

export const callsTimeline = defineHandler("calls/timeline", async (req) => {
  const [timeline, names] = await Promise.all([callOutcomes().timeline(req.customerId, req.limit), teamNamesWithin(NAMES_WAIT_MS)])
  return { ...timeline, names }
})
