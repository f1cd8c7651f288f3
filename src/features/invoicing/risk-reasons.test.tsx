// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createI18n } from "~src/i18n"

import { RiskReasons } from "./risk-reasons"

afterEach(cleanup)

/** Cabinet Colin SAS (C-00001) of the demo: its oldest unpaid invoice is 64 days old and 34 days past due. */
const reasons = [
  { code: "overdue-beyond-threshold", overdueCents: 4_921_793, days: 34, thresholdDays: 30 },
  { code: "late-payer", averageDaysLate: 33.5 }
]

function reasonsIn(lang: "fr" | "en"): string[] {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <RiskReasons reasons={reasons} />
    </I18nextProvider>
  )
  return screen.getAllByRole("listitem").map((li) => li.textContent ?? "")
}

describe("an order's risk reasons, as the agent reads them before confirming", () => {
  it("say in French that the 34 days are days late, as the card does, not the invoice's age", () => {
    const [overdue] = reasonsIn("fr")
    expect(overdue).toBe("Factures en retard de plus de 30 jours : 49\u202f217,93\u00a0€ en retard, jusqu'à 34 jours de retard")
    cleanup()
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <RiskReasons reasons={[{ code: "overdue", overdueCents: 6522, days: 1 }]} />
      </I18nextProvider>
    )
    expect(screen.getByRole("listitem").textContent).toBe("65,22\u00a0€ en retard, 1 jour de retard")
  })

  it("write the average lateness in whole days, as the card does, never with an English decimal point in French", () => {
    expect(reasonsIn("fr")[1]).toBe("Paie en moyenne 34 jours en retard sur 12 mois")
    cleanup()
    expect(reasonsIn("en")[1]).toBe("Pays 34 days late on average over 12 months")
  })
})
