import { describe, expect, it } from "vitest"

import { appointmentIcs, zonedToUtc } from "./appointment-ics"
import { CallLog, latestLogs, type CallLogInput } from "./call-log.schema"

const base: CallLogInput = {
  id: "c1",
  direction: "outbound",
  number: "+33612345678",
  customerId: "cust-1",
  startedAt: Date.UTC(2026, 11, 2, 9, 0),
  durationSeconds: 95,
  outcome: "information-given",
  agent: "agent1@demo.comptoir.test",
  createdAt: Date.UTC(2026, 11, 2, 9, 2)
}

describe("call logs", () => {
  it("accepts a plain logged call with its defaults", () => {
    const log = CallLog.parse(base)
    expect(log.notes).toBe("")
    expect(log.correctsId).toBeNull()
  })

  it("refuses an appointment outcome without the appointment", () => {
    const r = CallLog.safeParse({ ...base, outcome: "appointment-set" })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(["appointment"])
  })

  it("refuses a call-back without its date, or one set before the call", () => {
    expect(CallLog.safeParse({ ...base, outcome: "call-back" }).success).toBe(false)
    expect(CallLog.safeParse({ ...base, outcome: "call-back", callbackAt: base.startedAt - 1 }).success).toBe(false)
    expect(CallLog.safeParse({ ...base, outcome: "call-back", callbackAt: base.startedAt + 86_400_000 }).success).toBe(true)
  })

  it("refuses script answers on a call where nobody answered", () => {
    expect(CallLog.safeParse({ ...base, outcome: "no-answer", scriptAnswers: [{ step: "Accueil", answer: "Oui" }] }).success).toBe(false)
  })

  it("shows a corrected log by its latest correction only", () => {
    const first = CallLog.parse(base)
    const fix = CallLog.parse({ ...base, id: "c2", notes: "corrigé", correctsId: "c1", createdAt: base.createdAt + 1 })
    const other = CallLog.parse({ ...base, id: "c3", startedAt: base.startedAt + 1000 })
    expect(latestLogs([first, fix, other]).map((l) => l.id)).toEqual(["c3", "c2"])
  })

  it("shows a correction of a correction in place of both, whatever order the team's rows arrived in", () => {
    const first = CallLog.parse(base)
    const fix = CallLog.parse({ ...base, id: "c2", correctsId: "c1" })
    const fixAgain = CallLog.parse({ ...base, id: "c3", outcome: "quote-requested", correctsId: "c2" })
    expect(latestLogs([fixAgain, first, fix]).map((l) => [l.id, l.outcome])).toEqual([["c3", "quote-requested"]])
  })
})

describe("appointment calendar file", () => {
  it("keeps 10:00 in Paris as 10:00 in Paris in winter and in summer", () => {
    expect(new Date(zonedToUtc("2026-12-08", "10:00", "Europe/Paris")).toISOString()).toBe("2026-12-08T09:00:00.000Z")
    expect(new Date(zonedToUtc("2026-07-08", "10:00", "Europe/Paris")).toISOString()).toBe("2026-07-08T08:00:00.000Z")
    expect(new Date(zonedToUtc("2026-07-08", "10:00", "America/New_York")).toISOString()).toBe("2026-07-08T14:00:00.000Z")
  })

  it("writes an iCalendar event with the place, the time in UTC and the duration", () => {
    const ics = appointmentIcs(
      { date: "2026-12-08", time: "10:00", timeZone: "Europe/Paris", durationMinutes: 45, salesRep: "Marc Petit", place: "12 rue des Lilas, 69003 Lyon" },
      { title: "RDV Dupont SARL – Marc Petit", description: "Bilan annuel", uid: "appt-1@comptoir" }
    )
    expect(ics).toMatch(/BEGIN:VCALENDAR/)
    expect(ics).toMatch(/DTSTART:20261208T090000Z/)
    expect(ics).toMatch(/DURATION:PT45M/)
    expect(ics).toMatch(/LOCATION:12 rue des Lilas\\, 69003 Lyon/)
    expect(ics).toMatch(/UID:appt-1@comptoir/)
  })
})
