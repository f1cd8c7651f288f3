import { expect, test } from "./fixtures"

test("loads the built extension: service worker up, options and popup render", async ({ page, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/)
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await expect(page.locator("h1")).toHaveText("Comptoir settings")
  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  await expect(page.locator('[data-comptoir="search"]')).toBeVisible()
})
