import { describe, expect, it } from "vitest"

import { callRecordOf } from "../telephony/call-record"
import { formatTimer, initialPhoneState, talkSeconds, transition, type PhoneState } from "../telephony/phone-state"
import { CallLog } from "./call-log.schema"
import {
  formatDuration,
  mergeDraft,
  outcomeDefaults,
  outcomeFormSchema,
  parseDuration,
  parseScriptAnswers,
  talkSecondsOf,
  correctionOf,
  toCallLog,
  valuesOfLog,
  withoutCallTimes,
  type OutcomeContext,
  type OutcomeEnv,
  type OutcomeFormValues
} from "./outcome-form"

const tz = "Europe/Paris"
// Wednesday 2 December 2026, 10:00 in Paris.
const callStart = Date.UTC(2026, 11, 2, 9, 0, 12, 345)
const now = callStart + 5 * 60_000
const env: OutcomeEnv = { timeZone: tz, country: "FR", now }
const customer = { id: "cust-1", company: "Dupont SARL", code: "C-00012", contacts: [{ id: "ct-1", name: "Marie Dupont", phones: ["+33612345678"] }] }
const fromCall: OutcomeContext = { callId: "call-1", customer, measured: { startedAt: callStart, durationSeconds: 95 }, correctsId: null }
const byHand: OutcomeContext = { callId: null, customer, measured: null, correctsId: null }
const meta = { id: "log-1", agent: "agent1@demo.comptoir.test", scripts: { scriptId: "inbound-advice", answers: [{ step: "Besoin", answer: "Devis" }] } }

function filled(over: Partial<OutcomeFormValues> = {}): OutcomeFormValues {
  return { ...outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt: callStart, durationSeconds: 95, contactId: "ct-1" }, tz, now), outcome: "information-given", ...over }
}

function errorsOf(values: OutcomeFormValues, ctx = fromCall): Record<string, string> {
  const r = outcomeFormSchema(ctx, env).safeParse(values)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]))
}

describe("the outcome form opens filled from the call", () => {
  it("shows the call's direction, number, contact, local start and talk time", () => {
    expect(outcomeDefaults({ direction: "inbound", number: "+33612345678", startedAt: callStart, durationSeconds: 95, contactId: "ct-1" }, tz, now)).toMatchObject({
      direction: "inbound",
      number: "+33612345678",
      contactId: "ct-1",
      startedAt: "2026-12-02T10:00",
      duration: "1:35",
      outcome: "",
      notes: ""
    })
  })

  it("opens with empty call fields and today's date for a call logged by hand", () => {
    expect(outcomeDefaults(null, tz, now)).toMatchObject({ number: "", duration: "", startedAt: "2026-12-02T10:05", outcome: "" })
  })
})

describe("the outcome form's rules, said under each field", () => {
  it("asks what came of the call before anything is saved", () => {
    expect(errorsOf(filled({ outcome: "" }))).toEqual({ outcome: "callOutcome.errors.outcomeRequired" })
  })

  it("asks for the call-back's date when the outcome is a call-back", () => {
    expect(errorsOf(filled({ outcome: "call-back" }))).toEqual({ "callback.date": "callOutcome.errors.callbackRequired" })
  })

  it("refuses a call-back time already past", () => {
    expect(errorsOf(filled({ outcome: "call-back", callback: { date: "2026-12-02", time: "09:30" } }))).toEqual({ "callback.time": "callOutcome.errors.callbackPast" })
  })

  it("asks for every part of an appointment, each under its own field", () => {
    expect(errorsOf(filled({ outcome: "appointment-set", appointment: { date: "2026-12-08", time: "", salesRep: "", place: "Lyon" } }))).toEqual({
      "appointment.time": "callOutcome.errors.appointmentTime",
      "appointment.salesRep": "callOutcome.errors.appointmentSalesRep"
    })
  })

  it("refuses a date that does not exist, a duration it cannot read and a number that is not one", () => {
    expect(errorsOf(filled({ callback: { date: "2026-02-30", time: "10:00" }, duration: "deux minutes", number: "12" }))).toEqual({
      "callback.date": "callOutcome.errors.callbackDate",
      duration: "callOutcome.errors.durationInvalid",
      number: "callOutcome.errors.numberInvalid"
    })
  })

  it("needs the start and the duration of a call logged by hand", () => {
    const v = { ...outcomeDefaults(null, tz, now), outcome: "information-given" }
    expect(errorsOf(v, byHand)).toEqual({ duration: "callOutcome.errors.durationRequired" })
    expect(errorsOf({ ...v, duration: "4:30", startedAt: "2026-12-03T10:00" }, byHand)).toEqual({ startedAt: "callOutcome.errors.startFuture" })
  })
})

describe("the saved form becomes a call log", () => {
  it("keeps the phone's own start and talk time to the millisecond when the agent left them", () => {
    const r = toCallLog(filled({ notes: "  Wants the new catalogue  " }), fromCall, env, meta)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.log).toMatchObject({
      id: "log-1",
      callId: "call-1",
      customerId: "cust-1",
      contactId: "ct-1",
      number: "+33612345678",
      startedAt: callStart,
      durationSeconds: 95,
      outcome: "information-given",
      notes: "Wants the new catalogue",
      scriptId: "inbound-advice",
      scriptAnswers: [{ step: "Besoin", answer: "Devis" }],
      agent: "agent1@demo.comptoir.test",
      createdAt: now
    })
    expect(CallLog.safeParse(r.log).success).toBe(true)
  })

  it("takes a typed start in the agent's zone and a national number in the agent's country", () => {
    const v = { ...outcomeDefaults(null, tz, now), number: "06 12 34 56 78", startedAt: "2026-12-01T16:30", duration: "12", outcome: "quote-requested" }
    const r = toCallLog(v, byHand, env, { ...meta, scripts: { scriptId: null, answers: [] } })
    expect(r.ok && r.log).toMatchObject({ callId: null, number: "+33612345678", startedAt: Date.UTC(2026, 11, 1, 15, 30), durationSeconds: 720 })
  })

  it("drops the script's answers when nobody was reached", () => {
    const r = toCallLog(filled({ outcome: "voicemail" }), fromCall, env, meta)
    expect(r.ok && r.log).toMatchObject({ scriptId: null, scriptAnswers: [] })
  })

  it("turns a call-back into an instant and an appointment into its place, time and zone", () => {
    const r = toCallLog(
      filled({ outcome: "appointment-set", callback: { date: "2026-12-04", time: "14:00" }, appointment: { date: "2026-12-08", time: "10:00", salesRep: "Marc Petit", place: "12 rue des Lilas, Lyon" } }),
      fromCall,
      env,
      meta
    )
    expect(r.ok && r.log).toMatchObject({
      callbackAt: Date.UTC(2026, 11, 4, 13, 0),
      appointment: { date: "2026-12-08", time: "10:00", timeZone: tz, durationMinutes: 45, salesRep: "Marc Petit", place: "12 rue des Lilas, Lyon" }
    })
  })

  it("names the log it corrects, and opens a correction from what was logged", () => {
    const first = toCallLog(filled({ outcome: "call-back", callback: { date: "2026-12-04", time: "14:00" }, notes: "Rappeler" }), fromCall, env, meta)
    if (!first.ok) throw new Error("first log refused")
    const again = valuesOfLog(first.log, tz)
    expect(again).toMatchObject({ outcome: "call-back", notes: "Rappeler", callback: { date: "2026-12-04", time: "14:00" }, duration: "1:35", startedAt: "2026-12-02T10:00" })
    const fix = toCallLog({ ...again, notes: "Rappeler jeudi" }, { ...fromCall, correctsId: "log-1" }, env, { ...meta, id: "log-2" })
    expect(fix.ok && fix.log).toMatchObject({ id: "log-2", correctsId: "log-1", notes: "Rappeler jeudi", startedAt: callStart })
  })

  it("corrects a log from the log alone: same call, same talk time, same script answers, naming the log it replaces", () => {
    const scripts = { scriptId: "builtin-outbound-prospecting", answers: [{ step: "Reach", answer: "Got through" }] }
    const first = toCallLog(filled({ outcome: "information-given", notes: "Catalogue" }), fromCall, env, { ...meta, scripts })
    if (!first.ok) throw new Error("first log refused")
    // Two days later the call's own answers are gone from the session: the correction takes the log's.
    const later = { ...env, now: now + 2 * 86_400_000 }
    const opened = correctionOf(first.log, customer, tz)
    const fix = toCallLog({ ...opened.defaults, outcome: "quote-requested" }, opened.context, later, { id: "log-2", agent: "", scripts: opened.scripts })
    expect(fix.ok && fix.log).toMatchObject({
      id: "log-2",
      correctsId: first.log.id,
      callId: "call-1",
      customerId: "cust-1",
      outcome: "quote-requested",
      notes: "Catalogue",
      startedAt: callStart,
      durationSeconds: 95,
      scriptId: "builtin-outbound-prospecting",
      scriptAnswers: [{ step: "Reach", answer: "Got through" }]
    })
  })

  it("lets a correction keep a call-back that is now past, but not a new log", () => {
    const first = toCallLog(filled({ outcome: "call-back", callback: { date: "2026-12-02", time: "16:00" } }), fromCall, env, meta)
    if (!first.ok) throw new Error("first log refused")
    const nextDay = { ...env, now: now + 86_400_000 }
    const opened = correctionOf(first.log, customer, tz)
    expect(toCallLog({ ...opened.defaults, notes: "Rappelé, pas joignable" }, opened.context, nextDay, { ...meta, id: "log-2", scripts: opened.scripts }).ok).toBe(true)
    expect(toCallLog({ ...opened.defaults }, fromCall, nextDay, meta)).toMatchObject({ ok: false, errors: [{ path: "callback.time", message: "callOutcome.errors.callbackPast" }] })
  })

  it("takes the sales rep alone (filled in from the customer's file) for no appointment begun: a call-back saves without appointment errors", () => {
    const r = toCallLog(filled({ outcome: "call-back", callback: { date: "2026-12-09", time: "10:00" }, appointment: { date: "", time: "", salesRep: "Julien Marchand", place: "" } }), fromCall, env, meta)
    expect(r.ok && r.log.appointment).toBeNull()
  })

  it("still asks for every part of an appointment once its place is typed", () => {
    const r = toCallLog(filled({ outcome: "information-given", appointment: { date: "", time: "", salesRep: "", place: "Lyon" } }), fromCall, env, meta)
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["appointment.date", "appointment.time", "appointment.salesRep"])
  })

  it("ignores a contact that is not the customer's", () => {
    const r = toCallLog(filled({ contactId: "someone-else" }), fromCall, env, meta)
    expect(r.ok && r.log.contactId).toBeNull()
  })
})

describe("drafts and the script's answers", () => {
  it("brings a stored draft's typing back over the call's defaults, and ignores what it cannot read", () => {
    const d = filled({ outcome: "" })
    expect(mergeDraft(d, { notes: "Rappel", outcome: "call-back", callback: { date: "2026-12-04" } })).toMatchObject({ notes: "Rappel", outcome: "call-back", callback: { date: "2026-12-04", time: "" }, duration: "1:35" })
    expect(mergeDraft(d, { notes: 42, direction: "sideways" })).toMatchObject({ notes: "", direction: "outbound" })
    expect(mergeDraft(d, null)).toBe(d)
  })

  it("reads the runner's answers in either shape, bounded, and nothing from junk", () => {
    expect(parseScriptAnswers({ scriptId: "s1", answers: [{ step: "Accueil", answer: "Oui" }, { step: "", answer: "x" }, "junk"] })).toEqual({ scriptId: "s1", answers: [{ step: "Accueil", answer: "Oui" }] })
    expect(parseScriptAnswers([{ step: "Besoin", answer: "Devis" }])).toEqual({ scriptId: null, answers: [{ step: "Besoin", answer: "Devis" }] })
    expect(parseScriptAnswers("nope")).toEqual({ scriptId: null, answers: [] })
    expect(parseScriptAnswers({ answers: Array.from({ length: 150 }, (_, i) => ({ step: `s${i}`, answer: "a".repeat(400) })) }).answers).toHaveLength(100)
  })

  it("reads and writes talk time as a clock", () => {
    expect(parseDuration("4:30")).toBe(270)
    expect(parseDuration("1:02:03")).toBe(3723)
    expect(parseDuration("7")).toBe(420)
    expect(parseDuration("4:75")).toBeNull()
    expect(formatDuration(3723)).toBe("1:02:03")
  })

  it("opens a draft typed during the call with the call's measured start and talk time, and the notes typed", () => {
    const atHangUp = outcomeDefaults({ direction: "outbound", number: "+33612345678", startedAt: callStart, durationSeconds: 95, contactId: null }, tz, now)
    const typedWhileTalking = withoutCallTimes({ ...atHangUp, startedAt: "2026-12-02T10:00", duration: "", notes: "wants 200 pairs" })
    const reopened = mergeDraft(atHangUp, typedWhileTalking)
    expect(reopened.duration).toBe("1:35")
    expect(reopened.startedAt).toBe(atHangUp.startedAt)
    expect(reopened.notes).toBe("wants 200 pairs")
    // Saved as it opens: the phone's own measure, to the second.
    const made = toCallLog({ ...reopened, outcome: "information-given" }, fromCall, env, { id: "l1", agent: "", scripts: { scriptId: null, answers: [] } })
    expect(made.ok && made.log.durationSeconds).toBe(95)
  })

  it("counts an answered call of less than a second as one second, and a call never answered as none", () => {
    expect(talkSecondsOf({ answeredAt: 1000, endedAt: 1400 })).toBe(1)
    expect(talkSecondsOf({ answeredAt: 1000, endedAt: 96_000 })).toBe(95)
    expect(talkSecondsOf({ answeredAt: null, endedAt: 5000 })).toBe(0)
  })

  it.each([400, 999, 1000, 1600, 59_999, 95_500])("shows a call of %i ms with the same duration in the ended call's header and in its outcome form", (talkMs) => {
    let s: PhoneState = { ...initialPhoneState, registration: "registered" }
    s = transition(s, { type: "outgoing", callId: "c1", number: "+33144319244" }, 10_000)
    s = transition(s, { type: "answered", callId: "c1" }, 12_000)
    s = transition(s, { type: "ended", callId: "c1", reason: "hangup-local" }, 12_000 + talkMs)
    const header = formatTimer(talkSeconds(s.call!, 12_000 + talkMs + 5_000))
    const record = callRecordOf(s.call!, "sip", { customerId: null, contactId: null })
    const form = outcomeDefaults({ direction: "outbound", number: record.number, startedAt: record.startedAt, durationSeconds: talkSecondsOf(record), contactId: null }, "Europe/Paris", 20_000)
    expect(form.duration).toBe(header)
    // The form's duration is the one the log keeps when the agent leaves it as it is.
    expect(talkSecondsOf(record)).toBeGreaterThan(0)
  })

  it("keeps the running timer's last second as the ended call's duration (no jump at hang-up)", () => {
    let s: PhoneState = { ...initialPhoneState, registration: "registered" }
    s = transition(s, { type: "incoming", callId: "c2", number: "+33144319244" }, 0)
    s = transition(s, { type: "answered", callId: "c2" }, 1_000)
    const lastTick = formatTimer(talkSeconds(s.call!, 8_700))
    s = transition(s, { type: "ended", callId: "c2", reason: "hangup-remote" }, 8_700)
    expect(formatTimer(talkSeconds(s.call!, 60_000))).toBe(lastTick)
    expect(lastTick).toBe("0:07")
  })
})
