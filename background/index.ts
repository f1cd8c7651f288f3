import { adoptGrantedSites, reconcileSites } from "~src/features/sites/site-scripts"
import { createDispatcher } from "~src/messaging/handler"
import { watchTabsForViews } from "~src/features/side-panel/view-store"
import { originOf, senderKind } from "~src/messaging/sender"

import { refreshBaseProfile } from "./base-profile"
import { startCallOutcomes } from "./call-outcomes"
import { handlers } from "./handlers"
import { watchQuoteFrameTabs } from "./handlers/quotes/frame"
import { startSoftphone } from "./softphone"
import { startSync } from "./sync"

const dispatch = createDispatcher(handlers)
const extensionOrigin = originOf(chrome.runtime.getURL("")) ?? ""

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own extension's pages and content scripts; web pages cannot reach onMessage without
  // externally_connectable, but a foreign extension id is refused all the same.
  if (sender.id !== chrome.runtime.id) return false
  const kind = senderKind({ url: sender.url, origin: sender.origin }, extensionOrigin)
  void dispatch(message, { tabId: sender.tab?.id, frameId: sender.frameId, windowId: sender.tab?.windowId, url: sender.url, sender: kind }).then(sendResponse)
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

// The base's countries and code shapes for the pages: learned once at install (a base imported before this
// version had none), then after every change of the base (services.ts baseChanged).
chrome.runtime.onInstalled.addListener(() => void refreshBaseProfile().catch(() => undefined))

// The quote form over a page (issue #10): its tickets go with their tab.
watchQuoteFrameTabs()

// Alarm every minute, the poke stream, and a sync at once for whatever waited while the worker was stopped.
startSync()

// The side panel's per-tab cards: forgotten when their tab closes or loads another page.
watchTabsForViews()

// Softphone (issue #9): the offscreen document is started again if the browser restarted with a softphone set up.
startSoftphone()

// Call outcomes (issue #9): each ended call is "to log"; call-back reminders ring from alarms.
startCallOutcomes()
