import * as z from "zod"

import type { Customer } from "../customers/customer.schema"
import { formatIsoDate } from "../documents/document-text"
import { formatCents } from "../documents/money"
import { CallScript } from "./script.schema"
import { SHIPPED_SCRIPTS } from "./shipped"
import { greetingsAt } from "./greeting"
import type { VariableValues } from "./variables"

/** An invoice past due, as the documents summary gives it. */
export interface OverdueInvoice {
  number: string
  remainingCents: number
  /** ISO date. */
  dueDate: string
  daysOverdue: number
}

/**
 * The scripts an agent can run: the shipped ones, always there even when the team's table is empty, and the
 * team's own; a team row with a shipped script's id (the demo seed, a team that re-saved one) replaces it.
 */
export function mergeScripts(team: readonly CallScript[], shipped: readonly CallScript[] = shippedScripts()): CallScript[] {
  const byId = new Map<string, CallScript>()
  for (const s of shipped) byId.set(s.id, s)
  for (const s of team) byId.set(s.id, s)
  // The team's own first (what the manager wrote for this team), then the shipped ones, in a stable order.
  return [...byId.values()].sort((a, b) => Number(a.builtin) - Number(b.builtin) || (a.name.fr ?? a.name.en ?? "").localeCompare(b.name.fr ?? b.name.en ?? "") || a.id.localeCompare(b.id))
}

let shippedCache: CallScript[] | undefined
export function shippedScripts(): CallScript[] {
  shippedCache ??= SHIPPED_SCRIPTS.map((s) => CallScript.parse(s))
  return shippedCache
}

/**
 * Who may change the team's scripts: managers and admins (the server's rule for the `callScripts` table); a
 * user not signed in to a team is the only user of their base and edits it.
 */
export function mayEditScripts(role: string | null): boolean {
  return role === null || role === "manager" || role === "admin"
}

// ---- the answers of a script run, for the call log (agreed with the outcome form; keep the shape) ----

/** chrome.storage.session key the runner writes on each click and the outcome form reads. */
export function scriptAnswersKey(callId: string): string {
  return `scriptAnswers:${callId}`
}

/** The answers in words, in the run's language: "Understand the need" → "Need is clear: advise". */
export const ScriptAnswers = z.object({
  scriptId: z.string().max(100),
  answers: z.array(z.object({ step: z.string().max(4000), answer: z.string().max(4000) })).max(500)
})
export type ScriptAnswers = z.infer<typeof ScriptAnswers>

/** The runner's own state for one call (which script, which language, where), so every surface shows the same. */
export function scriptRunKey(callId: string): string {
  return `scriptRun:${callId}`
}

/** The call id of a script opened from a customer's card without a call. */
export function cardRunId(customerId: string): string {
  return `card:${customerId}`
}

/**
 * The values `{{…}}` placeholders are filled with, from the call's customer, contact and the agent; `now` (the
 * agent's clock) gives `{{greeting}}`.
 */
export function variableValues(who: {
  customer: Customer | null
  contactId?: string | null
  agentName?: string | null
  agentCompany?: string | null
  now?: Date
  /** The customer's most overdue invoice (the documents summary's): the payment reminder's facts. */
  overdueInvoice?: OverdueInvoice | null
}): VariableValues {
  const c = who.customer
  const contact = c ? (c.contacts.find((p) => p.id === who.contactId) ?? c.contacts[0] ?? null) : null
  const inv = who.overdueInvoice
  return {
    // Said in the script's language: "€1,496.53, due on 25 November 2026" / « 1 496,53 €, échue le 25/11/2026 ».
    ...(inv
      ? {
          "invoice.number": inv.number,
          "invoice.amount_due": { fr: formatCents(inv.remainingCents, "fr"), en: formatCents(inv.remainingCents, "en") },
          "invoice.due_date": { fr: formatIsoDate(inv.dueDate, "fr"), en: formatIsoDate(inv.dueDate, "en") },
          "invoice.days_overdue": String(inv.daysOverdue)
        }
      : {}),
    "contact.first_name": contact?.firstName,
    "contact.last_name": contact?.lastName,
    "contact.role": contact?.role,
    "customer.company": c?.company,
    "customer.code": c?.code,
    "customer.city": c?.addresses[0]?.city,
    "customer.sales_rep": c?.salesRep,
    "agent.name": who.agentName,
    "agent.company": who.agentCompany,
    greeting: who.now ? greetingsAt(who.now) : undefined
  }
}
