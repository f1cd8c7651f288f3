import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const outcomeDiscard = defineHandler("outcome/discard", async (req) => {
  await callOutcomes().discard(req.id)
  return { ok: true as const }
})
