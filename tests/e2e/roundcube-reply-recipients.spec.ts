import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"

import { expect, test, type BrowserContext, type Frame, type Locator, type Page } from "@playwright/test"

import { generateCustomers } from "~src/domain/demo/demo-data"

import { quoteFrame } from "./quote-world"
import { openInbox } from "./roundcube/inbox"
import { seededMessages } from "./roundcube/mailbox"
import { openRoundcubeAgent, type RoundcubeAgentWorld } from "./roundcube/agent-world"
import type { Roundcube } from "./roundcube/server"

/**
 * "Insert into reply" (issue #10) reads the reply's recipients in a real Roundcube 1.6 (tests/e2e/roundcube/) before
 * it puts a customer's quote in it: a reply to the customer's contact gets the quote; the same reply readdressed to a
 * colleague gets nothing, the form over the page says to whom it goes, and "Insert anyway" then inserts it.
 */
test.describe.configure({ mode: "serial" })

let agent: RoundcubeAgentWorld | undefined
let roundcube: Roundcube
let context: BrowserContext
let page: Page
const shots = resolve("test-results/roundcube-reply-recipients")
const messages = seededMessages(generateCustomers({ count: 2000 }))
const order = messages.find((m) => m.key === "order-fr")!
const customer = order.sender!
const COLLEAGUE = "jordan.lee@comptoir-demo.test"

test.beforeAll(async () => {
  test.setTimeout(180_000)
  agent = await openRoundcubeAgent("comptoir-e2e-roundcube-recipients-", messages)
  ;({ roundcube, page } = agent)
  context = agent.world.context
})

test.afterAll(async () => {
  await agent?.close()
})

const card = () => page.locator(`#comptoir-overlay [data-comptoir="on-page"] [data-comptoir="customer-card"][data-customer-code="${customer.code}"]`)
const editor = (): Locator => page.frameLocator("#composebody_ifr").locator("body")
const toWidget = (): Locator => page.locator("ul.recipient-input").first()

/** Roundcube's Reply on the customer's order mail; the compose page with the panel open, the agent's line written. */
async function replyToOrder(): Promise<void> {
  await openInbox(page, roundcube, [order.subject])
  await page.locator("#messagelist tbody tr", { hasText: order.subject }).click()
  await expect(page.frameLocator("#messagecontframe").locator("h2.subject")).toContainText(order.subject)
  await page.locator("#toolbar-menu a.reply").click()
  await page.waitForURL(/_action=compose/)
  const panel = page.locator('#comptoir-overlay [data-comptoir="panel"]')
  await expect(panel).toHaveAttribute("data-shape", /^(tab|open)$/)
  if ((await panel.getAttribute("data-shape")) === "tab") await panel.locator('[data-comptoir="panel-toggle"]').click()
  await expect(panel).toHaveAttribute("data-shape", "open")
  await expect(editor()).toContainText("CMD-2026-001234")
}

/** The agent writes a line in the reply, then sends a quote from the customer's card: the form over the page. */
async function quoteFromCard(): Promise<{ frame: Frame; number: string }> {
  await editor().click()
  await editor().press("Control+End")
  await editor().pressSequentially("Bonjour, voici notre devis.")
  await expect(card()).toBeVisible({ timeout: 15_000 })
  await card().locator('[data-comptoir="quote-new"]').click()
  await expect.poll(() => quoteFrame(page) !== undefined, { timeout: 10_000 }).toBe(true)
  const frame = quoteFrame(page)!
  await expect.poll(async () => (await frame.frameElement()).isVisible()).toBe(true)
  const form = frame.locator('[data-comptoir="quote-form"]')
  const add = form.locator('[data-comptoir="quote-line-add"]')
  await add.fill("cafe en grain")
  await expect(form.locator('[data-comptoir="quote-product-option"]').first()).toHaveAttribute("data-ref", "REF-1006")
  await add.press("Enter")
  await form.locator('[data-comptoir="quote-issue"]').click()
  const numberEl = form.locator('[data-comptoir="document-number"]')
  await expect(numberEl).toHaveAttribute("data-numbered", "true", { timeout: 15_000 })
  return { frame, number: (await numberEl.textContent())!.match(/DEV-\d{4}-\d{5}/)![0] }
}

async function leaveCompose(): Promise<void> {
  await page.evaluate(() => {
    const rcmail = (window as unknown as { rcmail?: { compose_skip_unsavedcheck?: boolean } }).rcmail
    if (rcmail) rcmail.compose_skip_unsavedcheck = true
  })
}

test("a reply to the customer's contact gets the quote", async () => {
  await replyToOrder()
  await expect(page.locator("textarea#_to")).toHaveValue(new RegExp(customer.contacts[0]!.emails[0]!.replace(/[.+]/g, "\\$&")))
  // The real compose page's recipient fields, kept as a fixture for the unit test of what the content script reads.
  mkdirSync(shots, { recursive: true })
  writeFileSync(join(shots, "compose-form.html"), await page.evaluate(() => document.querySelector("textarea#_to")?.closest("form")?.outerHTML ?? ""))
  const { frame, number } = await quoteFromCard()
  await frame.locator('[data-comptoir="insert-into-reply"]').click()
  await expect.poll(async () => (await frame.frameElement()).isVisible(), { message: "the overlay closes on the insertion" }).toBe(false)
  await expect(editor()).toContainText(number)
  await leaveCompose()
})

/** A new mail in Roundcube to `to` (typed in its recipient widget, as the agent does), a line written in its body. */
async function composeTo(to: string): Promise<Locator> {
  await page.goto(`${roundcube.url}?_task=mail&_action=compose`)
  const body = page.locator("textarea#composebody")
  await expect(body).toBeVisible()
  await toWidget().locator("input").click()
  await page.keyboard.type(`${to}, `)
  await expect(page.locator("textarea#_to")).toHaveValue(new RegExp(to.replace(/[.+]/g, "\\$&")))
  await body.click()
  await body.pressSequentially("Note :")
  return body
}

test("a dunning reminder goes into a mail to the customer's contact; a mail to a colleague gets a warning naming the colleague and nothing, until Insert anyway", async () => {
  const ws = await context.newPage()
  await ws.setViewportSize({ width: 1280, height: 800 })
  await ws.goto(`chrome-extension://${agent!.world.extensionId}/tabs/workspace.html#/dunning`)
  const row = ws.locator('[data-comptoir="dunning-row"]:not([data-due=""])').first()
  await expect(row).toBeVisible({ timeout: 15_000 })
  await row.locator('[data-comptoir="dunning-open"]').click()
  const panel = ws.locator('[data-comptoir="reminder-panel"]')
  const firstLine = ((await panel.locator('[data-comptoir="reminder-body"]').textContent()) ?? "").split("\n")[0]!
  const contact = ((await panel.locator("p").filter({ has: ws.locator('[data-comptoir="reminder-subject"]') }).textContent()) ?? "").match(/[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/)![0]
  const reminder = new RegExp(firstLine.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))

  // To the customer's own contact: inserted.
  let body = await composeTo(contact)
  await ws.bringToFront()
  await panel.locator('[data-comptoir="insert-into-reply"]').click()
  await expect(panel.getByRole("status")).toContainText(/Inserted into the reply|Inséré dans la réponse/)
  await expect(body).toHaveValue(reminder)
  await leaveCompose()

  // To a colleague: the warning, nothing inserted; then Insert anyway.
  await page.bringToFront()
  body = await composeTo(COLLEAGUE)
  await ws.bringToFront()
  await panel.locator('[data-comptoir="insert-into-reply"]').click()
  const warning = panel.locator('[data-comptoir="recipient-mismatch"]')
  await expect(warning).toBeVisible()
  await expect(warning.locator("p")).toHaveText(new RegExp(`^This reply is addressed to ${COLLEAGUE.replace(/\./g, "\\.")}, not to .+\\.$`))
  await expect(body).not.toHaveValue(reminder)
  await warning.scrollIntoViewIfNeeded()
  await ws.screenshot({ path: join(shots, "dunning-warning.png") })

  await warning.locator('[data-comptoir="insert-anyway"]').click()
  await expect(panel.getByRole("status")).toContainText(/Inserted into the reply|Inséré dans la réponse/)
  await expect(warning).toHaveCount(0)
  await expect(body).toHaveValue(reminder)
  await page.bringToFront()
  await page.screenshot({ path: join(shots, "dunning-inserted-anyway.png") })
  await leaveCompose()
  await ws.close()
})
