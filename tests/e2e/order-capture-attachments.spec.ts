import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { extensionStore } from "./extension-store"
import { openInPreview, preview, roundcubeOrderWorld } from "./orders-base"
import { openInbox } from "./roundcube/inbox"
import { openWebmailTab } from "./panel-pages"

/**
 * Issue #11, a purchase order that is only in the attachment: a real Roundcube 1.6 over a real Dovecot holding
 * corpus mails whose body says "see attached" → "Capture as order" on the message in the preview frame fetches the
 * PDF (or the .xlsx) with the webmail's session → the review shows the attachment's lines → confirmed → stored.
 */
const FIXTURES = resolve("tests/fixtures/orders")
const mail = (name: string) => ({ eml: readFileSync(join(FIXTURES, "tuned", `${name}.eml`), "utf8") })
const world = roundcubeOrderWorld(test, "capture-att", [mail("fr-10-labo-pdf"), mail("fr-43-ehpad-xlsx")])

const overlay = (page: Page) => page.locator("#comptoir-overlay")
const field = (review: Page, name: string) => review.locator(`[data-comptoir="order-review"] [name="${name}"]`)

/** Roundcube's inbox, signed in, the message and its one attachment opened in the preview pane. */
async function openWithAttachment(page: Page, subject: string): Promise<void> {
  await openInbox(page, world.roundcube, [subject])
  await openInPreview(page, subject)
  await expect(preview(page).locator("#attachment-list li")).toHaveCount(1)
}

/** Opens the panel from its tab (a webmail's), clicks "Capture as order" and returns the workspace tab the review opened in. */
async function capture(page: Page): Promise<Page> {
  await openWebmailTab(page)
  const button = overlay(page).locator('[data-comptoir="capture-order"]')
  await expect(button).toBeVisible()
  const opened = world.context.waitForEvent("page", { timeout: 20_000 })
  await button.click()
  const failed = overlay(page).locator('.c-capture .c-error, .c-capture [data-comptoir="not-an-order"]')
  const review = await Promise.race([
    opened,
    failed.waitFor({ timeout: 20_000 }).then(async () => {
      throw new Error(`no review opened: ${await failed.innerText()}`)
    })
  ])
  await review.waitForLoadState()
  await expect(review.locator('[data-comptoir="order-review"]')).toBeVisible()
  return review
}

interface StoredOrder {
  id: string
  sourceId: string | null
  customerPoNumber: string | null
  lines: { ref: string; quantityMilli: number }[]
}

const storedOrders = (): Promise<StoredOrder[]> => extensionStore<StoredOrder>(world.context, world.extensionId, "orders")

test("a Roundcube message whose order is only in the attached PDF: the review shows the PDF's lines, and the order is stored", async () => {
  const page = await world.context.newPage()
  await openWithAttachment(page, "Bon de commande BC-2026-114")
  // The body alone is no order: "Veuillez trouver ci-joint notre bon de commande".
  await expect(preview(page).locator("#messagebody")).not.toContainText("GN-4410")
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00111")
  await expect(field(review, "poNumber")).toHaveValue("BC-2026-114")
  await expect(field(review, "deliveryDate")).toHaveValue("2026-03-17")
  const lines = [0, 1, 2, 3].map(async (n) => [await field(review, `lines.${n}.ref`).inputValue(), await field(review, `lines.${n}.quantity`).inputValue()])
  expect(await Promise.all(lines)).toEqual([
    ["GN-4410", "30"],
    ["GN-4411", "20"],
    ["MSQ-200", "10"],
    ["DET-5L", "4"]
  ])
  await expect(review.locator('[data-comptoir="read-attachments"]')).toContainText("BC-2026-114.pdf")
  await expect(review.locator('[data-comptoir="unread-attachments"]')).toHaveCount(0)
  await review.screenshot({ path: "test-results/order-review-from-pdf.png", fullPage: true })

  await review.locator('[data-comptoir="order-confirm"]').click()
  await expect(review.locator('[data-comptoir="order-stored"]')).toBeVisible()
  const orderId = await review.locator('[data-comptoir="order-stored"]').getAttribute("data-order-id")
  const stored = (await storedOrders()).find((o) => o.id === orderId)
  expect(stored?.sourceId).toMatch(/^mail:roundcube:\d+$/)
  expect(stored?.customerPoNumber).toBe("BC-2026-114")
  expect(stored?.lines.map((l) => [l.ref, l.quantityMilli])).toEqual([
    ["GN-4410", 30_000],
    ["GN-4411", 20_000],
    ["MSQ-200", 10_000],
    ["DET-5L", 4_000]
  ])
  await review.close()
  await page.close()
})

test("a Roundcube message with an Excel purchase order: the review shows the spreadsheet's lines", async () => {
  const page = await world.context.newPage()
  await openWithAttachment(page, "Commande avril - EHPAD Les Vergers")
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00119")
  await expect(field(review, "poNumber")).toHaveValue("EV-2026-041")
  await expect(field(review, "deliveryDate")).toHaveValue("2026-04-14")
  await expect(field(review, "lines.0.ref")).toHaveValue("ESS-300")
  await expect(field(review, "lines.0.quantity")).toHaveValue("12")
  await expect(field(review, "lines.3.ref")).toHaveValue("GN-4410")
  await expect(field(review, "lines.3.quantity")).toHaveValue("40")
  await expect(review.locator('[data-comptoir="read-attachments"]')).toContainText("Commande_avril_EHPAD.xlsx")
  await review.screenshot({ path: "test-results/order-review-from-xlsx.png", fullPage: true })
  await review.close()
  await page.close()
})
