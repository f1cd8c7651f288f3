// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { SellerSection } from "./seller-section"

/** The background as a manager's options page sees it: no seller yet, the default reminder days. */
function stubBackground() {
  const sendMessage = vi.fn(async (msg: { type: string }) =>
    msg.type === "team/seller" ? { ok: true, data: { seller: null, validityDays: 30, mayEdit: true, dunningSchedule: { friendly: 7, firm: 15, "formal-notice": 30 } } } : { ok: true, data: { ok: true } }
  )
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return sendMessage
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

async function renderIn(language: "fr" | "en") {
  const sendMessage = stubBackground()
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <SellerSection />
    </I18nextProvider>
  )
  await screen.findByRole("button", { name: /enregistrer|save/i })
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
