// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DocumentsBlock } from "./documents-block"

const summary = {
  openQuotes: { count: 2, cents: 150_000 },
  openOrders: { count: 0, cents: 0 },
  unpaidInvoices: { count: 3, cents: 420_050 },
  overdueInvoices: { count: 1, cents: 120_000, maxDays: 42 }
}

function stubChrome(reply: unknown) {
  const sendMessage = vi.fn(async () => reply)
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return sendMessage
}

// Unmounted after each test: a card left mounted from an earlier test would share the page's one watch of the
// documents' counter and read its figures again too.
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the card's documents block", () => {
  it("asks the background for this customer's summary and shows each count with its amount", async () => {
    const sendMessage = stubChrome({ ok: true, data: summary })
    const i18n = createI18n("en")
    render(<DocumentsBlock customerId="cust-7" t={i18n.t.bind(i18n) as never} locale="en" />)
    const overdue = await screen.findByText("1 overdue invoice")
    expect(sendMessage).toHaveBeenCalledWith({ type: "documents/summary", payload: { customerId: "cust-7" } })
    expect(overdue.closest("li")!.textContent).toContain("€1,200.00 · 42 days late")
    expect(within(screen.getByText("3 unpaid invoices").closest("li")!).getByText("€4,200.50")).toBeTruthy()
    expect(screen.getByText("2 open quotes").closest("li")!.textContent).toContain("€1,500.00")
    // Nothing open: the count says 0 and no amount follows.
    expect(screen.getByText("0 open orders").closest("li")!.textContent).toBe("0 open orders ")
  })

  it("shows nothing rather than a wrong block when the reply is malformed", async () => {
    stubChrome({ ok: true, data: { openQuotes: 2 } })
    const i18n = createI18n("fr")
    const { container } = render(<DocumentsBlock customerId="cust-7" t={i18n.t.bind(i18n) as never} locale="fr" />)
    await vi.waitFor(() => expect(container.innerHTML).toBe(""))
  })

  it("reads the figures again when a document or payment was written", async () => {
    let listener: ((changes: Record<string, { newValue?: unknown }>, area: string) => void) | undefined
    const sendMessage = vi.fn(async () => ({ ok: true, data: summary }))
    vi.stubGlobal("chrome", {
      runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` },
      storage: { local: { get: async () => ({}) }, onChanged: { addListener: (fn: typeof listener) => (listener = fn), removeListener: () => undefined } }
    })
    const i18n = createI18n("en")
    render(<DocumentsBlock customerId="cust-7" t={i18n.t.bind(i18n) as never} locale="en" />)
    await screen.findByText("2 open quotes")
    // The agent sends a third quote from the form over this card: the background bumps the documents' counter.
    sendMessage.mockResolvedValue({ ok: true, data: { ...summary, openQuotes: { count: 3, cents: 212_257 } } })
    act(() => listener?.({ "documents.generation": { newValue: 1 } }, "local"))
    expect((await screen.findByText("3 open quotes")).closest("li")!.textContent).toContain("€2,122.57")
    expect(sendMessage).toHaveBeenCalledTimes(2)
  })
})
