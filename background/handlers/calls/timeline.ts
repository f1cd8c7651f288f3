import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const callsTimeline = defineHandler("calls/timeline", async (req) => callOutcomes().timeline(req.customerId, req.limit))
