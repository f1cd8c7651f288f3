import { callBarOf, type SoftphoneView } from "~src/domain/telephony"

/** The message the page panel takes its call bar from (lookup-panel/page-messaging.ts reads it). */
export const PANEL_SOFTPHONE_MESSAGE = "panel/softphone"

type Tabs = Pick<typeof chrome.tabs, "query" | "sendMessage">

/**
 * Sends the page panel of the tab in front its call bar at each publication of the softphone's view: the caller's
 * card pops over the page the agent is looking at as soon as it rings (issue #9), and the panel shows the call's
 * state while it lasts. Only the active tab of the last focused window: a tab brought to the front later asks
 * (`softphone/bar`). A tab without Comptoir's content script (a site it does not run on) simply does not answer.
 * In order, and once per tab and bar: the view is published at every call event, most of which the bar does not show.
 */
export function createCallBarPush(tabs: Tabs = chrome.tabs): (view: SoftphoneView) => Promise<void> {
  let last: { tabId: number; json: string } | null = null
  let queue: Promise<void> = Promise.resolve()
  const push = async (view: SoftphoneView) => {
    const bar = callBarOf(view)
    const json = JSON.stringify(bar)
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true })
    if (tab?.id === undefined || (last?.tabId === tab.id && last.json === json)) return
    last = { tabId: tab.id, json }
    try {
      await tabs.sendMessage(tab.id, { type: PANEL_SOFTPHONE_MESSAGE, payload: bar }, { frameId: 0 })
    } catch {
      last = null
    }
  }
  return (view) => (queue = queue.then(() => push(view)).catch(() => undefined))
}
