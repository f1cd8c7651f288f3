// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { SidePanelApp } from "./side-panel-app"

const listeners = () => ({ addListener: () => undefined, removeListener: () => undefined })

/** The side panel beside one tab showing `url` (no panel of ours published anything for it). */
function stubChrome(url: string) {
  const tab = { id: 7, title: "Comptoir", url, active: true }
  vi.stubGlobal("chrome", {
    runtime: { id: "abcdefghijklmnopabcdefghijklmnop", getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p}`, sendMessage: vi.fn(async () => ({ ok: false, error: "offline" })), openOptionsPage: () => undefined },
    tabs: { getCurrent: async () => undefined, query: async () => [tab], get: async () => tab, onActivated: listeners(), onUpdated: listeners(), onRemoved: listeners() },
    windows: { getCurrent: async () => ({ id: 1 }) },
    storage: { local: { get: async () => ({ settings: { language: "en" } }) }, session: { get: async () => ({}) }, onChanged: listeners() }
  })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the side panel beside a tab", () => {
  it("beside Comptoir's own workspace, does not tell the agent to enable Comptoir on that page", async () => {
    stubChrome("chrome-extension://abcdefghijklmnopabcdefghijklmnop/tabs/workspace.html#/customers/demo-000001")
    render(<SidePanelApp />)
    expect(await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "side-panel-own-page")).toBeTruthy()
    expect(document.querySelector('[data-comptoir="side-panel-inactive"]')).toBeNull()
    expect(document.body.textContent).not.toMatch(/Enable it|does not work on this page/i)
  })

  it("beside a web page Comptoir does not run on, still says how to enable it", async () => {
    stubChrome("https://crm.example.com/contacts")
    render(<SidePanelApp />)
    expect(await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "side-panel-inactive")).toBeTruthy()
  })
})
