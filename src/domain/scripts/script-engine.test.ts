import { describe, expect, it } from "vitest"

import { followsProposal, rankScripts } from "./choose-script"
import { answersInWords, back, choose, currentStep, renderText, startRun, toggleCheck } from "./script-engine"
import { CallScript } from "./script.schema"
import { SHIPPED_SCRIPTS } from "./shipped"
import { validateScript } from "./validate-script"
import { fillTemplate, segmentsToText } from "./variables"

const shipped = SHIPPED_SCRIPTS.map((s) => CallScript.parse(s))
const byId = (id: string) => shipped.find((s) => s.id === id)!

describe("the shipped call scripts", () => {
  it("ship the five professional scripts the desk needs", () => {
    expect(shipped.map((s) => s.purpose).sort()).toEqual(["appointment-setting", "inbound-advice", "order-taking", "outbound-prospecting", "payment-reminder"])
  })

  it.each(SHIPPED_SCRIPTS.map((s) => [s.id, s] as const))("%s is valid and complete in French and English", (_id, s) => {
    const r = validateScript(s, { requireBothLanguages: true })
    expect(r.ok ? [] : r.problems).toEqual([])
  })

  it("each can be walked from its first step to an end", () => {
    for (const script of shipped) {
      let run = startRun(script, "fr")
      for (let i = 0; i < 50 && !run.finished; i++) run = choose(script, run, currentStep(script, run).choices[0]!.id, i)
      expect(run.finished, script.id).toBe(true)
    }
  })
})

describe("running a script", () => {
  const script = byId("builtin-inbound-advice")

  it("follows the branch of the answer chosen and proposes its outcome", () => {
    let run = startRun(script, "en")
    run = choose(script, run, "product", 1)
    expect(currentStep(script, run).id).toBe("discover")
    run = choose(script, run, "advise", 2)
    run = choose(script, run, "quote", 3)
    expect(currentStep(script, run).id).toBe("close")
    expect(run.suggestedOutcome).toBe("quote-requested")
    expect(answersInWords(script, run)).toEqual([
      { step: "Welcome", answer: "Product question" },
      { step: "Understand the need", answer: "Need is clear: advise" },
      { step: "Advice and proposal", answer: "Wants a quote" }
    ])
  })

  it("goes back one step, taking back that answer and its outcome", () => {
    let run = startRun(script, "fr")
    run = choose(script, run, "product", 1)
    run = choose(script, run, "advise", 2)
    run = choose(script, run, "quote", 3)
    run = back(script, run)
    expect(currentStep(script, run).id).toBe("advise")
    expect(run.answers).toHaveLength(2)
    expect(run.suggestedOutcome).toBeNull()
    run = choose(script, run, "info-only", 4)
    expect(run.suggestedOutcome).toBe("information-given")
  })

  it("takes back the last answer of a finished script", () => {
    let run = startRun(script, "fr")
    for (const c of ["delivery", "answered", "end"]) run = choose(script, run, c, 0)
    expect(run.finished).toBe(true)
    run = back(script, run)
    expect(run.finished).toBe(false)
    expect(currentStep(script, run).id).toBe("close")
    expect(run.suggestedOutcome).toBe("information-given")
  })

  it("refuses an answer the current step does not have", () => {
    expect(() => choose(script, startRun(script, "fr"), "nope", 0)).toThrow(/no answer nope/)
  })

  it("ticks and unticks checklist items", () => {
    const run = toggleCheck(toggleCheck(startRun(script, "fr"), "identity"), "usage")
    expect(toggleCheck(run, "identity").checked).toEqual(["usage"])
  })
})

describe("variables", () => {
  it("fills known values and leaves a visible gap for a missing one, never 'undefined'", () => {
    const segs = fillTemplate("Bonjour {{contact.first_name}} de {{customer.company}} !", { "customer.company": "Dupont SARL", "contact.first_name": "  " })
    expect(segs).toEqual([{ text: "Bonjour " }, { gap: "contact.first_name" }, { text: " de Dupont SARL !" }])
    expect(segmentsToText(segs)).toBe("Bonjour [contact first name] de Dupont SARL !")
    expect(segmentsToText(segs)).not.toMatch(/undefined|null/)
  })

  it("keeps French guillemets and ? ! : ; with their words, so no » or ? wraps alone onto the next line of the runner", () => {
    const said = (language: "fr" | "en", text: { fr?: string; en?: string }) =>
      segmentsToText(renderText(text, language, { "agent.name": "Marc Lefèbvre", "customer.company": "Quincaillerie Deschamps-Maréchal SA" }).segments)
    const fr = said("fr", { fr: "« Bonjour, {{agent.name}}. Je souhaiterais parler à la comptabilité de {{customer.company}}. » Est-ce possible ? Merci !", en: "“Good morning.”" })
    expect(fr).toBe("«\u00a0Bonjour, Marc Lefèbvre. Je souhaiterais parler à la comptabilité de Quincaillerie Deschamps-Maréchal SA.\u00a0» Est-ce possible\u00a0? Merci\u00a0!")
    // An English script is left as written; a French text shown in place of a missing English one is still French.
    expect(said("en", { fr: "x", en: "Is that possible ? Yes : no" })).toBe("Is that possible ? Yes : no")
    expect(said("en", { fr: "« Oui ? »" })).toBe("«\u00a0Oui\u00a0?\u00a0»")
  })

  it("falls back to the other language when a team's script lacks one, and says so", () => {
    const r = renderText({ fr: "Bonjour {{agent.name}}" }, "en", { "agent.name": "Julie" })
    expect(r).toEqual({ segments: [{ text: "Bonjour Julie" }], fallback: true })
    expect(renderText({ fr: "a", en: "b" }, "en", {}).fallback).toBe(false)
  })
})

describe("validating an imported script", () => {
  const base = SHIPPED_SCRIPTS[0]!

  it("names an answer that leads nowhere, an unreachable step and an unknown variable", () => {
    const broken = structuredClone(base) as Record<string, unknown> & { steps: { id: string; prompt: { fr?: string }; choices: { next: string | null }[] }[] }
    broken.steps[0]!.choices[0]!.next = "nowhere"
    broken.steps[0]!.prompt.fr = "Bonjour {{client.nom}}"
    const r = validateScript(broken)
    expect(r.ok).toBe(false)
    const messages = r.ok ? [] : r.problems.map((p) => `${p.at}: ${p.message}`)
    expect(messages).toContainEqual(expect.stringMatching(/leads to a step that does not exist: "nowhere"/))
    expect(messages).toContainEqual(expect.stringMatching(/^steps\.discover: no answer leads to this step/))
    expect(messages).toContainEqual(expect.stringMatching(/steps\.welcome\.prompt\.fr: unknown variable \{\{client\.nom\}\}/))
  })

  it("accepts a team script in one language unless both are required", () => {
    const frOnly = { id: "t1", name: { fr: "Mon script" }, purpose: "other", direction: "any", start: "a", steps: [{ id: "a", title: { fr: "Début" }, prompt: { fr: "Bonjour" }, choices: [] }] }
    expect(validateScript(frOnly).ok).toBe(true)
    expect(validateScript(frOnly, { requireBothLanguages: true }).ok).toBe(false)
  })
})

describe("choosing the script for a call", () => {
  it("opens the reminder first on an outgoing call to a customer with overdue invoices", () => {
    const ranked = rankScripts(shipped, { direction: "outbound", customerTags: [], hasOverdueInvoices: true })
    expect(ranked[0]!.purpose).toBe("payment-reminder")
  })

  it("opens the inbound advice script on an incoming call and never an outbound-only one", () => {
    const ranked = rankScripts(shipped, { direction: "inbound", customerTags: [], hasOverdueInvoices: true })
    expect(ranked[0]!.purpose).toBe("inbound-advice")
    expect(ranked.map((s) => s.direction)).not.toContain("outbound")
  })

  it("moves an untouched run to the reminder once the overdue invoices are known, but keeps a script the agent chose or answered", () => {
    const prospecting = rankScripts(shipped, { direction: "outbound", customerTags: [], hasOverdueInvoices: false })[0]!.id
    const reminder = rankScripts(shipped, { direction: "outbound", customerTags: [], hasOverdueInvoices: true })[0]!.id
    const untouched = { scriptId: prospecting, answers: [], path: ["reach"] }
    expect(followsProposal(untouched, prospecting, reminder)).toBe(true)
    // The agent picked the order-taking script themselves: it stays.
    expect(followsProposal({ ...untouched, scriptId: "builtin-order-taking" }, prospecting, reminder)).toBe(false)
    // The first answer was given: the run is the agent's now.
    expect(followsProposal({ ...untouched, answers: [{ stepId: "reach", choiceId: "through", at: 1 }], path: ["reach", "hook"] }, prospecting, reminder)).toBe(false)
    expect(followsProposal(untouched, prospecting, prospecting)).toBe(false)
  })

  it("prefers a team's script made for one of the customer's tags", () => {
    const team = CallScript.parse({ ...SHIPPED_SCRIPTS[1], id: "team-btp", builtin: false, tags: ["BTP"] })
    expect(rankScripts([...shipped, team], { direction: "outbound", customerTags: ["btp"], hasOverdueInvoices: false })[0]!.id).toBe("team-btp")
  })
})
