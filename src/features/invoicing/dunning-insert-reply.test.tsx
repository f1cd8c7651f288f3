// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DunningScreen } from "./dunning-screen"
import { overdueRow } from "./dunning-test-kit"

const row = overdueRow()

/** The background: the dunning list, the invoice's reminder, and a reply addressed to another customer's buyer. */
function stubBackground() {
  const inserts: Array<{ customerId: string; force?: boolean; text: string }> = []
  const reply = (type: string, payload: { customerId: string; force?: boolean; text: string }) => {
    if (type === "documents/list") return { rows: [row], total: 1, today: "2026-12-04", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: {} }
    if (type === "documents/get") {
      const reminders = [{ level: "friendly", skips: [], subject: "Reminder: invoice FAC-2026-00095", body: "Dear David Thornton,\n\n693.52 € are overdue.", to: "david.thornton@newburyhardware7.co.uk" }]
      return { document: null, row, customer: null, payments: [], creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { email: "a@b.fr", name: "", role: "agent" }, reminders, seller: null, correctedInvoice: null, today: "2026-12-04" }
    }
    if (type === "documents/insert-into-reply") {
      inserts.push(payload)
      return payload.force ? { ok: true, inserted: "text" } : { ok: false, error: "recipient-mismatch", recipients: ["jean@durand-bois.fr"] }
    }
    throw new Error(type)
  }
  vi.stubGlobal("chrome", {
    runtime: { sendMessage: vi.fn(async (m: { type: string; payload: never }) => ({ ok: true, data: reply(m.type, m.payload) })), getURL: (p: string) => `chrome-extension://x/${p}` }
  })
  return inserts
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function openReminder(language: "fr" | "en", first: string) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <DunningScreen customerId={null} />
    </I18nextProvider>
  )
  fireEvent.click(await screen.findByText(first))
}

describe("a reminder for a reply addressed to someone else than the customer", () => {
  it("says in French to whom the reply goes, inserts nothing, and inserts once the agent insists", async () => {
    const inserts = stubBackground()
    await openReminder("fr", "Relance amiable d'abord")
    fireEvent.click(await screen.findByText("Insérer dans la réponse"))
    const warning = await screen.findByRole("alert")
    expect(warning.querySelector("p")!.textContent).toBe("Cette réponse est adressée à jean@durand-bois.fr, pas à Newbury Hardware Ltd.")
    expect(inserts).toEqual([expect.objectContaining({ customerId: "cust-8", force: false })])
    expect(screen.queryByText(/Inséré dans la réponse/)).toBeNull()

    fireEvent.click(screen.getByText("Insérer quand même"))
    await screen.findByText(/Inséré dans la réponse en cours/)
    expect(inserts.map((i) => i.force)).toEqual([false, true])
    expect(inserts[1]!.text).toBe("Dear David Thornton,\n\n693.52 € are overdue.")
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull())
  })

  it("says it in English for an English-speaking agent", async () => {
    stubBackground()
    await openReminder("en", "Friendly reminder first")
    fireEvent.click(await screen.findByText("Insert into reply"))
    expect((await screen.findByRole("alert")).textContent).toBe("This reply is addressed to jean@durand-bois.fr, not to Newbury Hardware Ltd.Insert anyway")
  })
})
