// @vitest-environment jsdom
import { cleanup, render, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { SidePanelApp } from "./side-panel-app"

// Records when the quote editor's module is evaluated (the real module is still used).
const editorLoaded = vi.hoisted(() => vi.fn())
vi.mock("~src/features/quotes/in-place-quote", async (importOriginal) => {
  editorLoaded()
  return await importOriginal()
})

const customer = Customer.parse(generateCustomers({ count: 1, seed: 5 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined })

/** The side panel beside a CRM tab whose in-page panel shows `matches`. */
function stubChrome(matches: unknown[]) {
  const tab = { id: 7, title: "CRM", url: "https://crm.example.com/contacts/1", active: true }
  const view = { tabId: 7, url: tab.url, at: 1, title: "CRM", total: matches.length, matches }
  vi.stubGlobal("chrome", {
    runtime: {
      id: "abcdefghijklmnopabcdefghijklmnop",
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
      sendMessage: vi.fn(async () => ({ ok: false, error: "not in this test" })),
      openOptionsPage: () => undefined,
      onMessage: listeners()
    },
    tabs: { getCurrent: async () => undefined, query: async () => [tab], get: async () => tab, onActivated: listeners(), onUpdated: listeners(), onRemoved: listeners() },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, session: { get: async (key: string) => ({ [key]: view }) }, onChanged: listeners() }
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const empty = () => document.querySelector('[data-comptoir="side-panel-empty"]')
const card = () => document.querySelector(`[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"][data-customer-code="${customer.code}"]`)

// In this order: the module, once evaluated, stays so for the file.
describe("the side panel's quote editor", () => {
  it("is not loaded while the side panel shows no card", async () => {
    stubChrome([])
    render(<SidePanelApp />)
    await waitFor(() => expect(empty()).not.toBeNull())
    await new Promise((ok) => setTimeout(ok, 50))
    expect(editorLoaded).not.toHaveBeenCalled()
  })

  it("starts loading once a card with New quote shows", async () => {
    stubChrome([{ customer, matchedBy: "email", matchedValues: [customer.contacts[0]?.emails[0] ?? "x@example.com"] }])
    render(<SidePanelApp />)
    await waitFor(() => expect(card()).not.toBeNull())
    expect(card()!.querySelector('[data-comptoir="quote-new"]')).not.toBeNull()
    await waitFor(() => expect(editorLoaded).toHaveBeenCalledTimes(1))
  })
})
