import { WORKSPACE_ROUTE_MESSAGE, type WorkspaceRouteReply } from "~src/features/workspace/route-message"
import { routeHash } from "~src/features/workspace/route"
import { defineHandler } from "~src/messaging/handler"

/**
 * Opens the workspace at a route. A workspace tab already open takes the route (a hash change in a page whose
 * code is loaded: the quote form is on screen in ~20–30 ms, where a new tab costs ~110 ms before any of our
 * code runs), unless it holds unsaved work; then, or when none is open, a new tab.
 */
export const workspaceOpen = defineHandler("workspace/open", async (req, ctx) => {
  if (await routeOpenWorkspace(req.path, ctx.windowId)) return { ok: true as const }
  await chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html${routeHash(req.path)}`), ...(ctx.windowId !== undefined ? { windowId: ctx.windowId } : {}) })
  return { ok: true as const }
})

async function routeOpenWorkspace(path: string, windowId: number | undefined): Promise<boolean> {
  // Chrome 116+; Firefox has no getContexts: a new tab there.
  if (typeof chrome.runtime.getContexts !== "function") return false
  const base = chrome.runtime.getURL("tabs/workspace.html")
  const contexts = (await chrome.runtime.getContexts({ contextTypes: ["TAB" as chrome.runtime.ContextType] })).filter(
    (c) => c.tabId >= 0 && c.frameId === 0 && c.documentUrl !== undefined && c.documentUrl.split("#")[0] === base
  )
  // The agent's own window first (the card clicked is there).
  contexts.sort((a, b) => Number(b.windowId === windowId) - Number(a.windowId === windowId))
  for (const c of contexts) {
    try {
      const reply = (await chrome.tabs.sendMessage(c.tabId, { type: WORKSPACE_ROUTE_MESSAGE, payload: { path } }, { frameId: 0 })) as WorkspaceRouteReply | undefined
      if (!reply?.taken) continue
      await Promise.all([chrome.tabs.update(c.tabId, { active: true }), chrome.windows.update(c.windowId, { focused: true })])
      return true
    } catch {
      // The tab closed or is navigating away: try the next, then a new tab.
    }
  }
  return false
}
