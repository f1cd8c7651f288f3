import { OutcomeDraftRepository } from "~src/db/outcome-draft-repository"
import { DRAFTS_CHANGED_KEY } from "~src/domain/calls/outcome-draft"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { loadSettings } from "~src/features/settings/settings-store"
import { createI18n, resolveLanguage } from "~src/i18n"
import { CALLBACK_PREFIX, CallOutcomes, type CallLogStore } from "~src/telephony/call-outcomes"

import { services } from "./services"
import { softphone } from "./softphone"
import { onRemoteChange, readSession, runSync } from "./sync"

let instance: CallOutcomes | undefined

/** One per service-worker life (made at first use: handlers load in unit tests without `chrome`); all state is in storage. */
export function callOutcomes(): CallOutcomes {
  instance ??= new CallOutcomes({
    logs: callLogStore(),
    drafts: new OutcomeDraftRepository(services.db),
    alarms: { create: (name, info) => chrome.alarms.create(name, info), clear: (name) => chrome.alarms.clear(name), getAll: () => chrome.alarms.getAll() },
    customers: (ids) => services.customers.getMany(ids),
    agent: async () => (await readSession())?.user.email ?? "",
    written: () => void runSync(true).catch(() => undefined),
    draftsChanged: () => void chrome.storage.session.set({ [DRAFTS_CHANGED_KEY]: Date.now() }).catch(() => undefined)
  })
  return instance
}

function callLogStore(): CallLogStore {
  const repo = new ReplicatedRepository(services.db, "callLogs")
  return {
    get: (id) => repo.get(id),
    put: (row) => repo.put(row),
    byCustomer: (id) => repo.byCustomer(id),
    callbacksAfter: (at) => repo.above("callbackAt", at)
  }
}

/** The agent's call-backs set on their other devices ring here too (and those corrected since do not). */
function syncReminders(): void {
  void callOutcomes()
    .syncReminders()
    .catch((e) => console.warn("comptoir: reminders not synced", e))
}

export function startCallOutcomes(): void {
  syncReminders()
  onRemoteChange(syncReminders)
  // Every call the softphone logs is "to log" until its outcome is saved or discarded.
  softphone.onCallEnded((record) => void callOutcomes().callEnded(record).catch((e) => console.warn("comptoir: outcome draft not created", e)))
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(CALLBACK_PREFIX)) void remind(alarm.name)
  })
  chrome.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith(CALLBACK_PREFIX)) return
    const customerId = id.split(":")[2]
    void chrome.notifications.clear(id).catch(() => undefined)
    void chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html#/customers/${customerId ? encodeURIComponent(customerId) : ""}`) })
  })
}

/** The call-back is due: a notification naming the customer; a click opens the customer in the workspace. */
async function remind(alarmName: string): Promise<void> {
  const due = await callOutcomes().reminderDue(alarmName)
  if (!due || !chrome.notifications) return
  const settings = await loadSettings()
  const { t } = createI18n(resolveLanguage(settings.language, navigator.language))
  const who = due.customer ? `${due.customer.company} (${due.customer.code})` : (due.log.number ?? "")
  const icon = chrome.runtime.getManifest().icons?.["128"] ?? Object.values(chrome.runtime.getManifest().icons ?? {})[0] ?? ""
  await chrome.notifications
    .create(`${CALLBACK_PREFIX}${due.log.id}:${due.log.customerId ?? ""}`, {
      type: "basic",
      iconUrl: chrome.runtime.getURL(icon),
      title: t("callOutcome.reminder.title", { who }),
      message: due.log.notes || t("callOutcome.reminder.noNotes"),
      requireInteraction: true,
      priority: 2
    })
    .catch(() => undefined)
}
