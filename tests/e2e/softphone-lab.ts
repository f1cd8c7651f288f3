import { expect, type BrowserContext, type Page } from "@playwright/test"

import { readCallStats, readCustomerId, readTable } from "../extension-page"
import { LAB_AGENT1, TelephonyLab } from "../telephony-lab/lab"
import { e2eCustomers, ensureImported } from "./dataset"
import { extensionTest } from "./fixtures"
import { MEDIA_ARGS } from "./launch"
import { attachSoftphoneDiagnostics, markLabLogs } from "./softphone-diagnostics"

/**
 * The fixtures of the specs that go through the real SIP lab (kamailio + rtpengine + baresip): the lab, started
 * once per worker (its ports are fixed), and a browser with a fake microphone. Specs using this `test` share
 * one worker, so the lab and the browser's base carry over from one spec to the next: never count on them
 * being empty.
 */
export const customers = e2eCustomers()

export const test = extensionTest(MEDIA_ARGS).extend<{ labDiagnostics: void }, { lab: TelephonyLab; labGroup: string }>({
  // A spec that sets another group (`test.use({ labGroup })`) gets a worker, a lab and a browser of its own.
  labGroup: ["softphone", { scope: "worker", option: true }],
  lab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const lab = new TelephonyLab()
      await lab.start()
      await use(lab)
      await lab.dispose()
    },
    { scope: "worker" }
  ],
  // Every lab test: on a failure, the docks, the published view and the lab's logs of the test are attached.
  labDiagnostics: [
    async ({ extContext, extensionId, lab }, use, testInfo) => {
      const marks = markLabLogs(lab)
      await use()
      if (testInfo.status !== testInfo.expectedStatus) await attachSoftphoneDiagnostics(testInfo, extContext, extensionId, lab, marks)
    },
    { auto: true }
  ]
})

export const dock = (p: Page) => p.locator('[data-comptoir="softphone"]')

/** The popup, opened as a tab: it shows the dock like the toolbar popup does. */
export async function openDock(ctx: BrowserContext, extensionId: string): Promise<Page> {
  const p = await ctx.newPage()
  await p.goto(`chrome-extension://${extensionId}/popup.html`)
  await dock(p).waitFor()
  return p
}

/** The dock opened, registered with the lab (or still showing the call before, registered under it). */
export async function openReadyDock(ctx: BrowserContext, extensionId: string): Promise<Page> {
  const p = await openDock(ctx, extensionId)
  await expect(dock(p)).toHaveAttribute("data-state", /registered|ended/, { timeout: 15_000 })
  return p
}

/** A table of the extension's IndexedDB, read directly (the rows as stored). */
export const storedRows = (p: Page, table: string) => p.evaluate(readTable, table)

export const storedCalls = (p: Page) => storedRows(p, "calls")

/** The id the import gave a customer (ids are the base's own, not the demo generator's). */
export const idOfCode = (p: Page, code: string) => p.evaluate(readCustomerId, code)

export const stats = (p: Page) => p.evaluate(readCallStats)

/** The customers imported and the softphone set up the way an agent does, in the options page (registered as agent1). */
export async function setUpSoftphone(ctx: BrowserContext, extensionId: string): Promise<void> {
  const page = await ctx.newPage()
  await ensureImported(page, extensionId, customers)
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('select[name="softphone.provider"]').selectOption("sip")
  for (const [key, value] of Object.entries(LAB_AGENT1)) await page.locator(`input[name="sip.${key}"]`).fill(value)
  await page.locator('[data-comptoir="sip-save"]').click()
  await expect(page.locator('[data-comptoir="sip-message"]')).toContainText("Saved")
  // The password is a secret: not in chrome.storage.local.
  const local = await page.evaluate(() => chrome.storage.local.get(null))
  expect(JSON.stringify(local)).not.toContain(LAB_AGENT1.password)
  await page.close()
}

/**
 * What a softphone spec sets up before its tests: the lab started, the customers imported and the softphone set up
 * as agent1, 90 s a test. `labGroup` gives the spec a worker, a lab, a browser and a base of its own: the softphone
 * specs count the calls and logs of their base and stop the lab, so none may run after another's calls.
 */
export function softphoneSpec(labGroup: string): void {
  test.describe.configure({ timeout: 90_000 })
  test.use({ labGroup })
  test.beforeAll(async ({ extContext, extensionId, lab }) => {
    expect(lab.runDir).toBeTruthy()
    await setUpSoftphone(extContext, extensionId)
  })
}
