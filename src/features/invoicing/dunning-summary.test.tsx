// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { DocumentRowView } from "~src/messaging/contract"
import { createI18n } from "~src/i18n"

import { DunningScreen } from "./dunning-screen"
import { overdueRow } from "./dunning-test-kit"

/** Nine overdue invoices, three of them Dupont's at the firm stage (200 € each), the others at the formal notice's. */
const rows: DocumentRowView[] = Array.from({ length: 9 }, (_, i) => {
  const dupont = i < 3
  return {
    ...overdueRow(),
    id: `inv-${i}`,
    number: `FAC-2026-0010${i}`,
    customerName: dupont ? "Dupont SA" : "Newbury Hardware Ltd",
    remainingCents: dupont ? 20_000 : 10_000,
    dunning: dupont ? { due: "firm", reached: "firm", direct: null, skips: [], sent: [{ level: "friendly", at: "2026-11-20", by: "a@x" }] } : overdueRow().dunning
  }
})

/** The background's dunning list: a search keeps the rows naming it, `all` the team's overdue invoices whatever the search. */
function stubBackground() {
  vi.stubGlobal("chrome", {
    runtime: {
      sendMessage: vi.fn(async ({ payload }: { payload: { query?: string } }) => {
        const found = rows.filter((r) => !payload.query || r.customerName.toLowerCase().includes(payload.query.toLowerCase()))
        return { ok: true, data: { rows: found, total: found.length, all: rows.length, today: "2026-12-07", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: {} } }
      }),
      getURL: (p: string) => `chrome-extension://x/${p}`
    }
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function showDunning(lang: "fr" | "en") {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <DunningScreen customerId={null} />
    </I18nextProvider>
  )
}

const summary = () => document.querySelector('[data-comptoir="dunning-summary"]')!.textContent

describe("the dunning list's summary", () => {
  it("counts every overdue invoice with no filter on", async () => {
    stubBackground()
    showDunning("en")
    await screen.findAllByText("Dupont SA")
    expect(summary()).toBe("9 overdue invoices, €1,200.00 in all")
  })

  // The walk of 7 Dec (branch walk16): under « Afficher : relance ferme », « 3 factures en retard » read as all there were.
  it("says how many of all are shown under a stage filter, in English and in French", async () => {
    stubBackground()
    showDunning("en")
    await screen.findAllByText("Dupont SA")
    fireEvent.change(document.querySelector('[data-comptoir="dunning-show"]')!, { target: { value: "firm" } })
    expect(summary()).toBe("3 of 9 overdue invoices shown: €600.00")
    cleanup()
    showDunning("fr")
    await screen.findAllByText("Dupont SA")
    fireEvent.change(document.querySelector('[data-comptoir="dunning-show"]')!, { target: { value: "firm" } })
    expect(summary()).toMatch(/^3 factures en retard affichées sur 9 : 600,00\s€$/)
  })

  it("says how many of all are shown under a search", async () => {
    stubBackground()
    showDunning("fr")
    await screen.findAllByText("Newbury Hardware Ltd")
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "dupont" } })
    await vi.waitFor(() => expect(screen.queryByText("Newbury Hardware Ltd")).toBeNull())
    expect(summary()).toMatch(/^3 factures en retard affichées sur 9 : 600,00\s€$/)
  })
})
