import { describe, expect, it } from "vitest"

import { outcomeDefaults, outcomeFormSchema, toCallLog, type OutcomeContext, type OutcomeFormValues } from "./outcome-form"
import { parseTimeOfDay } from "./time-of-day"

describe("a time of day typed into the outcome form", () => {
  it("reads the 24-hour forms a French agent types: 14:30, 14h30, 14h, 14 h 30, 14.30", () => {
    for (const typed of ["14:30", "14h30", "14H30", "14 h 30", "14.30", " 14:30 "]) expect(parseTimeOfDay(typed)).toBe("14:30")
    expect(parseTimeOfDay("14h")).toBe("14:00")
    expect(parseTimeOfDay("9h05")).toBe("09:05")
    expect(parseTimeOfDay("0:00")).toBe("00:00")
    expect(parseTimeOfDay("23:59")).toBe("23:59")
  })

  it("reads digits alone as hours, or hours and minutes, so the keyboard never leaves the number row", () => {
    expect(parseTimeOfDay("9")).toBe("09:00")
    expect(parseTimeOfDay("14")).toBe("14:00")
    expect(parseTimeOfDay("930")).toBe("09:30")
    expect(parseTimeOfDay("1430")).toBe("14:30")
    expect(parseTimeOfDay("0905")).toBe("09:05")
  })

  it("takes an English am / pm too, as the 24-hour time it means", () => {
    expect(parseTimeOfDay("2:30 pm")).toBe("14:30")
    expect(parseTimeOfDay("2pm")).toBe("14:00")
    expect(parseTimeOfDay("12 am")).toBe("00:00")
    expect(parseTimeOfDay("12:15 PM")).toBe("12:15")
    expect(parseTimeOfDay("9.45am")).toBe("09:45")
  })

  it("refuses what is no time of day rather than guessing", () => {
    for (const typed of ["", "24:00", "25h", "14:60", "14:5", "1:2:3", "12345", "13pm", "0 am", "demain", "14h30h", "h30", ":30"]) {
      expect(parseTimeOfDay(typed), typed).toBeNull()
    }
  })
})

describe("the outcome form's times go through that reading", () => {
  const tz = "Europe/Paris"
  const callStart = Date.UTC(2026, 11, 2, 9, 0, 12, 345)
  const env = { timeZone: tz, country: "FR", now: callStart + 5 * 60_000 }
  const ctx: OutcomeContext = { callId: "call-1", customer: null, measured: { startedAt: callStart, durationSeconds: 95 }, correctsId: null }
  const filled = (over: Partial<OutcomeFormValues>): OutcomeFormValues => ({
    ...outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt: callStart, durationSeconds: 95, contactId: null }, tz, env.now),
    outcome: "call-back",
    ...over
  })
  const meta = { id: "log-1", agent: "agent1@demo.comptoir.test", scripts: { scriptId: null, answers: [] } }

  it("logs a call-back typed 14h30 at 14:30 on the agent's clock, and an appointment typed 1000 at 10:00", () => {
    const r = toCallLog(filled({ callback: { date: "2026-12-04", time: "14h30" }, appointment: { date: "2026-12-08", time: "1000", salesRep: "Marc Petit", place: "Lyon" } }), ctx, env, meta)
    expect(r).toMatchObject({ ok: true, log: { callbackAt: Date.UTC(2026, 11, 4, 13, 30), appointment: { date: "2026-12-08", time: "10:00" } } })
  })

  it("reads the call's start typed by hand the same way (its day from the date input, its time as text)", () => {
    const r = toCallLog(filled({ outcome: "information-given", startedAt: "2026-12-02T9h50" }), { ...ctx, measured: null }, env, meta)
    expect(r).toMatchObject({ ok: true, log: { startedAt: Date.UTC(2026, 11, 2, 8, 50) } })
    const bad = outcomeFormSchema({ ...ctx, measured: null }, env).safeParse(filled({ outcome: "information-given", startedAt: "2026-12-02T9h61" }))
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(["callOutcome.errors.startInvalid"])
  })

  it("says a time it cannot read is not one, under the field, and an empty one is missing", () => {
    const r = outcomeFormSchema(ctx, env).safeParse(filled({ callback: { date: "2026-12-04", time: "25h" }, appointment: { date: "2026-12-08", time: "", salesRep: "Marc Petit", place: "Lyon" } }))
    const errors = r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]))
    expect(errors).toEqual({ "callback.time": "callOutcome.errors.timeInvalid", "appointment.time": "callOutcome.errors.appointmentTime" })
  })
})
