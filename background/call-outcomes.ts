import { OutcomeDraftRepository } from "~src/db/outcome-draft-repository"
import { DRAFTS_CHANGED_KEY } from "~src/domain/calls/outcome-draft"
import { REMINDER_MARKS_KEY } from "~src/domain/calls/reminders"
import { ReplicatedRepository } from "~src/db/replicated-repository"
import { loadSettings } from "~src/features/settings/settings-store"
import { createI18n, resolveLanguage } from "~src/i18n"
import { CALLBACK_PREFIX, CallOutcomes, type CallLogStore, type ReminderMarks, type ReminderMarkStore } from "~src/telephony/call-outcomes"

import { lateNotificationText, whoOf } from "./callback-notifications"
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
    marks: reminderMarkStore(),
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
    byCall: (callId) => repo.where("callId", callId),
    callbacksAfter: (at) => repo.above("callbackAt", at),
    latest: (limit) => repo.latest("startedAt", limit)
  }
}

function reminderMarkStore(): ReminderMarkStore {
  return {
    read: async () => {
      const raw = (await chrome.storage.local.get(REMINDER_MARKS_KEY))[REMINDER_MARKS_KEY] as Partial<ReminderMarks> | undefined
      const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [])
      return { shown: ids(raw?.shown), notified: ids(raw?.notified) }
    },
    write: (marks) => chrome.storage.local.set({ [REMINDER_MARKS_KEY]: marks })
  }
}

/**
 * The agent's call-backs set on their other devices ring here too (and those corrected since do not); those
 * whose time passed while this device was off, or before the sync brought them, are shown late, once.
 */
function syncReminders(): void {
  void callOutcomes()
    .syncReminders()
    .then(() => notifyLate())
    .catch((e) => console.warn("comptoir: reminders not synced", e))
}

const LATE_NOTIFICATION = "callbacks-late"

/** Late call-backs: one notification naming the customer (a click opens them), or one for several (the dock lists them). */
async function notifyLate(): Promise<void> {
  const late = await callOutcomes().lateToNotify()
  if (late.length === 0 || !chrome.notifications) return
  const settings = await loadSettings()
  const one = late.length === 1 ? late[0]! : null
  const { title, message } = lateNotificationText(late, resolveLanguage(settings.language, navigator.language))
  await chrome.notifications
    .create(one ? `${CALLBACK_PREFIX}${one.log.id}:${one.log.customerId ?? ""}` : LATE_NOTIFICATION, {
      type: "basic",
      iconUrl: iconUrl(),
      title,
      message,
      requireInteraction: true,
      priority: 2
    })
    .catch(() => undefined)
}

function iconUrl(): string {
  const icons = chrome.runtime.getManifest().icons
  return chrome.runtime.getURL(icons?.["128"] ?? Object.values(icons ?? {})[0] ?? "")
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
    if (id === LATE_NOTIFICATION) {
      // Several late call-backs: the softphone's tab lists them (its dock's "Overdue call-backs").
      void chrome.notifications.clear(id).catch(() => undefined)
      void chrome.tabs.create({ url: chrome.runtime.getURL("tabs/softphone.html") })
      return
    }
    if (!id.startsWith(CALLBACK_PREFIX)) return
    const customerId = id.split(":")[2]
    void chrome.notifications.clear(id).catch(() => undefined)
    void chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html#/customers/${customerId ? encodeURIComponent(customerId) : ""}`) })
  })
}

/** The call-back is due: a notification naming the customer; a click opens the customer in the workspace. */
async function remind(alarmName: string): Promise<void> {
  const due = await callOutcomes().reminderDue(alarmName)
  if (!due) return
  // Rang on time on this device: not shown again as late when it starts next.
  await callOutcomes().reminderShown(due.log.id)
  if (!chrome.notifications) return
  const settings = await loadSettings()
  const { t } = createI18n(resolveLanguage(settings.language, navigator.language))
  const who = whoOf(due)
  await chrome.notifications
    .create(`${CALLBACK_PREFIX}${due.log.id}:${due.log.customerId ?? ""}`, {
      type: "basic",
      iconUrl: iconUrl(),
      title: t("callOutcome.reminder.title", { who }),
      message: due.log.notes || t("callOutcome.reminder.noNotes"),
      requireInteraction: true,
      priority: 2
    })
    .catch(() => undefined)
}
