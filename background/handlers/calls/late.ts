import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const callsLate = defineHandler("calls/late", async (req) => {
  if (req.dismiss) await callOutcomes().dismissLate(req.dismiss)
  const late = await callOutcomes().late()
  return { callbacks: late.slice(0, 200).map(({ log, customer }) => ({ log, customer: customer ? { id: customer.id, code: customer.code, company: customer.company } : null })) }
})
