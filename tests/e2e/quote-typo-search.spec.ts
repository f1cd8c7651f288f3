import { join, resolve } from "node:path"

import { expect, test } from "@playwright/test"

import { demoTeamCustomers, quoteSpecWorld } from "./quote-world"

// The user walk of 6 Dec (branch user6b): "chiar" found no chair, and a free line's empty price was in error at once.
const { world } = quoteSpecWorld("comptoir-e2e-quote-typo-", () => undefined)
const shots = resolve("test-results/quote-typo-search")
const english = demoTeamCustomers().find((c) => c.language === "en" && c.contacts.length > 0)!

test("a word typed with two letters swapped still offers the product, and a free line waits for its price before any error", async () => {
  const { context, extensionId } = world()
  const page = await context.newPage()
  await page.setViewportSize({ width: 1100, height: 760 })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/quotes/new?customer=${english.id}`)
  const form = page.locator('[data-comptoir="quote-form"]')
  await expect(form).toBeVisible()
  const add = form.locator('[data-comptoir="quote-line-add"]')
  await add.fill("chiar")
  // The demo catalog's chair, REF-1004 "Ergonomic office chair".
  await expect(form.locator('[data-comptoir="quote-product-option"]').first()).toHaveAttribute("data-ref", "REF-1004")
  await page.screenshot({ path: join(shots, "chiar-finds-the-chair.png") })
  await add.fill("")

  await add.fill("Express delivery on Saturday")
  await expect(form.locator('[data-comptoir="quote-product-option"]')).toHaveCount(0)
  await add.press("Enter")
  const price = form.locator('[name="lines.0.unitPrice"]')
  await expect(price).toHaveValue("")
  // The form checks the new line at once; what it shows waits for the agent (a field typed in or left, or a save).
  await page.waitForTimeout(300)
  await expect(price).toHaveAttribute("aria-invalid", "false")
  await expect(form.locator('[data-comptoir="field-error"]')).toHaveCount(0)
  await page.screenshot({ path: join(shots, "free-line-no-error-yet.png") })
  await form.locator('[data-comptoir="quote-save"]').click()
  await expect(price).toHaveAttribute("aria-invalid", "true")
  await expect(form.locator('[data-comptoir="field-error"]')).toHaveCount(1)
  await page.close()
})
