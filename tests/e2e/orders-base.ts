import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, type BrowserContext, type FrameLocator, type Page, type PlaywrightTestArgs, type PlaywrightWorkerArgs, type TestType } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf } from "./launch"
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

export interface RoundcubeOrderWorld {
  readonly context: BrowserContext
  readonly extensionId: string
  readonly roundcube: Roundcube
}

/**
 * A real Roundcube 1.6 over a real Dovecot holding `messages`, and a Chromium with the extension and the orders
 * base imported: started once for the file's tests (run in order), stopped after them.
 */
export function roundcubeOrderWorld(test: TestType<PlaywrightTestArgs, PlaywrightWorkerArgs>, name: string, messages: { eml: string }[]): RoundcubeOrderWorld {
  let started: (RoundcubeOrderWorld & { dir: string }) | undefined
  const world = (): RoundcubeOrderWorld => {
    if (started === undefined) throw new Error("the Roundcube order world is not started (used outside a test?)")
    return started
  }
  test.describe.configure({ mode: "serial" })
  test.beforeAll(async () => {
    test.setTimeout(90_000)
    const dir = mkdtempSync(join(tmpdir(), `comptoir-${name}-`))
    const roundcube = await startRoundcube(messages)
    const context = await launchWithExtension(dir)
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    started = { dir, roundcube, context, extensionId }
    await importOrdersBase(context, extensionId)
  })
  test.afterAll(async () => {
    await started?.context.close()
    await started?.roundcube.stop()
    if (started) rmSync(started.dir, { recursive: true, force: true })
  })
  return {
    get context() { return world().context },
    get extensionId() { return world().extensionId },
    get roundcube() { return world().roundcube }
  }
}

/** Roundcube's preview pane (an iframe), where the opened message is. */
export const preview = (page: Page): FrameLocator => page.frameLocator("#messagecontframe")

/** Opens the listed message in the preview pane and waits for its subject there. */
export async function openInPreview(page: Page, subject: string): Promise<void> {
  await page.locator("#messagelist tbody tr", { hasText: subject }).click()
  await expect(preview(page).locator("h2.subject")).toContainText(subject)
}
