import * as z from "zod"

/** Text in both languages the product ships; a team may leave one out, the engine then falls back visibly. */
/** Messages the validator recognises to say them in the agent's language (validate-script.ts). */
export const TEXT_MISSING = "a text needs French or English"
export const BAD_ID = "ids are lower-case letters, digits and dashes"

export const LocalizedText = z.object({ fr: z.string().max(4000).optional(), en: z.string().max(4000).optional() }).refine((t) => !!(t.fr || t.en), TEXT_MISSING)
export type LocalizedText = z.infer<typeof LocalizedText>

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, BAD_ID)

export const ScriptChoice = z.object({
  id: Id,
  label: LocalizedText,
  /** The next step, or null: this answer ends the script. */
  next: Id.nullable(),
  /** The call outcome this answer points to, proposed in the outcome form. */
  outcome: z.string().max(40).optional()
})

/**
 * What a text may depend on, stated by the script's data and decided from the call's values (script-engine.ts
 * `conditionHolds`). "agent-is-rep": the agent is the customer's own sales rep (`{{agent.name}}` is
 * `{{customer.sales_rep}}`), so "I'm calling on behalf of {{customer.sales_rep}}" would name the agent twice.
 */
export const ScriptCondition = z.enum(["agent-is-rep"])
export type ScriptCondition = z.infer<typeof ScriptCondition>

export const ScriptStep = z.object({
  id: Id,
  title: LocalizedText,
  prompt: LocalizedText,
  /** Said instead of `prompt` when its condition holds (the first that holds); `prompt` stays the usual text. */
  alternatives: z.array(z.object({ when: ScriptCondition, prompt: LocalizedText })).max(4).optional(),
  choices: z.array(ScriptChoice).max(12).default([]),
  checklist: z.array(z.object({ id: Id, label: LocalizedText })).max(20).default([])
})
export type ScriptStep = z.infer<typeof ScriptStep>

export const ScriptPurpose = z.enum(["inbound-advice", "outbound-prospecting", "order-taking", "payment-reminder", "appointment-setting", "other"])
export type ScriptPurpose = z.infer<typeof ScriptPurpose>

export const CallScript = z.object({
  id: z.string().min(1).max(100),
  name: LocalizedText,
  purpose: ScriptPurpose,
  direction: z.enum(["inbound", "outbound", "any"]),
  /** Offered first for customers with one of these tags. */
  tags: z.array(z.string().min(1).max(60)).max(20).default([]),
  start: Id,
  steps: z.array(ScriptStep).min(1).max(100),
  /** Reachable from any step. */
  objections: z
    .array(z.object({ id: Id, label: LocalizedText, response: LocalizedText, alternatives: z.array(z.object({ when: ScriptCondition, response: LocalizedText })).max(4).optional() }))
    .max(40)
    .default([]),
  /** Shipped with Comptoir (a team copies one to change it). */
  builtin: z.boolean().default(false),
  updatedAt: z.number().int().default(0)
})
export type CallScript = z.infer<typeof CallScript>
export type CallScriptInput = z.input<typeof CallScript>
