import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const callsRecent = defineHandler("calls/recent", async (req) => {
  const recent = await callOutcomes().recent(req.limit)
  return { calls: recent.map(({ log, customer }) => ({ log, customer: customer ? { id: customer.id, code: customer.code, company: customer.company } : null })) }
})
