import { describe, expect, it } from "vitest"

import { addChoice, addObjectionAlternative, addStep, addStepAlternative, cleanDraft, deleteStep, duplicateScript, moveStep, newScript, referencesTo, removeStepAlternative, renameStep, uniqueId, updateStep } from "./script-editor"
import { mayEditScripts, mergeScripts, shippedScripts, variableValues } from "./script-library"
import type { CallScript } from "./script.schema"
import { validateScript } from "./validate-script"

const advice = () => structuredClone(shippedScripts().find((s) => s.id === "builtin-inbound-advice")!)

function ok(r: ReturnType<typeof renameStep>): CallScript {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`)
  return r.script
}

describe("editing a script", () => {
  it("a new script is valid once its prompt is written", () => {
    const draft = newScript("team-1", 5)
    expect(validateScript(cleanDraft(draft)).ok).toBe(false)
    const written = updateStep(draft, "start", (s) => ({ ...s, prompt: { fr: "Bonjour {{contact.first_name}}", en: "Hello {{contact.first_name}}" } }))
    expect(validateScript(cleanDraft(written))).toMatchObject({ ok: true })
  })

  it("adds a step after the one named, with an id no other step has", () => {
    const script = newScript("s", 0)
    const first = addStep(script, "start")
    const second = addStep(first.script, "start")
    expect(first.id).toBe("step")
    expect(second.id).toBe("step-2")
    expect(second.script.steps.map((s) => s.id)).toEqual(["start", "step-2", "step"])
  })

  it("renaming a step moves the first step and every answer that led to it", () => {
    const script = advice()
    expect(referencesTo(script, "discover")).not.toEqual([])
    const renamed = ok(renameStep(script, "discover", "needs"))
    expect(renamed.steps.some((s) => s.id === "discover")).toBe(false)
    expect(referencesTo(renamed, "needs")).toEqual(referencesTo(script, "discover"))
    expect(ok(renameStep(renamed, renamed.start, "hello")).start).toBe("hello")
    expect(validateScript(renamed)).toMatchObject({ ok: true })
  })

  it("refuses a new id that is taken or not made of lower-case letters, digits and dashes", () => {
    const script = advice()
    expect(renameStep(script, "discover", "close")).toEqual({ ok: false, error: { code: "id-taken", id: "close" } })
    expect(renameStep(script, "discover", "Besoin client")).toEqual({ ok: false, error: { code: "bad-id", id: "Besoin client" } })
  })

  it("refuses to delete a step answers still lead to, and names those answers", () => {
    const script = advice()
    const r = deleteStep(script, "discover")
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toEqual({ code: "referenced", id: "discover", references: referencesTo(script, "discover") })
  })

  it("refuses to delete the first step or the only step", () => {
    expect(deleteStep(advice(), advice().start)).toMatchObject({ ok: false, error: { code: "is-start" } })
    expect(deleteStep(newScript("s", 0), "start")).toMatchObject({ ok: false, error: { code: "last-step" } })
  })

  it("deletes a step nothing leads to", () => {
    const { script, id } = addStep(newScript("s", 0))
    const r = deleteStep(script, id)
    expect(r.ok && r.script.steps.map((s) => s.id)).toEqual(["start"])
  })

  it("a new answer ends the call until it is pointed at a step", () => {
    const script = addChoice(advice(), "close")
    const added = script.steps.find((s) => s.id === "close")!.choices.at(-1)!
    expect(added).toMatchObject({ id: "answer", next: null })
  })

  it("moves a step in the list without changing where answers lead", () => {
    const script = advice()
    const moved = moveStep(script, script.steps[1]!.id, -1)
    expect(moved.steps[0]!.id).toBe(script.steps[1]!.id)
    expect(moveStep(moved, moved.steps[0]!.id, -1)).toBe(moved)
  })

  it("a copy of a shipped script is the team's own, under a new id and name", () => {
    const copy = duplicateScript(advice(), uniqueId("inbound-advice", ["inbound-advice"]), 42)
    expect(copy).toMatchObject({ id: "inbound-advice-2", builtin: false, updatedAt: 42 })
    expect(copy.name.fr).toMatch(/\(copie\)$/)
    expect(copy.name.en).toMatch(/\(copy\)$/)
    expect(advice().builtin).toBe(true)
  })

  it("drops texts left empty, so a missing translation reads as missing", () => {
    const draft = updateStep(newScript("s", 0), "start", (s) => ({ ...s, prompt: { fr: "Bonjour", en: " " } }))
    expect((cleanDraft(draft) as CallScript).steps[0]!.prompt).toEqual({ fr: "Bonjour" })
  })
})

describe("the scripts an agent sees", () => {
  it("are the shipped ones when the team has none", () => {
    expect(mergeScripts([]).map((s) => s.id).sort()).toEqual(shippedScripts().map((s) => s.id).sort())
  })

  it("a team copy with a shipped script's id replaces it; the team's own come first", () => {
    const changed = { ...advice(), name: { fr: "Accueil maison", en: "Our welcome" } }
    const own = duplicateScript(advice(), "team-welcome", 1)
    const merged = mergeScripts([changed, own])
    expect(merged).toHaveLength(shippedScripts().length + 1)
    expect(merged.find((s) => s.id === "builtin-inbound-advice")!.name.fr).toBe("Accueil maison")
    expect(merged[0]!.id).toBe("team-welcome")
  })

  it("managers and admins edit; agents use; a user without a team edits their own", () => {
    expect([mayEditScripts("agent"), mayEditScripts("manager"), mayEditScripts("admin"), mayEditScripts(null)]).toEqual([false, true, true, true])
  })

  it("fills the variables from the call's contact, or the customer's first contact", () => {
    const customer = {
      id: "c1",
      code: "C-1",
      company: "Dupont SARL",
      siren: null,
      vatNumber: null,
      addresses: [{ label: "", line: "", postalCode: "", city: "Lyon", country: "FR" }],
      country: "FR",
      language: "fr" as const,
      creditLimitCents: null,
      paymentTermsDays: null,
      salesRep: null,
      tags: [],
      notes: "",
      contacts: [
        { id: "p1", firstName: "Marie", lastName: "Dupont", role: "", phones: [], emails: [] },
        { id: "p2", firstName: "Paul", lastName: "Martin", role: "Acheteur", phones: [], emails: [] }
      ],
      createdAt: 0,
      updatedAt: 0
    }
    expect(variableValues({ customer, contactId: "p2", agentName: "Marc" })).toMatchObject({ "contact.first_name": "Paul", "contact.role": "Acheteur", "customer.city": "Lyon", "agent.name": "Marc" })
    expect(variableValues({ customer })["contact.first_name"]).toBe("Marie")
    expect(variableValues({ customer: null })["customer.company"]).toBeUndefined()
  })
})

describe("a step's and an objection's variants in a draft", () => {
  it("start as a copy of the usual text, four at most, and are stored without their empty languages", () => {
    let draft = advice()
    for (let i = 0; i < 5; i++) draft = addStepAlternative(draft, "welcome")
    const welcome = draft.steps.find((s) => s.id === "welcome")!
    expect(welcome.alternatives).toHaveLength(4)
    expect(welcome.alternatives![0]).toEqual({ when: "agent-is-rep", prompt: welcome.prompt })
    const one = updateStep(removeStepAlternative(removeStepAlternative(removeStepAlternative(draft, "welcome", 3), "welcome", 2), "welcome", 1), "welcome", (s) => ({
      ...s,
      alternatives: [{ when: "agent-is-rep", prompt: { fr: "Bonjour, c'est {{agent.name}}.", en: "  " } }]
    }))
    const stored = validateScript(cleanDraft(one))
    expect(stored.ok && stored.script.steps.find((s) => s.id === "welcome")!.alternatives).toEqual([{ when: "agent-is-rep", prompt: { fr: "Bonjour, c'est {{agent.name}}." } }])
    const none = validateScript(cleanDraft(removeStepAlternative(one, "welcome", 0)))
    expect(none.ok && none.script.steps.find((s) => s.id === "welcome")!.alternatives).toBeUndefined()
  })

  it("refuses a second variant with the same condition, which would never be said, naming it by its place", () => {
    const objectionId = advice().objections[0]!.id
    const twice = addObjectionAlternative(addObjectionAlternative(advice(), objectionId), objectionId)
    const r = validateScript(cleanDraft(twice))
    expect(r.ok ? [] : r.problems.map((p) => `${p.at}: ${p.code}`)).toEqual([`objections.${objectionId}.alternatives.1.when: conditionRepeated`])
    expect(validateScript(cleanDraft(addObjectionAlternative(advice(), objectionId)))).toMatchObject({ ok: true })
  })
})
