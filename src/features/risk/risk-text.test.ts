import { describe, expect, it } from "vitest"

import { assessRisk, DEFAULT_RISK_SETTINGS } from "~src/domain/documents/risk"
import { createI18n } from "~src/i18n"

import { riskReasonsText } from "./risk-text"

/** A customer owing 200 € due on 17 Oct 2026, seen on 2 Dec 2026: 46 days late, under a team threshold of 45 days. */
const risk = assessRisk(
  { creditLimitCents: 1_000_000, invoices: [{ issueDate: "2026-09-17", dueDate: "2026-10-17", totalInclVatCents: 20_000, payments: [] }], openOrders: [], today: "2026-12-02" },
  { ...DEFAULT_RISK_SETTINGS, blockOverdueDays: 45 }
)

describe("the risk reasons in words", () => {
  it("say the team's overdue threshold as the rule it is, in English", () => {
    const i18n = createI18n("en")
    expect(riskReasonsText(risk, i18n.t.bind(i18n), "en-GB")).toEqual(["Invoices overdue more than 45 days: €200.00 overdue, up to 46 days late"])
  })

  it("and in French", () => {
    const i18n = createI18n("fr")
    expect(riskReasonsText(risk, i18n.t.bind(i18n), "fr-FR")).toEqual(["Factures en retard de plus de 45 jours : 200,00\u00a0€ échus impayés, jusqu'à 46 jours de retard"])
  })

  it("say a threshold of one day in the singular", () => {
    const i18n = createI18n("en")
    const oneDay = assessRisk({ creditLimitCents: null, invoices: [{ issueDate: "2026-11-01", dueDate: "2026-11-30", totalInclVatCents: 1_000, payments: [] }], openOrders: [], today: "2026-12-02" }, { ...DEFAULT_RISK_SETTINGS, blockOverdueDays: 1 })
    expect(riskReasonsText(oneDay, i18n.t.bind(i18n), "en-GB")[0]).toBe("Invoices overdue more than 1 day: €10.00 overdue, up to 2 days late")
  })
})
