import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import type { Browser } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { fill } from "./helpers"
import { launchFirefox, openExtensionPageShowing, type LaunchedFirefox } from "./launch"

/**
 * The outcome form's times in a Firefox ESR with no French language pack (its own locale en-US), the interface in
 * French and in English (walk21ff): `<input type="time">` was a 12-hour AM/PM field there whatever Comptoir's language;
 * the times are now text on the 24-hour clock, read and written back as HH:MM.
 */
const customers = generateCustomers({ count: 20, seed: 2026 })

let firefox: LaunchedFirefox
let browser: Browser

beforeAll(async () => {
  mkdirSync("test-results", { recursive: true })
  firefox = await launchFirefox()
  browser = firefox.browser
  const page = await browser.newPage()
  const input = await openExtensionPageShowing(page, "options.html", 'input[type=file][data-comptoir="import-customers"]')
  const csv = join(firefox.workDir, "clients.csv")
  writeFileSync(csv, demoCustomersCsv(customers), "utf8")
  await input.uploadFile(csv)
  await (await page.waitForSelector('[data-comptoir="import-confirm"]'))!.click()
  await page.waitForSelector('[data-comptoir="import-result"]', { timeout: 30_000 })
  await page.close()
})

afterAll(async () => {
  await firefox?.close()
})

const LANGUAGES = [
  { lang: "fr", label: "Heure (24 h)", start: / · \d{2}\/\d{2}\/\d{4} 09:15 · 6:30$/ },
  { lang: "en", label: "Time (24-hour)", start: / · \d{1,2} [A-Z][a-z]{2} \d{4}, 09:15 · 6:30$/ }
] as const

describe("the outcome form's times in Firefox ESR without a French language pack", () => {
  for (const { lang, label, start } of LANGUAGES) {
    it(`reads and writes them on the 24-hour clock in ${lang === "fr" ? "French" : "English"}, never as AM/PM`, async () => {
      const page = await browser.newPage()
      await page.setViewport({ width: 900, height: 900 })
      await openExtensionPageShowing(page, "options.html", 'input[type=file][data-comptoir="import-customers"]')
      const id = await page.evaluate(async (language: string, code: string) => {
        const { settings } = await chrome.storage.local.get("settings")
        await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
        const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [code] } })) as { data: { matches: { customer: { id: string } }[] } }
        return r.data.matches[0]!.customer.id
      }, lang, customers[lang === "fr" ? 2 : 3]!.code)
      const form = await openExtensionPageShowing(page, `tabs/workspace.html#/calls/log/${encodeURIComponent(id)}`, '[data-comptoir="outcome-form"]')
      await page.select('[data-comptoir="outcome-form"] select[name="outcome"]', "call-back")
      const time = '[data-comptoir="outcome-form"] input[name="callback.time"]'
      await page.waitForSelector(time)
      expect(await page.$eval(time, (e) => (e as HTMLInputElement).type)).toBe("text")
      expect(await page.$$eval('[data-comptoir="outcome-callback"] label', (ls) => ls.map((l) => l.textContent))).toContain(label)
      await fill(page, time, "14h30")
      await page.keyboard.press("Tab")
      expect(await page.$eval(time, (e) => (e as HTMLInputElement).value)).toBe("14:30")
      const startTime = '[data-comptoir="outcome-form"] input[name="startedAt.time"]'
      await fill(page, startTime, "915")
      await page.keyboard.press("Tab")
      expect(await page.$eval(startTime, (e) => (e as HTMLInputElement).value)).toBe("09:15")
      await fill(page, '[data-comptoir="outcome-form"] input[name="duration"]', "6:30")
      expect(await page.$eval('[data-comptoir="outcome-call-details"] summary', (e) => e.textContent)).toMatch(start)
      await form.screenshot({ path: join("test-results", `firefox-outcome-times-${lang}.png`) })
      await page.close()
    })
  }
})
