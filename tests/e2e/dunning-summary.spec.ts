import { expect, test, type Page } from "@playwright/test"

import { signedInAgent, workspace } from "./demo-server"

test.describe.configure({ mode: "serial" })

const agent = signedInAgent("dunsum")

type Row = { id: string; language: "fr" | "en"; dunning: { due: string | null; reached: string | null; direct: string | null } | null }
const dunning = async (page: Page) =>
  ((await page.evaluate(() => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind: "dunning", limit: 1000 } }))) as { data: { rows: Row[] } }).data.rows

// The walk of 7 Dec (walk16): under a stage filter the summary read « 3 factures en retard », as if there were no others;
// the English formal notice greeted "Dear David Thornton," and closed "Kind regards," like the friendly nudge.
test("the dunning list says what it shows of all under a filter, and an English customer's formal notice reads as a letter of demand", async () => {
  const p = agent()
  await workspace(p, "dunning")
  const rows = await dunning(p.page)
  const summary = p.page.locator('[data-comptoir="dunning-summary"]')
  await expect(summary).toHaveText(new RegExp(`^${rows.length} overdue invoices, €[\\d,.]+ in all$`))
  await p.page.locator('[data-comptoir="dunning-show"]').selectOption("formal-notice")
  const formal = rows.filter((r) => r.dunning?.reached === "formal-notice")
  await expect(summary).toHaveText(new RegExp(`^${formal.length} of ${rows.length} overdue invoices shown: €[\\d,.]+$`))
  await expect(p.page.locator('[data-comptoir="dunning-row"]')).toHaveCount(formal.length)

  const english = formal.find((r) => r.language === "en")!
  const row = p.page.locator(`[data-comptoir="dunning-row"][data-id="${english.id}"]`)
  await row.locator(english.dunning?.direct === "formal-notice" ? '[data-comptoir="dunning-open-direct"]' : '[data-comptoir="dunning-open"]').click()
  const letter = p.page.locator('[data-comptoir="reminder-panel"][data-level="formal-notice"] [data-comptoir="reminder-body"]')
  await expect(letter).toHaveText(/^Dear Sir or Madam,\n\nWe hereby give you formal notice to pay, within 8 days of this letter, the sum of €[\d,.]+ due under invoice FAC-/)
  await expect(letter).toHaveText(/Failing payment within that time, we will start recovery proceedings for this debt, plus late-payment penalties and the €40 fixed compensation for recovery costs\.\n\nYours faithfully,\n\n/)
  await p.page.screenshot({ path: "test-results/walk16-dunning-formal-en.png", fullPage: true })

  await p.page.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: "fr" } })
  })
  await p.page.reload()
  await p.page.locator('[data-comptoir="dunning-show"]').selectOption("formal-notice")
  await expect(summary).toHaveText(new RegExp(`^${formal.length} factures en retard affichées sur ${rows.length} : [\\d\\s\\u202f,]+\\s€$`))
  await p.page.screenshot({ path: "test-results/walk16-dunning-summary-fr.png" })
  await p.page.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: null } })
  })
})
