import { describe, expect, it } from "vitest"

import { ScriptCondition } from "~src/domain/scripts/script.schema"
import { SHIPPED_SCRIPTS } from "~src/domain/scripts/shipped"
import { jsonErrorPlace, parseScriptJson, SCRIPT_PROBLEM_CODES, validateScript } from "~src/domain/scripts/validate-script"
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
    expect(problemText(fr, notJson.problems[0]!)).toMatch(/^ce n'est pas du JSON/)
    const badId = validateScript({ ...SHIPPED_SCRIPTS[0]!, start: "Accueil !" })
    if (badId.ok) throw new Error("accepted")
    expect(badId.problems.map((p) => problemText(fr, p))).toContain("les identifiants s'écrivent en minuscules, chiffres et tirets")
  })

  it("says where a malformed file breaks in the agent's language, not in the browser's English", () => {
    // A script edited by hand: a comma left before the closing brace, on the third line.
    const text = '{\n  "id": "relance",\n  "start": "accueil",\n}'
    const r = parseScriptJson(text)
    if (r.ok) throw new Error("accepted")
    expect(problemText(fr, r.problems[0]!)).toBe("ce n'est pas du JSON : l'erreur est à la ligne 4, colonne 1")
    expect(problemText(en, r.problems[0]!)).toBe("this is not JSON: the error is at line 4, column 1")
    // Chromium's and Firefox's own wording of the place, and a file cut short.
    expect(jsonErrorPlace(text, "Expected double-quoted property name in JSON at position 43 (line 4 column 1)")).toEqual({ line: 4, column: 1 })
    expect(jsonErrorPlace(text, "JSON.parse: expected double-quoted property name at line 4 column 1 of the JSON data")).toEqual({ line: 4, column: 1 })
    expect(jsonErrorPlace('{\n  "id": "rel', "Unterminated string in JSON at position 14")).toEqual({ line: 2, column: 13 })
    const empty = parseScriptJson("")
    if (empty.ok) throw new Error("accepted")
    expect(problemText(fr, empty.problems[0]!)).not.toMatch(/[Uu]nexpected|JSON input/)
  })

  it("has words for every problem code in both languages", () => {
    for (const code of SCRIPT_PROBLEM_CODES) {
      for (const t of [fr, en]) expect(t(`callScript.problem.${code}`, { defaultValue: "" })).not.toBe("")
    }
  })

  it("has words for every condition a variant may depend on, in both languages", () => {
    for (const when of ScriptCondition.options) {
      for (const t of [fr, en]) expect(t(`callScript.editor.condition.${when}`, { defaultValue: "" })).not.toBe("")
    }
  })
})
