import { defineHandler } from "~src/messaging/handler"

import { readSession } from "../../sync"
import { dunningSchedule } from "../documents/shared"
import { teamSettings } from "../quotes/documents"

export const teamSeller = defineHandler("team/seller", async () => {
  const [s, session, schedule] = await Promise.all([teamSettings(), readSession(), dunningSchedule()])
  return { seller: s.seller, validityDays: s.validityDays, dunningSchedule: schedule, mayEdit: session !== null && (session.user.role === "manager" || session.user.role === "admin") }
})
