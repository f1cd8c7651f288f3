import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { test as base, type BrowserContext, type Page } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf, startSite, type Site } from "./launch"

export { launchWithExtension, serviceWorkerOf, startSite, type Site }

type WorkerFixtures = {
  extContext: BrowserContext
  extensionId: string
  site: Site
}

/**
 * One browser with the extension and one local web server per worker: pages share the imported base.
 * `launchArgs` are added to Chromium's (the softphone's fake microphone, see softphone-lab.ts).
 */
export function extensionTest(launchArgs: string[] = []) {
  return base.extend<{ page: Page }, WorkerFixtures>({
    extContext: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-"))
        const context = await launchWithExtension(dir, launchArgs)
        await use(context)
        await context.close()
        rmSync(dir, { recursive: true, force: true })
      },
      { scope: "worker" }
    ],
    extensionId: [
      async ({ extContext }, use) => {
        const sw = await serviceWorkerOf(extContext)
        await use(new URL(sw.url()).host)
      },
      { scope: "worker" }
    ],
    site: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const { site, server } = await startSite()
        await use(site)
        // Chromium keeps connections alive; close them or close() waits for their timeout.
        server.closeAllConnections()
        await new Promise((ok) => server.close(ok))
      },
      { scope: "worker" }
    ],
    page: async ({ extContext }, use) => {
      const page = await extContext.newPage()
      // COMPTOIR_E2E_CPU_SLOWDOWN=10 runs the page's main thread (its scripts and the content script) ten times
      // slower: how a slow machine's races are reproduced (tests/README.md, "Intermittent failures", the page view's flake).
      const slowdown = Number(process.env.COMPTOIR_E2E_CPU_SLOWDOWN ?? 1)
      if (slowdown > 1) await (await extContext.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: slowdown })
      await use(page)
      await page.close()
    }
  })
}

export const test = extensionTest()

export const expect = test.expect
