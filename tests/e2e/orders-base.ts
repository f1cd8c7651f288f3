import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, type BrowserContext, type FrameLocator, type Page, type PlaywrightTestArgs, type PlaywrightWorkerArgs, type TestType } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf, startSite, type Site } from "./launch"
import { startRoundcube, type Roundcube } from "./roundcube/server"

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

const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`)

/** A plain-text mail as Dovecot stores it (names and subject as encoded words, body in base64, CRLF line ends). */
export function plainMail(headers: { from: string; to: string; cc?: string; subject: string; date: string; messageId: string }, text: string): { eml: string } {
  return {
    eml: [
      `From: ${headers.from.replace(/^[^<]+/, (name) => `${encodeWord(name.trim())} `)}`,
      `To: ${headers.to}`,
      ...(headers.cc ? [`Cc: ${headers.cc}`] : []),
      `Subject: ${encodeWord(headers.subject)}`,
      `Date: ${headers.date}`,
      `Message-ID: <${headers.messageId}>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(text, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n"),
      ""
    ].join("\r\n")
  }
}

interface OrderWorld<S> {
  readonly context: BrowserContext
  readonly extensionId: string
  readonly server: S
}

/**
 * A page server (`start`) and a Chromium with the extension and the orders base imported, then `setUp`: started once
 * for the file's tests (run in order), stopped after them. Read it inside the tests only (it throws before).
 */
function orderWorld<S>(test: TestType<PlaywrightTestArgs, PlaywrightWorkerArgs>, name: string, start: () => Promise<{ server: S; stop: () => Promise<void> }>, setUp?: (world: OrderWorld<S>) => Promise<void>): OrderWorld<S> {
  let started: (OrderWorld<S> & { dir: string; stop: () => Promise<void> }) | undefined
  const world = (): OrderWorld<S> => {
    if (started === undefined) throw new Error(`the ${name} world is not started (used outside a test?)`)
    return started
  }
  test.describe.configure({ mode: "serial" })
  test.beforeAll(async () => {
    test.setTimeout(90_000)
    const dir = mkdtempSync(join(tmpdir(), `comptoir-${name}-`))
    const { server, stop } = await start()
    const context = await launchWithExtension(dir)
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    started = { dir, server, stop, context, extensionId }
    await importOrdersBase(context, extensionId)
    await setUp?.(started)
  })
  test.afterAll(async () => {
    await started?.context.close()
    await started?.stop()
    if (started) rmSync(started.dir, { recursive: true, force: true })
  })
  return {
    get context() { return world().context },
    get extensionId() { return world().extensionId },
    get server() { return world().server }
  }
}

/** A real Roundcube 1.6 over a real Dovecot holding `messages`, and the extension with the orders base. */
export function roundcubeOrderWorld(test: TestType<PlaywrightTestArgs, PlaywrightWorkerArgs>, name: string, messages: { eml: string }[]): OrderWorld<Roundcube> & { readonly roundcube: Roundcube } {
  const world = orderWorld(test, name, async () => {
    const roundcube = await startRoundcube(messages)
    return { server: roundcube, stop: () => roundcube.stop() }
  })
  return Object.defineProperty(world, "roundcube", { get: () => world.server }) as OrderWorld<Roundcube> & { readonly roundcube: Roundcube }
}

/** The local fixture site (Gmail- and Outlook-like pages, routes added by the tests), and the extension with the orders base. */
export function siteOrderWorld(test: TestType<PlaywrightTestArgs, PlaywrightWorkerArgs>, name: string, setUp?: (world: OrderWorld<Site>) => Promise<void>): OrderWorld<Site> & { readonly site: Site } {
  const world = orderWorld(
    test,
    name,
    async () => {
      const { site, server } = await startSite()
      return {
        server: site,
        stop: () => {
          server.closeAllConnections()
          return new Promise<void>((ok) => server.close(() => ok()))
        }
      }
    },
    setUp
  )
  return Object.defineProperty(world, "site", { get: () => world.server }) as OrderWorld<Site> & { readonly site: Site }
}

/** Roundcube's preview pane (an iframe), where the opened message is. */
export const preview = (page: Page): FrameLocator => page.frameLocator("#messagecontframe")

/** Opens the listed message in the preview pane and waits for its subject there. */
export async function openInPreview(page: Page, subject: string): Promise<void> {
  await page.locator("#messagelist tbody tr", { hasText: subject }).click()
  await expect(preview(page).locator("h2.subject")).toContainText(subject)
}
