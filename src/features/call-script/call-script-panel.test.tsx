// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { startRun } from "~src/domain/scripts/script-engine"
import { shippedScripts } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { initialPhoneState, transition, type PhoneEvent, type SoftphoneView } from "~src/domain/telephony"
import { createI18n } from "~src/i18n"

import { CallScriptPanel } from "./call-script-panel"

/** The published view the panel reads, set by each test. */
let view: SoftphoneView | null = null
/** The script a card asked for (the card's "Script", the dunning list's "Reminder call script"), set by a test. */
let card: unknown = null

vi.mock("~src/features/softphone/use-softphone", () => ({
  useSoftphoneSelect: <T,>(select: (v: SoftphoneView | null) => T) => select(view),
  useCallSetUp: () => true,
  CALL_SETUP_MOUNT_HOLD_MS: 300
}))
vi.mock("./use-scripts", async () => {
  const { useState } = await import("react")
  return {
    useScriptLibrary: () => ({ scripts: shippedScripts() }),
    useAgent: () => ({ name: null, company: null }),
    useCardScript: () => card,
    closeCardScript: async () => undefined,
    // The run as a new call starts it, kept in the component (the real one keeps it in chrome.storage.session).
    useCallRun: (_callId: string, scripts: readonly CallScript[], proposed: { scriptId: string; language: "fr" | "en" }) => {
      const script = scripts.find((s) => s.id === proposed.scriptId)
      const [run, setRun] = useState(() => (script ? startRun(script, proposed.language) : null))
      return [run ?? (script ? startRun(script, proposed.language) : null), setRun]
    }
  }
})
// The customer's most overdue invoice, as the card's documents summary gives it.
vi.mock("~src/features/invoicing/documents-summary", () => ({
  documentsSummary: async () => ({ overdueInvoices: { count: 2, mostOverdue: { number: "FAC-2026-00062", remainingCents: 173_805, dueDate: "2026-06-20", daysOverdue: 170 } } })
}))

function viewAfter(events: PhoneEvent[]): SoftphoneView {
  let state = transition(initialPhoneState, { type: "registered" }, 0)
  events.forEach((e, i) => (state = transition(state, e, 1000 * (i + 1))))
  return { state, caller: null, capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true }, configured: true, lastCall: null, updatedAt: 1 }
}

const shown = () => render(<I18nextProvider i18n={createI18n("fr")}><CallScriptPanel /></I18nextProvider>).container.querySelector('[data-comptoir="script-runner"]')

afterEach(() => {
  cleanup()
  view = null
  card = null
})

describe("the call script beside a call", () => {
  it("is shown during an answered call and stays once it ended (its last answers can still be clicked)", () => {
    view = viewAfter([{ type: "incoming", callId: "a1", number: "+33144319244" }, { type: "answered", callId: "a1" }])
    expect(shown()).not.toBeNull()
    cleanup()
    view = viewAfter([{ type: "incoming", callId: "a1", number: "+33144319244" }, { type: "answered", callId: "a1" }, { type: "ended", callId: "a1", reason: "hangup-remote" }])
    expect(shown()).not.toBeNull()
  })

  it("is not shown beside a missed call, nor an outgoing call nobody answered: there was no one to talk to", () => {
    view = viewAfter([{ type: "incoming", callId: "m1", number: "+33144319244" }, { type: "ended", callId: "m1", reason: "cancelled" }])
    expect(shown()).toBeNull()
    cleanup()
    view = viewAfter([{ type: "outgoing", callId: "o1", number: "+33199000486" }, { type: "ended", callId: "o1", reason: "busy" }])
    expect(shown()).toBeNull()
  })
})

describe("the script a card asked for, without a call", () => {
  const { writtenPhones: _w, ...raw } = generateCustomers({ count: 1 })[0]!
  const customer = Customer.parse(raw)

  it("gives the facts of the invoice it was opened for from the dunning list, not the customer's most overdue one", async () => {
    card = { customer, contactId: null, at: 1, invoice: { number: "FAC-2026-00095", remainingCents: 82_505, dueDate: "2026-11-14", daysOverdue: 23 } }
    render(<I18nextProvider i18n={createI18n("fr")}><CallScriptPanel /></I18nextProvider>)
    fireEvent.click(await screen.findByRole("button", { name: /^(En ligne|On the line)/ }))
    const facts = await screen.findByText(/FAC-2026-00095/)
    expect(facts.textContent).toMatch(/23 (jours|days)/)
    expect(document.body.textContent).not.toContain("FAC-2026-00062")
  })

  it("gives the most overdue invoice's facts when the card named none", async () => {
    card = { customer, contactId: null, at: 1 }
    render(<I18nextProvider i18n={createI18n("fr")}><CallScriptPanel /></I18nextProvider>)
    fireEvent.click(await screen.findByRole("button", { name: /^(En ligne|On the line)/ }))
    expect((await screen.findByText(/FAC-2026-00062/)).textContent).toMatch(/170 (jours|days)/)
  })
})
