import { describe, expect, it } from "vitest"

import { variableValues } from "./script-library"
import { fillTemplate, segmentsToText } from "./variables"
import { paymentReminder } from "./shipped/payment-reminder"

const facts = paymentReminder.steps.find((s) => s.prompt.en?.includes("{{invoice.number}}"))!
const said = (lang: "fr" | "en", values: ReturnType<typeof variableValues>) => segmentsToText(fillTemplate(facts.prompt[lang]!, values, lang))

describe("the payment reminder's facts beside a call", () => {
  const overdue = { number: "FAC-2026-00152", remainingCents: 149_653, dueDate: "2026-11-25", daysOverdue: 12 }

  it("says the customer's most overdue invoice: its number, what is left to pay, its due date written out and the days late", () => {
    const values = variableValues({ customer: null, overdueInvoice: overdue })
    expect(said("en", values)).toContain("invoice FAC-2026-00152 for €1,496.53, due on 25 November 2026, now 12 days overdue")
    expect(said("fr", values)).toMatch(/facture FAC-2026-00152 de 1\s496,53\s€, échue le 25\/11\/2026, soit 12 jours de retard/)
  })

  it("leaves gaps without an overdue invoice, never an empty or made-up value", () => {
    expect(said("en", variableValues({ customer: null, overdueInvoice: null }))).toContain("invoice [invoice number] for [invoice amount due]")
  })
})
