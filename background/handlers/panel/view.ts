import { saveView } from "~src/features/side-panel/view-store"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

/**
 * Only a tab's content script has a tab to publish for; an extension page (no tab) is refused. The cards are
 * re-read from the base by id: a page (a compromised renderer) must not be able to show, in the browser's own
 * side panel, a customer card it made up (another phone number to call, other bank details in the notes).
 * Ids the base does not hold are dropped.
 */
export const panelView = defineHandler("panel/view", async (req, ctx) => {
  if (ctx.tabId === undefined || ctx.tabId < 0) throw new Error("panel/view comes from a tab's content script")
  const stored = new Map((await services.customers.getMany(req.matches.map((m) => m.customer.id))).map((c) => [c.id, c]))
  const matches = req.matches.flatMap((m) => {
    const customer = stored.get(m.customer.id)
    return customer ? [{ ...m, customer }] : []
  })
  await saveView({ ...req, matches, tabId: ctx.tabId, url: (ctx.url ?? "").slice(0, 4096), at: Date.now() })
  return { ok: true as const }
})
