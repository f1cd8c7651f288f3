import type { Page } from "@playwright/test"

import { e2eCustomers, ensureImported } from "./dataset"
import { expect, test } from "./fixtures"
import { forgetPanelPlaces, knownContactPage } from "./panel-pages"

const customers = e2eCustomers()
const fr = customers.filter((c) => c.country === "FR")
const inPage = (page: Page, code: string) => page.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${code}"]`)
const inSide = (side: Page, code: string) => side.locator(`[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"][data-customer-code="${code}"]`)

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})
test.beforeEach(({ extContext }) => forgetPanelPlaces(extContext))

// Headless Chromium shows no side panel: its page is opened as a tab, where it follows the web tab used last.
test("the side panel shows the cards of the active web tab, and follows that tab's view and the tab switches", async ({ page, site, extContext, extensionId }) => {
  const [a, b, z] = [fr[50]!, fr[51]!, fr[52]!]
  site.route("/crm/contacts/50/show", knownContactPage(a))
  site.route("/crm/contacts/52/show", knownContactPage(z))
  await page.goto(`${site.origin}/crm/contacts/50/show`)
  await expect(inPage(page, a.code)).toBeVisible()

  const side = await extContext.newPage()
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  await expect(inSide(side, a.code)).toBeVisible()
  await expect(side.locator('[data-comptoir="side-panel-tab"] [data-comptoir="customer-card"]')).toHaveCount(1)
  await expect(side.locator('[data-comptoir="side-panel-page"]')).toContainText("CRM")
  await side.setViewportSize({ width: 400, height: 720 })
  await side.screenshot({ path: "test-results/panel-ui-side.png" })

  // The tab's view changes (the CRM shows another customer's number): the side panel follows without a reload.
  await page.evaluate((text) => {
    document.getElementById("extra")!.textContent = text
  }, `Standard : ${b.writtenPhones[0]![0]}`)
  await expect(inPage(page, b.code)).toBeVisible()
  await expect(inSide(side, b.code)).toBeVisible()
  await expect(inSide(side, a.code)).toBeVisible()

  // A route change of the single-page CRM that keeps the customer on screen keeps the cards.
  await page.evaluate(() => history.pushState({}, "", "/crm/contacts/50/show/notes"))
  await expect(side.locator('[data-comptoir="side-panel-page"]')).toHaveAttribute("title", /\/show\/notes$/)
  await expect(inSide(side, a.code)).toBeVisible()
  await expect(inSide(side, b.code)).toBeVisible()

  // Another tab becomes the active one: its cards, not the first tab's.
  const other = await extContext.newPage()
  await other.goto(`${site.origin}/crm/contacts/52/show`)
  await expect(inPage(other, z.code)).toBeVisible()
  await other.bringToFront()
  await expect(inSide(side, z.code)).toBeVisible()
  await expect(inSide(side, a.code)).toHaveCount(0)

  // Back to the first tab.
  await page.bringToFront()
  await expect(inSide(side, a.code)).toBeVisible()
  await expect(inSide(side, z.code)).toHaveCount(0)
  await other.close()
  await side.close()
})

test("a tab without Comptoir shows as such in the side panel, not with another page's cards", async ({ page, site, extContext, extensionId }) => {
  const a = fr[53]!
  site.route("/crm/contacts/53/show", knownContactPage(a))
  await page.goto(`${site.origin}/crm/contacts/53/show`)
  await expect(inPage(page, a.code)).toBeVisible()
  const side = await extContext.newPage()
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  await expect(inSide(side, a.code)).toBeVisible()
  // The same tab goes to a site Comptoir does not run on ([::1] is not enabled).
  site.route("/elsewhere", `<!doctype html><meta charset="utf-8"><title>Elsewhere</title><p>Nothing here.</p>`)
  await page.goto(`${site.bareOrigin}/elsewhere`)
  await expect(side.locator('[data-comptoir="side-panel-inactive"]')).toBeVisible()
  await expect(inSide(side, a.code)).toHaveCount(0)
  await side.close()
})

test("the popup and the in-page panel offer to open the side panel", async ({ page, site, extensionId }) => {
  const a = fr[54]!
  site.route("/crm/contacts/54/show", knownContactPage(a))
  await page.goto(`${site.origin}/crm/contacts/54/show`)
  await expect(inPage(page, a.code)).toBeVisible()
  await expect(page.locator('#comptoir-overlay [data-comptoir="open-side-panel"]')).toBeVisible()
  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  await expect(page.locator('[data-comptoir="open-side-panel"]')).toBeVisible()
})
