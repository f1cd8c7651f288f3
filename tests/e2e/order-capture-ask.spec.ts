import { expect, test, type Page } from "@playwright/test"

import { openInPreview, plainMail, roundcubeOrderWorld } from "./orders-base"
import { openWebmailTab } from "./panel-pages"
import { AGENT } from "./roundcube/mailbox"
import { openInbox } from "./roundcube/inbox"

/**
 * Issue #11 in a real Roundcube 1.6 over a real Dovecot: what the page's panel says before any review opens.
 * A customer's list of products with no words that order them is an `ask` (src/domain/orders/order-act.ts): the panel
 * says so and opens nothing until the agent asks for the review. A customer's discussion with a colleague, the supplier
 * in copy, is no order: the page reads the To field (Roundcube's `td.header.to`) as the `.eml` path does.
 */
const AMELIE = "Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>"
const mail = (n: number, headers: { from: string; to: string; cc?: string; subject: string }, text: string) =>
  plainMail({ ...headers, date: `Tue, 01 Dec 2026 09:1${n} +0100`, messageId: `ask-${n}@mail.comptoir-demo.test` }, text)
const LIST = "Gants et essuie-mains"
const DISCUSSION = "Packing tape for the depot"

const world = roundcubeOrderWorld(test, "capture-ask", [
  // Products and quantities, nothing that orders them: the extractor asks.
    mail(1, { from: AMELIE, to: `${AGENT.name} <${AGENT.email}>`, subject: LIST }, "Bonjour,\n\n6 boîtes de gants nitrile taille L\n2 cartons d'essuie-mains\n\nAmélie"),
  // Written to a colleague, the supplier in copy: the same words to the supplier would be an order.
  mail(2, { from: "Amelia Whitfield <purchasing@whitfieldlogistics.co.uk>", to: "Anna Price <anna.price@whitfieldlogistics.co.uk>", cc: `${AGENT.name} <${AGENT.email}>`, subject: DISCUSSION }, "Hi Anna,\n\nWe need 30 rolls of packing tape for the depot next week, agreed?\n\nAmelia")
])

const overlay = (page: Page) => page.locator("#comptoir-overlay")

test("a Roundcube message listing products with no order wording says so in the panel, and opens the review only when asked", async () => {
  const page = await world.context.newPage()
  await openInbox(page, world.roundcube, [LIST, DISCUSSION])
  await openInPreview(page, LIST)
  await openWebmailTab(page)
  const tabs = world.context.pages().length
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  const notice = overlay(page).locator('[data-comptoir="capture-ask"]')
  await expect(notice).toBeVisible({ timeout: 20_000 })
  await expect(notice).toHaveAttribute("data-act", "none")
  await expect(notice).toContainText("No order wording found.")
  await expect(notice).toContainText("the review will ask you first")
  // Before the agent asks for it, no review: the background answered without opening a tab.
  expect(world.context.pages().length).toBe(tabs)
  await page.screenshot({ path: "test-results/order-capture-ask-panel.png" })

  const opened = world.context.waitForEvent("page", { timeout: 15_000 })
  await overlay(page).locator('[data-comptoir="capture-open-review"]').click()
  const review = await opened
  await review.waitForLoadState()
  await expect(review.locator('[data-comptoir="order-ask"]')).toBeVisible()
  await expect(review.locator('[data-comptoir="order-ask-read"]')).toContainText("6 boîtes de gants nitrile taille L")
  await expect(overlay(page).locator('[data-comptoir="capture-opened"]')).toHaveText("The review opened in the workspace.")
  await review.close()
  await page.close()
})

test("a Roundcube message written to the customer's colleague, the supplier in copy, is no order in the page, and opens nothing", async () => {
  const page = await world.context.newPage()
  await openInbox(page, world.roundcube, [LIST, DISCUSSION])
  await openInPreview(page, DISCUSSION)
  await openWebmailTab(page)
  const tabs = world.context.pages().length
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  const notOrder = overlay(page).locator('[data-comptoir="not-an-order"]')
  await expect(notOrder).toBeVisible({ timeout: 20_000 })
  await expect(notOrder).toContainText("written to the sender's colleagues, us in copy")
  expect(world.context.pages().length).toBe(tabs)
  await page.close()
})

test("the panel's notice belongs to its message: another message opened offers the capture again", async () => {
  const page = await world.context.newPage()
  await openInbox(page, world.roundcube, [LIST, DISCUSSION])
  await openInPreview(page, LIST)
  await openWebmailTab(page)
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  await expect(overlay(page).locator('[data-comptoir="capture-ask"]')).toBeVisible({ timeout: 20_000 })
  await openInPreview(page, DISCUSSION)
  await expect(overlay(page).locator('[data-comptoir="capture-ask"]')).toHaveCount(0)
  await expect(overlay(page).locator('[data-comptoir="capture-order"]')).toBeVisible()
  await page.close()
})
