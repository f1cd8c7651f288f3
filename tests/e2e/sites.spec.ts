import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test, type BrowserContext } from "@playwright/test"

import { grantInProfile } from "./added-site"
import { launchWithExtension, serviceWorkerOf, startSite } from "./launch"

/**
 * A site the user grants through Chrome's own site-access menu (not through Comptoir's popup): Comptoir
 * starts there. The grant is written in the profile between two launches (added-site.ts). The CRM's name
 * resolves to 127.0.0.1 for this browser only.
 */
const CRM_HOST = "crm.comptoir.test"
const CRM_PATTERN = `http://${CRM_HOST}/*`

/**
 * The positive signal before an absence: the same page, opened after the one under test on an origin the
 * manifest grants (127.0.0.1), gets its number decorated: the extension is running and scanning, and the
 * page under test, loaded and idle first, would have been decorated by then had Comptoir run there.
 */
async function expectDecoratedLater(context: BrowserContext, grantedOrigin: string): Promise<void> {
  const control = await context.newPage()
  await control.goto(`${grantedOrigin}/contacts`)
  await expect(control.locator('[data-comptoir-phone="+33142685300"]')).toHaveCount(1, { timeout: 10_000 })
  await control.close()
}

test("a CRM the user granted in Chrome's site-access menu gets Comptoir, and only that site", async () => {
  const { site, server } = await startSite()
  const port = new URL(site.origin).port
  site.route("/contacts", `<!doctype html><meta charset="utf-8"><title>CRM</title><table><tr><td>Boulangerie Martin</td><td>01 42 68 53 00</td><td>contact@boulangerie-martin.fr</td></tr></table>`)
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-sites-"))
  const args = [`--host-resolver-rules=MAP ${CRM_HOST} 127.0.0.1, MAP other.comptoir.test 127.0.0.1`]
  try {
    // First run: the extension installs; the CRM is not enabled.
    let context = await launchWithExtension(dir, args)
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    const before = await context.newPage()
    await before.goto(`http://${CRM_HOST}:${port}/contacts`)
    await expectDecoratedLater(context, site.origin)
    await expect(before.locator("#comptoir-overlay")).toHaveCount(0)
    await expect(before.locator("[data-comptoir-phone]")).toHaveCount(0)
    await context.close()

    // The user grants the site from Chrome's menu (recorded as Chrome records it).
    grantInProfile(dir, extensionId, CRM_PATTERN)

    context = await launchWithExtension(dir, args)
    try {
      const sw = await serviceWorkerOf(context)
      await expect.poll(() => sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches).flat()), { timeout: 10_000 }).toContain(CRM_PATTERN)
      const crm = await context.newPage()
      await crm.goto(`http://${CRM_HOST}:${port}/contacts`)
      await expect(crm.locator('[data-comptoir-phone="+33142685300"]')).toHaveCount(1, { timeout: 10_000 })
      await expect(crm.locator('[data-comptoir-email="contact@boulangerie-martin.fr"]')).toHaveCount(1)
      await expect(crm.locator("#comptoir-overlay")).toHaveCount(1)
      // The settings list it, so the options page shows it and can remove it.
      const options = await context.newPage()
      await options.goto(`chrome-extension://${extensionId}/options.html`)
      await expect(options.locator("body")).toContainText(CRM_HOST)
      // Another site on the same machine stays untouched.
      const other = await context.newPage()
      await other.goto(`http://other.comptoir.test:${port}/contacts`)
      await expectDecoratedLater(context, site.origin)
      await expect(other.locator("#comptoir-overlay")).toHaveCount(0)
      await expect(other.locator("[data-comptoir-phone]")).toHaveCount(0)
    } finally {
      await context.close()
    }
  } finally {
    server.closeAllConnections()
    await new Promise((ok) => server.close(ok))
    rmSync(dir, { recursive: true, force: true })
  }
})
