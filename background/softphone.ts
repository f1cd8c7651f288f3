import type { createBackgroundHost } from "~src/telephony/background-host"
import { createCallBarPush } from "~src/telephony/call-bar-push"
import { openCallerCard } from "~src/telephony/browser-signals"
import { SoftphoneController } from "~src/telephony/controller"

import { services } from "./services"
import { readSession } from "./sync"

/** The alarm that starts Firefox's event page again after Firefox stopped it with the softphone up. */
const WAKE_ALARM = "softphone-wake"
const WAKE_AFTER_MS = 5_000

/** One controller per service-worker life; everything it needs survives in storage and the offscreen document. */
export const softphone = new SoftphoneController({
  db: services.db,
  customersByPhone: async (e164) => (await services.customers.findExact({ phones: [e164], emails: [], codes: [] })).map((m) => m.customer),
  customerExists: async (id) => (await services.customers.getMany([id])).length > 0,
  teamSession: async () => {
    const s = await readSession()
    return s ? { serverUrl: s.serverUrl, token: s.token } : null
  },
  // Firefox has no offscreen document: the call runs in its background event page. Chosen by the build target
  // (Parcel drops the other branch and its require), so Chrome's service worker does not load sip.js.
  localHost:
    process.env.PLASMO_BROWSER === "firefox"
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require("~src/telephony/background-host") as { createBackgroundHost: typeof createBackgroundHost }).createBackgroundHost
      : undefined
})

export function startSoftphone(): void {
  const pushCallBar = createCallBarPush()
  softphone.onPublished((view) => void pushCallBar(view))
  chrome.notifications?.onClicked.addListener((id) => {
    if (id.startsWith("softphone-")) void openCallerCard()
  })
  chrome.commands.onCommand.addListener((command) => {
    if (command === "softphone-answer-hangup") void softphone.answerOrHangup().catch(() => undefined)
  })
  // Firefox's event page (Chrome's worker holds no call: its offscreen document outlives it). Returned, so that
  // Firefox waits for the badge to be set before it unloads the page. With a provider up, an
  // alarm a few seconds on starts the page again (an alarm wakes an event page; this page's start registers):
  // calls reach the agent again within seconds instead of at the minute's sync alarm. No provider, no alarm.
  if (process.env.PLASMO_BROWSER === "firefox") {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Firefox awaits a listener's promise here
    chrome.runtime.onSuspend?.addListener(() =>
      softphone
        .suspending()
        .then((wasUp) => (wasUp ? chrome.alarms.create(WAKE_ALARM, { delayInMinutes: WAKE_AFTER_MS / 60_000 }) : undefined))
        .catch(() => undefined)
    )
    chrome.runtime.onSuspendCanceled?.addListener(() => void softphone.suspendCanceled().catch(() => undefined))
    // The page goes (the browser quits: no onSuspend then; or after onSuspend): the call is hung up, not left up.
    addEventListener("pagehide", () => softphone.leaving())
  }
  void softphone.resume().catch((e) => console.warn("comptoir: softphone resume failed", e))
}
