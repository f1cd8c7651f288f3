import type { CallScript, LocalizedText, ScriptCondition, ScriptStep } from "./script.schema"
import { fillTemplate, type Segment, type VariableValues } from "./variables"

export type ScriptLanguage = "fr" | "en"

/** Where a running script is: the steps taken, the answers given, the boxes ticked. Plain data: it is saved with the call's draft. */
export interface ScriptRun {
  scriptId: string
  language: ScriptLanguage
  /** Step ids from the start to the current one. */
  path: string[]
  answers: { stepId: string; choiceId: string; at: number }[]
  checked: string[]
  objectionsUsed: string[]
  finished: boolean
  /** The outcome the last answer pointed to, proposed in the outcome form. */
  suggestedOutcome: string | null
}

export function startRun(script: CallScript, language: ScriptLanguage): ScriptRun {
  return { scriptId: script.id, language, path: [script.start], answers: [], checked: [], objectionsUsed: [], finished: false, suggestedOutcome: null }
}

export function currentStep(script: CallScript, run: ScriptRun): ScriptStep {
  const id = run.path[run.path.length - 1]
  const step = script.steps.find((s) => s.id === id)
  if (!step) throw new Error(`script ${script.id} has no step ${id}`)
  return step
}

export function choose(script: CallScript, run: ScriptRun, choiceId: string, at: number): ScriptRun {
  if (run.finished) return run
  const step = currentStep(script, run)
  const choice = step.choices.find((c) => c.id === choiceId)
  if (!choice) throw new Error(`step ${step.id} has no answer ${choiceId}`)
  const answers = [...run.answers, { stepId: step.id, choiceId, at }]
  const suggestedOutcome = choice.outcome ?? run.suggestedOutcome
  if (choice.next === null) return { ...run, answers, finished: true, suggestedOutcome }
  return { ...run, answers, path: [...run.path, choice.next], suggestedOutcome }
}

/** One step back: the answer given there is taken back too (the agent misclicked, or the customer changed their mind). */
export function back(script: CallScript, run: ScriptRun): ScriptRun {
  if (!run.finished && run.path.length <= 1) return run
  const answers = run.answers.slice(0, -1)
  const path = run.finished ? run.path : run.path.slice(0, -1)
  return { ...run, finished: false, path, answers, suggestedOutcome: outcomeOf(script, answers) }
}

function outcomeOf(script: CallScript, answers: ScriptRun["answers"]): string | null {
  let outcome: string | null = null
  for (const a of answers) {
    const o = script.steps.find((s) => s.id === a.stepId)?.choices.find((c) => c.id === a.choiceId)?.outcome
    if (o) outcome = o
  }
  return outcome
}

export function toggleCheck(run: ScriptRun, itemId: string): ScriptRun {
  return { ...run, checked: run.checked.includes(itemId) ? run.checked.filter((i) => i !== itemId) : [...run.checked, itemId] }
}

export function useObjection(run: ScriptRun, objectionId: string): ScriptRun {
  return run.objectionsUsed.includes(objectionId) ? run : { ...run, objectionsUsed: [...run.objectionsUsed, objectionId] }
}

/** A text in the run's language; the other one when a team's script lacks it, flagged so the UI can say so. */
export function localized(text: LocalizedText, language: ScriptLanguage): { text: string; fallback: boolean } {
  const own = text[language]
  if (own) return { text: own, fallback: false }
  return { text: (language === "fr" ? text.en : text.fr) ?? "", fallback: true }
}

export function renderText(text: LocalizedText, language: ScriptLanguage, values: VariableValues): { segments: Segment[]; fallback: boolean } {
  const { text: t, fallback } = localized(text, language)
  // French text (its own, or shown in place of a missing English one): the spaces inside « » and before ? ! : ;
  // do not break, or a narrow runner shows a lone » at the start of a line.
  const french = (language === "fr") !== fallback
  const segments = fillTemplate(t, values, french ? "fr" : "en")
  return { segments: french ? segments.map((s) => ("text" in s ? { text: frenchSpaces(s.text) } : s)) : segments, fallback }
}

function frenchSpaces(text: string): string {
  return text.replace(/« /g, "«\u00a0").replace(/ ([»?!:;])/g, "\u00a0$1")
}

/**
 * Whether a condition a script's text states holds for this call. "agent-is-rep": the agent's name and the
 * customer's sales rep are the same person, read loosely (case, accents and spaces aside: "Marc Lefebvre" typed on
 * the card, "Marc Lefèbvre" signed in); an unknown agent or rep is not the same person.
 */
export function conditionHolds(when: ScriptCondition, values: VariableValues): boolean {
  switch (when) {
    case "agent-is-rep": {
      const agent = personKey(values["agent.name"])
      return agent !== "" && agent === personKey(values["customer.sales_rep"])
    }
  }
}

function personKey(v: VariableValues[keyof VariableValues]): string {
  if (typeof v !== "string") return ""
  return v.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s.-]+/g, " ").trim()
}

/** The step's prompt for this call: an alternative whose condition holds, else the usual one. */
export function stepPrompt(step: Pick<ScriptStep, "prompt" | "alternatives">, values: VariableValues): LocalizedText {
  return step.alternatives?.find((a) => conditionHolds(a.when, values))?.prompt ?? step.prompt
}

/** An objection's response for this call, chosen the same way. */
export function objectionResponse(objection: CallScript["objections"][number], values: VariableValues): LocalizedText {
  return objection.alternatives?.find((a) => conditionHolds(a.when, values))?.response ?? objection.response
}

/** The answers in words, for the call log ("Besoin identifié → Oui, commande"). */
export function answersInWords(script: CallScript, run: ScriptRun): { step: string; answer: string }[] {
  return run.answers.map((a) => {
    const step = script.steps.find((s) => s.id === a.stepId)
    const choice = step?.choices.find((c) => c.id === a.choiceId)
    return { step: step ? localized(step.title, run.language).text : a.stepId, answer: choice ? localized(choice.label, run.language).text : a.choiceId }
  })
}
