import type { Browser, Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { grantActiveTabAsTheToolbarClickDoes } from "./toolbar"
import { launchFirefox, openExtensionPageShowing, startFixtureSite, type FixtureSite, type LaunchedFirefox } from "./launch"

/**
 * The popup's site toggle in Firefox ESR: a CRM the user enables from the popup gets Comptoir on the page open in
 * front, without a reload; disabled, its pages are left alone again. The popup is its page opened in a tab of the
 * same window, behind the CRM's tab when it reads which site is in front (as the real popup does over it), in front
 * for the click (Firefox grants a permission only from a user's click). The CRM's name resolves to this machine for
 * this browser only (`network.dns.localDomains`); Firefox's permission prompt is answered yes by its test pref.
 */

const CRM_HOST = "crm.comptoir.test"
const PHONE = "+33142685300"
/** The toggle's Disable button, shown once the site is enabled. */
const DISABLE = '[data-comptoir="site-toggle"] p > button.c-button-secondary'

let firefox: LaunchedFirefox
let browser: Browser
let site: FixtureSite

beforeAll(async () => {
  ;[firefox, site] = await Promise.all([launchFirefox({ "network.dns.localDomains": CRM_HOST, "extensions.webextOptionalPermissionPrompts": false }), startFixtureSite()])
  browser = firefox.browser
  site.route("/contacts", `<!doctype html><meta charset="utf-8"><title>CRM</title><table><tr><td>Boulangerie Martin</td><td>01 42 68 53 00</td></tr></table>`)
})

afterAll(async () => {
  await firefox?.close()
  await site?.close()
})

const crmUrl = () => `http://${CRM_HOST}:${new URL(site.origin).port}/contacts`
const hasOverlay = (page: Page) => page.evaluate(() => document.getElementById("comptoir-overlay") !== null)
const decorated = (page: Page) => page.$$eval(`[data-comptoir-phone="${PHONE}"]`, (els) => els.length)

/**
 * The positive signal before an absence: the same page on a site the manifest grants (127.0.0.1), opened after the
 * page under test, gets its number decorated: Comptoir is running, and would have decorated the other by then.
 */
async function decoratedOnAGrantedSite(): Promise<void> {
  const control = await browser.newPage()
  await control.goto(`${site.origin}/contacts`)
  await control.waitForSelector(`[data-comptoir-phone="${PHONE}"]`, { timeout: 20_000 })
  await control.close()
}

/**
 * The popup's page, (re)loaded behind `front`, so that it reads `front` as the site in front, with what the toolbar
 * click that opens the real popup grants on it.
 */
async function popupOver(front: Page, popup: Page | null, shows: string): Promise<Page> {
  popup ??= await browser.newPage()
  await front.bringToFront()
  expect(await grantActiveTabAsTheToolbarClickDoes(browser)).toBe(front.url())
  await openExtensionPageShowing(popup, "popup.html", '[data-comptoir="site-toggle"]')
  // Polled: a tab behind another gets no animation frames, which a selector's wait may count on.
  const seen = await popup
    .waitForFunction((s: string) => document.querySelector(s) !== null, { timeout: 10_000, polling: 100 }, shows)
    .then(() => null)
    .catch(() => popup!.$eval('[data-comptoir="site-toggle"]', (e) => e.textContent))
  if (seen !== null) throw new Error(`the popup's site toggle shows "${seen}", not ${shows}`)
  await popup.bringToFront()
  return popup
}

describe("the popup's site toggle in Firefox ESR", () => {
  it("enables Comptoir on a CRM from the popup: the page in front gets it at once; disabled, the CRM's pages are left alone", async () => {
    const crm = await browser.newPage()
    await crm.goto(crmUrl())
    await decoratedOnAGrantedSite()
    expect(await hasOverlay(crm)).toBe(false)
    expect(await decorated(crm)).toBe(0)

    const popup = await popupOver(crm, null, '[data-comptoir="enable-site"]')
    const enable = await popup.$('[data-comptoir="enable-site"]')
    expect(await enable!.evaluate((e) => e.textContent)).toBe(`Enable Comptoir on ${CRM_HOST}`)
    await enable!.click()
    // Started in the open page, no reload: its number decorated, the overlay there.
    await crm.waitForFunction((p: string) => document.querySelector(`[data-comptoir-phone="${p}"]`) !== null, { timeout: 10_000, polling: 100 }, PHONE).catch(async (e: unknown) => {
      throw new Error(`not started on the CRM; the popup says "${await popup.$eval('[data-comptoir="site-toggle"]', (f) => f.textContent)}" (${String(e)})`)
    })
    expect(await hasOverlay(crm)).toBe(true)
    // And on the CRM's next page load, by the script registered for the site.
    await crm.reload()
    await crm.waitForSelector(`[data-comptoir-phone="${PHONE}"]`, { timeout: 20_000 })
    expect(await hasOverlay(crm)).toBe(true)

    await popupOver(crm, popup, DISABLE)
    expect(await popup.$eval('[data-comptoir="site-toggle"]', (e) => e.textContent)).toContain(`Comptoir is enabled on ${CRM_HOST}.`)
    const disable = await popup.$(DISABLE)
    expect(await disable!.evaluate((e) => e.textContent)).toBe("Disable")
    await disable!.click()
    // The permission given back: the popup over the CRM offers to enable it again.
    await popupOver(crm, popup, '[data-comptoir="enable-site"]')
    await crm.reload()
    await decoratedOnAGrantedSite()
    expect(await hasOverlay(crm)).toBe(false)
    expect(await decorated(crm)).toBe(0)
    await popup.close()
    await crm.close()
  })
})
