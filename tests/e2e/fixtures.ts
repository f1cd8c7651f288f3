import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { chromium, test as base, type BrowserContext, type Page, type Worker } from "@playwright/test"

export const BUILD_DIR = resolve(process.env.COMPTOIR_BUILD ?? "build/chrome-mv3-prod")
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

export interface Site {
  origin: string
  /** Registers a route answering with fixed HTML or JSON. */
  route(path: string, body: string, type?: string): void
}

export async function launchWithExtension(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${BUILD_DIR}`,
      `--load-extension=${BUILD_DIR}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--lang=en-US"
    ],
    locale: "en-US"
  })
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"))
}

export async function startSite(): Promise<{ site: Site; server: Server }> {
  const routes = new Map<string, { body: string; type: string }>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname
    const r = routes.get(path)
    if (!r) {
      res.writeHead(404).end("not found")
      return
    }
    res.writeHead(200, { "content-type": r.type, "cache-control": "no-store" }).end(r.body)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const address = server.address()
  const port = typeof address === "object" && address ? address.port : 0
  return {
    server,
    site: {
      origin: `http://127.0.0.1:${port}`,
      route: (path, body, type = "text/html; charset=utf-8") => routes.set(path, { body, type })
    }
  }
}

type WorkerFixtures = {
  extContext: BrowserContext
  extensionId: string
  site: Site
}

/** One browser with the extension and one local web server per worker: pages share the imported base. */
export const test = base.extend<{ page: Page }, WorkerFixtures>({
  extContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-"))
      const context = await launchWithExtension(dir)
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
      await new Promise((ok) => server.close(ok))
    },
    { scope: "worker" }
  ],
  page: async ({ extContext }, use) => {
    const page = await extContext.newPage()
    await use(page)
    await page.close()
  }
})

export const expect = test.expect
