// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, waitFor } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { openQuoteForm } from "~src/features/quotes/open-quote-form"

import { SoftphonePage } from "./softphone-page"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 5 }).map(({ writtenPhones: _w, ...c }) => c)[0])
const contact = customer.contacts[0]!
const number = contact.phones[0] ?? "+33612345678"
const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined })
const context = { customer, agentName: "Claire Martin", today: "2026-12-05", validityDays: 30, sellerProblems: [], risk: null, teamMembers: [] }

/** The softphone tab during a call from the customer (the state the background publishes); its answers, recorded. */
function stubChrome(language: "en" | "fr" = "en") {
  const now = Date.now()
  const call = { id: "call-1", direction: "inbound", number, displayName: "", phase: "in-call", muted: false, onHold: false, startedAt: now - 30_000, answeredAt: now - 25_000, endedAt: null, endReason: null }
  const view = {
    state: { provider: "sip", registration: "registered", error: null, call, reconnectAttempt: 0 },
    caller: { callId: call.id, number, candidates: [customer], customerId: customer.id, contactId: contact.id },
    capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
    configured: true,
    lastCall: null,
    updatedAt: now + 60_000
  }
  const asked: string[] = []
  const answers: Record<string, unknown> = { "softphone/state": view, "quotes/handoff": { handoff: { context, pricing: null } }, "quotes/context": context, "pricing/get": { pricing: null } }
  vi.stubGlobal("chrome", {
    runtime: {
      id: "abcdefghijklmnopabcdefghijklmnop",
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`,
      sendMessage: vi.fn(async ({ type }: { type: string }) => {
        asked.push(type)
        return type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" }
      }),
      onMessage: listeners()
    },
    storage: { local: { get: async () => ({ settings: { language } }) }, session: { get: async () => ({}) }, onChanged: listeners() }
  })
  return asked
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  history.replaceState(null, "", location.pathname)
})

const callerCard = () => document.querySelector(`[data-comptoir="caller-card"][data-customer-code="${customer.code}"]`)
const form = () => document.querySelector('[data-comptoir="softphone-quote"] [data-comptoir="quote-form"]')
/** What the caller card's New quote runs on the agent's click (a test's click is not trusted: the card ignores it). */
const clickNewQuote = () => act(async () => void (await openQuoteForm(customer.id, contact.id, "call-1")))

describe("New quote in the softphone tab", () => {
  it("draws the form filled for the caller in the same tab, beside the call, and asks for no workspace tab", async () => {
    const asked = stubChrome()
    render(<SoftphonePage />)
    await waitFor(() => expect(callerCard()).not.toBeNull())
    await clickNewQuote()
    await waitFor(() => expect(form()).not.toBeNull())
    expect(form()!.textContent).toContain(customer.company)
    expect(form()!.querySelector('[data-comptoir="quote-from-call"]')?.getAttribute("data-call-id")).toBe("call-1")
    expect(asked).not.toContain("workspace/open")
    // The call stays on screen, its controls at hand.
    expect(document.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("in-call")
    expect(callerCard()!.closest("[hidden]")).toBeNull()
  })

  it("keeps typing not saved unless the agent lets it go, and Back returns to the call as it was", async () => {
    stubChrome()
    render(<SoftphonePage />)
    await waitFor(() => expect(callerCard()).not.toBeNull())
    await clickNewQuote()
    await waitFor(() => expect(form()).not.toBeNull())
    const notes = form()!.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!
    fireEvent.change(notes, { target: { value: "Delivery before Friday" } })
    const back = () => document.querySelector<HTMLButtonElement>('[data-comptoir="softphone-quote-back"]')!
    expect(back().textContent).toBe("← Back to the call")
    const confirm = vi.fn(() => false)
    vi.stubGlobal("confirm", confirm)
    await act(async () => undefined)
    fireEvent.click(back())
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(confirm).toHaveBeenCalledWith("Close this quote? What is not saved will be lost.")
    expect(form()).not.toBeNull()
    expect(form()!.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!.value).toBe("Delivery before Friday")
    // A second New quote asks too, and keeps the draft when refused.
    await clickNewQuote()
    expect(confirm).toHaveBeenCalledTimes(2)
    expect(form()!.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!.value).toBe("Delivery before Friday")
    confirm.mockReturnValue(true)
    fireEvent.click(back())
    await waitFor(() => expect(form()).toBeNull())
    expect(location.hash).toBe("")
    expect(callerCard()).not.toBeNull()
    expect(document.querySelector('[data-comptoir="softphone"]')?.getAttribute("data-state")).toBe("in-call")
  })

  it("asks an agent whose interface is in French, in French, before Back loses their typing", async () => {
    stubChrome("fr")
    render(<SoftphonePage />)
    await waitFor(() => expect(callerCard()).not.toBeNull())
    await clickNewQuote()
    await waitFor(() => expect(form()).not.toBeNull())
    fireEvent.change(form()!.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')!, { target: { value: "Livraison avant vendredi" } })
    const confirm = vi.fn(() => false)
    vi.stubGlobal("confirm", confirm)
    await act(async () => undefined)
    fireEvent.click(document.querySelector<HTMLButtonElement>('[data-comptoir="softphone-quote-back"]')!)
    expect(confirm.mock.calls).toEqual([["Fermer ce devis ? Ce qui n'est pas enregistré sera perdu."]])
    expect(form()).not.toBeNull()
  })

  it("asks before a second New quote replaces a form whose only work is a ref typed in Add a line, and keeps it when refused", async () => {
    stubChrome()
    render(<SoftphonePage />)
    await waitFor(() => expect(callerCard()).not.toBeNull())
    await clickNewQuote()
    await waitFor(() => expect(form()).not.toBeNull())
    const add = () => form()!.querySelector<HTMLInputElement>('[data-comptoir="quote-line-add"]')!
    fireEvent.change(add(), { target: { value: "cafe en grain" } })
    const confirm = vi.fn(() => false)
    vi.stubGlobal("confirm", confirm)
    await act(async () => undefined)
    await clickNewQuote()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(add().value).toBe("cafe en grain")
    // Let go: the next New quote starts blank.
    confirm.mockReturnValue(true)
    await clickNewQuote()
    expect(confirm).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(add().value).toBe(""))
  })
})
