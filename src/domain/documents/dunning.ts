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
  /** The reminder to send now, or null when nothing is due (not overdue enough, or that level already sent). */
  due: DunningLevel | null
  /** The highest level the invoice's lateness has reached. */
  reached: DunningLevel | null
  daysOverdue: number
}

export function checkSchedule(s: DunningSchedule): string | null {
  if (!(s.friendly > 0 && s.friendly < s.firm && s.firm < s["formal-notice"])) return "reminder days must increase: friendly < firm < formal notice"
  return null
}

/**
 * The next reminder an overdue invoice calls for. Levels are never skipped silently: an invoice found 40 days
 * late that had no reminder gets the formal notice only if the earlier ones were sent; otherwise the next one
 * missing (a formal notice out of the blue is not how a French sales assistant keeps a customer).
 */
export function nextReminder(invoice: DunningInvoice, today: string, schedule: DunningSchedule = DEFAULT_DUNNING_SCHEDULE): DunningStep {
  const days = daysOverdue(invoice.dueDate, today)
  if (invoice.remainingCents <= 0) return { due: null, reached: null, daysOverdue: days }
  const reached = [...DUNNING_LEVELS].reverse().find((l) => days >= schedule[l]) ?? null
  if (reached === null) return { due: null, reached, daysOverdue: days }
  const sent = new Set(invoice.reminders.map((r) => r.level))
  const upTo = DUNNING_LEVELS.slice(0, DUNNING_LEVELS.indexOf(reached) + 1)
  return { due: upTo.find((l) => !sent.has(l)) ?? null, reached, daysOverdue: days }
}
