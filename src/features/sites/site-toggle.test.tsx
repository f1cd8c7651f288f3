// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { SiteToggle } from "./site-toggle"

const MANIFEST = {
  host_permissions: ["https://mail.google.com/*", "http://localhost/*"],
  content_scripts: [{ matches: ["https://mail.google.com/*"], js: ["lookup.1234.js"], css: [] }]
}

/** The popup's browser, on a tab at `url`, holding the origins in `granted` and answering prompts with `answer`. */
function stubBrowser(url: string, granted: Set<string>, answer: boolean, overlayInPage = false, background: unknown = { ok: true, data: { ok: true } }) {
  const request = vi.fn(async ({ origins }: { origins: string[] }) => {
    if (answer) for (const o of origins) granted.add(o)
    return answer
  })
  const executeScript = vi.fn(async (details: { func?: () => unknown; files?: string[] }) => (details.func ? [{ result: overlayInPage }] : [{ result: undefined }]))
  const sendMessage = vi.fn(async () => background)
  vi.stubGlobal("chrome", {
    tabs: { query: async () => [{ id: 7, url }] },
    runtime: { getManifest: () => MANIFEST, sendMessage },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)), request },
    scripting: { executeScript }
  })
  return { request, executeScript, sendMessage }
}

function renderToggle(language: "fr" | "en" = "en") {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <SiteToggle />
    </I18nextProvider>
  )
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the popup's site toggle", () => {
  it("says Comptoir is active on a built-in webmail whose access the browser grants", async () => {
    stubBrowser("https://mail.google.com/mail/u/0/#inbox", new Set(["https://mail.google.com/*"]), true)
    renderToggle()
    expect(await screen.findByText("Comptoir is active on mail.google.com.")).toBeTruthy()
    expect(screen.queryByRole("button")).toBeNull()
  })

  it("notices a built-in webmail whose access the user withheld, asks for it again, and starts the lookup in the tab", async () => {
    const granted = new Set<string>()
    const { request, executeScript } = stubBrowser("https://mail.google.com/mail/u/0/#inbox", granted, true)
    renderToggle()
    expect(await screen.findByText(/withhold Comptoir's access to mail\.google\.com/)).toBeTruthy()
    fireEvent.click(screen.getByRole("button", { name: "Allow Comptoir on mail.google.com" }))
    expect(await screen.findByText("Comptoir is active on mail.google.com.")).toBeTruthy()
    expect(request).toHaveBeenCalledWith({ origins: ["https://mail.google.com/*"] })
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 7 }, files: ["lookup.1234.js"] })
  })

  it("does not start a second overlay in a tab where the browser already ran the lookup once granted", async () => {
    const { executeScript } = stubBrowser("https://mail.google.com/mail/u/0/", new Set<string>(), true, true)
    renderToggle()
    fireEvent.click(await screen.findByRole("button", { name: "Allow Comptoir on mail.google.com" }))
    expect(await screen.findByText("Comptoir is active on mail.google.com.")).toBeTruthy()
    expect(executeScript).toHaveBeenCalledTimes(1)
    expect(executeScript.mock.calls[0]![0]).not.toHaveProperty("files")
  })

  it("says so, in French, when the user refuses the prompt again, and starts nothing", async () => {
    const { executeScript } = stubBrowser("https://mail.google.com/mail/u/0/", new Set<string>(), false)
    renderToggle("fr")
    fireEvent.click(await screen.findByRole("button", { name: "Autoriser Comptoir sur mail.google.com" }))
    expect(await screen.findByText("Le navigateur n'a pas accordé l'accès à ce site.")).toBeTruthy()
    expect(executeScript).not.toHaveBeenCalled()
    expect(screen.getByRole("button", { name: "Autoriser Comptoir sur mail.google.com" })).toBeTruthy()
  })

  it("offers to enable a CRM the user never granted, through the background", async () => {
    const { sendMessage } = stubBrowser("https://crm.example.com/deals/1", new Set<string>(), true)
    renderToggle()
    fireEvent.click(await screen.findByRole("button", { name: "Enable Comptoir on crm.example.com" }))
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith({ type: "sites/enable", payload: { pattern: "https://crm.example.com/*", tabId: 7 } }))
  })

  it("says why when the background could not enable the site, instead of a click that does nothing", async () => {
    const refusal = { ok: false, error: 'Type error for parameter scripts (String "moz-extension://x/lookup.1.js" must be a relative URL)' }
    stubBrowser("https://crm.example.com/deals/1", new Set<string>(), true, false, refusal)
    renderToggle()
    fireEvent.click(await screen.findByRole("button", { name: "Enable Comptoir on crm.example.com" }))
    expect(await screen.findByText(/^Could not start on this site: sites\/enable: Type error for parameter scripts/)).toBeTruthy()
  })
})
