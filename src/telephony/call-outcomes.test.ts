import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import { ComptoirDb } from "~src/db/database"
import { OutcomeDraftRepository } from "~src/db/outcome-draft-repository"
import { CallLog } from "~src/domain/calls/call-log.schema"
import type { Customer } from "~src/domain/customers/customer.schema"
import type { CallRecord } from "~src/domain/telephony/call-record"

import { CALLBACK_PREFIX, CallOutcomes, type CallLogStore } from "./call-outcomes"

const NOW = Date.UTC(2026, 11, 2, 9, 30)
const customer = { id: "cu1", code: "C-00012", company: "Dupont SARL", contacts: [{ id: "ct1", firstName: "Marie", lastName: "Dupont", role: "", phones: ["+33612345678"], emails: [] }] } as unknown as Customer

const record: CallRecord = {
  id: "call-1",
  direction: "outbound",
  number: "+33612345678",
  provider: "sip",
  customerId: "cu1",
  contactId: "ct1",
  startedAt: NOW - 120_000,
  answeredAt: NOW - 110_000,
  endedAt: NOW - 15_000,
  durationMs: 95_000,
  endReason: "hangup-local"
}

function setUp() {
  const rows = new Map<string, CallLog>()
  const logs: CallLogStore = {
    get: async (id) => rows.get(id),
    put: async (row) => void rows.set(row.id, row),
    byCustomer: async (id) => [...rows.values()].filter((r) => r.customerId === id),
    byCall: async (callId) => [...rows.values()].filter((r) => r.callId === callId),
    callbacksAfter: async (at) => [...rows.values()].filter((r) => r.callbackAt !== null && r.callbackAt > at),
    latest: async (limit) => [...rows.values()].sort((a, b) => b.startedAt - a.startedAt).slice(0, limit)
  }
  const alarms: { created: [string, number][]; cleared: string[] } = { created: [], cleared: [] }
  /** What chrome.alarms holds on this device now. */
  const scheduled = new Map<string, number>()
  let pushes = 0
  let changes = 0
  /** This device's reminder marks (chrome.storage.local in the extension). */
  let marks = { shown: [] as string[], notified: [] as string[] }
  const outcomes = new CallOutcomes({
    marks: { read: async () => marks, write: async (m) => void (marks = m) },
    logs,
    drafts: new OutcomeDraftRepository(new ComptoirDb(`outcomes-${Math.random()}`)),
    alarms: {
      create: (name, info) => {
        alarms.created.push([name, info.when])
        scheduled.set(name, info.when)
      },
      clear: (name) => {
        alarms.cleared.push(name)
        scheduled.delete(name)
      },
      getAll: async () => [...scheduled].map(([name, scheduledTime]) => ({ name, scheduledTime }))
    },
    customers: async (ids) => ids.map((id) => (id === customer.id ? customer : undefined)),
    agent: async () => "agent1@demo.comptoir.test",
    written: () => void pushes++,
    draftsChanged: () => void changes++,
    now: () => NOW
  })
  return { outcomes, rows, alarms, scheduled, pushed: () => pushes, changed: () => changes }
}

const log = (over: Partial<CallLog> = {}): CallLog =>
  CallLog.parse({
    id: "log-1",
    callId: "call-1",
    direction: "outbound",
    number: "+33612345678",
    customerId: "cu1",
    startedAt: record.startedAt,
    durationSeconds: 95,
    outcome: "information-given",
    agent: "someone-else@example.com",
    createdAt: 1,
    ...over
  })

describe("call outcomes in the background", () => {
  it("lists an ended call 'to log' with its customer and measured talk time, and keeps what the form typed", async () => {
    const { outcomes, changed } = setUp()
    await outcomes.keep("call-1", { context: { callId: "call-1", customer: null, measured: null, correctsId: null }, values: { notes: "typed during the call" }, summary: null })
    await outcomes.callEnded(record)
    const [draft] = await outcomes.pending()
    expect(draft).toMatchObject({
      id: "call-1",
      values: { notes: "typed during the call" },
      summary: { direction: "outbound", number: "+33612345678", startedAt: record.startedAt, contactId: "ct1" },
      context: { callId: "call-1", customer: { id: "cu1", company: "Dupont SARL", code: "C-00012" }, measured: { startedAt: record.startedAt, durationSeconds: 95, endReason: record.endReason } }
    })
    expect(changed()).toBe(1)
  })

  it("keeps the hang-up's measure when a note typed during the call reaches the draft after the hang-up", async () => {
    const { outcomes } = setUp()
    const live = { callId: "call-1", customer: null, measured: null, correctsId: null }
    await outcomes.keep("call-1", { context: live, values: { notes: "wants 200 pairs", duration: "", startedAt: "" }, summary: null })
    await outcomes.callEnded(record)
    // The last keystroke of the call, debounced, arrives after the hang-up: it still knows no measure.
    await outcomes.keep("call-1", { context: live, values: { notes: "wants 200 pairs, blue", duration: "", startedAt: "" }, summary: null })
    const draft = await outcomes.draft("call-1")
    expect(draft?.context.measured).toEqual({ startedAt: record.startedAt, durationSeconds: 95, endReason: record.endReason })
    expect(draft?.values).toMatchObject({ notes: "wants 200 pairs, blue" })
    expect(draft?.summary).toMatchObject({ number: "+33612345678" })
  })

  it("saves a log under the signed-in agent, takes the call off the 'to log' list and pushes it at once", async () => {
    const { outcomes, rows, pushed } = setUp()
    await outcomes.callEnded(record)
    await outcomes.log(log(), "call-1")
    expect(rows.get("log-1")).toMatchObject({ agent: "agent1@demo.comptoir.test", createdAt: NOW, customerId: "cu1" })
    expect(await outcomes.pending()).toEqual([])
    expect(pushed()).toBe(1)
  })

  it("logs a call once when two docks save its outcome: the second gets the stored log, a correction is still taken", async () => {
    const { outcomes, rows, pushed } = setUp()
    await outcomes.callEnded(record)
    // The side panel and the softphone tab both had the form open; each made its own log id.
    const [first, second] = await Promise.all([outcomes.log(log({ id: "from-panel", notes: "panel" }), "call-1"), outcomes.log(log({ id: "from-tab", notes: "tab" }), "call-1")])
    expect([...rows.keys()]).toEqual(["from-panel"])
    expect(second).toEqual(first)
    expect(pushed()).toBe(1)
    expect(await outcomes.pending()).toEqual([])
    await outcomes.log(log({ id: "fix-1", correctsId: "from-panel", notes: "corrected" }), null)
    expect([...rows.keys()]).toEqual(["from-panel", "fix-1"])
  })

  it("does not bring a logged call back 'to log' when the other dock's typing reaches the background after the save", async () => {
    const { outcomes } = setUp()
    await outcomes.callEnded(record)
    await outcomes.log(log(), "call-1")
    await outcomes.keep("call-1", { context: { callId: "call-1", customer: null, measured: null, correctsId: null }, values: { notes: "late keystroke" }, summary: null })
    expect(await outcomes.pending()).toEqual([])
  })

  it("never overwrites a saved log: a correction is a new log naming it", async () => {
    const { outcomes } = setUp()
    await outcomes.log(log(), null)
    await expect(outcomes.log(log({ notes: "rewritten" }), null)).rejects.toThrow(/already saved/)
    await expect(outcomes.log(log({ id: "log-2", correctsId: "nowhere" }), null)).rejects.toThrow(/not in this base/)
    await outcomes.log(log({ id: "log-2", correctsId: "log-1", notes: "corrected" }), null)
    const timeline = await outcomes.timeline("cu1", 20)
    expect(timeline.logs.map((l) => [l.id, l.notes])).toEqual([["log-2", "corrected"]])
  })

  it("schedules the call-back reminder at the call-back's time, and moves it with a correction", async () => {
    const { outcomes, alarms } = setUp()
    const callbackAt = NOW + 2 * 86_400_000
    await outcomes.log(log({ outcome: "call-back", callbackAt }), null)
    expect(alarms.created).toEqual([[`${CALLBACK_PREFIX}log-1`, callbackAt]])
    await outcomes.log(log({ id: "log-2", correctsId: "log-1", outcome: "call-back", callbackAt: callbackAt + 3_600_000 }), null)
    expect(alarms.cleared).toEqual([`${CALLBACK_PREFIX}log-1`])
    expect(alarms.created.at(-1)).toEqual([`${CALLBACK_PREFIX}log-2`, callbackAt + 3_600_000])
  })

  it("rings the reminder with the customer, and not for a log corrected since", async () => {
    const { outcomes } = setUp()
    await outcomes.log(log({ outcome: "call-back", callbackAt: NOW + 60_000, notes: "Send the new prices" }), null)
    expect(await outcomes.reminderDue(`${CALLBACK_PREFIX}log-1`)).toMatchObject({ log: { id: "log-1", notes: "Send the new prices" }, customer: { company: "Dupont SARL" } })
    await outcomes.log(log({ id: "log-2", correctsId: "log-1", outcome: "information-given" }), null)
    expect(await outcomes.reminderDue(`${CALLBACK_PREFIX}log-1`)).toBeNull()
  })

  it("rings a call-back set on the agent's other device once the sync brought it, and only once however often it syncs", async () => {
    const { outcomes, rows, scheduled } = setUp()
    const callbackAt = NOW + 86_400_000
    // Rows the team's sync wrote (the other device's log, and a colleague's call-back that is not this agent's).
    rows.set("elsewhere", log({ id: "elsewhere", agent: "agent1@demo.comptoir.test", outcome: "call-back", callbackAt }))
    rows.set("colleague", log({ id: "colleague", agent: "agent2@demo.comptoir.test", outcome: "call-back", callbackAt }))
    await outcomes.syncReminders()
    expect([...scheduled]).toEqual([[`${CALLBACK_PREFIX}elsewhere`, callbackAt]])
    const again = await outcomes.syncReminders()
    expect(again.create).toEqual([])
    expect(scheduled.size).toBe(1)
    expect(await outcomes.reminderDue(`${CALLBACK_PREFIX}elsewhere`)).toMatchObject({ log: { id: "elsewhere" }, customer: { company: "Dupont SARL" } })
  })

  it("takes the reminder off this device when the other device corrected the call-back away, and moves it when it moved", async () => {
    const { outcomes, rows, scheduled } = setUp()
    const callbackAt = NOW + 86_400_000
    await outcomes.log(log({ outcome: "call-back", callbackAt }), null)
    expect([...scheduled.keys()]).toEqual([`${CALLBACK_PREFIX}log-1`])
    // Synced from the other device: a correction to another time.
    rows.set("log-2", log({ id: "log-2", agent: "agent1@demo.comptoir.test", correctsId: "log-1", outcome: "call-back", callbackAt: callbackAt + 3_600_000 }))
    await outcomes.syncReminders()
    expect([...scheduled]).toEqual([[`${CALLBACK_PREFIX}log-2`, callbackAt + 3_600_000]])
    // And then a correction with no call-back at all.
    rows.set("log-3", log({ id: "log-3", agent: "agent1@demo.comptoir.test", correctsId: "log-2", outcome: "order-taken" }))
    await outcomes.syncReminders()
    expect(scheduled.size).toBe(0)
  })

  it("sets no reminder for a call-back already past when the sync brings it", async () => {
    const { outcomes, rows, scheduled } = setUp()
    rows.set("old", log({ id: "old", agent: "agent1@demo.comptoir.test", outcome: "call-back", callbackAt: NOW - 60_000 }))
    await outcomes.syncReminders()
    expect(scheduled.size).toBe(0)
  })

  it("shows a call-back whose time passed before the sync brought it, as late, notified once on this device", async () => {
    const { outcomes, rows } = setUp()
    rows.set("old", log({ id: "old", agent: "agent1@demo.comptoir.test", outcome: "call-back", callbackAt: NOW - 60_000, notes: "Send the new prices" }))
    const late = await outcomes.late()
    expect(late).toMatchObject([{ log: { id: "old", notes: "Send the new prices" }, customer: { company: "Dupont SARL" } }])
    expect((await outcomes.lateToNotify()).map((l) => l.log.id)).toEqual(["old"])
    // Notified once: the next sync or worker start does not notify it again, but it stays in the overdue list.
    expect(await outcomes.lateToNotify()).toEqual([])
    expect((await outcomes.late()).map((l) => l.log.id)).toEqual(["old"])
    // Put away by the agent: it leaves the list.
    await outcomes.dismissLate("old")
    expect(await outcomes.late()).toEqual([])
  })

  it("does not call a reminder that rang on time late, nor one whose customer was called again since", async () => {
    const { outcomes, rows } = setUp()
    const agent = "agent1@demo.comptoir.test"
    rows.set("rang", log({ id: "rang", agent, outcome: "call-back", callbackAt: NOW - 60_000 }))
    await outcomes.reminderShown("rang")
    expect(await outcomes.late()).toEqual([])
    rows.set("missed", log({ id: "missed", agent, outcome: "call-back", callbackAt: NOW - 30_000 }))
    expect((await outcomes.late()).map((l) => l.log.id)).toEqual(["missed"])
    rows.set("again", log({ id: "again", agent, startedAt: NOW - 10_000, durationSeconds: 5, outcome: "order-taken" }))
    expect(await outcomes.late()).toEqual([])
  })

  it("gives the call still to log to the customer created for its number, with the contact and what was typed", async () => {
    const { outcomes, changed } = setUp()
    await outcomes.callEnded({ ...record, customerId: null, contactId: null })
    await outcomes.keep("call-1", { context: { callId: "call-1", customer: null, measured: null, correctsId: null }, values: { notes: "New shop in Lyon" }, summary: null })
    const created = { ...customer, id: "cu-new", code: "N-1", company: "Bistrot Lumière", contacts: [{ ...customer.contacts[0]!, id: "ct-new" }] } as Customer
    expect(await outcomes.assignCall("call-1", created, "ct-new")).toBe(true)
    const draft = await outcomes.draft("call-1")
    expect(draft).toMatchObject({ context: { customer: { id: "cu-new", company: "Bistrot Lumière" }, measured: { durationSeconds: 95 } }, values: { notes: "New shop in Lyon", contactId: "ct-new" }, summary: { contactId: "ct-new", number: "+33612345678" } })
    expect(changed()).toBe(2)
    expect(await outcomes.assignCall("no-such-call", created, null)).toBe(false)
  })

  it("sets no reminder for a log without a call-back", async () => {
    const { outcomes, alarms } = setUp()
    await outcomes.log(log(), null)
    expect(alarms.created).toEqual([])
  })

  it("shows the newest calls first and skips a row that is not a call log", async () => {
    const { outcomes, rows } = setUp()
    await outcomes.log(log({ id: "old", callId: "call-old", startedAt: record.startedAt - 86_400_000 }), null)
    await outcomes.log(log({ id: "new" }), null)
    rows.set("junk", { id: "junk", customerId: "cu1", phone: "+336" } as unknown as CallLog)
    const t = await outcomes.timeline("cu1", 1)
    expect(t).toMatchObject({ total: 2, logs: [{ id: "new" }] })
  })

  it("lists the base's latest calls, any customer, newest first, a corrected one by its correction, with the customer", async () => {
    const { outcomes, rows } = setUp()
    await outcomes.log(log({ id: "old", callId: "call-old", startedAt: record.startedAt - 86_400_000 }), null)
    await outcomes.log(log({ id: "other", callId: "call-other", customerId: "cu-gone", startedAt: record.startedAt - 3_600_000 }), null)
    await outcomes.log(log({ id: "new" }), null)
    await outcomes.log(log({ id: "new-fixed", correctsId: "new", outcome: "quote-requested" }), null)
    await outcomes.log(log({ id: "unknown", callId: "call-unknown", customerId: null, number: "+33198765432", startedAt: record.startedAt - 60_000 }), null)
    rows.set("junk", { id: "junk", customerId: "cu1", startedAt: NOW } as unknown as CallLog)
    const recent = await outcomes.recent(3)
    expect(recent.map((r) => [r.log.id, r.customer?.company ?? null])).toEqual([
      ["new-fixed", "Dupont SARL"],
      ["unknown", null],
      ["other", null]
    ])
    expect(recent[0]!.log.outcome).toBe("quote-requested")
  })

  it("does not bring back 'to log' a call saved or discarded before its record was written", async () => {
    const { outcomes, rows } = setUp()
    // The form opens from the published view at hang-up; the record (and its "to log") follows a moment later.
    await outcomes.log(log(), "call-1")
    await outcomes.callEnded(record)
    expect(await outcomes.pending()).toEqual([])
    await outcomes.discard("call-2")
    await outcomes.callEnded({ ...record, id: "call-2" })
    expect(await outcomes.pending()).toEqual([])
    expect([...rows.keys()]).toEqual(["log-1"])
    // Any other call still comes "to log".
    await outcomes.callEnded({ ...record, id: "call-3" })
    expect((await outcomes.pending()).map((d) => d.id)).toEqual(["call-3"])
  })

  it("forgets a discarded outcome", async () => {
    const { outcomes } = setUp()
    await outcomes.callEnded(record)
    await outcomes.discard("call-1")
    expect(await outcomes.draft("call-1")).toBeUndefined()
  })
})
