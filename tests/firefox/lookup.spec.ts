import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import type { Browser, Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { ADDON_ID, launchFirefox, openExtensionPageShowing, startFixtureSite, waitInOverlay, type FixtureSite, type LaunchedFirefox } from "./launch"

const customers = generateCustomers({ count: 120, seed: 2026 })
const fr = customers.filter((c) => c.country === "FR")

let firefox: LaunchedFirefox
let browser: Browser
let site: FixtureSite
let workDir = ""

beforeAll(async () => {
  // The screenshots' folder (a fresh checkout running only this file has none).
  mkdirSync("test-results", { recursive: true })
  firefox = await launchFirefox()
  browser = firefox.browser
  workDir = firefox.workDir
  expect(firefox.addonId).toBe(ADDON_ID)
  site = await startFixtureSite()
})

/** The tab opened since `before` was taken (none within 10 s: throws). */
async function newPage(before: Set<Page>): Promise<Page> {
  for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const page = (await browser.pages()).find((p) => !before.has(p))
    if (page) return page
  }
  throw new Error("no new tab opened")
}

afterAll(async () => {
  await firefox?.close()
  await site?.close()
})

describe("the Firefox build in Firefox ESR", () => {
  it("imports customers from its options page, then decorates a page's numbers and shows the customer's card", async () => {
    const page = await browser.newPage()
    // Awaited by what it shows, its import field: its load event never reached the test, which waited out 10 s for it.
    const input = await openExtensionPageShowing(page, "options.html", 'input[type=file][data-comptoir="import-customers"]')
    // Firefox treats MV3 host permissions as optional: the built-in sites (webmail, localhost) must be granted.
    const granted = await page.evaluate(async () => {
      const manifest = chrome.runtime.getManifest()
      return chrome.permissions.contains({ origins: manifest.host_permissions ?? [] })
    })
    expect(granted).toBe(true)
    const csv = join(workDir, "clients.csv")
    writeFileSync(csv, demoCustomersCsv(customers), "utf8")
    await input.uploadFile(csv)
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

  it("hands a card's New quote to the workspace tab already open (no new tab), unless its form holds typing not saved: then a new tab", async () => {
    const customer = fr[9]!
    const workspace = await browser.newPage()
    await openExtensionPageShowing(workspace, "tabs/workspace.html#/customers", '[data-comptoir="workspace"][data-section="customers"]')
    site.route("/crm", `<!doctype html><html lang="fr"><meta charset="utf-8"><title>CRM</title><body><p>Rappeler ${customer.code}.</p></body></html>`)
    const crm = await browser.newPage()
    await crm.goto(`${site.origin}/crm`)
    await crm.waitForSelector(`[data-comptoir-code="${customer.code}"]`, { timeout: 20_000 })
    const card = await waitInOverlay(crm, `[data-comptoir="customer-card"][data-customer-code="${customer.code}"]`)
    const tabs = (await browser.pages()).length
    await (await card.waitForSelector('[data-comptoir="quote-new"]'))!.click()
    const form = await workspace.waitForSelector('[data-comptoir="quote-form"]', { timeout: 10_000 })
    expect(await workspace.evaluate(() => location.hash)).toMatch(/^#\/quotes\/new\?customer=[^&]+$/)
    expect(await form!.evaluate((e) => e.textContent)).toContain(`${customer.company} · ${customer.code}`)
    // That tab is brought to the front, over the card's page, and no other tab opened.
    expect(await workspace.evaluate(() => document.visibilityState)).toBe("visible")
    expect(await crm.evaluate(() => document.visibilityState)).toBe("hidden")
    expect((await browser.pages()).length).toBe(tabs)

    // Typing not saved yet in that form: the next New quote leaves it alone and opens in a new tab.
    const terms = await workspace.waitForSelector('[name="termsDays"]')
    await terms!.click({ count: 3 })
    await terms!.type("45")
    await crm.bringToFront()
    const before = new Set(await browser.pages())
    await (await card.waitForSelector('[data-comptoir="quote-new"]'))!.click()
    // Found as the page that was not there (its URL may read about:blank over BiDi until it is evaluated).
    const second = await newPage(before)
    await second.waitForSelector('[data-comptoir="quote-form"]', { timeout: 10_000 })
    expect(await second.evaluate(() => location.hash)).toMatch(/^#\/quotes\/new\?customer=[^&]+$/)
    expect((await browser.pages()).length).toBe(tabs + 1)
    expect(await terms!.evaluate((e) => (e as HTMLInputElement).value)).toBe("45")
    await second.close()
    await crm.close()
    await workspace.close()
  })
})
