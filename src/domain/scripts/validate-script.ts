import type * as z from "zod"

import { BAD_ID, CallScript, TEXT_MISSING, type CallScriptInput, type LocalizedText } from "./script.schema"
import { KNOWN_VARIABLES, variablesIn } from "./variables"

export const SCRIPT_PROBLEM_CODES = [
  "duplicateStep",
  "startMissing",
  "nextMissing",
  "unreachable",
  "neverEnds",
  "missingLanguage",
  "unknownVariable",
  "notJson",
  "notJsonAt",
  "textMissing",
  "badId",
  "required",
  "tooLong",
  "tooMany",
  "tooFew",
  "invalid",
  "conditionRepeated"
] as const
export type ScriptProblemCode = (typeof SCRIPT_PROBLEM_CODES)[number]

export interface ScriptProblem {
  /** Where: "steps.greet.prompt.en", "objections.price.response". */
  at: string
  /** What, for the agent's words: `callScript.problem.<code>` with `params` (the UI's i18n). */
  code: ScriptProblemCode
  params?: Record<string, string | number>
  /** The same in English (logs, the server, a message without its translation). */
  message: string
}

const problem = (at: string, code: ScriptProblemCode, message: string, params?: Record<string, string | number>): ScriptProblem => (params ? { at, code, params, message } : { at, code, message })

/** A schema issue as a problem the UI can say in either language. */
function schemaProblem(issue: z.core.$ZodIssue): ScriptProblem {
  const at = issue.path.join(".")
  if (issue.message === TEXT_MISSING) return problem(at, "textMissing", issue.message)
  if (issue.message === BAD_ID) return problem(at, "badId", issue.message)
  switch (issue.code) {
    case "invalid_type":
      return problem(at, "required", issue.message, { expected: String(issue.expected) })
    case "too_big":
      return problem(at, issue.origin === "array" ? "tooMany" : "tooLong", issue.message, { max: Number(issue.maximum) })
    case "too_small":
      return problem(at, issue.origin === "array" ? "tooFew" : "required", issue.message, { min: Number(issue.minimum) })
    default:
      return problem(at, "invalid", issue.message)
  }
}

/**
 * Beyond the schema: every answer leads to a step that exists, every step can be reached, the script can end,
 * no placeholder is unknown, and (for shipped scripts, `requireBothLanguages`) every text is in both languages.
 * An imported script is refused with these problems listed, not half-loaded.
 */
export function validateScript(input: unknown, opts: { requireBothLanguages?: boolean } = {}): { ok: true; script: CallScript } | { ok: false; problems: ScriptProblem[] } {
  const parsed = CallScript.safeParse(input)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(schemaProblem) }
  const script = parsed.data
  const problems: ScriptProblem[] = []
  const ids = new Set<string>()
  for (const s of script.steps) {
    if (ids.has(s.id)) problems.push(problem(`steps.${s.id}`, "duplicateStep", "two steps have this id", { id: s.id }))
    ids.add(s.id)
  }
  if (!ids.has(script.start)) problems.push(problem("start", "startMissing", `the first step "${script.start}" does not exist`, { step: script.start }))
  for (const s of script.steps) {
    for (const c of s.choices) if (c.next !== null && !ids.has(c.next)) problems.push(problem(`steps.${s.id}.choices.${c.id}`, "nextMissing", `leads to a step that does not exist: "${c.next}"`, { step: c.next }))
  }
  const reachable = new Set<string>()
  const queue = ids.has(script.start) ? [script.start] : []
  while (queue.length) {
    const id = queue.pop()!
    if (reachable.has(id)) continue
    reachable.add(id)
    for (const c of script.steps.find((s) => s.id === id)?.choices ?? []) if (c.next !== null && ids.has(c.next)) queue.push(c.next)
  }
  for (const s of script.steps) if (!reachable.has(s.id)) problems.push(problem(`steps.${s.id}`, "unreachable", "no answer leads to this step"))
  if (!script.steps.some((s) => s.choices.length === 0 || s.choices.some((c) => c.next === null))) problems.push(problem("steps", "neverEnds", "the script never ends: give some answer no next step"))

  const texts: [string, LocalizedText][] = [["name", script.name]]
  for (const s of script.steps) {
    texts.push([`steps.${s.id}.title`, s.title], [`steps.${s.id}.prompt`, s.prompt])
    s.alternatives?.forEach((a, i) => texts.push([`steps.${s.id}.alternatives.${i}.prompt`, a.prompt]))
    problems.push(...repeatedConditions(`steps.${s.id}.alternatives`, s.alternatives))
    for (const c of s.choices) texts.push([`steps.${s.id}.choices.${c.id}`, c.label])
    for (const k of s.checklist) texts.push([`steps.${s.id}.checklist.${k.id}`, k.label])
  }
  for (const o of script.objections) {
    texts.push([`objections.${o.id}.label`, o.label], [`objections.${o.id}.response`, o.response])
    o.alternatives?.forEach((a, i) => texts.push([`objections.${o.id}.alternatives.${i}.response`, a.response]))
    problems.push(...repeatedConditions(`objections.${o.id}.alternatives`, o.alternatives))
  }
  for (const [at, t] of texts) {
    for (const lang of ["fr", "en"] as const) {
      const v = t[lang]
      if (!v) {
        if (opts.requireBothLanguages) problems.push(problem(`${at}.${lang}`, "missingLanguage", `missing in ${lang === "fr" ? "French" : "English"}`, { language: lang.toUpperCase() }))
        continue
      }
      for (const name of variablesIn(v)) if (!(KNOWN_VARIABLES as readonly string[]).includes(name)) problems.push(problem(`${at}.${lang}`, "unknownVariable", `unknown variable {{${name}}}`, { name: `{{${name}}}` }))
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, script }
}

/**
 * The engine says the first alternative whose condition holds: a later one with the same condition would never be
 * said, text a manager wrote for nothing. Alternatives are named by their place (`steps.propose.alternatives.1`),
 * as the editor names their fields, since the condition alone would not tell two of them apart.
 */
function repeatedConditions(at: string, alternatives: readonly { when: string }[] | undefined): ScriptProblem[] {
  const seen = new Set<string>()
  const problems: ScriptProblem[] = []
  alternatives?.forEach((a, i) => {
    if (seen.has(a.when)) problems.push(problem(`${at}.${i}.when`, "conditionRepeated", `an earlier variant has the condition "${a.when}": this one would never be said`, { when: a.when }))
    seen.add(a.when)
  })
  return problems
}

export function parseScriptJson(json: string): ReturnType<typeof validateScript> {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    const place = jsonErrorPlace(json, why)
    // The engine's sentence is English: the UI says the line and column in the agent's language when it can.
    return { ok: false, problems: [place ? problem("", "notJsonAt", `not JSON: ${why}`, { why, ...place }) : problem("", "notJson", `not JSON: ${why}`, { why })] }
  }
  return validateScript(data)
}

/** Where JSON.parse stopped, from its message: Chromium's "at position 12 (line 2 column 5)", Firefox's "at line 2 column 5", V8's "end of JSON input". */
export function jsonErrorPlace(json: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) }
  const pos = /position (\d+)/.exec(message)
  const at = pos ? Number(pos[1]) : /end of (JSON|data)/i.test(message) ? json.length : null
  if (at === null || at > json.length) return null
  const before = json.slice(0, at).split("\n")
  return { line: before.length, column: before[before.length - 1]!.length + 1 }
}

export type { CallScriptInput }
