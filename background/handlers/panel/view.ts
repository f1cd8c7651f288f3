import { saveView } from "~src/features/side-panel/view-store"
import { defineHandler } from "~src/messaging/handler"

/** Only a tab's content script has a tab to publish for; an extension page (no tab) is refused. */
export const panelView = defineHandler("panel/view", async (req, ctx) => {
  if (ctx.tabId === undefined || ctx.tabId < 0) throw new Error("panel/view comes from a tab's content script")
  await saveView({ ...req, tabId: ctx.tabId, url: (ctx.url ?? "").slice(0, 4096), at: Date.now() })
  return { ok: true as const }
})
