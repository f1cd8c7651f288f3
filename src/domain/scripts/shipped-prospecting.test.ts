import { describe, expect, it } from "vitest"

import { renderText, stepPrompt } from "./script-engine"
import { variableValues } from "./script-library"
import { CallScript } from "./script.schema"
import { SHIPPED_SCRIPTS } from "./shipped"
import { segmentsToText } from "./variables"
import type { Customer } from "../customers/customer.schema"

const script = CallScript.parse(SHIPPED_SCRIPTS.find((s) => s.id === "builtin-outbound-prospecting"))
const customer = { company: "Quincaillerie Morel", salesRep: "Marc Lefebvre", contacts: [{ id: "p1", firstName: "Paul" }], addresses: [{ city: "Lyon" }] } as unknown as Customer
const said = (stepId: string, language: "fr" | "en", agentName: string) => {
  const values = variableValues({ customer, agentName, agentCompany: "Comptoir", now: new Date(2026, 11, 7, 9, 0) })
  return segmentsToText(renderText(stepPrompt(script.steps.find((s) => s.id === stepId)!, values), language, values).segments)
}

describe("the prospecting script's proposal when the agent is the customer's own sales rep", () => {
  it("offers a meeting with the agent themselves, never with their own name, in English and in French", () => {
    expect(said("propose", "en", "Marc Lefèbvre")).toBe("Offer the most committing next step the customer will accept: a meeting with you (“Shall I come and see you next week?”), a priced quote, or a sample.")
    expect(said("propose", "fr", "marc lefebvre")).toMatch(/^Proposez l'étape suivante la plus engageante que le client acceptera\u00a0: un rendez-vous avec vous \(«\u00a0Je peux passer vous voir la semaine prochaine\u00a0\?\u00a0»\)/)
    expect(said("propose", "fr", "Marc Lefèbvre")).not.toMatch(/Lefebvre/)
  })

  it("still offers a meeting with the rep when another agent calls", () => {
    expect(said("propose", "en", "Julie Martin")).toMatch(/a meeting with Marc Lefebvre, a priced quote/)
    expect(said("propose", "fr", "Julie Martin")).toMatch(/un rendez-vous avec Marc Lefebvre, un devis chiffré/)
  })
})
