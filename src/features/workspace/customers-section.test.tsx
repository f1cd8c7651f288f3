// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { AppShell } from "~src/ui/app-shell"

import { CustomersSection } from "./customers-section"

const [opened, other] = generateCustomers({ count: 2, seed: 11 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c)) as [Customer, Customer]

function stubChrome(base: Customer[] = [opened, other], found: Customer[] = []) {
  const sendMessage = vi.fn(async (m: { type: string; payload: { ids?: string[]; offset?: number; limit?: number } }) => {
    if (m.type === "customers/list") return { ok: true, data: { customers: base.slice(m.payload.offset ?? 0, (m.payload.offset ?? 0) + (m.payload.limit ?? 50)), total: base.length } }
    if (m.type === "search/query") return { ok: true, data: { customers: found, indexSize: base.length } }
    if (m.type === "customers/get") return { ok: true, data: { customers: [opened, other].filter((c) => m.payload.ids?.includes(c.id)) } }
    return { ok: false, error: "unexpected" }
  })
  vi.stubGlobal("chrome", {
    runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } }
  })
  return sendMessage
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

  it("opens on the customers of the base, A to Z, 50 at a time, and the search box narrows them to what it finds", async () => {
    const many = generateCustomers({ count: 60, seed: 5 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c))
    const sendMessage = stubChrome(many, [many[7]!])
    render(
      <AppShell>
        <CustomersSection path={[]} />
      </AppShell>
    )
    const lines = () => [...document.querySelectorAll('.c-workspace-list [data-comptoir="customer-card"]')].map((e) => e.getAttribute("data-customer-code"))
    await waitFor(() => expect(lines()).toHaveLength(50))
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("All customers, A to Z (60)")
    expect(sendMessage).toHaveBeenCalledWith({ type: "customers/list", payload: { offset: 0, limit: 50 } })
    fireEvent.click(screen.getByRole("button", { name: "Show 10 more" }))
    await waitFor(() => expect(lines()).toHaveLength(60))
    expect(lines()).toEqual(many.map((c) => c.code))
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull()

    fireEvent.change(screen.getByRole("searchbox"), { target: { value: many[7]!.company } })
    await waitFor(() => expect(lines()).toEqual([many[7]!.code]))
  })

  it("says so when the base has no customer yet", async () => {
    stubChrome([])
    render(
      <AppShell>
        <CustomersSection path={[]} />
      </AppShell>
    )
    expect((await screen.findByText("No customer in the base yet.")).getAttribute("data-comptoir")).toBe("customers-empty")
  })
})
