import { latestLogs, type CallLog } from "./call-log.schema"

/** `callback:<logId>`: the alarm (and the notification) of a call-back reminder, one per log on each device. */
export const CALLBACK_PREFIX = "callback:"

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
