import { defineHandler } from "~src/messaging/handler"

import { readSession } from "../../sync"
import { teamSettings } from "../quotes/documents"

export const teamSeller = defineHandler("team/seller", async () => {
  const [s, session] = await Promise.all([teamSettings(), readSession()])
  return { seller: s.seller, validityDays: s.validityDays, mayEdit: session !== null && (session.user.role === "manager" || session.user.role === "admin") }
})
