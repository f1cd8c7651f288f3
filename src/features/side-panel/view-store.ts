import { PanelView } from "~src/messaging/contract"

/**
 * The cards each tab's in-page panel shows, kept by the background in chrome.storage.session: the service worker
 * can be stopped at any time, session storage outlives it (not the browser), and content scripts cannot read it
 * (its default access level is trusted contexts only), so one page never sees another tab's customers.
 */
const PREFIX = "panelUi.view:"

export function viewKey(tabId: number): string {
  return PREFIX + String(tabId)
}

export function tabIdOfKey(key: string): number | null {
  if (!key.startsWith(PREFIX)) return null
  const n = Number(key.slice(PREFIX.length))
  return Number.isInteger(n) ? n : null
}

export async function saveView(view: PanelView): Promise<void> {
  try {
    await chrome.storage.session.set({ [viewKey(view.tabId)]: view })
  } catch (e) {
    // Over the session quota (10 MB; a view holds at most 50 cards): keep only this tab's, the one in use.
    if (!/quota/i.test(String(e))) throw e
    const all = await chrome.storage.session.get(null)
    await chrome.storage.session.remove(Object.keys(all).filter((k) => tabIdOfKey(k) !== null))
    await chrome.storage.session.set({ [viewKey(view.tabId)]: view })
  }
}

export async function forgetView(tabId: number): Promise<void> {
  await chrome.storage.session.remove(viewKey(tabId))
}

/** null: no Comptoir panel in that tab (a page it does not run on, or not loaded yet). */
export async function readView(tabId: number): Promise<PanelView | null> {
  const key = viewKey(tabId)
  const raw = (await chrome.storage.session.get(key))[key]
  const parsed = PanelView.safeParse(raw)
  return parsed.success ? parsed.data : null
}

/**
 * Keeps the store true to the tabs: a closed tab's cards go. When a tab navigates, the browser reports a single-page
 * app's route change (history.pushState) the same way as a new document: the tab's panel is asked to publish
 * again; when no panel answers (a new document without Comptoir, or not started yet), the cards go. A new document
 * with Comptoir publishes its own at start. The side panel also hides the cards of a tab whose page the extension
 * has no access to (no content script of ours can run there).
 */
export function watchTabsForViews(): void {
  chrome.tabs.onRemoved.addListener((tabId) => void forgetView(tabId).catch(() => undefined))
  chrome.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== "loading") return
    chrome.tabs.sendMessage(tabId, { type: "panel/republish", payload: {} }).catch(() => forgetView(tabId).catch(() => undefined))
  })
}
