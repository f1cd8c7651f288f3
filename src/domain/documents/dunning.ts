import { daysOverdue } from "./payments"

export type DunningLevel = "friendly" | "firm" | "formal-notice"

export const DUNNING_LEVELS: readonly DunningLevel[] = ["friendly", "firm", "formal-notice"]

/** Days past due from which each reminder is due (friendly at 7, firm at 15, formal notice at 30 by default). */
export type DunningSchedule = Record<DunningLevel, number>
export const DEFAULT_DUNNING_SCHEDULE: DunningSchedule = { friendly: 7, firm: 15, "formal-notice": 30 }

export interface DunningInvoice {
  dueDate: string
  remainingCents: number
  /** Reminders already sent, any order. */
  reminders: readonly { level: DunningLevel; at: string }[]
}

export interface DunningStep {
  /** The next reminder in order, or null when nothing is due (not overdue enough, or that level already sent). */
  due: DunningLevel | null
  /** The highest level the invoice's lateness has reached. */
  reached: DunningLevel | null
  daysOverdue: number
  /** The level reached, when it is above `due` and may be sent at once instead; null otherwise. */
  direct: DunningLevel | null
  /** The levels sending `direct` now would skip (`due` first); empty without `direct`. */
  skips: DunningLevel[]
}

export function checkSchedule(s: DunningSchedule): string | null {
  if (!(s.friendly > 0 && s.friendly < s.firm && s.firm < s["formal-notice"])) return "reminder days must increase: friendly < firm < formal notice"
  return null
}

/**
 * The reminder an overdue invoice calls for. Levels are never skipped silently, and never forced in order either:
 * `due` is the next level in order (the first not sent above the highest sent, up to the level reached), and when
 * the lateness has reached a higher level than that, `direct` is that level and `skips` the levels sending it now
 * would pass over. The agent chooses, as in Odoo's follow-ups or Sage's relances where the level follows the days
 * overdue: an invoice found 318 days late with nothing sent may deserve the formal notice at once, or a friendly
 * word first for a customer one keeps. A level below one already sent is never offered again.
 */
export function nextReminder(invoice: DunningInvoice, today: string, schedule: DunningSchedule = DEFAULT_DUNNING_SCHEDULE): DunningStep {
  const days = daysOverdue(invoice.dueDate, today)
  const none = { direct: null, skips: [] }
  if (invoice.remainingCents <= 0) return { due: null, reached: null, daysOverdue: days, ...none }
  const reached = [...DUNNING_LEVELS].reverse().find((l) => days >= schedule[l]) ?? null
  if (reached === null) return { due: null, reached, daysOverdue: days, ...none }
  const highestSent = Math.max(-1, ...invoice.reminders.map((r) => DUNNING_LEVELS.indexOf(r.level)))
  const open = DUNNING_LEVELS.slice(highestSent + 1, DUNNING_LEVELS.indexOf(reached) + 1)
  const due = open[0] ?? null
  if (open.length < 2) return { due, reached, daysOverdue: days, ...none }
  return { due, reached, daysOverdue: days, direct: reached, skips: open.slice(0, -1) }
}

/**
 * The levels each reminder passed over when it was sent, from the invoice's reminders in the order they were
 * logged (its history only grows): those between the highest level sent before it and its own.
 */
export function skippedLevels(reminders: readonly { level: DunningLevel }[]): DunningLevel[][] {
  let highest = -1
  return reminders.map((r) => {
    const at = DUNNING_LEVELS.indexOf(r.level)
    const skipped = at > highest ? DUNNING_LEVELS.slice(highest + 1, at) : []
    highest = Math.max(highest, at)
    return skipped
  })
}

/**
 * The reminders the dunning list offers for a step, in this order: the next level in order (or, when every level
 * reached was sent, the level reached, to send again), then the level reached when it may be sent at once.
 */
export function reminderOffers(step: Pick<DunningStep, "due" | "reached" | "direct" | "skips">): { level: DunningLevel; skips: DunningLevel[] }[] {
  const first = step.due ?? step.reached
  if (first === null) return []
  return step.direct ? [{ level: first, skips: [] }, { level: step.direct, skips: step.skips }] : [{ level: first, skips: [] }]
}

/**
 * The days of the reminders a mail of `level` cites as earlier ones, oldest first: those of a lower level, and those
 * of its own level sent on an earlier day (a firm reminder sent again, or a second formal notice, cites the first:
 * without it a second mise en demeure read as if the first had never been sent); not one of its level logged today,
 * which is this very mail prepared again.
 */
export function earlierReminderDays(sent: readonly { level: DunningLevel; at: string }[], level: DunningLevel, today: string): string[] {
  const rank = DUNNING_LEVELS.indexOf(level)
  return sent
    .filter((s) => DUNNING_LEVELS.indexOf(s.level) < rank || (s.level === level && s.at < today))
    .map((s) => s.at)
    .sort()
}
