import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext } from "@playwright/test"

import { generateCustomers } from "~src/domain/demo/demo-data"

import { ensureImported } from "./dataset"
import { expect, launchWithExtension, test as shared } from "./fixtures"
import { crmPage, crmRows } from "./pages"

/** A profile of its own: its base of 1,100 customers would stay in the profile the worker's next spec file gets. */
const test = shared.extend<object, { extContext: BrowserContext }>({
  extContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-panel-count-"))
      const context = await launchWithExtension(dir)
      await use(context)
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: "worker" }
  ]
})

const customers = generateCustomers({ count: 1100, seed: 2031 })

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})

test("on a CRM list of more than a thousand customers, the panel's count groups its digits (1,100, not 1100)", async ({ page, site }) => {
  test.setTimeout(120_000)
  const { rows } = crmRows(customers)
  site.route("/crm/all-contacts", crmPage())
  site.route("/crm-data.json", JSON.stringify(rows), "application/json")
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${site.origin}/crm/all-contacts`)
  await expect(page.locator("#status")).toHaveText("1100 contacts", { timeout: 20_000 })
  const overlay = page.locator("#comptoir-overlay")
  const count = overlay.locator('[data-comptoir="match-count"]')
  await expect(count).toHaveText("1,100", { timeout: 60_000 })
  await page.screenshot({ path: test.info().outputPath("panel-count-open.png") })
  // Collapsed to its badge, the count is still whole.
  await overlay.locator('[data-comptoir="panel-toggle"][aria-expanded="true"]').click()
  await expect(overlay.locator('[data-comptoir="panel-toggle"] [data-comptoir="match-count"]')).toHaveText("1,100")
  await page.screenshot({ path: test.info().outputPath("panel-count-badge.png") })
})
