import { CallScript, type CallScriptInput, type LocalizedText } from "./script.schema"
import { KNOWN_VARIABLES, variablesIn } from "./variables"

export interface ScriptProblem {
  /** Where: "steps.greet.prompt.en", "objections.price.response". */
  at: string
  message: string
}

/**
 * Beyond the schema: every answer leads to a step that exists, every step can be reached, the script can end,
 * no placeholder is unknown, and (for shipped scripts, `requireBothLanguages`) every text is in both languages.
 * An imported script is refused with these problems listed, not half-loaded.
 */
export function validateScript(input: unknown, opts: { requireBothLanguages?: boolean } = {}): { ok: true; script: CallScript } | { ok: false; problems: ScriptProblem[] } {
  const parsed = CallScript.safeParse(input)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ at: i.path.join("."), message: i.message })) }
  const script = parsed.data
  const problems: ScriptProblem[] = []
  const ids = new Set<string>()
  for (const s of script.steps) {
    if (ids.has(s.id)) problems.push({ at: `steps.${s.id}`, message: "two steps have this id" })
    ids.add(s.id)
  }
  if (!ids.has(script.start)) problems.push({ at: "start", message: `the first step "${script.start}" does not exist` })
  for (const s of script.steps) {
    for (const c of s.choices) if (c.next !== null && !ids.has(c.next)) problems.push({ at: `steps.${s.id}.choices.${c.id}`, message: `leads to a step that does not exist: "${c.next}"` })
  }
  const reachable = new Set<string>()
  const queue = ids.has(script.start) ? [script.start] : []
  while (queue.length) {
    const id = queue.pop()!
    if (reachable.has(id)) continue
    reachable.add(id)
    for (const c of script.steps.find((s) => s.id === id)?.choices ?? []) if (c.next !== null && ids.has(c.next)) queue.push(c.next)
  }
  for (const s of script.steps) if (!reachable.has(s.id)) problems.push({ at: `steps.${s.id}`, message: "no answer leads to this step" })
  if (!script.steps.some((s) => s.choices.length === 0 || s.choices.some((c) => c.next === null))) problems.push({ at: "steps", message: "the script never ends: give some answer no next step" })

  const texts: [string, LocalizedText][] = [["name", script.name]]
  for (const s of script.steps) {
    texts.push([`steps.${s.id}.title`, s.title], [`steps.${s.id}.prompt`, s.prompt])
    for (const c of s.choices) texts.push([`steps.${s.id}.choices.${c.id}`, c.label])
    for (const k of s.checklist) texts.push([`steps.${s.id}.checklist.${k.id}`, k.label])
  }
  for (const o of script.objections) texts.push([`objections.${o.id}.label`, o.label], [`objections.${o.id}.response`, o.response])
  for (const [at, t] of texts) {
    for (const lang of ["fr", "en"] as const) {
      const v = t[lang]
      if (!v) {
        if (opts.requireBothLanguages) problems.push({ at: `${at}.${lang}`, message: `missing in ${lang === "fr" ? "French" : "English"}` })
        continue
      }
      for (const name of variablesIn(v)) if (!(KNOWN_VARIABLES as readonly string[]).includes(name)) problems.push({ at: `${at}.${lang}`, message: `unknown variable {{${name}}}` })
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, script }
}

export function parseScriptJson(json: string): ReturnType<typeof validateScript> {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (e) {
    return { ok: false, problems: [{ at: "", message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] }
  }
  return validateScript(data)
}

export type { CallScriptInput }
