import { routeHash } from "~src/features/workspace/route"
import { defineHandler } from "~src/messaging/handler"

export const workspaceOpen = defineHandler("workspace/open", async (req) => {
  await chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html${routeHash(req.path)}`) })
  return { ok: true as const }
})
