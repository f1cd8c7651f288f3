import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"

import { expect, type BrowserContext } from "@playwright/test"

const FIXTURES = resolve("tests/fixtures/orders")

/**
 * The order corpus's customers and catalog (tests/fixtures/orders) imported from the options page, as an agent
 * would: the base the order-capture specs read their mails against.
 */
export async function importOrdersBase(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: readFileSync(join(FIXTURES, "customers.csv")) })
  await page.locator('[data-comptoir="import-confirm"]').first().click()
  await page.locator('[data-comptoir="import-result"]').first().waitFor({ timeout: 30_000 })
  await page.locator('input[type=file][data-comptoir="import-products"]').setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: readFileSync(join(FIXTURES, "products.csv")) })
  await page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-confirm"]').click()
  await expect(page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-result"]')).toHaveAttribute("data-records", /\d+/)
  await page.close()
}
