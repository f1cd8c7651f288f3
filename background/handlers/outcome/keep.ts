import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const outcomeKeep = defineHandler("outcome/keep", async (req) => {
  await callOutcomes().keep(req.id, { context: req.context, values: req.values, summary: req.summary })
  return { ok: true as const }
})
