import { describe, expect, it } from "vitest"

import { SHIPPED_SCRIPTS } from "~src/domain/scripts/shipped"
import { parseScriptJson, SCRIPT_PROBLEM_CODES, validateScript } from "~src/domain/scripts/validate-script"
import { createI18n } from "~src/i18n"

import { problemText } from "./problem-text"

const fr = createI18n("fr").t.bind(null) as unknown as (k: string, o?: Record<string, unknown>) => string
const en = createI18n("en").t.bind(null) as unknown as (k: string, o?: Record<string, unknown>) => string

describe("a script's problems in the agent's language", () => {
  it("says an answer leading nowhere, a missing English text and an unknown variable in French and in English", () => {
    const broken = structuredClone(SHIPPED_SCRIPTS[0]!) as { steps: { choices: { next: string | null }[]; prompt: { fr?: string; en?: string } }[] }
    broken.steps[0]!.choices[0]!.next = "nulle-part"
    broken.steps[0]!.prompt = { fr: "Bonjour {{client.nom}}" }
    const r = validateScript(broken, { requireBothLanguages: true })
    if (r.ok) throw new Error("accepted")
    const inFrench = r.problems.map((p) => problemText(fr, p))
    const inEnglish = r.problems.map((p) => problemText(en, p))
    expect(inFrench).toContain("mène à une étape qui n'existe pas : « nulle-part »")
    expect(inFrench).toContain("le texte EN manque")
    expect(inFrench).toContain("variable inconnue {{client.nom}}")
    expect(inEnglish).toContain('leads to a step that does not exist: "nulle-part"')
    expect(inEnglish).toContain("the EN text is missing")
  })

  it("says a file that is not JSON, and a schema's own complaint, in French", () => {
    const notJson = parseScriptJson("{ pas du json")
    if (notJson.ok) throw new Error("accepted")
    expect(problemText(fr, notJson.problems[0]!)).toMatch(/^ce n'est pas du JSON \(/)
    const badId = validateScript({ ...SHIPPED_SCRIPTS[0]!, start: "Accueil !" })
    if (badId.ok) throw new Error("accepted")
    expect(badId.problems.map((p) => problemText(fr, p))).toContain("les identifiants s'écrivent en minuscules, chiffres et tirets")
  })

  it("has words for every problem code in both languages", () => {
    for (const code of SCRIPT_PROBLEM_CODES) {
      for (const t of [fr, en]) expect(t(`callScript.problem.${code}`, { defaultValue: "" })).not.toBe("")
    }
  })
})
