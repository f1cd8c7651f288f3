// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { SellerSection } from "./seller-section"

/** The background as a manager's options page sees it: no seller yet, the default reminder days and overdue threshold. */
function stubBackground(team: { riskOverdueDays?: number; mayEdit?: boolean } = {}) {
  const settings = { seller: null, validityDays: 30, mayEdit: team.mayEdit ?? true, dunningSchedule: { friendly: 7, firm: 15, "formal-notice": 30 }, riskOverdueDays: team.riskOverdueDays ?? 30 }
  const sendMessage = vi.fn(async (msg: { type: string }) => (msg.type === "team/seller" ? { ok: true, data: settings } : { ok: true, data: { ok: true } }))
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return sendMessage
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function renderIn(language: "fr" | "en", team: Parameters<typeof stubBackground>[0] = {}) {
  const sendMessage = stubBackground(team)
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <SellerSection />
    </I18nextProvider>
  )
  await screen.findByText(language === "fr" ? "Risque client" : "Customer risk")
  return sendMessage
}

const days = (level: string) => document.querySelector<HTMLInputElement>(`[data-comptoir="dunning-days-${level}"]`)!
const save = () => document.querySelector<HTMLButtonElement>('[data-comptoir="seller-save"]')!
const message = () => document.querySelector('[data-comptoir="seller-message"]')?.textContent

describe("the team's reminder days in the options page", () => {
  it("refuses days out of order in the manager's language, and saves nothing", async () => {
    const sendMessage = await renderIn("fr")
    fireEvent.change(days("friendly"), { target: { value: "20" } })
    fireEvent.click(save())
    expect(message()).toBe("Les jours de relance doivent croître : relance amiable < relance ferme < mise en demeure.")
    expect(sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)).not.toContain("team/seller-save")
  })

  it("refuses a day that is not a whole number from 1 to 365, in French too", async () => {
    await renderIn("fr")
    fireEvent.change(days("formal-notice"), { target: { value: "400" } })
    fireEvent.click(save())
    expect(message()).toBe("Les jours de relance sont des nombres entiers de 1 à 365.")
  })

  it("says the same in English as the server does", async () => {
    await renderIn("en")
    fireEvent.change(days("friendly"), { target: { value: "20" } })
    fireEvent.click(save())
    expect(message()).toBe("reminder days must increase: friendly < firm < formal notice")
  })
})

describe("the team's seller identity in the options page", () => {
  const field = (name: string) => document.querySelector<HTMLInputElement>(`[data-comptoir="seller-${name}"]`)!
  const fill = (values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) fireEvent.change(field(name), { target: { value } })
  }
  const complete = { name: "Comptoir Démo", legalForm: "SAS", siren: "732829320", rcsCity: "Lyon", vatNumber: "FR44732829320", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }

  it("names each missing or malformed field in the manager's language, and saves nothing", async () => {
    const sendMessage = await renderIn("fr")
    fill({ ...complete, siren: "73282932", vatNumber: "44732829320", city: "" })
    fireEvent.click(save())
    expect(message()).toBe("Le SIREN a 9 chiffres. Le numéro de TVA commence par le code du pays (FR…). Il manque la ville.")
    expect(sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)).not.toContain("team/seller-save")
  })

  it("saves a complete identity", async () => {
    const sendMessage = await renderIn("en")
    fill(complete)
    fireEvent.click(save())
    await vi.waitFor(() => expect(sendMessage.mock.calls.map(([m]) => (m as { type: string }).type)).toContain("team/seller-save"))
  })
})

describe("the team's overdue threshold (customer risk) in the options page", () => {
  const complete = { name: "Comptoir Démo", legalForm: "SAS", siren: "732829320", rcsCity: "Lyon", vatNumber: "FR44732829320", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }
  const fillSeller = () => {
    for (const [name, value] of Object.entries(complete)) fireEvent.change(document.querySelector(`[data-comptoir="seller-${name}"]`)!, { target: { value } })
  }
  const threshold = () => screen.getByLabelText("Manager's override for invoices overdue more than (days)") as HTMLInputElement
  const help = () => document.querySelector('[data-comptoir="risk-overdue-help"]')?.textContent
  const saved = (sendMessage: ReturnType<typeof stubBackground>) =>
    sendMessage.mock.calls.map(([m]) => m as { type: string; payload: { riskOverdueDays?: number } }).find((m) => m.type === "team/seller-save")?.payload

  it("shows the team's threshold and the rule it makes, in words", async () => {
    await renderIn("en", { riskOverdueDays: 45 })
    expect(threshold().value).toBe("45")
    expect(help()).toBe("Confirming an order for a customer with an invoice overdue more than 45 days, or over its credit limit, needs a manager's override. The server applies the same threshold.")
  })

  it("saves the threshold a manager types with the seller identity, and the rule follows it as typed", async () => {
    const sendMessage = await renderIn("en")
    fillSeller()
    fireEvent.change(threshold(), { target: { value: "45" } })
    expect(help()).toContain("overdue more than 45 days")
    fireEvent.click(save())
    await vi.waitFor(() => expect(saved(sendMessage)?.riskOverdueDays).toBe(45))
  })

  it("refuses a threshold that is not a whole number of days from 1 to 365, in the manager's language, and saves nothing", async () => {
    for (const [language, words] of [
      ["fr", "Le seuil de retard est un nombre entier de jours, de 1 à 365."],
      ["en", "The overdue threshold is a whole number of days from 1 to 365."]
    ] as const) {
      const sendMessage = await renderIn(language)
      fillSeller()
      for (const typed of ["0", "366", "12.5", ""]) {
        fireEvent.change(document.querySelector('[data-comptoir="risk-overdue-days"]')!, { target: { value: typed } })
        fireEvent.click(save())
        expect(message(), typed).toBe(words)
      }
      expect(saved(sendMessage)).toBeUndefined()
      cleanup()
    }
  })

  it("is read-only for an agent", async () => {
    await renderIn("fr", { mayEdit: false, riskOverdueDays: 60 })
    const input = screen.getByLabelText("Dérogation d'un responsable pour les factures en retard de plus de (jours)") as HTMLInputElement
    expect(input.value).toBe("60")
    expect(input.disabled).toBe(true)
    expect(help()).toContain("en retard de plus de 60 jours")
  })
})
