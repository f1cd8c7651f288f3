import type { OutcomeDraftRepository } from "~src/db/outcome-draft-repository"
import { CallLog, latestLogs } from "~src/domain/calls/call-log.schema"
import type { OutcomeDraft } from "~src/domain/calls/outcome-draft"
import { outcomeCustomerOf, talkSecondsOf } from "~src/domain/calls/outcome-form"
import type { Customer } from "~src/domain/customers/customer.schema"
import { CALLBACK_PREFIX, LATE_WITHIN_MS, lateCallbacks, reminderPlan, type ReminderPlan, type ScheduledAlarm } from "~src/domain/calls/reminders"
import type { CallRecord } from "~src/domain/telephony/call-record"

export { CALLBACK_PREFIX }

export interface CallLogStore {
  get(id: string): Promise<CallLog | undefined>
  put(row: CallLog): Promise<unknown>
  byCustomer(customerId: string): Promise<CallLog[]>
  /** The logs of one telephony call (the `callId` index): its outcome and the corrections of it. */
  byCall(callId: string): Promise<CallLog[]>
  /** Logs with a call-back after this instant (the `callbackAt` index). */
  callbacksAfter(at: number): Promise<CallLog[]>
  /** The `limit` logs that started last (the `startedAt` index), any customer. */
  latest(limit: number): Promise<CallLog[]>
}

/** The part of chrome.alarms the reminders use (a fake in unit tests). */
export interface AlarmsApi {
  create(name: string, info: { when: number }): unknown
  clear(name: string): unknown
  getAll(): Promise<ScheduledAlarm[]>
}

/**
 * What this device did with call-back reminders (device-local, never synced): `shown`, logs whose reminder rang
 * on time here or that the agent put away from the overdue list; `notified`, late ones already notified here.
 */
export interface ReminderMarks {
  shown: string[]
  notified: string[]
}
export interface ReminderMarkStore {
  read(): Promise<ReminderMarks>
  write(marks: ReminderMarks): Promise<void>
}

/** A call-back whose time passed without its reminder here, with who to call. */
export interface LateCallback {
  log: CallLog
  customer: Customer | null
}

/** Marks kept per list: enough for months of call-backs, bounded so storage never grows without end. */
const MARKS_KEPT = 500

export interface CallOutcomeDeps {
  logs: CallLogStore
  drafts: OutcomeDraftRepository
  alarms: AlarmsApi
  marks: ReminderMarkStore
  customers: (ids: string[]) => Promise<(Customer | undefined)[]>
  /** The signed-in user's email (the log's agent); "" without a team. */
  agent: () => Promise<string>
  /** After a local write: push it now (runSync(true)). */
  written: () => void
  /** A draft appeared or went: the docks' "to log" lists read again. */
  draftsChanged: () => void
  now?: () => number
}

/**
 * The background's side of call outcomes: the drafts that make a call "to log", the append-only logs (replicated
 * to the team by the callLogs table's middleware), their call-back reminders and the customer's timeline.
 */
export class CallOutcomes {
  private readonly now: () => number
  /** Saves one after the other: two docks saving the same call at once must not both find it unlogged. */
  private saving: Promise<unknown> = Promise.resolve()
  constructor(private readonly deps: CallOutcomeDeps) {
    this.now = deps.now ?? Date.now
  }

  /**
   * Calls the agent said need no log ("No log needed") in this worker's life: a draft discarded before the call's
   * record was written must not come back when it is (the form opens from the published view, ~100 ms earlier).
   */
  private readonly discarded = new Set<string>()

  /**
   * The softphone logged a call: it is "to log" until its outcome is saved or discarded. Unless the agent was
   * quicker: the form opens at hang-up, before the call's record is written (RECORD_WRITE_AFTER_MS, more on a busy
   * machine), and a call saved or discarded by then stays so. In the save queue, so a save is never half-seen.
   */
  callEnded(record: CallRecord): Promise<void> {
    const done = this.saving.then(async () => {
      if (this.discarded.has(record.id) || (await this.loggedCall(record.id))) return
      await this.draftCallEnded(record)
    })
    this.saving = done.catch(() => undefined)
    return done
  }

  private async draftCallEnded(record: CallRecord): Promise<void> {
    const [customer] = record.customerId ? await this.deps.customers([record.customerId]) : [undefined]
    await this.deps.drafts.callEnded(
      record.id,
      {
        callId: record.id,
        customer: customer ? outcomeCustomerOf(customer) : null,
        measured: { startedAt: record.startedAt, durationSeconds: talkSecondsOf(record), endReason: record.endReason },
        correctsId: null
      },
      { direction: record.direction, number: record.number, startedAt: record.startedAt, contactId: record.contactId },
      this.now()
    )
    this.deps.draftsChanged()
  }

  /**
   * "New customer with this number": the call still to log is the new customer's. Its draft (and any values
   * typed) names them from now on; false when the call has no draft (logged or discarded already).
   */
  async assignCall(callId: string, customer: Customer, contactId: string | null): Promise<boolean> {
    const d = await this.deps.drafts.get(callId)
    if (!d) return false
    const values = d.values ? { ...d.values, contactId: contactId ?? "" } : null
    const summary = d.summary ? { ...d.summary, contactId } : null
    await this.deps.drafts.keep(callId, { context: { ...d.context, customer: outcomeCustomerOf(customer) }, values, summary }, this.now())
    this.deps.draftsChanged()
    return true
  }

  draft(id: string): Promise<OutcomeDraft | undefined> {
    return this.deps.drafts.get(id)
  }

  /** The form's typing; a call logged meanwhile (from another dock) is not brought back "to log" by it. */
  async keep(id: string, patch: Pick<OutcomeDraft, "context" | "values" | "summary">): Promise<void> {
    if (patch.context.correctsId === null && patch.context.callId !== null && (await this.loggedCall(patch.context.callId))) return
    await this.deps.drafts.keep(id, patch, this.now())
  }

  /** The call's outcome as saved (its latest correction), or undefined while it is not logged. */
  private async loggedCall(callId: string): Promise<CallLog | undefined> {
    const logs = await this.deps.logs.byCall(callId)
    return logs.length > 0 ? (latestLogs(logs)[0] ?? logs[0]) : undefined
  }

  async discard(id: string): Promise<void> {
    this.discarded.add(id)
    // Bounded: only a call whose record is still to be written needs it.
    if (this.discarded.size > 200) this.discarded.delete(this.discarded.values().next().value!)
    await this.deps.drafts.delete(id)
    this.deps.draftsChanged()
  }

  pending(): Promise<OutcomeDraft[]> {
    return this.deps.drafts.pending(200)
  }

  /**
   * Writes a log. Append-only: an id already logged is refused (a correction is a new log naming the old one), and
   * a call already logged answers with its stored log (one call, one outcome, however many docks had it open).
   * The agent is the signed-in user, whatever the page said; a corrected log's reminder gives way to the new one.
   */
  log(input: CallLog, draftId: string | null): Promise<CallLog> {
    const saved = this.saving.then(() => this.logNow(input, draftId))
    this.saving = saved.catch(() => undefined)
    return saved
  }

  private async logNow(input: CallLog, draftId: string | null): Promise<CallLog> {
    if (await this.deps.logs.get(input.id)) throw new Error("this call log is already saved: a correction is a new log")
    // The call's outcome was saved already (the side panel and the softphone tab both had its form open): the
    // second save gets the stored log, not a second one. A correction (`correctsId`) is the way to change it.
    const already = input.correctsId === null && input.callId !== null ? await this.loggedCall(input.callId) : undefined
    if (already) {
      if (draftId && (await this.deps.drafts.get(draftId))) {
        await this.deps.drafts.delete(draftId)
        this.deps.draftsChanged()
      }
      return already
    }
    if (input.correctsId !== null && !(await this.deps.logs.get(input.correctsId))) throw new Error("the log to correct is not in this base")
    const log = CallLog.parse({ ...input, agent: await this.deps.agent(), createdAt: this.now() })
    await this.deps.logs.put(log)
    if (draftId) {
      await this.deps.drafts.delete(draftId)
      this.deps.draftsChanged()
    }
    if (log.correctsId) await this.deps.alarms.clear(CALLBACK_PREFIX + log.correctsId)
    this.scheduleReminder(log)
    this.deps.written()
    return log
  }

  /** The call-back reminder: an alarm at `callbackAt` (it survives the service worker; the notification follows). */
  scheduleReminder(log: CallLog): boolean {
    if (log.callbackAt === null || log.callbackAt <= this.now()) return false
    void this.deps.alarms.create(CALLBACK_PREFIX + log.id, { when: log.callbackAt })
    return true
  }

  /**
   * After a sync brought logs from the team (and at the worker's start): the signed-in agent's call-backs set on
   * another device get their alarm here too, and those corrected since lose theirs. Idempotent (see reminderPlan).
   */
  async syncReminders(): Promise<ReminderPlan> {
    const agent = await this.deps.agent()
    const now = this.now()
    const [upcoming, alarms] = await Promise.all([this.deps.logs.callbacksAfter(now), this.deps.alarms.getAll()])
    const ours = alarms.filter((a) => a.name.startsWith(CALLBACK_PREFIX))
    const alarmed = (await Promise.all(ours.map((a) => this.deps.logs.get(a.name.slice(CALLBACK_PREFIX.length))))).filter((l): l is CallLog => l !== undefined)
    // Their customers' other logs: a correction names the log it replaces, and may have no call-back itself.
    const customers = new Set([...upcoming, ...alarmed].map((l) => l.customerId).filter((c): c is string => c !== null))
    const related = (await Promise.all([...customers].map((c) => this.deps.logs.byCustomer(c)))).flat()
    const byId = new Map<string, CallLog>()
    for (const row of [...upcoming, ...alarmed, ...related]) {
      const p = CallLog.safeParse(row)
      if (p.success) byId.set(p.data.id, p.data)
    }
    const plan = reminderPlan({ logs: [...byId.values()], agent, now, alarms: ours })
    for (const name of plan.clear) await this.deps.alarms.clear(name)
    for (const a of plan.create) await this.deps.alarms.create(a.name, { when: a.when })
    return plan
  }

  /** The reminder's alarm rang: the log and its customer, for the notification; null if it was corrected away. */
  async reminderDue(alarmName: string): Promise<{ log: CallLog; customer: Customer | null } | null> {
    if (!alarmName.startsWith(CALLBACK_PREFIX)) return null
    const log = await this.deps.logs.get(alarmName.slice(CALLBACK_PREFIX.length))
    if (!log || log.callbackAt === null) return null
    if (log.customerId) {
      const current = latestLogs(await this.deps.logs.byCustomer(log.customerId))
      if (!current.some((l) => l.id === log.id)) return null
    }
    const [customer] = log.customerId ? await this.deps.customers([log.customerId]) : [undefined]
    return { log, customer: customer ?? null }
  }

  /** The reminder rang on time here: it is not "late" on this device later. */
  async reminderShown(logId: string): Promise<void> {
    await this.mark("shown", [logId])
  }

  /**
   * Call-backs whose time passed while this device was off, or before a sync brought them (no alarm was ever
   * set for them here): listed until the customer is called again or the agent puts them away.
   */
  async late(): Promise<LateCallback[]> {
    const now = this.now()
    const [agent, marks, recent] = await Promise.all([this.deps.agent(), this.deps.marks.read(), this.deps.logs.callbacksAfter(now - LATE_WITHIN_MS)])
    // The customers' other logs: a correction, or a call made since, settles the call-back.
    const customers = new Set(recent.map((l) => l.customerId).filter((c): c is string => c !== null))
    const related = (await Promise.all([...customers].map((c) => this.deps.logs.byCustomer(c)))).flat()
    const byId = new Map<string, CallLog>()
    for (const row of [...recent, ...related]) {
      const p = CallLog.safeParse(row)
      if (p.success) byId.set(p.data.id, p.data)
    }
    const due = lateCallbacks({ logs: [...byId.values()], agent, now, shown: new Set(marks.shown) })
    const found = await this.deps.customers(due.map((l) => l.customerId).filter((c): c is string => c !== null))
    const byCustomer = new Map(found.filter((c): c is Customer => c !== undefined).map((c) => [c.id, c]))
    return due.map((log) => ({ log, customer: log.customerId ? (byCustomer.get(log.customerId) ?? null) : null }))
  }

  /** The late call-backs not notified on this device yet, marked notified (each is notified once per device). */
  async lateToNotify(): Promise<LateCallback[]> {
    const [late, marks] = await Promise.all([this.late(), this.deps.marks.read()])
    const notified = new Set(marks.notified)
    const fresh = late.filter((l) => !notified.has(l.log.id))
    if (fresh.length > 0) await this.mark("notified", fresh.map((l) => l.log.id))
    return fresh
  }

  /** The agent put a late call-back away: it leaves the overdue list on this device. */
  async dismissLate(logId: string): Promise<void> {
    await this.mark("shown", [logId])
  }

  private async mark(list: keyof ReminderMarks, ids: string[]): Promise<void> {
    const marks = await this.deps.marks.read()
    const next = [...marks[list].filter((id) => !ids.includes(id)), ...ids].slice(-MARKS_KEPT)
    await this.deps.marks.write({ ...marks, [list]: next })
  }

  /**
   * The latest calls of the base, any customer, newest first, each shown by its latest correction, with its
   * customer (the workspace's Calls list). A correction keeps its call's start, so it is read in the same window
   * as the log it replaces; twice the rows asked leave room for them.
   */
  async recent(limit: number): Promise<LateCallback[]> {
    const valid = (await this.deps.logs.latest(limit * 2)).flatMap((row) => {
      const p = CallLog.safeParse(row)
      return p.success ? [p.data] : []
    })
    const logs = latestLogs(valid).slice(0, limit)
    const found = await this.deps.customers([...new Set(logs.map((l) => l.customerId).filter((c): c is string => c !== null))])
    const byId = new Map(found.filter((c): c is Customer => c !== undefined).map((c) => [c.id, c]))
    return logs.map((log) => ({ log, customer: log.customerId ? (byId.get(log.customerId) ?? null) : null }))
  }

  async timeline(customerId: string, limit: number): Promise<{ logs: CallLog[]; total: number }> {
    // Rows from the team are stored as the server sent them: one that is not a log (an older client's) is skipped.
    const valid = (await this.deps.logs.byCustomer(customerId)).flatMap((row) => {
      const p = CallLog.safeParse(row)
      return p.success ? [p.data] : []
    })
    const all = latestLogs(valid)
    return { logs: all.slice(0, limit), total: all.length }
  }
}
