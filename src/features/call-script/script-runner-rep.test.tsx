// @vitest-environment jsdom
import { cleanup, fireEvent, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { startRun } from "~src/domain/scripts/script-engine"
import { shippedScripts } from "~src/domain/scripts/script-library"
import type { VariableValues } from "~src/domain/scripts/variables"
import { createI18n } from "~src/i18n"

import { ScriptRunner } from "./script-runner"

const script = shippedScripts().find((s) => s.id === "builtin-appointment-setting")!
const rep: VariableValues = { "contact.first_name": "Paul", "customer.sales_rep": "Marc Lefèbvre", "customer.city": "Lyon", "agent.name": "Marc Lefèbvre", "agent.company": "Comptoir" }

function runner(values: VariableValues, language: "fr" | "en") {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ScriptRunner scripts={[script]} script={script} run={startRun(script, language)} values={values} onRun={() => undefined} onScript={() => undefined} />
    </I18nextProvider>
  ).container
}

afterEach(cleanup)

describe("the appointment script run by the customer's own sales rep", () => {
  it("never has the agent call on their own behalf, in English and in French", () => {
    const en = runner(rep, "en")
    expect(en.querySelector(".c-script-prompt")!.textContent).toBe("“Hello Paul, Marc Lefèbvre from Comptoir, your account manager.”")
    fireEvent.click(en.querySelector('[data-comptoir="script-objections"]')!)
    fireEvent.click(en.querySelector('[data-objection-id="by-email"]')!)
    expect(en.querySelector('[data-comptoir="script-objection-response"] p')!.textContent).toBe("“Happy to, and I'll call you for ten minutes afterwards to go through it. Which day suits you?”")
    cleanup()
    expect(runner(rep, "fr").querySelector(".c-script-prompt")!.textContent).not.toMatch(/de la part de/)
  })

  it("calls on the rep's behalf when another agent runs it", () => {
    expect(runner({ ...rep, "agent.name": "Julie Martin" }, "en").querySelector(".c-script-prompt")!.textContent).toMatch(/I'm calling on behalf of Marc Lefèbvre, your account manager/)
  })
})
