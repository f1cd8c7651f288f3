import { writeFileSync } from "node:fs"
import { join } from "node:path"

import type { Browser } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { ADDON_ID, launchFirefox, openExtensionPage, startFixtureSite, waitInOverlay, type FixtureSite, type LaunchedFirefox } from "./launch"

const customers = generateCustomers({ count: 120, seed: 2026 })
const fr = customers.filter((c) => c.country === "FR")

let firefox: LaunchedFirefox
let browser: Browser
let site: FixtureSite
let workDir = ""

beforeAll(async () => {
  firefox = await launchFirefox()
  browser = firefox.browser
  workDir = firefox.workDir
  expect(firefox.addonId).toBe(ADDON_ID)
  site = await startFixtureSite()
})

afterAll(async () => {
  await firefox?.close()
  await site?.close()
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
    site.route(
      "/note",
      `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Fiche</title><body>
<h1>Rappel</h1><p>Rappeler ${target.code} au ${written} (${email}) avant le 05/12/2026, commande de 1 240,00 € HT.</p>
<p>SIRET 732 829 320 00074</p></body></html>`
    )
    await page.goto(`${site.origin}/note`)
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
