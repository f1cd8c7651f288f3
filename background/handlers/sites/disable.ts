import { disableSite } from "~src/features/sites/site-scripts"
import { defineHandler } from "~src/messaging/handler"

export const sitesDisable = defineHandler("sites/disable", async (req) => {
  await disableSite(req.pattern)
  return { ok: true as const }
})
