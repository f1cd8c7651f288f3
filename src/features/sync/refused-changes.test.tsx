// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { refusedChangeView, type RefusedChangeRecord } from "~src/domain/sync/refused-change"
import { createI18n } from "~src/i18n"

import { RefusedChanges } from "./refused-changes"

// What the background answers: the view it builds, which does not know the interface's language.
const refused: RefusedChangeRecord = {
  id: 4,
  mid: 4,
  table: "products",
  key: "p1",
  reason: "stale",
  message: "changed meanwhile",
  at: Date.UTC(2026, 11, 7, 9, 0),
  serverRow: { table: "products", key: "p1", version: 3, deleted: false, data: { ref: "GANT-01", vatRateBp: 2000, unitPriceCents: 123450 } },
  mine: { ref: "GANT-01", vatRateBp: 550, unitPriceCents: 450 }
}
vi.mock("~src/messaging/send", () => ({ send: async () => ({ conflicts: [refusedChangeView(refused)] }) }))

afterEach(cleanup)

const cells = async (language: "fr" | "en") => {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <RefusedChanges conflictCount={1} />
    </I18nextProvider>
  )
  await screen.findByText("GANT-01", { exact: false })
  return [...document.querySelectorAll('[data-comptoir="refused-change"] tbody td')].map((td) => td.textContent)
}

describe("the options page's refused changes", () => {
  it("says a VAT rate and a price in English in an English interface", async () => {
    const shown = await cells("en")
    expect(shown).toContain("5.5%")
    expect(shown).toContain("20%")
    expect(shown).toContain("1,234.50")
    expect(shown.join(" ")).not.toMatch(/\d %/)
  })

  it("says them in French in a French interface, the sign kept with its number", async () => {
    const shown = await cells("fr")
    expect(shown).toContain("5,5\u00a0%")
    expect(shown).toContain("20\u00a0%")
    expect(shown).toContain("4,50")
    expect(shown).toContain("1\u00a0234,50")
  })
})
