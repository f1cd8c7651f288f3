// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import type { DocumentRowView } from "~src/messaging/contract"
import { createI18n } from "~src/i18n"

import { DunningScreen } from "./dunning-screen"
import { overdueRow } from "./dunning-test-kit"

const row = overdueRow

/** The background as the dunning screen talks to it: the list, the invoice's reminders, and logging one. */
function stubBackground(already: NonNullable<DocumentRowView["dunning"]>["sent"] = [], extra: { customer?: Customer; document?: unknown; chrome?: Record<string, unknown> } = {}) {
  let sent: NonNullable<DocumentRowView["dunning"]>["sent"] = already
  const acts: unknown[] = []
  const reply = (type: string, payload: { step?: unknown }) => {
    if (type === "documents/list") return { rows: [row(sent)], total: 1, today: "2026-12-04", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: { "agent1@demo.comptoir.test": "Marc Lefèbvre" } }
    if (type === "documents/get") {
      const level = sent.length === 0 ? "friendly" : "firm"
      return {
        document: extra.document ?? null,
        row: row(sent),
        customer: extra.customer ?? null,
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
    runtime: { sendMessage: vi.fn(async (m: { type: string; payload: { step?: unknown } }) => ({ ok: true, data: reply(m.type, m.payload) })), getURL: (p: string) => `chrome-extension://x/${p}` },
    ...extra.chrome
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
    // The one just logged is not "already sent" by its own panel (it said so right under « … logged on the invoice »).
    expect(document.querySelector('[data-comptoir="reminder-again"]')).toBeNull()
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

describe("the reminder call script from a row", () => {
  // The walk of 7 Dec (branch walk14): "Reminder call script" opened the script's editor, whose preview called
  // "Boulangerie Durand SARL" about no invoice, from the row of Vergers Baudry-Le Goff's FAC-2026-00095.
  it("opens in the side panel for the row's customer, the invoice's contact and this invoice, whatever else is overdue", async () => {
    const { writtenPhones: _w, ...raw } = generateCustomers({ count: 1 })[0]!
    const customer = Customer.parse(raw)
    const contactId = customer.contacts.at(-1)!.id
    const invoice = {
      id: "inv-95", type: "invoice", status: "issued", customerId: customer.id, contactId, language: "en", number: "FAC-2026-00095", date: "2026-06-26", dueDate: "2026-08-10",
      paymentTerms: { kind: "net", days: 45 },
      lines: [{ id: "l1", productId: null, ref: "R-1", label: "Article", unit: "piece", quantityMilli: 1000, unitPriceCents: 57_793, discountBp: 0, vatRateBp: 2000 }],
      totalExclVatCents: 57_793, totalVatCents: 11_559, totalInclVatCents: 69_352, notes: "", salesRep: null, sourceId: null,
      customerPoNumber: null, history: [], createdAt: 0, updatedAt: 0
    }
    const stored: Record<string, unknown>[] = []
    const sidePanel = { open: vi.fn(async () => undefined) }
    stubBackground([], {
      customer,
      document: invoice,
      chrome: { sidePanel, windows: { getCurrent: async () => ({ id: 7 }) }, storage: { session: { set: vi.fn(async (v: Record<string, unknown>) => void stored.push(v)) } } }
    })
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    fireEvent.click(await screen.findByText("Friendly reminder first"))
    await screen.findByText("Log: Friendly reminder sent")
    // The window the side panel opens in is known once the page has asked for it.
    await new Promise((r) => setTimeout(r, 50))
    fireEvent.click(screen.getByRole("button", { name: "Reminder call script" }))
    await screen.findByText("The reminder call script is open in the side panel, for invoice FAC-2026-00095.")
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 7 })
    expect(stored).toHaveLength(1)
    expect(stored[0]!.scriptCard).toMatchObject({
      customer: { id: customer.id },
      contactId,
      invoice: { number: "FAC-2026-00095", remainingCents: 69_352, dueDate: "2026-08-10", daysOverdue: 116 }
    })
    expect(location.hash).not.toContain("scripts/")
  })
})

describe("a reminder already sent at its level", () => {
  // The walk of 7 Dec (branch walk14): FAC-2026-00095's firm reminder, sent by Sophie Martin on 1 Dec, opened again
  // on 7 Dec as if new, and was logged a second time.
  it("says in its panel who sent it and when, so that it is sent again knowingly", async () => {
    stubBackground([
      { level: "friendly", at: "2026-11-20", by: "agent1@demo.comptoir.test" },
      { level: "firm", at: "2026-11-28", by: "agent1@demo.comptoir.test" }
    ])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    fireEvent.click(await screen.findByText("Firm reminder first"))
    await screen.findByText("Log: Firm reminder sent")
    expect(document.querySelector('[data-comptoir="reminder-again"]')?.textContent).toBe("Firm reminder already sent on 28 Nov 2026 by Marc Lefèbvre: this one would be the same reminder, sent again.")
  })

  it("says nothing of the kind for the next level, never sent", async () => {
    stubBackground()
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    fireEvent.click(await screen.findByText("Friendly reminder first"))
    await screen.findByText("Log: Friendly reminder sent")
    expect(document.querySelector('[data-comptoir="reminder-again"]')).toBeNull()
  })
})

describe("the dunning list's filter", () => {
  // The walk of 7 Dec (branch walk14): 41 rows and a search box; the ones with a reminder to send today were found
  // by reading every row's chip.
  it("shows the invoices with a reminder to send, or those at one stage, and its total follows", async () => {
    const sentFirm: DocumentRowView = {
      ...row([]),
      id: "inv-77",
      number: "FAC-2026-00077",
      customerName: "Chaudronnerie Lemoine-Jacquet SAS",
      remainingCents: 94_895,
      daysOverdue: 23,
      dunning: { due: null, reached: "firm", direct: null, skips: [], sent: [{ level: "friendly", at: "2026-11-21", by: "a@x" }, { level: "firm", at: "2026-11-30", by: "a@x" }] }
    }
    vi.stubGlobal("chrome", {
      runtime: {
        sendMessage: vi.fn(async (m: { type: string }) => {
          if (m.type !== "documents/list") throw new Error(m.type)
          return { ok: true, data: { rows: [row([]), sentFirm], total: 2, today: "2026-12-04", schedule: { friendly: 7, firm: 15, "formal-notice": 30 }, names: {} } }
        }),
        getURL: (p: string) => `chrome-extension://x/${p}`
      }
    })
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DunningScreen customerId={null} />
      </I18nextProvider>
    )
    await screen.findByText("FAC-2026-00077")
    const numbers = () => [...document.querySelectorAll('[data-comptoir="dunning-row"] td:first-child')].map((td) => td.textContent)
    expect(numbers()).toEqual(["FAC-2026-00095", "FAC-2026-00077"])
    const show = screen.getByLabelText("Afficher")
    fireEvent.change(show, { target: { value: "to-send" } })
    expect(numbers()).toEqual(["FAC-2026-00095"])
    expect(screen.getByText(/^1 facture en retard affichée sur 2 : 693,52\s€$/)).toBeTruthy()
    fireEvent.change(show, { target: { value: "firm" } })
    expect(numbers()).toEqual(["FAC-2026-00077"])
    expect(screen.getByText(/^1 facture en retard affichée sur 2 : 948,95\s€$/)).toBeTruthy()
    fireEvent.change(show, { target: { value: "friendly" } })
    expect(screen.getByText("Rien ne correspond à ces filtres.")).toBeTruthy()
    expect([...(show as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      "Toutes les factures en retard",
      "Une relance à envoyer",
      "Stade atteint : Relance amiable",
      "Stade atteint : Relance ferme",
      "Stade atteint : Mise en demeure"
    ])
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
