import { join, resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { demoTeamCustomers, overLimitCustomer, quoteSpecWorld } from "./quote-world"

/**
 * New quote from the side panel (issue #10): the form drawn in the side panel itself, no tab opened. Headless
 * Chromium shows no side panel: its page is opened as a tab at a side panel's width, where it follows the web tab
 * used last (side-panel.spec.ts). Signed in to the demo team's server, which numbers the quote.
 */
test.describe.configure({ mode: "serial" })

const shots = resolve("test-results/side-panel-quote")

const customers = demoTeamCustomers()
const overLimit = overLimitCustomer(customers)
const email = overLimit.contacts[0]!.emails[0]!
const { world } = quoteSpecWorld("comptoir-e2e-side-quote-", (site) =>
  site.route("/crm/contact", `<!doctype html><html lang="fr"><head><title>Contact</title></head><body><main><h1>${overLimit.company}</h1><p>Contact : <a href="mailto:${email}">${email}</a></p></main></body></html>`)
)

async function addProduct(side: Page, typed: string, ref: string): Promise<void> {
  const add = side.locator('[data-comptoir="quote-line-add"]')
  await add.fill(typed)
  await expect(side.locator('[data-comptoir="quote-product-option"]').first()).toHaveAttribute("data-ref", ref)
  await add.press("Enter")
}

/** Elements of the side panel's form that stick out of the panel's width, by their hook or tag. */
async function cutOff(side: Page): Promise<string[]> {
  return side.locator('[data-comptoir="side-panel-quote"]').evaluate((root) => {
    const right = document.documentElement.clientWidth
    return [...root.querySelectorAll("input, select, textarea, button, td, th, h1, p")]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && (box.right > right + 0.5 || box.left < -0.5)
      })
      .map((el) => el.getAttribute("data-comptoir") ?? el.getAttribute("name") ?? el.tagName.toLowerCase())
  })
}

test("New quote on the side panel's card: the filled form in the side panel, a line added, issued, its number shown; no tab opened", async () => {
  const { context, extensionId, site } = world()
  const crm = await context.newPage()
  await crm.goto(`${site.origin}/crm/contact`)
  await expect(crm.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${overLimit.code}"]`).first()).toBeVisible({ timeout: 15_000 })

  const side = await context.newPage()
  await side.setViewportSize({ width: 400, height: 900 })
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  const card = side.locator(`[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"][data-customer-code="${overLimit.code}"]`)
  await expect(card).toBeVisible({ timeout: 15_000 })
  await card.click()
  const pagesBefore = context.pages().length
  await card.locator('[data-comptoir="quote-new"]').click()

  const form = side.locator('[data-comptoir="side-panel-quote"] [data-comptoir="quote-form"]')
  await expect(form).toBeVisible({ timeout: 10_000 })
  // Filled for that customer, with its risk in words; the cards hidden meanwhile.
  await expect(form).toContainText(overLimit.company)
  await expect(form.locator('[name="language"]')).toHaveValue(overLimit.language)
  await expect(form.locator('[name="contactId"]')).toHaveValue(overLimit.contacts[0]!.id)
  await expect(form.locator('[data-comptoir="risk"]')).toHaveAttribute("data-level", "blocked")
  await expect(card).toBeHidden()
  expect(context.pages().length).toBe(pagesBefore)
  expect(context.pages().some((p) => p.url().includes("/tabs/workspace.html"))).toBe(false)

  await addProduct(side, "cafe en grain", "REF-1006")
  await form.locator('[name="lines.0.quantity"]').fill("3")
  // 3 × 18,90 = 56,70 € at 5.5 %: VAT 3,1185 → 3,12.
  await expect(form.locator('[data-comptoir="total-excl-vat"]')).toHaveAttribute("data-cents", "5670")
  await expect(form.locator('[data-comptoir="total-vat"]')).toHaveAttribute("data-cents", "312")
  await expect(form.locator('[data-comptoir="total-incl-vat"]')).toHaveAttribute("data-cents", "5982")
  // At a side panel's 400 px, nothing of the form sticks out sideways (the lines are stacked, not a wide table).
  expect(await cutOff(side)).toEqual([])
  expect(await side.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  await side.screenshot({ path: join(shots, "side-panel-quote-form.png"), fullPage: true })

  await form.locator('[data-comptoir="quote-issue"]').click()
  const numberEl = form.locator('[data-comptoir="document-number"]')
  await expect(numberEl).toHaveAttribute("data-numbered", "true", { timeout: 15_000 })
  expect((await numberEl.textContent())!.trim()).toMatch(/^DEV-\d{4}-\d{5}$/)
  await expect(form.locator('[data-comptoir="quote-pdf"]')).toBeVisible()
  await expect(form.locator('[data-comptoir="quote-copy"]')).toBeVisible()
  expect(await cutOff(side)).toEqual([])
  await side.screenshot({ path: join(shots, "side-panel-quote-issued.png"), fullPage: true })

  // The PDF downloads from the side panel too.
  const download = side.waitForEvent("download")
  await form.locator('[data-comptoir="quote-pdf"]').click()
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/)

  // The wide view: the workspace opens at the saved quote.
  const opened = context.waitForEvent("page")
  await side.locator('[data-comptoir="side-panel-quote-workspace"]').click()
  const workspace = await opened
  await expect(workspace.locator('[data-comptoir="document-number"]')).toHaveText((await numberEl.textContent())!.trim(), { timeout: 10_000 })
  await workspace.close()

  // Back to the card, as it was left.
  await side.locator('[data-comptoir="side-panel-quote-back"]').click()
  await expect(card).toBeVisible()
  await expect(side.locator('[data-comptoir="side-panel-quote"]')).toHaveCount(0)
  await side.close()
  await crm.close()
})
