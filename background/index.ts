import { adoptGrantedSites, reconcileSites } from "~src/features/sites/site-scripts"
import { createDispatcher } from "~src/messaging/handler"

import { handlers } from "./handlers"
import { startSoftphone } from "./softphone"
import { startSync } from "./sync"

const dispatch = createDispatcher(handlers)

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own extension's pages and content scripts; web pages cannot reach onMessage without
  // externally_connectable, but a foreign extension id is refused all the same.
  if (sender.id !== chrome.runtime.id) return false
  void dispatch(message, { tabId: sender.tab?.id, url: sender.url }).then(sendResponse)
  return true
})

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== "toggle-panel") return
  void (async () => {
    const target = tab?.id ?? (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id
    if (target === undefined) return
    try {
      await chrome.tabs.sendMessage(target, { type: "panel/toggle", payload: {} })
    } catch {
      // No Comptoir on that page (not enabled there): nothing to toggle.
    }
  })()
})

chrome.runtime.onInstalled.addListener(() => void reconcileSites())
chrome.runtime.onStartup.addListener(() => void reconcileSites())
chrome.permissions.onRemoved.addListener(() => void reconcileSites())
chrome.permissions.onAdded.addListener((p) => void adoptGrantedSites(p.origins))

// Alarm every minute, the poke stream, and a sync at once for whatever waited while the worker was stopped.
startSync()

// Softphone (issue #9): the offscreen document is started again if the browser restarted with a softphone set up.
startSoftphone()
