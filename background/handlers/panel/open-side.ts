import { defineHandler } from "~src/messaging/handler"

/**
 * Opens the browser's side panel for the sender's window. `chrome.sidePanel.open` accepts only a call made while
 * the user's click is being handled: it is called before anything is awaited, so the gesture that came with the
 * content script's message still counts. Firefox opens its sidebar only from its own pages' handlers (the popup
 * does), not from a message: the caller is told so.
 */
export const sidePanelOpen = defineHandler("sidepanel/open", (_req, ctx) => {
  if (ctx.tabId === undefined || ctx.tabId < 0) return Promise.resolve({ ok: false, error: "no tab" })
  if (typeof chrome.sidePanel?.open !== "function") return Promise.resolve({ ok: false, error: "unsupported" })
  return chrome.sidePanel.open({ tabId: ctx.tabId }).then(
    () => ({ ok: true }),
    (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) })
  )
})
