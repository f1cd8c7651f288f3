import { defineHandler } from "~src/messaging/handler"

import { readSession } from "../../sync"
import { dunningSchedule, riskSettings } from "../documents/shared"
import { teamSettings } from "../quotes/documents"

export const teamSeller = defineHandler("team/seller", async () => {
  const [s, session, schedule, risk] = await Promise.all([teamSettings(), readSession(), dunningSchedule(), riskSettings()])
  return { seller: s.seller, validityDays: s.validityDays, dunningSchedule: schedule, riskOverdueDays: risk.blockOverdueDays, mayEdit: session !== null && (session.user.role === "manager" || session.user.role === "admin") }
})
