import { describe, expect, it } from "vitest"

import { conditionHolds, objectionResponse, renderText, stepPrompt } from "./script-engine"
import { variableValues } from "./script-library"
import { CallScript } from "./script.schema"
import { SHIPPED_SCRIPTS } from "./shipped"
import { validateScript } from "./validate-script"
import { segmentsToText } from "./variables"
import type { Customer } from "../customers/customer.schema"

const script = CallScript.parse(SHIPPED_SCRIPTS.find((s) => s.id === "builtin-appointment-setting"))
const customer = { company: "Quincaillerie Morel", salesRep: "Marc Lefebvre", contacts: [{ id: "p1", firstName: "Paul" }], addresses: [{ city: "Lyon" }] } as unknown as Customer
const values = (agentName: string) => variableValues({ customer, agentName, agentCompany: "Comptoir", now: new Date(2026, 11, 7, 9, 0) })
const said = (stepId: string, language: "fr" | "en", agentName: string) =>
  segmentsToText(renderText(stepPrompt(script.steps.find((s) => s.id === stepId)!, values(agentName)), language, values(agentName)).segments)

describe("the appointment script when the agent is the customer's own sales rep", () => {
  it("introduces the rep as the account manager instead of calling on their own behalf, in English and in French", () => {
    expect(said("intro", "en", "Marc Lefèbvre")).toBe("“Hello Paul, Marc Lefèbvre from Comptoir, your account manager.”")
    expect(said("intro", "fr", "Marc Lefèbvre")).toBe("«\u00a0Bonjour Paul, Marc Lefèbvre de Comptoir, votre interlocuteur commercial.\u00a0»")
    expect(said("reason", "en", "marc  lefebvre")).toMatch(/“I'll be in your area \(Lyon\) next week\.”$/)
    expect(said("reason", "fr", "Marc Lefèbvre")).toMatch(/«\u00a0Je serai dans votre secteur \(Lyon\) la semaine prochaine\.\u00a0»$/)
    const byEmail = script.objections.find((o) => o.id === "by-email")!
    expect(segmentsToText(renderText(objectionResponse(byEmail, values("Marc Lefèbvre")), "en", values("Marc Lefèbvre")).segments)).not.toMatch(/Marc/)
  })

  it("still calls on the rep's behalf when another agent books the meeting", () => {
    expect(said("intro", "en", "Julie Martin")).toBe("“Hello Paul, Julie Martin from Comptoir. I'm calling on behalf of Marc Lefebvre, your account manager.”")
    expect(said("reason", "fr", "Julie Martin")).toMatch(/«\u00a0Marc Lefebvre sera dans votre secteur/)
  })

  it("never takes an unknown agent or an unknown rep for the same person", () => {
    expect(conditionHolds("agent-is-rep", {})).toBe(false)
    expect(conditionHolds("agent-is-rep", { "agent.name": "Marc", "customer.sales_rep": null })).toBe(false)
    expect(conditionHolds("agent-is-rep", { "agent.name": " ", "customer.sales_rep": " " })).toBe(false)
  })

  it("refuses an alternative with a condition it does not know, and checks its variables and both languages", () => {
    const withAlt = (alternatives: unknown) => ({ ...structuredClone(SHIPPED_SCRIPTS.find((s) => s.id === "builtin-appointment-setting")), steps: [{ id: "a", title: { fr: "A", en: "A" }, prompt: { fr: "x", en: "x" }, alternatives, choices: [] }], start: "a", objections: [] })
    expect(validateScript(withAlt([{ when: "agent-is-boss", prompt: { fr: "x" } }])).ok).toBe(false)
    const r = validateScript(withAlt([{ when: "agent-is-rep", prompt: { fr: "{{client.nom}}" } }]), { requireBothLanguages: true })
    expect(r.ok ? [] : r.problems.map((p) => `${p.at}: ${p.code}`)).toEqual(["steps.a.alternatives.0.prompt.fr: unknownVariable", "steps.a.alternatives.0.prompt.en: missingLanguage"])
  })
})
