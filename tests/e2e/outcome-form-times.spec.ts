import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext } from "@playwright/test"

import { readCustomerId } from "../extension-page"
import { e2eCustomers, ensureImported } from "./dataset"
import { expect, launchWithExtension, test as shared } from "./fixtures"

/**
 * The outcome form's times in the interface's convention whatever the browser's (walk21ff: Firefox drew
 * `<input type="time">` as a 12-hour AM/PM field for a French agent): typed as text on the 24-hour clock, written
 * back as HH:MM, and the call's start and the reminder written as the rest of the dock writes a date and time.
 * A profile of its own: the calls logged here would stay in the worker's next spec file's profile.
 */
const test = shared.extend<object, { extContext: BrowserContext }>({
  extContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-outcome-times-"))
      const context = await launchWithExtension(dir)
      await use(context)
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: "worker" }
  ]
})

const customers = e2eCustomers().slice(0, 20)

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})

const LANGUAGES = [
  { lang: "fr", label: "Heure (24 h)", start: / · \d{2}\/\d{2}\/\d{4} 09:15 · 6:30$/, reminder: "Rappel prévu le 04/03/2031 14:30." },
  { lang: "en", label: "Time (24-hour)", start: / · \d{1,2} [A-Z][a-z]{2} \d{4}, 09:15 · 6:30$/, reminder: "Reminder to call back on 4 Mar 2031, 14:30." }
] as const

for (const { lang, label, start, reminder } of LANGUAGES) {
  test(`in ${lang === "fr" ? "French" : "English"}, the call-back's time is typed on the 24-hour clock and the form's dates read as the dock's`, async ({ extContext, extensionId }) => {
    const page = await extContext.newPage()
    await page.setViewportSize({ width: 900, height: 900 })
    await page.goto(`chrome-extension://${extensionId}/options.html`)
    await page.evaluate(async (language) => {
      const { settings } = await chrome.storage.local.get("settings")
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
    }, lang)
    const id = await page.evaluate(readCustomerId, customers[lang === "fr" ? 3 : 4]!.code)
    await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls/log/${encodeURIComponent(id)}`)
    const form = page.locator('[data-comptoir="outcome-form"]')
    await form.locator('select[name="outcome"]').selectOption("call-back")
    const time = form.locator('input[name="callback.time"]')
    await expect(time).toHaveAttribute("type", "text")
    await expect(form.locator('[data-comptoir="outcome-callback"] label').nth(1)).toHaveText(label)
    await form.locator('input[name="callback.date"]').fill("2031-03-04")
    await time.fill("14h30")
    await time.press("Tab")
    await expect(time).toHaveValue("14:30")
    // The call's start: the day in the date input (yesterday: 09:15 today may be ahead), the time typed as text ("915" is 09:15).
    expect(await form.locator('input[name="startedAt.day"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const yesterday = new Date(Date.now() - 86_400_000)
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`
    await form.locator('input[name="startedAt.day"]').fill(day)
    await form.locator('input[name="startedAt.time"]').fill("915")
    await form.locator('input[name="startedAt.time"]').press("Tab")
    await expect(form.locator('input[name="startedAt.time"]')).toHaveValue("09:15")
    await form.locator('input[name="duration"]').fill("6:30")
    await expect(form.locator('[data-comptoir="outcome-call-details"] summary')).toHaveText(start)
    await form.screenshot({ path: `test-results/outcome-times-${lang}.png` })
    await form.locator('[data-comptoir="outcome-save"]').click()
    await expect(page.locator('[data-comptoir="outcome-saved"]')).toContainText(reminder)
    await page.close()
  })
}
