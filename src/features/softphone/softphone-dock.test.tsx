// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import type { ReactNode } from "react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import type { HistoryCall } from "~src/domain/telephony"
import { createI18n } from "~src/i18n"

import { CallerCard } from "./caller-card"
import { CallHistory } from "./softphone-dock"

const STARTED = Date.UTC(2026, 11, 4, 15, 46)
const call = (over: Partial<HistoryCall>): HistoryCall => ({
  id: "c1",
  direction: "inbound",
  number: "+33757709109",
  provider: "sip",
  customerId: null,
  contactId: null,
  startedAt: STARTED,
  answeredAt: STARTED + 3000,
  endedAt: STARTED + 28_000,
  durationMs: 25_000,
  endReason: "hangup-local",
  company: null,
  contact: null,
  ...over
})

const inLanguage = (language: "fr" | "en", node: ReactNode) => render(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>)

afterEach(cleanup)

describe("the dock's call history", () => {
  it("says why a call nobody answered ended where a talk time would be: a missed call no longer reads 0:00", () => {
    const history = [
      call({ id: "missed", answeredAt: null, durationMs: 0, endReason: "cancelled" }),
      call({ id: "busy", direction: "outbound", number: "+33199000486", answeredAt: null, durationMs: 0, endReason: "busy" }),
      call({ id: "talked" })
    ]
    const { container } = inLanguage("fr", <CallHistory history={history} agentCountry="FR" dial={async () => undefined} />)
    const rows = [...container.querySelectorAll('[data-comptoir="call-history-item"]')].map((li) => li.textContent)
    expect(rows[0]).toContain("manqué")
    expect(rows[0]).not.toContain("0:00")
    expect(rows[1]).toContain("occupé")
    expect(rows[2]).toContain("0:25")
    expect(container.querySelector('[data-end-reason="cancelled"] [data-comptoir="call-history-reason"]')).not.toBeNull()
  })

  it("keeps each number on one line (it broke as 07 57 70 91 / 09 in the side panel)", () => {
    const { container } = inLanguage("en", <CallHistory history={[call({})]} agentCountry="FR" dial={async () => undefined} />)
    const number = [...container.querySelectorAll('[data-comptoir="call-history-item"] span')].find((s) => s.textContent === "07 57 70 91 09")
    expect(number?.className).toBe("c-nowrap")
  })
})

describe("the dock's call history, for calls logged to a customer", () => {
  it("names the customer's company and the contact where the number was, the number kept in the tooltip", () => {
    const history = [
      call({ id: "known", customerId: "cu1", contactId: "ct1", company: "Boulangerie Martin", contact: "Anne Martin" }),
      call({ id: "no-contact", customerId: "cu2", company: "Garage du Port" }),
      call({ id: "unknown" })
    ]
    const { container } = inLanguage("fr", <CallHistory history={history} agentCountry="FR" dial={async () => undefined} />)
    const who = [...container.querySelectorAll('[data-comptoir="call-history-item"]')].map((li) => li.querySelector('[data-comptoir="call-history-who"]'))
    expect(who[0]?.textContent).toBe("Boulangerie Martin · Anne Martin")
    expect(who[0]?.getAttribute("title")).toBe("07 57 70 91 09")
    expect(who[1]?.textContent).toBe("Garage du Port")
    expect(who[2]).toBeNull()
    expect(container.querySelectorAll('[data-comptoir="call-history-item"]')[2]?.textContent).toContain("07 57 70 91 09")
  })
})

describe("the caller card of an unknown number", () => {
  it("writes the number as the dock's line does, in the agent's country's way, not as +33…", () => {
    const caller = { callId: "c1", number: "+33970005678", candidates: [], customerId: null, contactId: null }
    const { container } = inLanguage("fr", <CallerCard caller={caller} agentCountry="FR" />)
    expect(container.querySelector('[data-comptoir="caller-unknown"] p')?.textContent).toBe("Le 09 70 00 56 78 n'est pas dans la base.")
    cleanup()
    const abroad = inLanguage("en", <CallerCard caller={{ ...caller, number: "+447700900123" }} agentCountry="FR" />)
    expect(abroad.container.querySelector('[data-comptoir="caller-unknown"] p')?.textContent).toBe("+44 7700 900123 is not in the base.")
  })
})
