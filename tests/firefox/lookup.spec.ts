import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import puppeteer, { type Browser, type Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

// Debian's Firefox ESR driven over WebDriver BiDi (puppeteer-core, no downloaded browser), with the Firefox build
// (`npm run build:firefox`) installed as a temporary add-on, the way a developer loads it from about:debugging.

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr"
const BUILD = resolve(process.env.COMPTOIR_FIREFOX_BUILD ?? "build/firefox-mv3-prod")
const ADDON_ID = "comptoir@comptoir.example"
/** Fixed through the profile's prefs, so the tests know the add-on's moz-extension:// origin (random otherwise). */
const ADDON_UUID = "0c0ffee0-4c1e-4e2e-9a57-6f1c2a4e3d9b"

const customers = generateCustomers({ count: 120, seed: 2026 })
const fr = customers.filter((c) => c.country === "FR")

let browser: Browser
let server: Server
let origin = ""
let workDir = ""
const routes = new Map<string, string>()

async function waitInOverlay(page: Page, selector: string) {
  // The panel mounts in an open shadow root: `>>>` pierces it.
  return page.waitForSelector(`#comptoir-overlay >>> ${selector}`, { timeout: 20_000 })
}

/**
 * An extension page in the tab. The navigation's load event may not reach WebDriver BiDi for a page of the
 * extension's process, so the page is awaited by its content instead (each caller waits for its own element).
 */
async function openExtensionPage(page: Page, path: string): Promise<void> {
  try {
    await page.goto(`moz-extension://${ADDON_UUID}/${path}`, { waitUntil: "domcontentloaded", timeout: 10_000 })
  } catch (e) {
    if (!(e instanceof Error) || e.name !== "TimeoutError") throw e
  }
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr (npm test's preflight installs it)`)
  if (!existsSync(join(BUILD, "manifest.json"))) throw new Error(`${BUILD} is missing: npm run build:firefox`)
  workDir = mkdtempSync(join(tmpdir(), "comptoir-firefox-"))
  server = createServer((req, res) => {
    const body = routes.get(new URL(req.url ?? "/", "http://x").pathname)
    if (body === undefined) res.writeHead(404).end("not found")
    else res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const a = server.address()
  origin = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`

  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages (the options page) without this test-only flag.
    args: ["--remote-allow-system-access"],
    userDataDir: join(workDir, "profile"),
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      "intl.locale.requested": "en-US",
      // Keep the browser off the network (the equivalent of the Chromium flags in tests/e2e/launch.ts).
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "extensions.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false
    }
  })
  const id = await browser.installExtension(BUILD)
  expect(id).toBe(ADDON_ID)
})

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((ok) => server?.close(ok))
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

describe("the Firefox build in Firefox ESR", () => {
  it("imports customers from its options page, then decorates a page's numbers and shows the customer's card", async () => {
    const page = await browser.newPage()
    await openExtensionPage(page, "options.html")
    const input = await page.waitForSelector('input[type=file][data-comptoir="import-customers"]', { timeout: 20_000 })
    // Firefox treats MV3 host permissions as optional: the built-in sites (webmail, localhost) must be granted.
    const granted = await page.evaluate(async () => {
      const manifest = chrome.runtime.getManifest()
      return chrome.permissions.contains({ origins: manifest.host_permissions ?? [] })
    })
    expect(granted).toBe(true)
    const csv = join(workDir, "clients.csv")
    writeFileSync(csv, demoCustomersCsv(customers), "utf8")
    await input!.uploadFile(csv)
    await (await page.waitForSelector('[data-comptoir="import-confirm"]'))!.click()
    await page.waitForSelector('[data-comptoir="import-result"]', { timeout: 30_000 })
    await page.screenshot({ path: join("test-results", "firefox-options-import.png") })

    const target = fr[7]!
    const written = target.writtenPhones[0]![0]!
    const e164 = target.contacts[0]!.phones[0]!
    const email = target.contacts[0]!.emails[0]!
    routes.set(
      "/note",
      `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Fiche</title><body>
<h1>Rappel</h1><p>Rappeler ${target.code} au ${written} (${email}) avant le 05/12/2026, commande de 1 240,00 € HT.</p>
<p>SIRET 732 829 320 00074</p></body></html>`
    )
    await page.goto(`${origin}/note`)
    await page.waitForSelector(`[data-comptoir-phone="${e164}"]`, { timeout: 20_000 })
    await page.waitForSelector(`[data-comptoir-email="${email}"]`)
    const card = await waitInOverlay(page, `[data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
    expect(await card!.evaluate((e) => e.textContent)).toContain(target.company)
    // Only the real number: the date, the amount and the SIRET are left alone.
    const phones = await page.$$eval("[data-comptoir-phone]", (els) => [...new Set(els.map((e) => e.getAttribute("data-comptoir-phone")))])
    expect(phones).toEqual([e164])
    await page.screenshot({ path: join("test-results", "firefox-lookup.png") })
    await page.close()
  })
})
