// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { BASE_PROFILE_KEY } from "~src/domain/detect/base-profile"
import type { CustomerMatch, RequestOf } from "~src/messaging/contract"

import { LookupOverlay } from "./lookup-overlay"

/** A CRM's list of 1,234 customers, one Paris number each: the panel finds them all. */
const MANY = 1234
const shownPhone = (i: number) => `01 4${String(i).padStart(7, "0")}`.replace(/^(\d\d \d)(\d)(\d\d)(\d\d)(\d\d)$/, "$1$2 $3 $4 $5")

/** chrome.storage.local with the UI language, and the background answering each number with its customer. */
function stubChrome(language: "fr" | "en") {
  const store: Record<string, unknown> = { [BASE_PROFILE_KEY]: { countries: ["FR"], codeShapes: [] }, settings: { language } }
  const sendMessage = vi.fn(async (message: { type: string; payload: unknown }) => {
    if (message.type !== "lookup/match") return { ok: false, error: "not in this test" }
    const matches: CustomerMatch[] = (message.payload as RequestOf<"lookup/match">).phones.map((phone) => ({
      customer: Customer.parse({
        id: `c${phone}`,
        code: `C${phone.slice(3)}`,
        company: `Client ${phone}`,
        country: "FR",
        language: "fr",
        contacts: [{ id: `p${phone}`, firstName: "Léa", lastName: "Martin", phones: [phone], emails: [] }],
        createdAt: 1,
        updatedAt: 1
      }),
      matchedBy: "phone",
      matchedValues: [phone]
    }))
    return { ok: true, data: { matches } }
  })
  const get = async (keys?: string | string[] | null) =>
    keys == null ? { ...store } : Object.fromEntries((typeof keys === "string" ? [keys] : keys).filter((k) => k in store).map((k) => [k, store[k]]))
  vi.stubGlobal("chrome", {
    storage: { local: { get, set: async () => undefined }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    runtime: { sendMessage, onMessage: { addListener: () => undefined, removeListener: () => undefined } }
  })
}

function listPage(): HTMLElement {
  const rows = Array.from({ length: MANY }, (_, i) => `<tr><td>Client ${i}</td><td>${shownPhone(i)}</td></tr>`).join("")
  const parsed = new DOMParser().parseFromString(`<body><table>${rows}</table><div id="comptoir-overlay"></div></body>`, "text/html")
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)))
  return document.getElementById("comptoir-overlay")!
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

const badge = (root: HTMLElement) => root.querySelector('[data-comptoir="match-count"]')?.textContent

describe("the panel's count of customers found on a page", () => {
  it("groups its digits as the rest of the interface does: 1 234 in French", async () => {
    stubChrome("fr")
    const { container } = render(<LookupOverlay />, { container: listPage() })
    await vi.waitFor(() => expect(badge(container)).toBe("1\u202f234"), { timeout: 30_000, interval: 20 })
  }, 40_000)

  it("and 1,234 in English", async () => {
    stubChrome("en")
    const { container } = render(<LookupOverlay />, { container: listPage() })
    await vi.waitFor(() => expect(badge(container)).toBe("1,234"), { timeout: 30_000, interval: 20 })
  }, 40_000)
})
