import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const callsLog = defineHandler("calls/log", async (req) => {
  const log = await callOutcomes().log(req.log, req.draftId)
  return { ok: true as const, id: log.id, log }
})
