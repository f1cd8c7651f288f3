import { writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Browser, Page } from "puppeteer-core"
import type { DemoCustomer } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"
import en from "~src/i18n/locales/en.json"
import fr from "~src/i18n/locales/fr.json"

import { LAB_AGENT1 } from "../telephony-lab/lab"
import { openExtensionPageShowing } from "./launch"

// What the Firefox softphone tests (softphone.spec.ts, restart.spec.ts) both do with the dock and its forms.

/** The dock showing `state` (its `data-state`), within `timeout` ms. */
export const dockIn = (page: Page, state: string, timeout = 20_000) =>
  page.waitForSelector(`[data-comptoir="softphone"][data-state="${state}"]`, { timeout })

/** The dock in a new tab of `browser`, on the popup's page, once it shows. */
export async function openDock(browser: Browser): Promise<Page> {
  const page = await browser.newPage()
  await openExtensionPageShowing(page, "popup.html", '[data-comptoir="softphone"]')
  return page
}

/** `read` again every 250 ms until `ok`, or its last value once `timeout` ms are over (the caller's expect says why). */
export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout: number): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Types `value` over what the field held (a triple click selects it). */
export async function fill(page: Page, selector: string, value: string) {
  const input = await page.waitForSelector(selector)
  await input!.click({ count: 3 })
  await input!.type(value)
}

/**
 * The agent's set-up in the options page, as an agent does it: `customers` imported from a CSV file (written in
 * `workDir`), then the softphone on the lab's first SIP account, saved.
 */
export async function setUpAgent(browser: Browser, workDir: string, customers: DemoCustomer[]) {
  const page = await browser.newPage()
  const input = await openExtensionPageShowing(page, "options.html", 'input[type=file][data-comptoir="import-customers"]')
  const csv = join(workDir, "clients.csv")
  writeFileSync(csv, demoCustomersCsv(customers), "utf8")
  await input.uploadFile(csv)
  await (await page.waitForSelector('[data-comptoir="import-confirm"]'))!.click()
  await page.waitForSelector('[data-comptoir="import-result"]', { timeout: 30_000 })
  await page.select('select[name="softphone.provider"]', "sip")
  for (const [key, value] of Object.entries(LAB_AGENT1)) await fill(page, `input[name="sip.${key}"]`, value)
  await (await page.waitForSelector('[data-comptoir="sip-save"]'))!.click()
  await page.waitForSelector('::-p-xpath(//*[@data-comptoir="sip-message"][contains(., "Saved")])', { timeout: 20_000 })
  await page.close()
}

/**
 * Signs in to the team server at `url` from the options page, in a new tab, as a user does (demo password), and
 * waits for the first sync to finish; returns that tab, left open on the options page.
 */
export async function signInFromOptions(browser: Browser, url: string, email: string): Promise<Page> {
  const options = await browser.newPage()
  await openExtensionPageShowing(options, "options.html", '[data-comptoir="team-sign-in"]')
  await fill(options, '[data-comptoir="team-server-url"]', url)
  await fill(options, '[data-comptoir="team-email"]', email)
  await fill(options, '[data-comptoir="team-password"]', "comptoir-demo")
  await (await options.waitForSelector('[data-comptoir="team-sign-in"]'))!.click()
  const signedIn = await options.waitForSelector('[data-comptoir="team-signed-in"]', { timeout: 20_000 })
  const who = await signedIn!.evaluate((e) => e.textContent ?? "")
  if (!who.includes(email)) throw new Error(`signed in as "${who}", not ${email}`)
  // Done is a sync finished with no pull under way ("nothing to send" alone shows during the first pull too), in
  // the words of either interface language: a French browser's Comptoir speaks French from the start, and the
  // English words alone timed out there (walk21ff, Firefox with French as its language).
  const done = [en, fr].map((l) => `${l.sync.status.lastSynced.replace("{{time}}", ".*")} · ${l.sync.status.upToDate}`)
  await options.waitForFunction(
    (patterns: string[]) =>
      patterns.some((p) => new RegExp(p).test(document.querySelector('[data-comptoir="sync-status"]')?.textContent ?? "")) && !document.querySelector('[data-comptoir="sync-progress"]'),
    { timeout: 60_000, polling: 200 },
    done
  )
  return options
}
