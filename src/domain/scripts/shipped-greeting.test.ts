import { describe, expect, it } from "vitest"

import { renderText } from "./script-engine"
import { variableValues } from "./script-library"
import { CallScript } from "./script.schema"
import { SHIPPED_SCRIPTS } from "./shipped"
import { segmentsToText } from "./variables"

const shipped = SHIPPED_SCRIPTS.map((s) => CallScript.parse(s))
const firstPrompt = (id: string, language: "fr" | "en", now: Date) => {
  const script = shipped.find((s) => s.id === id)!
  const step = script.steps.find((s) => s.id === script.start)!
  return segmentsToText(renderText(step.prompt, language, variableValues({ customer: null, agentName: "Marc", agentCompany: "Comptoir", now })).segments)
}
const evening = new Date(2026, 11, 7, 19, 30)
const morning = new Date(2026, 11, 7, 9, 0)
const afternoon = new Date(2026, 11, 7, 15, 0)

describe("the shipped scripts' greeting", () => {
  it("says good evening to a customer called at half past seven, in English and in French", () => {
    expect(firstPrompt("builtin-outbound-prospecting", "en", evening)).toMatch(/^“Good evening, Marc from Comptoir\./)
    expect(firstPrompt("builtin-outbound-prospecting", "fr", evening)).toMatch(/^«\u00a0Bonsoir, Marc de Comptoir\./)
    expect(firstPrompt("builtin-payment-reminder", "en", evening)).toMatch(/^“Good evening, Marc/)
    expect(firstPrompt("builtin-inbound-advice", "fr", evening)).toMatch(/^«\u00a0Bonsoir, Comptoir, Marc/)
  })

  it("says good morning at nine and good afternoon at three", () => {
    expect(firstPrompt("builtin-outbound-prospecting", "en", morning)).toMatch(/^“Good morning, Marc/)
    expect(firstPrompt("builtin-outbound-prospecting", "en", afternoon)).toMatch(/^“Good afternoon, Marc/)
    expect(firstPrompt("builtin-payment-reminder", "fr", afternoon)).toMatch(/^«\u00a0Bonjour, Marc/)
  })

  it("never says a fixed greeting of the day in any shipped text", () => {
    const all = JSON.stringify(SHIPPED_SCRIPTS)
    expect(all).not.toMatch(/Good (morning|afternoon|evening)|\bBonjour\b|\bBonsoir\b|\bbonjour\b/)
  })
})
