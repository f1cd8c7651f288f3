import { parsePhoneNumberFromString, type CountryCode as LibCountryCode } from "libphonenumber-js"
import * as z from "zod"

import type { Customer } from "../customers/customer.schema"
import { EndReason, talkSeconds } from "../telephony/phone-state"
import { zonedToUtc } from "./appointment-ics"
import { CALL_OUTCOMES, CallLog, UNREACHED, type CallLogInput, type CallOutcome } from "./call-log.schema"
import { parseTimeOfDay } from "./time-of-day"

/**
 * The call-outcome form: its values as typed (strings, so a half-typed draft is always storable), the checks
 * that turn them into a CallLog, and the defaults a call fills in. Error messages are i18n keys
 * (`callOutcome.errors.*`): the form shows them in words under the field, in the agent's language.
 */

const err = (k: string) => `callOutcome.errors.${k}`

export const OutcomeFormValues = z.object({
  direction: z.enum(["inbound", "outbound"]),
  /** As typed (any national or international form); stored as E.164. */
  number: z.string().max(40),
  contactId: z.string().max(100),
  /** Local wall-clock start, `YYYY-MM-DDTHH:MM`, its time as typed until the field is left (started-at-field.tsx). */
  startedAt: z.string().max(30),
  /** Talk time `m:ss`, `h:mm:ss` or plain minutes. */
  duration: z.string().max(12),
  /** "" until chosen. */
  outcome: z.string().max(40),
  notes: z.string().max(5000),
  /** Times as typed ("14h30", "1430"): read by parseTimeOfDay; the log holds `HH:MM`. */
  callback: z.object({ date: z.string().max(10), time: z.string().max(16) }),
  appointment: z.object({ date: z.string().max(10), time: z.string().max(16), salesRep: z.string().max(120), place: z.string().max(300) })
})
export type OutcomeFormValues = z.infer<typeof OutcomeFormValues>

/** Who and what the form is about, beside its values: not typed by the agent. */
export const OutcomeCustomer = z.object({
  id: z.string().max(100),
  company: z.string().max(200),
  code: z.string().max(40),
  contacts: z
    .array(
      z.object({
        id: z.string().max(100),
        name: z.string().max(250),
        phones: z.array(z.string().max(40)).max(20),
        /** Where the appointment's calendar file invites them (older drafts: none, so no invitation). */
        emails: z.array(z.string().max(254)).max(20).optional()
      })
    )
    .max(200),
  /** Who follows the customer: the appointment's sales rep unless the agent types another (older drafts: none). */
  salesRep: z.string().max(120).nullable().optional()
})
export type OutcomeCustomer = z.infer<typeof OutcomeCustomer>

/** What the form and the dock know of a customer: enough to name them and pick a contact. */
export function outcomeCustomerOf(c: Pick<Customer, "id" | "company" | "code" | "contacts"> & { salesRep?: string | null }): OutcomeCustomer {
  return {
    id: c.id,
    salesRep: c.salesRep?.slice(0, 120) || null,
    company: c.company.slice(0, 200),
    code: c.code.slice(0, 40),
    contacts: c.contacts.slice(0, 200).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`.trim().slice(0, 250), phones: p.phones.slice(0, 20), emails: p.emails.slice(0, 20) }))
  }
}

export const OutcomeContext = z.object({
  /** The softphone's call (null: a call made elsewhere, logged by hand). */
  callId: z.string().max(200).nullable(),
  customer: OutcomeCustomer.nullable(),
  /** What the phone measured: kept exactly unless the agent changes the field. */
  measured: z
    .object({
      startedAt: z.number(),
      durationSeconds: z.number().int().min(0),
      /** How the call ended, when not as agreed: a call cut off (network, the browser closed) is said so in the form. */
      endReason: EndReason.optional()
    })
    .nullable(),
  /** The log this one corrects (append-only: a correction is a new record). */
  correctsId: z.string().max(100).nullable().default(null)
})
export type OutcomeContext = z.infer<typeof OutcomeContext>

export interface ScriptAnswers {
  scriptId: string | null
  answers: { step: string; answer: string }[]
}

/**
 * What the script runner left for a call in chrome.storage.session (`scriptAnswers:<callId>`): either
 * `{ scriptId, answers: [{ step, answer }] }` or the bare list. Read defensively: another feature writes it.
 */
export function parseScriptAnswers(raw: unknown): ScriptAnswers {
  const obj = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null
  const list = Array.isArray(raw) ? raw : Array.isArray(obj?.answers) ? obj.answers : Array.isArray(obj?.steps) ? obj.steps : []
  const answers = list
    .filter((a): a is { step: unknown; answer: unknown } => !!a && typeof a === "object" && "step" in a && "answer" in a)
    .map((a) => ({ step: String(a.step).slice(0, 300), answer: String(a.answer).slice(0, 300) }))
    .filter((a) => a.step !== "" && a.answer !== "")
    .slice(0, 100)
  const scriptId = typeof obj?.scriptId === "string" && obj.scriptId !== "" ? obj.scriptId.slice(0, 100) : null
  return { scriptId, answers }
}

export const SCRIPT_ANSWERS_KEY_PREFIX = "scriptAnswers:"

// ---- time ----

/** `YYYY-MM-DDTHH:MM` of an instant in a zone (what a datetime-local input shows). */
export function localDateTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(new Date(ms))
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00"
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function validDate(d: string): boolean {
  if (!DATE.test(d)) return false
  const [y, m, day] = d.split("-").map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, day))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day
}

/** Seconds of `m:ss`, `h:mm:ss` or plain minutes; null when it is none of them. */
export function parseDuration(text: string): number | null {
  const s = text.trim()
  if (/^\d{1,4}$/.test(s)) return Number(s) * 60
  let m = /^(\d{1,4}):([0-5]\d)$/.exec(s)
  if (m) return Number(m[1]) * 60 + Number(m[2])
  m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(s)
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
  return null
}

/** A logged call's talk time in whole seconds: the same rule as the dock's timer (`talkSeconds`). */
export function talkSecondsOf(record: { answeredAt: number | null; endedAt: number }): number {
  return talkSeconds(record, record.endedAt)
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, "0")
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`
}

/** E.164 of a number as typed, read in the agent's country when it is national; null when it is not a number. */
export function toE164(text: string, country: string): string | null {
  const t = text.trim()
  if (t === "") return null
  const n = parsePhoneNumberFromString(t, country as LibCountryCode)
  return n?.isValid() ? n.number : null
}

// ---- defaults ----

export interface CallFacts {
  direction: "inbound" | "outbound"
  number: string
  startedAt: number
  durationSeconds: number
  contactId: string | null
  /** How the call ended, when the phone measured it. */
  endReason?: EndReason | null
}

/** What a call that did not go through came to, as the network said it: the agent has only to confirm it. */
const OUTCOME_OF_END: Partial<Record<EndReason, CallOutcome>> = { busy: "busy", "no-answer": "no-answer" }

/**
 * The form as it opens: filled from the call when there is one, else today's date and empty call fields. A call
 * the network answered busy or unanswered opens with that outcome chosen ("Busy", "No answer").
 */
export function outcomeDefaults(call: CallFacts | null, timeZone: string, now: number): OutcomeFormValues {
  return {
    direction: call?.direction ?? "outbound",
    number: call?.number ?? "",
    contactId: call?.contactId ?? "",
    startedAt: localDateTime(call?.startedAt ?? now, timeZone),
    duration: call ? formatDuration(call.durationSeconds) : "",
    outcome: (call?.endReason && OUTCOME_OF_END[call.endReason]) || "",
    notes: "",
    callback: { date: "", time: "" },
    appointment: { date: "", time: "", salesRep: "", place: "" }
  }
}

/**
 * A draft's values without the call's start and talk time: typed during the call, they are the live ones, and
 * the hang-up's measure must win over them when the draft is opened again.
 */
export function withoutCallTimes(values: OutcomeFormValues): OutcomeFormValues {
  return { ...values, startedAt: "", duration: "" }
}

/** A stored draft's values over the defaults: a draft from an older form still opens. */
export function mergeDraft(defaults: OutcomeFormValues, draft: unknown): OutcomeFormValues {
  if (!draft || typeof draft !== "object") return defaults
  const d = draft as Record<string, unknown>
  const str = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback)
  const sub = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {})
  const merged = {
    direction: d.direction === "inbound" || d.direction === "outbound" ? d.direction : defaults.direction,
    number: str(d.number, defaults.number),
    contactId: str(d.contactId, defaults.contactId),
    // Empty: not typed (or kept during the call): what the call measured, not an empty field.
    startedAt: str(d.startedAt, "") || defaults.startedAt,
    duration: str(d.duration, "") || defaults.duration,
    outcome: str(d.outcome, defaults.outcome),
    notes: str(d.notes, defaults.notes),
    callback: { date: str(sub(d.callback).date, ""), time: str(sub(d.callback).time, "") },
    appointment: {
      date: str(sub(d.appointment).date, ""),
      time: str(sub(d.appointment).time, ""),
      salesRep: str(sub(d.appointment).salesRep, ""),
      place: str(sub(d.appointment).place, "")
    }
  }
  const parsed = OutcomeFormValues.safeParse(merged)
  return parsed.success ? parsed.data : defaults
}

// ---- checks and mapping ----

export interface OutcomeEnv {
  timeZone: string
  /** The agent's default country, for a national number typed by hand. */
  country: string
  now: number
}

function isOutcome(v: string): v is CallOutcome {
  return (CALL_OUTCOMES as readonly string[]).includes(v)
}

/**
 * The form's schema for react-hook-form's zod resolver: every rule of CallLog, said per field in the
 * agent's words (keys of `callOutcome.errors`), plus what only the form knows (a start not in the future).
 */
export function outcomeFormSchema(ctx: OutcomeContext, env: OutcomeEnv) {
  return OutcomeFormValues.superRefine((v, issue) => {
    const add = (path: (string | number)[], key: string) => issue.addIssue({ code: "custom", path, message: err(key) })
    if (!isOutcome(v.outcome)) add(["outcome"], "outcomeRequired")
    const start = startOf(v, ctx, env)
    if (start === null) add(["startedAt"], "startInvalid")
    else if (start > env.now + 5 * 60_000) add(["startedAt"], "startFuture")
    const seconds = parseDuration(v.duration)
    if (seconds === null) add(["duration"], v.duration.trim() === "" ? "durationRequired" : "durationInvalid")
    else if (seconds > 86_400) add(["duration"], "durationTooLong")
    if (v.number.trim() !== "" && toE164(v.number, env.country) === null) add(["number"], "numberInvalid")

    const cb = v.callback
    const cbAny = cb.date !== "" || cb.time !== ""
    if (v.outcome === "call-back" && !cbAny) add(["callback", "date"], "callbackRequired")
    if (cbAny) {
      const cbTime = parseTimeOfDay(cb.time)
      if (!validDate(cb.date)) add(["callback", "date"], "callbackDate")
      if (cbTime === null) add(["callback", "time"], cb.time.trim() === "" ? "callbackTime" : "timeInvalid")
      if (validDate(cb.date) && cbTime !== null) {
        const at = zonedToUtc(cb.date, cbTime, env.timeZone)
        // A correction may keep a call-back already past (it says what was decided; no reminder rings for it).
        if (at <= env.now && ctx.correctsId === null) add(["callback", "time"], "callbackPast")
        else if (start !== null && at <= start) add(["callback", "time"], "callbackBeforeCall")
      }
    }

    const ap = v.appointment
    // The sales rep alone is no appointment begun: the form fills it from the customer's file.
    const apAny = ap.date !== "" || ap.time !== "" || ap.place.trim() !== ""
    if (v.outcome === "appointment-set" || apAny) {
      if (!validDate(ap.date)) add(["appointment", "date"], "appointmentDate")
      if (parseTimeOfDay(ap.time) === null) add(["appointment", "time"], ap.time.trim() === "" ? "appointmentTime" : "timeInvalid")
      if (ap.salesRep.trim() === "") add(["appointment", "salesRep"], "appointmentSalesRep")
      if (ap.place.trim() === "") add(["appointment", "place"], "appointmentPlace")
    }
  })
}

function startOf(v: OutcomeFormValues, ctx: OutcomeContext, env: OutcomeEnv): number | null {
  // The phone's own instant (to the millisecond) unless the agent changed the field.
  if (ctx.measured && v.startedAt === localDateTime(ctx.measured.startedAt, env.timeZone)) return ctx.measured.startedAt
  // The day and the time as typed ("2026-12-03T14h30"): the time read as the call-back's is.
  const m = /^(\d{4}-\d{2}-\d{2})T(.+)$/.exec(v.startedAt)
  const time = m ? parseTimeOfDay(m[2]!) : null
  if (!m || !validDate(m[1]!) || time === null) return null
  return zonedToUtc(m[1]!, time, env.timeZone)
}

export interface LogMeta {
  id: string
  agent: string
  scripts: ScriptAnswers
}

export type OutcomeResult = { ok: true; log: CallLog } | { ok: false; errors: { path: string; message: string }[] }

/**
 * The CallLog a saved form writes. Checked again by CallLog itself: the form's schema and the log's rules
 * must agree, and a test holds them to it.
 */
export function toCallLog(values: OutcomeFormValues, ctx: OutcomeContext, env: OutcomeEnv, meta: LogMeta): OutcomeResult {
  const checked = outcomeFormSchema(ctx, env).safeParse(values)
  if (!checked.success) return { ok: false, errors: checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }
  const v = checked.data
  const outcome = v.outcome as CallOutcome
  const startedAt = startOf(v, ctx, env)!
  const typed = parseDuration(v.duration)!
  const durationSeconds = ctx.measured && v.duration === formatDuration(ctx.measured.durationSeconds) ? ctx.measured.durationSeconds : typed
  const reached = !UNREACHED.includes(outcome)
  const input: CallLogInput = {
    id: meta.id,
    callId: ctx.callId,
    direction: v.direction,
    number: toE164(v.number, env.country),
    customerId: ctx.customer?.id ?? null,
    contactId: v.contactId !== "" && ctx.customer?.contacts.some((c) => c.id === v.contactId) ? v.contactId : null,
    startedAt,
    durationSeconds,
    outcome,
    notes: v.notes.trim(),
    // Nobody was reached: answers the runner kept from a first step are not the customer's.
    scriptId: reached ? meta.scripts.scriptId : null,
    scriptAnswers: reached ? meta.scripts.answers : [],
    callbackAt: v.callback.date !== "" ? zonedToUtc(v.callback.date, parseTimeOfDay(v.callback.time)!, env.timeZone) : null,
    appointment:
      v.appointment.date !== ""
        ? { date: v.appointment.date, time: parseTimeOfDay(v.appointment.time)!, timeZone: env.timeZone, durationMinutes: 45, salesRep: v.appointment.salesRep.trim(), place: v.appointment.place.trim() }
        : null,
    agent: meta.agent,
    correctsId: ctx.correctsId,
    createdAt: env.now
  }
  const log = CallLog.safeParse(input)
  if (!log.success) return { ok: false, errors: log.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }
  return { ok: true, log: log.data }
}

/** The form's values of a stored log (to correct it: the correction starts from what was logged). */
export function valuesOfLog(log: CallLog, timeZone: string): OutcomeFormValues {
  return {
    direction: log.direction,
    number: log.number ?? "",
    contactId: log.contactId ?? "",
    startedAt: localDateTime(log.startedAt, timeZone),
    duration: formatDuration(log.durationSeconds),
    outcome: log.outcome,
    notes: log.notes,
    callback: log.callbackAt === null ? { date: "", time: "" } : splitLocal(localDateTime(log.callbackAt, timeZone)),
    appointment: log.appointment
      ? { date: log.appointment.date, time: log.appointment.time, salesRep: log.appointment.salesRep, place: log.appointment.place }
      : { date: "", time: "", salesRep: "", place: "" }
  }
}

/**
 * The form that corrects a log: its values, the log's own call (its start and talk time kept to the second unless
 * changed) and its script's answers; saving it writes a new log naming this one.
 */
export function correctionOf(log: CallLog, customer: OutcomeCustomer | null, timeZone: string): { context: OutcomeContext; defaults: OutcomeFormValues; scripts: ScriptAnswers } {
  return {
    context: { callId: log.callId, customer, measured: { startedAt: log.startedAt, durationSeconds: log.durationSeconds }, correctsId: log.id },
    defaults: valuesOfLog(log, timeZone),
    scripts: { scriptId: log.scriptId, answers: log.scriptAnswers }
  }
}

function splitLocal(s: string): { date: string; time: string } {
  const [date = "", time = ""] = s.split("T")
  return { date, time }
}
