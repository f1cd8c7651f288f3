// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { AppShell } from "~src/ui/app-shell"

import { CustomersSection } from "./customers-section"

const [opened, other] = generateCustomers({ count: 2, seed: 11 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c)) as [Customer, Customer]

function stubChrome() {
  const sendMessage = vi.fn(async (m: { type: string; payload: { ids?: string[] } }) => {
    if (m.type === "customers/recent") return { ok: true, data: { customers: [opened, other] } }
    if (m.type === "customers/get") return { ok: true, data: { customers: [opened, other].filter((c) => m.payload.ids?.includes(c.id)) } }
    return { ok: false, error: "unexpected" }
  })
  vi.stubGlobal("chrome", {
    runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the workspace's Customers section", () => {
  it("shows the customer it opened once, at the right: its line in the list stays one line, outlined", async () => {
    stubChrome()
    render(
      <AppShell>
        <CustomersSection path={[opened.id]} />
      </AppShell>
    )
    await waitFor(() => expect(document.querySelectorAll('.c-workspace-list [data-comptoir="customer-card"]')).toHaveLength(2))
    const list = document.querySelector(".c-workspace-list") as HTMLElement
    const detail = document.querySelector(".c-workspace-detail") as HTMLElement
    await within(detail).findByText(opened.company)
    expect(screen.getAllByText(opened.company)).toHaveLength(2)
    const line = list.querySelector(`[data-customer-code="${opened.code}"]`) as HTMLElement
    expect(line.getAttribute("data-highlight")).toBe("true")
    expect(line.getAttribute("data-compact")).toBe("true")
    // The card's details (its New quote button, its contacts) are in the detail pane only.
    expect(document.querySelectorAll('[data-comptoir="quote-new"]')).toHaveLength(1)
    expect(within(detail).queryByRole("button", { name: "New quote" })).toBeTruthy()

    // Another line clicked opens that customer; the list does not unfold it under the click either.
    const otherLine = list.querySelector(`[data-customer-code="${other.code}"]`) as HTMLElement
    fireEvent.click(otherLine)
    expect(location.hash).toContain(encodeURIComponent(other.id))
    expect(otherLine.getAttribute("data-compact")).toBe("true")
  })
})
