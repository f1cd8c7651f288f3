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
  }
})

export function startSoftphone(): void {
  chrome.notifications?.onClicked.addListener((id) => {
    if (id.startsWith("softphone-")) void openCallerCard()
  })
  chrome.commands.onCommand.addListener((command) => {
    if (command === "softphone-answer-hangup") void softphone.answerOrHangup().catch(() => undefined)
  })
  void softphone.resume().catch((e) => console.warn("comptoir: softphone resume failed", e))
}
