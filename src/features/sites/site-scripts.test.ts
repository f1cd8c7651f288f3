import { afterEach, describe, expect, it, vi } from "vitest"

import { enableSite, startLookupIn } from "./site-scripts"

vi.mock("~src/features/settings/settings-store", () => ({ loadSettings: async () => ({ enabledSites: [] }) }))
vi.mock("~src/features/settings/settings-save", () => ({ saveSettings: async () => undefined }))

/**
 * Firefox's `runtime.getManifest()` gives the content scripts' files as full moz-extension:// URLs (Chrome gives
 * the manifest's own relative paths), and its `scripting` API refuses anything but a path in the package.
 */
function firefoxBrowser() {
  const origin = "moz-extension://0c0ffee0-4c1e-4e2e-9a57-6f1c2a4e3d9b"
  const relative = (files: string[]) => {
    for (const f of files) if (/^[a-z-]+:/.test(f)) throw new Error(`Type error for parameter scripts (String "${f}" must be a relative URL)`)
  }
  const registerContentScripts = vi.fn(async (scripts: { js: string[]; css: string[] }[]) => void scripts.forEach((s) => (relative(s.js), relative(s.css))))
  const executeScript = vi.fn(async (details: { func?: () => unknown; files?: string[] }) => {
    relative(details.files ?? [])
    return [{ result: details.func ? false : undefined }]
  })
  vi.stubGlobal("chrome", {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ["http://127.0.0.1/*"], js: [`${origin}/lookup.62463da7.js`], css: [`${origin}/lookup.3f1.css`] }] }) },
    permissions: { contains: async () => true },
    scripting: { getRegisteredContentScripts: async () => [], registerContentScripts, executeScript }
  })
  return { registerContentScripts, executeScript }
}

afterEach(() => vi.unstubAllGlobals())

describe("a site enabled at run time, in Firefox", () => {
  it("registers the lookup's content script by its paths in the package, and starts it in the open tab", async () => {
    const { registerContentScripts, executeScript } = firefoxBrowser()
    expect(await enableSite("http://crm.example.test/*", 7)).toEqual({ ok: true })
    expect(registerContentScripts).toHaveBeenCalledWith([expect.objectContaining({ matches: ["http://crm.example.test/*"], js: ["lookup.62463da7.js"], css: ["lookup.3f1.css"] })])
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 7 }, files: ["lookup.62463da7.js"] })
  })

  it("starts the lookup in a tab by the script's path in the package", async () => {
    const { executeScript } = firefoxBrowser()
    expect(await startLookupIn(3)).toEqual({ ok: true })
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 3 }, files: ["lookup.62463da7.js"] })
  })
})
