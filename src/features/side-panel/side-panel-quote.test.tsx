// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { openQuoteForm } from "~src/features/quotes/open-quote-form"

import { SidePanelApp } from "./side-panel-app"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 5 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined })
const context = { customer, agentName: "Claire Martin", today: "2026-12-05", validityDays: 30, sellerProblems: [], risk: null, teamMembers: [] }

/** The side panel beside a CRM tab whose in-page panel shows the customer's card; the background's answers, recorded. */
function stubChrome() {
  const tab = { id: 7, title: "CRM", url: "https://crm.example.com/contacts/1", active: true }
  const view = { tabId: 7, url: tab.url, at: 1, title: "CRM", total: 1, matches: [{ customer, matchedBy: "email", matchedValues: [customer.contacts[0]?.emails[0] ?? "x@example.com"] }] }
  const asked: string[] = []
  const answers: Record<string, unknown> = { "quotes/handoff": { handoff: { context, pricing: null } }, "quotes/context": context, "pricing/get": { pricing: null } }
  vi.stubGlobal("chrome", {
    runtime: {
      id: "abcdefghijklmnopabcdefghijklmnop",
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
      sendMessage: vi.fn(async ({ type }: { type: string }) => {
        asked.push(type)
        return type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" }
      }),
      openOptionsPage: () => undefined,
      onMessage: listeners()
    },
    tabs: { getCurrent: async () => undefined, query: async () => [tab], get: async () => tab, onActivated: listeners(), onUpdated: listeners(), onRemoved: listeners() },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, session: { get: async (key: string) => ({ [key]: view }) }, onChanged: listeners() }
  })
  return asked
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  history.replaceState(null, "", location.pathname)
})

const card = () => document.querySelector(`[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"][data-customer-code="${customer.code}"]`)
const form = () => document.querySelector('[data-comptoir="side-panel-quote"] [data-comptoir="quote-form"]')

describe("New quote from the side panel", () => {
  it("draws the form filled for the customer in the side panel, in place of the cards, and asks for no workspace tab", async () => {
    const asked = stubChrome()
    render(<SidePanelApp />)
    await waitFor(() => expect(card()).not.toBeNull())
    // What the card's button runs on the agent's click (a test's click is not trusted: the card ignores it).
    let opened: { ok: boolean } | undefined
    await act(async () => {
      opened = await openQuoteForm(customer.id)
    })
    expect(opened?.ok).toBe(true)
    await waitFor(() => expect(form()).not.toBeNull())
    expect(form()!.textContent).toContain(customer.company)
    expect(form()!.querySelector('[data-comptoir="total-incl-vat"]')?.getAttribute("data-cents")).toBe("0")
    expect(asked).not.toContain("workspace/open")
    // The cards stay mounted, hidden, for Back.
    expect(card()!.closest("[hidden]")).not.toBeNull()
  })

  it("goes back to the cards, and the wide view opens the workspace at the quote's route", async () => {
    const asked = stubChrome()
    render(<SidePanelApp />)
    await waitFor(() => expect(card()).not.toBeNull())
    await act(async () => void (await openQuoteForm(customer.id)))
    await waitFor(() => expect(form()).not.toBeNull())
    fireEvent.click(screen.getByText("Open in the workspace"))
    await waitFor(() => expect(asked).toContain("workspace/open"))
    fireEvent.click(screen.getByText("← Back to the cards"))
    await waitFor(() => expect(form()).toBeNull())
    expect(card()!.closest("[hidden]")).toBeNull()
    expect(location.hash).toBe("")
  })
})
