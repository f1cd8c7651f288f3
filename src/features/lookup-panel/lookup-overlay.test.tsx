// @vitest-environment jsdom
import { act, cleanup, fireEvent, render } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { BASE_PROFILE_KEY } from "~src/domain/detect/base-profile"
import type { CustomerMatch, RequestOf } from "~src/messaging/contract"

import { LookupOverlay } from "./lookup-overlay"

const customer = (id: string, code: string, company: string, phone: string) =>
  Customer.parse({
    id,
    code,
    company,
    country: "FR",
    language: "fr",
    contacts: [{ id: `${id}-p`, firstName: "Léa", lastName: "Martin", phones: [phone], emails: [] }],
    createdAt: 1,
    updatedAt: 1
  })
const cave = customer("c1", "C-00012", "Cave Saint-Jean", "+33123456789")
const port = customer("c2", "ZQ-4417", "Papeterie du Port", "+33198765432")

/** chrome.storage.local and chrome.runtime as the content script sees them, the background answering lookups. */
function stubChrome(initial: Record<string, unknown>) {
  const store: Record<string, unknown> = { ...initial }
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>()
  const lookups: RequestOf<"lookup/match">[] = []
  const get = async (keys?: string | string[] | null) => {
    if (keys == null) return { ...store }
    const out: Record<string, unknown> = {}
    for (const k of typeof keys === "string" ? [keys] : keys) if (k in store) out[k] = store[k]
    return out
  }
  const set = async (items: Record<string, unknown>) => {
    Object.assign(store, items)
    const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]))
    for (const l of listeners) l(changes, "local")
  }
  const sendMessage = vi.fn(async (message: { type: string; payload: unknown }) => {
    if (message.type !== "lookup/match") return { ok: false, error: "not in this test" }
    const req = message.payload as RequestOf<"lookup/match">
    lookups.push(req)
    const matches: CustomerMatch[] = []
    if (req.phones.includes("+33123456789")) matches.push({ customer: cave, matchedBy: "phone", matchedValues: ["+33123456789"] })
    if (req.codes.includes("ZQ-4417")) matches.push({ customer: port, matchedBy: "code", matchedValues: ["ZQ-4417"] })
    return { ok: true, data: { matches } }
  })
  vi.stubGlobal("chrome", {
    storage: { local: { get, set }, onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) } },
    runtime: { sendMessage, onMessage: { addListener: () => undefined, removeListener: () => undefined } }
  })
  return { set, lookups }
}

beforeEach(() => {
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      disconnect() {}
    }
  )
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

/** The page: a customer's view (removed later), a code of a shape the base does not have yet, and the overlay's host. */
function page(): HTMLElement {
  const parsed = new DOMParser().parseFromString(
    `<body><div id="view"><p>Standard : 01 23 45 67 89</p></div><p>Référence fournisseur ZQ-4417</p><div id="comptoir-overlay"></div></body>`,
    "text/html"
  )
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)))
  return document.getElementById("comptoir-overlay")!
}

const codesIn = (root: Element, selector: string) => [...root.querySelectorAll(`${selector} [data-comptoir="customer-card"]`)].map((e) => e.getAttribute("data-customer-code"))

describe("the in-page panel across a change of the base profile", () => {
  it("keeps 'Seen recently' and finds a new code shape on the page, without scanning it all again", async () => {
    const chrome = stubChrome({ [BASE_PROFILE_KEY]: { countries: ["FR"], codeShapes: [] } })
    const host = page()
    const { container } = render(<LookupOverlay />, { container: host })
    await vi.waitFor(() => expect(codesIn(container, '[data-comptoir="on-page"]')).toEqual(["C-00012"]), { timeout: 5000, interval: 5 })
    expect(document.querySelector('[data-comptoir-code="ZQ-4417"]')).toBeNull()

    // The customer's view goes (a route change): its card moves under "Seen recently"; the panel, now without a
    // card on the page, is opened from its badge.
    act(() => document.getElementById("view")!.remove())
    await vi.waitFor(() => expect(container.querySelector('[data-comptoir="panel"]')?.getAttribute("data-collapsed")).toBe("true"), { timeout: 5000, interval: 5 })
    fireEvent.click(container.querySelector('[data-comptoir="panel-toggle"]')!)
    await vi.waitFor(() => expect(codesIn(container, '[data-comptoir="recent"]')).toEqual(["C-00012"]), { timeout: 5000, interval: 5 })
    const askedBefore = chrome.lookups.flatMap((r) => [...r.phones, ...r.codes])

    // An import or a team sync: the background writes the base's new profile, with a new code shape.
    await act(() => chrome.set({ [BASE_PROFILE_KEY]: { countries: ["FR"], codeShapes: ["ZQ-\\d{4}"] } }))
    await vi.waitFor(() => expect(document.querySelector('[data-comptoir-code="ZQ-4417"]')).not.toBeNull(), { timeout: 5000, interval: 5 })
    await vi.waitFor(() => expect(codesIn(container, '[data-comptoir="on-page"]')).toEqual(["ZQ-4417"]), { timeout: 5000, interval: 5 })
    expect(codesIn(container, '[data-comptoir="recent"]')).toEqual(["C-00012"])
    // Only the new value was asked: what the page had was not looked up again.
    expect(chrome.lookups.flatMap((r) => [...r.phones, ...r.codes])).toEqual([...askedBefore, "ZQ-4417"])
  })
})

describe("a click on a number of the page that no customer has", () => {
  it("opens the panel saying so, with Call and New customer for that number", async () => {
    stubChrome({ [BASE_PROFILE_KEY]: { countries: ["FR"], codeShapes: [] } })
    const host = page()
    const line = document.createElement("p")
    line.textContent = "Livraisons : 04 72 10 20 30"
    document.getElementById("view")!.append(line)
    const { container } = render(<LookupOverlay />, { container: host })
    await vi.waitFor(() => expect(document.querySelector('[data-comptoir-phone="+33472102030"]')).not.toBeNull(), { timeout: 5000, interval: 5 })
    fireEvent.click(document.querySelector('[data-comptoir-phone="+33472102030"]')!)
    await vi.waitFor(() => expect(container.querySelector('[data-comptoir="number-unknown"]')).not.toBeNull(), { timeout: 5000, interval: 5 })
    const unknown = container.querySelector('[data-comptoir="number-unknown"]')!
    expect(container.querySelector('[data-comptoir="panel"]')?.getAttribute("data-collapsed")).toBe("false")
    expect(unknown.textContent).toContain("04 72 10 20 30 is not in the base.")
    expect(unknown.querySelector('[data-comptoir="call"]')?.getAttribute("data-number")).toBe("+33472102030")
    fireEvent.click(unknown.querySelector('[data-comptoir="new-customer"]')!)
    const sent = vi.mocked(chrome.runtime.sendMessage).mock.calls.map(([m]) => m as unknown as { type: string; payload: unknown })
    expect(sent.filter((m) => m.type === "workspace/open").map((m) => m.payload)).toEqual([{ path: "customers/new?phone=%2B33472102030" }])
  })
})
