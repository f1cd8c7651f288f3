import { ScriptCondition, type CallScript, type LocalizedText, type ScriptStep } from "./script.schema"

/**
 * What the workspace's script editor does to a draft, as pure functions: a draft may be incomplete while it is
 * edited (validateScript says what is missing); these only keep it coherent — no answer may point at a step
 * that is not there, and a renamed step takes its references with it.
 */

export const STEP_ID = /^[a-z0-9][a-z0-9-]{0,59}$/

export type EditResult = { ok: true; script: CallScript } | { ok: false; error: EditError }

/** Why an edit was refused, as a code the UI puts into words (`callScript.editor.error.<code>`). */
export type EditError =
  | { code: "bad-id"; id: string }
  | { code: "id-taken"; id: string }
  | { code: "no-such-step"; id: string }
  | { code: "last-step" }
  | { code: "is-start"; id: string }
  /** Answers still lead to the step: `references` are "step.choice" paths. */
  | { code: "referenced"; id: string; references: string[] }

const text = (fr: string, en: string): LocalizedText => ({ fr, en })

/** A new script with one step that ends the call, ready to be filled in. */
export function newScript(id: string, now: number): CallScript {
  return {
    id,
    name: text("Nouveau script", "New script"),
    purpose: "other",
    direction: "any",
    tags: [],
    start: "start",
    steps: [{ id: "start", title: text("Accueil", "Opening"), prompt: text("", ""), choices: [{ id: "end", label: text("Fin de l'appel", "End of call"), next: null }], checklist: [] }],
    objections: [],
    builtin: false,
    updatedAt: now
  }
}

/** A team's own copy of a script (a shipped one is copied to be changed): a new id, never builtin. */
export function duplicateScript(script: CallScript, newId: string, now: number): CallScript {
  const copy = structuredClone(script)
  return {
    ...copy,
    id: newId,
    builtin: false,
    updatedAt: now,
    name: { fr: copy.name.fr ? `${copy.name.fr} (copie)` : undefined, en: copy.name.en ? `${copy.name.en} (copy)` : undefined }
  }
}

/** `base`, or `base-2`, `base-3`… : the first not in `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`
}

function findStep(script: CallScript, id: string): ScriptStep | undefined {
  return script.steps.find((s) => s.id === id)
}

/** Adds an empty step after `afterId` (at the end without it); the new step's id comes back with the script. */
export function addStep(script: CallScript, afterId?: string): { script: CallScript; id: string } {
  const id = uniqueId("step", script.steps.map((s) => s.id))
  const step: ScriptStep = { id, title: text("", ""), prompt: text("", ""), choices: [], checklist: [] }
  const at = afterId ? script.steps.findIndex((s) => s.id === afterId) : -1
  const steps = [...script.steps]
  steps.splice(at === -1 ? steps.length : at + 1, 0, step)
  return { script: { ...script, steps }, id }
}

/** Renames a step; the first step and every answer that leads to it follow. */
export function renameStep(script: CallScript, from: string, to: string): EditResult {
  if (from === to) return { ok: true, script }
  if (!findStep(script, from)) return { ok: false, error: { code: "no-such-step", id: from } }
  if (!STEP_ID.test(to)) return { ok: false, error: { code: "bad-id", id: to } }
  if (findStep(script, to)) return { ok: false, error: { code: "id-taken", id: to } }
  return {
    ok: true,
    script: {
      ...script,
      start: script.start === from ? to : script.start,
      steps: script.steps.map((s) => ({
        ...s,
        id: s.id === from ? to : s.id,
        choices: s.choices.map((c) => (c.next === from ? { ...c, next: to } : c))
      }))
    }
  }
}

/** The answers ("step.choice") that lead to a step. */
export function referencesTo(script: CallScript, id: string): string[] {
  return script.steps.flatMap((s) => s.choices.filter((c) => c.next === id).map((c) => `${s.id}.${c.id}`))
}

/**
 * Deletes a step only when nothing leads to it: deleting it anyway would leave answers pointing nowhere, which
 * the agent would find in the middle of a call. The editor names those answers so they can be changed first.
 */
export function deleteStep(script: CallScript, id: string): EditResult {
  if (!findStep(script, id)) return { ok: false, error: { code: "no-such-step", id } }
  if (script.steps.length === 1) return { ok: false, error: { code: "last-step" } }
  if (script.start === id) return { ok: false, error: { code: "is-start", id } }
  const references = referencesTo(script, id).filter((r) => !r.startsWith(`${id}.`))
  if (references.length) return { ok: false, error: { code: "referenced", id, references } }
  return { ok: true, script: { ...script, steps: script.steps.filter((s) => s.id !== id) } }
}

/** Moves a step up (-1) or down (+1) in the editor's list; the order is for reading, the answers decide the flow. */
export function moveStep(script: CallScript, id: string, delta: -1 | 1): CallScript {
  const i = script.steps.findIndex((s) => s.id === id)
  const j = i + delta
  if (i === -1 || j < 0 || j >= script.steps.length) return script
  const steps = [...script.steps]
  ;[steps[i], steps[j]] = [steps[j]!, steps[i]!]
  return { ...script, steps }
}

export function updateStep(script: CallScript, id: string, change: (step: ScriptStep) => ScriptStep): CallScript {
  return { ...script, steps: script.steps.map((s) => (s.id === id ? change(s) : s)) }
}

/** A new answer on a step, ending the call until the editor points it somewhere. */
export function addChoice(script: CallScript, stepId: string): CallScript {
  return updateStep(script, stepId, (s) => ({
    ...s,
    choices: [...s.choices, { id: uniqueId("answer", s.choices.map((c) => c.id)), label: text("", ""), next: null }]
  }))
}

export function removeChoice(script: CallScript, stepId: string, choiceId: string): CallScript {
  return updateStep(script, stepId, (s) => ({ ...s, choices: s.choices.filter((c) => c.id !== choiceId) }))
}

export function addChecklistItem(script: CallScript, stepId: string): CallScript {
  return updateStep(script, stepId, (s) => ({ ...s, checklist: [...s.checklist, { id: uniqueId("item", s.checklist.map((k) => k.id)), label: text("", "") }] }))
}

export function removeChecklistItem(script: CallScript, stepId: string, itemId: string): CallScript {
  return updateStep(script, stepId, (s) => ({ ...s, checklist: s.checklist.filter((k) => k.id !== itemId) }))
}

export function addObjection(script: CallScript): CallScript {
  const id = uniqueId("objection", script.objections.map((o) => o.id))
  return { ...script, objections: [...script.objections, { id, label: text("", ""), response: text("", "") }] }
}

export function removeObjection(script: CallScript, id: string): CallScript {
  return { ...script, objections: script.objections.filter((o) => o.id !== id) }
}

/** The schema's limit on a step's or an objection's alternatives (`script.schema.ts`). */
export const MAX_ALTERNATIVES = 4

/** The first condition no alternative uses yet (the first of all once each is used: the validator then says so). */
function freeCondition(used: readonly { when: ScriptCondition }[]): ScriptCondition {
  return ScriptCondition.options.find((c) => !used.some((a) => a.when === c)) ?? ScriptCondition.options[0]!
}

/**
 * A new alternative to a step's prompt, starting as a copy of the prompt: the usual case changes a few words of
 * it ("on behalf of {{customer.sales_rep}}" → "your account manager"), not the whole text. Refused past the limit.
 */
export function addStepAlternative(script: CallScript, stepId: string): CallScript {
  return updateStep(script, stepId, (s) => {
    const list = s.alternatives ?? []
    if (list.length >= MAX_ALTERNATIVES) return s
    return { ...s, alternatives: [...list, { when: freeCondition(list), prompt: { ...s.prompt } }] }
  })
}

export function removeStepAlternative(script: CallScript, stepId: string, index: number): CallScript {
  return updateStep(script, stepId, (s) => ({ ...s, alternatives: (s.alternatives ?? []).filter((_, i) => i !== index) }))
}

/** The same for an objection's response. */
export function addObjectionAlternative(script: CallScript, objectionId: string): CallScript {
  return {
    ...script,
    objections: script.objections.map((o) => {
      const list = o.alternatives ?? []
      if (o.id !== objectionId || list.length >= MAX_ALTERNATIVES) return o
      return { ...o, alternatives: [...list, { when: freeCondition(list), response: { ...o.response } }] }
    })
  }
}

export function removeObjectionAlternative(script: CallScript, objectionId: string, index: number): CallScript {
  return { ...script, objections: script.objections.map((o) => (o.id === objectionId ? { ...o, alternatives: (o.alternatives ?? []).filter((_, i) => i !== index) } : o)) }
}

/**
 * A draft as it will be stored: empty texts dropped (a text left empty in one language is a missing
 * translation, which the runner shows as such, not an empty prompt).
 */
export function cleanDraft(script: CallScript): unknown {
  const clean = (t: LocalizedText) => ({ ...(t.fr?.trim() ? { fr: t.fr } : {}), ...(t.en?.trim() ? { en: t.en } : {}) })
  return {
    ...script,
    name: clean(script.name),
    steps: script.steps.map((s) => ({
      ...s,
      title: clean(s.title),
      prompt: clean(s.prompt),
      ...(s.alternatives ? { alternatives: s.alternatives.length ? s.alternatives.map((a) => ({ ...a, prompt: clean(a.prompt) })) : undefined } : {}),
      choices: s.choices.map((c) => ({ ...c, label: clean(c.label) })),
      checklist: s.checklist.map((k) => ({ ...k, label: clean(k.label) }))
    })),
    objections: script.objections.map((o) => ({
      ...o,
      label: clean(o.label),
      response: clean(o.response),
      ...(o.alternatives ? { alternatives: o.alternatives.length ? o.alternatives.map((a) => ({ ...a, response: clean(a.response) })) : undefined } : {})
    }))
  }
}
