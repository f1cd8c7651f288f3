import type { createBackgroundHost } from "~src/telephony/background-host"
import { createCallBarPush } from "~src/telephony/call-bar-push"
import { SoftphoneController, openCallerCard } from "~src/telephony/controller"

import { services } from "./services"
import { readSession } from "./sync"

/** One controller per service-worker life; everything it needs survives in storage and the offscreen document. */
export const softphone = new SoftphoneController({
  db: services.db,
  customersByPhone: async (e164) => (await services.customers.findExact({ phones: [e164], emails: [], codes: [] })).map((m) => m.customer),
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
  void softphone.resume().catch((e) => console.warn("comptoir: softphone resume failed", e))
}
