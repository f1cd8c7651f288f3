// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { DocumentRowView } from "~src/messaging/contract"
import { createI18n } from "~src/i18n"

import { DunningScreen } from "./dunning-screen"
import { overdueRow } from "./dunning-test-kit"

const row = overdueRow

/** The background as the dunning screen talks to it: the list, the invoice's reminders, and logging one. */
function stubBackground(already: NonNullable<DocumentRowView["dunning"]>["sent"] = []) {
  let sent: NonNullable<DocumentRowView["dunning"]>["sent"] = already
  const acts: unknown[] = []
  const reply = (type: string, payload: { step?: unknown }) => {
    if (type === "documents/list") return { rows: [row(sent)], total: 1, today: "2026-12-04", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: { "agent1@demo.comptoir.test": "Marc Lefèbvre" } }
    if (type === "documents/get") {
      const level = sent.length === 0 ? "friendly" : "firm"
      return {
        document: null,
        row: row(sent),
        customer: null,
        payments: [],
        creditNotes: [],
        derived: [],
        source: null,
        risk: null,
        confirm: null,
        me: { email: "agent1@demo.comptoir.test", name: "", role: "agent" },
        reminders: [{ level, skips: [], subject: `Reminder: invoice FAC-2026-00095 (${level})`, body: "Dear David Thornton,", to: "david.thornton@newburyhardware7.co.uk" }],
        seller: null,
        correctedInvoice: null,
        today: "2026-12-04"
      }
    }
    if (type === "documents/act") {
      acts.push(payload.step)
      sent = [...sent, { level: "friendly", at: "2026-12-04", by: "agent1@demo.comptoir.test" }]
      return { ok: true }
    }
    throw new Error(type)
  }
  vi.stubGlobal("chrome", {
    runtime: { sendMessage: vi.fn(async (m: { type: string; payload: { step?: unknown } }) => ({ ok: true, data: reply(m.type, m.payload) })), getURL: (p: string) => `chrome-extension://x/${p}` }
  })
  return acts
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the dunning screen", () => {
  it("once a reminder is logged, its panel no longer offers to log it again: the row moves on to the next level", async () => {
    const acts = stubBackground()
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    fireEvent.click(await screen.findByText("Friendly reminder first"))
    const log = await screen.findByText("Log: Friendly reminder sent")
    fireEvent.click(log)
    await screen.findByText("Friendly reminder logged on the invoice.")
    // The row now waits for the firm reminder; the friendly one just logged cannot be logged a second time.
    await screen.findByText("Firm reminder first")
    await waitFor(() => expect(screen.queryByText("Log: Friendly reminder sent")).toBeNull())
    expect(acts).toHaveLength(1)
  })

  it("names what was sent last beside the level reached, in one column, and the lateness in days under its heading", async () => {
    stubBackground()
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    const level = await screen.findByText("Formal notice reached")
    expect(level.closest("td")?.textContent).toBe("Formal notice reachedno reminder sent yet")
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Number", "Customer", "Due", "Late", "Left to pay", "Reminder", ""])
    expect(screen.getByText("116 days").tagName).toBe("TD")
  })

  it("names who sent the earlier reminders by their name, not their e-mail", async () => {
    stubBackground([{ level: "friendly", at: "2026-11-20", by: "Agent1@demo.comptoir.test" }])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    await screen.findByText("Formal notice reached")
    const sent = document.querySelector('[data-comptoir="dunning-skips"]')!
    expect(sent.getAttribute("title")).toBe("Friendly reminder 20 Nov 2026 · Marc Lefèbvre")
  })
})

describe("an invoice overdue by fewer days than the friendly reminder's", () => {
  it("says not yet and offers no reminder to prepare (the button did nothing when clicked)", async () => {
    const early: DocumentRowView = { ...row([]), id: "inv-111", number: "FAC-2026-00111", dueDate: "2026-12-01", daysOverdue: 5, dunning: { due: null, reached: null, direct: null, skips: [], sent: [] } }
    vi.stubGlobal("chrome", {
      runtime: {
        sendMessage: vi.fn(async (m: { type: string }) => {
          if (m.type !== "documents/list") throw new Error(m.type)
          return { ok: true, data: { rows: [early], total: 1, today: "2026-12-06", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: {} } }
        }),
        getURL: (p: string) => `chrome-extension://x/${p}`
      }
    })
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    const lateRow = (await screen.findByText("FAC-2026-00111")).closest("tr")!
    expect(lateRow.textContent).toContain("not yet")
    expect(lateRow.querySelectorAll("button")).toHaveLength(0)
  })
})
