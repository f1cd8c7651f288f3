import { latestLogs, type CallLog } from "./call-log.schema"

/** `callback:<logId>`: the alarm (and the notification) of a call-back reminder, one per log on each device. */
export const CALLBACK_PREFIX = "callback:"

/** chrome.storage.local key of this device's reminder marks (rang, shown late); docks read the overdue list again when it changes. */
export const REMINDER_MARKS_KEY = "callbacks.reminderMarks"

export interface ScheduledAlarm {
  name: string
  scheduledTime: number
}

export interface ReminderPlan {
  /** Alarms to set (a new one, or one whose time moved). */
  create: { name: string; when: number }[]
  /** Alarms of logs corrected since (the correction has its own). */
  clear: string[]
}

/**
 * The call-back reminders this device must hold, from the logs it has (its own and those the team's sync
 * brought): every call-back still to come of the signed-in agent, on the latest version of its call only.
 * One alarm per log, named after it, so a reminder set on another device rings here too, and a sync that
 * brings it again (or this device's own log coming back) never makes a second one; an alarm already set at
 * the right time is left alone.
 */
export function reminderPlan(input: { logs: readonly CallLog[]; agent: string; now: number; alarms: readonly ScheduledAlarm[] }): ReminderPlan {
  const current = new Set(latestLogs(input.logs).map((l) => l.id))
  const agent = input.agent.trim().toLowerCase()
  const due = new Map<string, number>()
  if (agent !== "") {
    for (const l of input.logs) {
      if (!current.has(l.id) || l.callbackAt === null || l.callbackAt <= input.now) continue
      if (l.agent.trim().toLowerCase() !== agent) continue
      due.set(CALLBACK_PREFIX + l.id, l.callbackAt)
    }
  }
  const set = new Map(input.alarms.filter((a) => a.name.startsWith(CALLBACK_PREFIX)).map((a) => [a.name, a.scheduledTime]))
  const create = [...due].filter(([name, when]) => set.get(name) !== when).map(([name, when]) => ({ name, when }))
  const known = new Set(input.logs.map((l) => CALLBACK_PREFIX + l.id))
  // Only alarms of logs known here and no longer due (corrected since): an alarm of a log this device has not
  // seen is left to ring (reminderDue checks it again then).
  const clear = [...set.keys()].filter((name) => known.has(name) && !current.has(name.slice(CALLBACK_PREFIX.length)))
  return { create, clear }
}

/** How far back a missed call-back is still worth showing: older ones are history, not a reminder. */
export const LATE_WITHIN_MS = 7 * 86_400_000

/**
 * Call-backs whose time passed without their reminder on this device: the device was off when the alarm was
 * due, or the sync brought the log after its time (reminderPlan sets alarms only for call-backs still to come).
 * They are the signed-in agent's, on the latest version of their call, due in the last `within` ms, not shown
 * on this device yet (`shown`: log ids whose reminder rang or was shown late here), and the customer (or the
 * number, for a call without a customer) was not called again since the call that set the call-back.
 * Oldest due first.
 */
export function lateCallbacks(input: { logs: readonly CallLog[]; agent: string; now: number; shown: ReadonlySet<string>; within?: number }): CallLog[] {
  const agent = input.agent.trim().toLowerCase()
  if (agent === "") return []
  const since = input.now - (input.within ?? LATE_WITHIN_MS)
  const current = latestLogs(input.logs)
  const party = (l: CallLog) => (l.customerId !== null ? `c:${l.customerId}` : l.number !== null ? `n:${l.number}` : null)
  const calledAgain = (l: CallLog) => current.some((o) => o.id !== l.id && party(o) !== null && party(o) === party(l) && o.startedAt > l.startedAt)
  return current
    .filter((l) => l.callbackAt !== null && l.callbackAt <= input.now && l.callbackAt > since)
    .filter((l) => l.agent.trim().toLowerCase() === agent && !input.shown.has(l.id) && !calledAgain(l))
    .sort((a, b) => a.callbackAt! - b.callbackAt!)
}
