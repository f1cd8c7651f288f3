import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, test, type BrowserContext, type Frame, type Page } from "@playwright/test"

import { launchWithAddedSite } from "./added-site"
import { e2eCustomers, ensureImported } from "./dataset"
import { serviceWorkerOf, startSite, type Site } from "./launch"

/**
 * The quote form over the page on a site the agent added (issue #10): their CRM, granted at run time, gets the
 * form over its page as the webmails do, and no tab opens. A site Comptoir does not run on is left as it was: no
 * card, no frame, and the quote frame's URL gives it nothing (Chrome refuses the extension's fixed id, and the
 * per-session URL shows nothing without a ticket).
 */
test.describe.configure({ mode: "serial" })

const CRM_HOST = "crm.comptoir.test"
const OTHER_HOST = "other.comptoir.test"
const shots = resolve("test-results/quote-overlay-site")

const customers = e2eCustomers()
const [first, second] = customers.filter((c) => c.contacts[0]?.emails[0])
const mail = (c: typeof first) => c!.contacts[0]!.emails[0]!

let dir: string
let context: BrowserContext
let extensionId: string
let site: Site
let closeSite: () => Promise<void>
let port: string

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const started = await startSite()
  site = started.site
  closeSite = async () => {
    started.server.closeAllConnections()
    await new Promise((ok) => started.server.close(ok))
  }
  port = new URL(site.origin).port
  site.route(
    "/crm/contact",
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CRM — Fiche contact</title></head><body><h1>${first!.company}</h1>
    <p>Contact : <a href="mailto:${mail(first)}">${mail(first)}</a></p><h2>${second!.company}</h2><p><a href="mailto:${mail(second)}">${mail(second)}</a></p></body></html>`
  )
  dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-quote-site-"))
  ;({ context, extensionId } = await launchWithAddedSite(dir, CRM_HOST, [OTHER_HOST]))
  const options = await context.newPage()
  await ensureImported(options, extensionId, customers)
  await options.close()
})

test.afterAll(async () => {
  await context?.close()
  await closeSite?.()
  rmSync(dir, { recursive: true, force: true })
})

const quoteFrame = (p: Page): Frame | undefined => p.frames().find((f) => f.url().includes("/tabs/quote-frame.html"))
const cardOf = (p: Page, c: typeof first) => p.locator(`[data-comptoir="customer-card"][data-customer-code="${c!.code}"]`).first()

test("on a CRM the agent added, a card's New quote opens the filled form over that page: no tab opens", async () => {
  const crm = await context.newPage()
  await crm.setViewportSize({ width: 1280, height: 800 })
  await crm.goto(`http://${CRM_HOST}:${port}/crm/contact`)
  const card = cardOf(crm, first)
  await expect(card).toBeVisible({ timeout: 15_000 })
  const tabs = context.pages().length
  await card.locator('[data-comptoir="quote-new"]').click()
  await expect.poll(() => quoteFrame(crm) !== undefined, { timeout: 10_000 }).toBe(true)
  const frame = quoteFrame(crm)!
  await expect.poll(async () => (await frame.frameElement()).isVisible()).toBe(true)
  const form = frame.locator('[data-comptoir="quote-form"]')
  await expect(form).toBeVisible({ timeout: 10_000 })
  await expect(form).toContainText(` · ${first!.code}`)
  // (The import gave the customers ids of their own: the contact by its name.)
  await expect(form.locator('[name="contactId"] option:checked')).toContainText(first!.contacts[0]!.lastName)
  expect(context.pages().length).toBe(tabs)
  // The frame is the extension's page. (Chromium 156 gives the content script the extension's fixed id and loads it
  // for the content script's frame; the page's own frame at that URL is refused: the next test.) The CRM's own
  // scripts saw no extension URL load.
  expect(new URL(frame.url()).protocol).toBe("chrome-extension:")
  expect(await crm.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith("chrome-extension:")).length)).toBe(0)
  await crm.screenshot({ path: join(shots, "crm-overlay-1280x800.png") })
  await frame.locator("body").press("Escape")
  await expect.poll(async () => (await frame.frameElement()).isVisible()).toBe(false)
  await crm.close()
})

test("a site Comptoir does not run on gets no card and no frame, and the quote frame's URLs give it nothing", async () => {
  const other = await context.newPage()
  await other.setViewportSize({ width: 1280, height: 800 })
  await other.goto(`http://${OTHER_HOST}:${port}/crm/contact`)
  // The positive signal before the absence: the same page on the added site, opened after, gets its cards.
  const control = await context.newPage()
  await control.goto(`http://${CRM_HOST}:${port}/crm/contact`)
  await expect(cardOf(control, first)).toBeVisible({ timeout: 15_000 })
  await control.close()
  await expect(other.locator("#comptoir-overlay")).toHaveCount(0)
  await expect(other.locator("[data-comptoir-email]")).toHaveCount(0)
  expect(quoteFrame(other)).toBeUndefined()
  // Were the page to guess it: the extension's fixed id is refused; the per-session URL (which only Comptoir's
  // content script puts in a page) loads an empty frame, with no ticket.
  const dynamicUrl = await (await serviceWorkerOf(context)).evaluate(() => chrome.runtime.getURL("tabs/quote-frame.html"))
  const fixedUrl = `chrome-extension://${extensionId}/tabs/quote-frame.html`
  expect(new URL(dynamicUrl).host).not.toBe(extensionId)
  await other.evaluate(
    (srcs) => {
      for (const [name, src] of srcs) {
        const f = document.createElement("iframe")
        f.name = name
        f.src = src
        f.style.cssText = "width:800px;height:300px"
        document.body.append(f)
      }
    },
    [
      ["fixed", `${fixedUrl}#${"a".repeat(32)}`],
      ["dynamic", `${dynamicUrl}#${"b".repeat(32)}`]
    ] as [string, string][]
  )
  await other.waitForTimeout(1500)
  const framed = (name: string) => other.frames().find((f) => f.name() === name)!
  expect(framed("fixed").url()).toBe("chrome-error://chromewebdata/")
  const shown = await framed("dynamic")
    .evaluate(() => ({ form: document.querySelector('[data-comptoir="quote-form"]') !== null, issue: document.querySelector('[data-comptoir="quote-issue"]') !== null }))
    .catch(() => ({ form: false, issue: false }))
  expect(shown).toEqual({ form: false, issue: false })
  await other.screenshot({ path: join(shots, "other-site-1280x800.png") })
  await other.close()
})
