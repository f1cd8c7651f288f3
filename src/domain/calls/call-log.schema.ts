import * as z from "zod"

import { E164 } from "../customers/customer.schema"

export const CALL_OUTCOMES = [
  "order-taken",
  "quote-requested",
  "appointment-set",
  "call-back",
  "information-given",
  "not-interested",
  "no-answer",
  "voicemail",
  "wrong-number",
  "busy"
] as const
export const CallOutcome = z.enum(CALL_OUTCOMES)
export type CallOutcome = z.infer<typeof CallOutcome>

/** Outcomes where nobody was spoken to: no script answers, no appointment. */
export const UNREACHED: readonly CallOutcome[] = ["no-answer", "voicemail", "wrong-number", "busy"]

export const Appointment = z.object({
  /** Local wall-clock start, as the agent typed it, and the zone it was typed in. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD"),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time must be HH:MM"),
  timeZone: z.string().min(1).max(60).default("Europe/Paris"),
  durationMinutes: z.number().int().min(5).max(600).default(45),
  salesRep: z.string().min(1, "who meets the customer?").max(120),
  place: z.string().min(1, "where?").max(300)
})
export type Appointment = z.infer<typeof Appointment>

/**
 * One logged call. Append-only: a correction is a new record that names the one it corrects (`correctsId`),
 * so two agents never overwrite each other's log and sync never has a conflict on calls.
 */
export const CallLog = z
  .object({
    id: z.string().min(1).max(100),
    /** The telephony call it came from (null for a call logged by hand, made elsewhere). */
    callId: z.string().max(200).nullable().default(null),
    direction: z.enum(["inbound", "outbound"]),
    number: E164.nullable(),
    customerId: z.string().max(100).nullable(),
    contactId: z.string().max(100).nullable().default(null),
    startedAt: z.number().int(),
    durationSeconds: z.number().int().min(0).max(86_400),
    outcome: CallOutcome,
    notes: z.string().max(5000).default(""),
    scriptId: z.string().max(100).nullable().default(null),
    scriptAnswers: z.array(z.object({ step: z.string().max(300), answer: z.string().max(300) })).max(100).default([]),
    callbackAt: z.number().int().nullable().default(null),
    appointment: Appointment.nullable().default(null),
    agent: z.string().max(254),
    correctsId: z.string().max(100).nullable().default(null),
    /** A team's own data about the call (an integration's ids): passed through to the webhook untouched. */
    extra: z.record(z.string(), z.unknown()).optional(),
    createdAt: z.number().int()
  })
  .superRefine((c, ctx) => {
    if (c.outcome === "appointment-set" && !c.appointment) ctx.addIssue({ code: "custom", path: ["appointment"], message: "an appointment needs its date, time, sales rep and place" })
    if (c.outcome === "call-back" && c.callbackAt === null) ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "when should the customer be called back?" })
    if (c.callbackAt !== null && c.callbackAt <= c.startedAt) ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "the call-back must be after the call" })
    if (UNREACHED.includes(c.outcome) && c.scriptAnswers.length > 0) ctx.addIssue({ code: "custom", path: ["scriptAnswers"], message: "nobody was reached: there can be no script answers" })
  })
export type CallLog = z.infer<typeof CallLog>
export type CallLogInput = z.input<typeof CallLog>

/** The log as the timeline shows it: a corrected record is replaced by its latest correction. */
export function latestLogs(logs: readonly CallLog[]): CallLog[] {
  const corrected = new Set(logs.map((l) => l.correctsId).filter((x): x is string => x !== null))
  return logs.filter((l) => !corrected.has(l.id)).sort((a, b) => b.startedAt - a.startedAt)
}
