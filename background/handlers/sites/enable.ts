import { enableSite } from "~src/features/sites/site-scripts"
import { defineHandler } from "~src/messaging/handler"

export const sitesEnable = defineHandler("sites/enable", async (req) => enableSite(req.pattern, req.tabId))
