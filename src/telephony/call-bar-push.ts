import { callBarOf, type SoftphoneView } from "~src/domain/telephony"

/** The message the page panel takes its call bar from (lookup-panel/page-messaging.ts reads it). */
export const PANEL_SOFTPHONE_MESSAGE = "panel/softphone"

type Tabs = Pick<typeof chrome.tabs, "query" | "sendMessage">

/**
 * Sends the page panel of the tabs in front its call bar at each publication of the softphone's view: the caller's
 * card pops over the page the agent is looking at as soon as it rings (issue #9), and the panel shows the call's
 * state while it lasts. The active tab of every window, not only of the last focused one: an agent with the CRM on
 * one screen and the webmail on the other sees it on both (and Firefox's idea of the focused window is not always
 * the agent's). A tab brought to the front later asks (`softphone/bar`). A tab without Comptoir's content script (a
 * site it does not run on) simply does not answer. In order, and once per tab and bar: the view is published at
 * every call event, most of which the bar does not show.
 */
export function createCallBarPush(tabs: Tabs = chrome.tabs): (view: SoftphoneView) => Promise<void> {
  const sent = new Map<number, string>()
  let queue: Promise<void> = Promise.resolve()
  const push = async (view: SoftphoneView) => {
    const bar = callBarOf(view)
    const json = JSON.stringify(bar)
    const active = (await tabs.query({ active: true })).flatMap((t) => (t.id === undefined ? [] : [t.id]))
    for (const tabId of sent.keys()) if (!active.includes(tabId)) sent.delete(tabId)
    await Promise.all(
      active
        .filter((tabId) => sent.get(tabId) !== json)
        .map(async (tabId) => {
          sent.set(tabId, json)
          try {
            await tabs.sendMessage(tabId, { type: PANEL_SOFTPHONE_MESSAGE, payload: bar }, { frameId: 0 })
          } catch {
            sent.delete(tabId)
          }
        })
    )
  }
  return (view) => (queue = queue.then(() => push(view)).catch(() => undefined))
}
