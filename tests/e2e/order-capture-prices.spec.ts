import { expect, test, type Page } from "@playwright/test"

import { extensionStore } from "./extension-store"
import { openInPreview, plainMail, roundcubeOrderWorld } from "./orders-base"
import { openWebmailTab } from "./panel-pages"
import { AGENT } from "./roundcube/mailbox"
import { openInbox } from "./roundcube/inbox"

/**
 * Issue #11 in a real Roundcube 1.6 over a real Dovecot: the review of a captured order shows what the order will
 * cost before it is confirmed (each line at the customer's negotiated price, its net, the totals), and the total the
 * agent read is the confirmed order's; a delivery day already gone is said in words, the order still confirmable.
 */
const SUBJECT = "Commande gants et papier"
const text = "Bonjour,\n\nMerci de nous livrer pour le 2 décembre :\n- 6 boîtes de gants nitrile taille M (GN-4410)\n- 10 ramettes papier A4 (REF-1001)\n\nNotre bon de commande : BC-2026-118\n\nAmélie Lefèvre"
const mail = plainMail(
  { from: "Amélie Lefèvre <amelie.lefevre@boulangerie-lefevre.fr>", to: `${AGENT.name} <${AGENT.email}>`, subject: SUBJECT, date: "Tue, 01 Dec 2026 09:12 +0100", messageId: "prices-1@mail.comptoir-demo.test" },
  text
)

const world = roundcubeOrderWorld(test, "capture-prices", [mail])

const overlay = (page: Page) => page.locator("#comptoir-overlay")
const euros = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim()

test("the review prices each line at the customer's prices and totals them before confirming; the order confirmed has the total shown; a past delivery day is flagged", async () => {
  const page = await world.context.newPage()
  await openInbox(page, world.roundcube, [SUBJECT])
  await openInPreview(page, SUBJECT)
  await openWebmailTab(page)
  const opened = world.context.waitForEvent("page", { timeout: 20_000 })
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  const review = await opened
  await review.waitForLoadState()
  const form = review.locator('[data-comptoir="order-review"]')
  await expect(form).toBeVisible()
  // The bakery's negotiated prices, as a manager sets them on the prices page: A4 paper at 4.89 (catalog 5.49), 10 %
  // off the rest of the catalog. Set once the review names the customer (the base keeps no table by code), then the
  // review opened again.
  const customerId = await form.locator('[data-comptoir="order-customer"]').getAttribute("data-customer-id")
  const paper = (await extensionStore<{ id: string; ref: string }>(world.context, world.extensionId, "products")).find((p) => p.ref === "REF-1001")!
  await extensionStore(world.context, world.extensionId, "customerPrices", { id: customerId, discountBp: 1000, specialPrices: [{ productId: paper.id, unitPriceCents: 489 }], discounts: [], categoryDiscounts: [], updatedAt: 1 })
  await review.reload()
  await expect(form).toBeVisible()
  await review.setViewportSize({ width: 1100, height: 1100 })

  // The mail's lines in its order: the gloves, then the paper.
  await expect(form.getByLabel("Ref 1")).toHaveValue("GN-4410")
  await expect(form.getByLabel("Ref 2")).toHaveValue("REF-1001")
  const line = (ref: string) => form.locator('[data-comptoir="order-line"]').nth(ref === "GN-4410" ? 0 : 1)
  const total = form.locator('[data-comptoir="order-total-incl"]')
  // Gloves at the catalog's 8.90 less the customer's 10 %: 6 × 8.01 = 48.06; paper at the special 4.89: 48.90.
  await expect(line("GN-4410").locator('[data-comptoir="line-unit-price"]')).toContainText("€8.90 less 10%")
  await expect(line("GN-4410").locator('[data-comptoir="line-net"]')).toHaveText("€48.06")
  await expect(line("REF-1001").locator('[data-comptoir="line-unit-price"]')).toContainText("€4.89")
  await expect(line("REF-1001").locator('[data-comptoir="line-unit-price"]')).toContainText("Customer's special price (catalog €5.49)")
  await expect(line("REF-1001").locator('[data-comptoir="line-net"]')).toHaveText("€48.90")
  await expect(form.locator('[data-comptoir="order-total-excl"]')).toHaveText("€96.96")
  await expect(form.locator('[data-comptoir="order-total-vat"]')).toHaveText("€19.39")
  await expect(total).toHaveText("€116.35")

  // The delivery day asked for is gone: said in words, the field highlighted, still the agent's to change.
  const date = form.locator('[data-field="deliveryDate"]')
  await expect(date.locator('[data-comptoir="delivery-date-past"]')).toContainText("This delivery date is already past")
  await expect(date).toHaveAttribute("data-low", "true")
  await expect(date.locator("input").first()).toBeEditable()
  await review.screenshot({ path: "test-results/order-capture-prices-past-date.png", fullPage: true })

  // A line the agent adds with a ref no product has: no price, said so, never €0.00; the totals say they leave it out.
  await form.locator('[data-comptoir="order-add-line"]').click()
  const added = form.locator('[data-comptoir="order-line"]').last()
  await expect(added.locator('[data-comptoir="line-no-price"]')).toHaveText("No price until a product's ref is typed.")
  await added.getByLabel("Ref 3").fill("XX-404")
  await expect(added.locator('[data-comptoir="line-no-price"]')).toHaveText("No price: no product has this ref.")
  await expect(added).not.toContainText("€0.00")
  await expect(form.locator('[data-comptoir="order-totals-unpriced"]')).toBeVisible()
  await review.screenshot({ path: "test-results/order-capture-prices-review.png", fullPage: true })
  await added.getByRole("button", { name: "Remove line 3" }).click()

  // Two more boxes of gloves: 8 × 8.01 = 64.08, the totals follow.
  await line("GN-4410").getByLabel("Quantity 1").fill("8")
  await expect(line("GN-4410").locator('[data-comptoir="line-net"]')).toHaveText("€64.08")
  await expect(total).toHaveText("€135.58")
  await expect(form.locator('[data-comptoir="order-totals"]')).toHaveAttribute("data-current", "true")
  const shown = euros(await total.textContent())

  // Confirming is not blocked by the past day; the order stored costs what the review said, where the order is listed.
  await form.locator('[data-comptoir="order-confirm"]').click()
  const stored = review.locator('[data-comptoir="order-stored"]')
  await expect(stored).toBeVisible()
  const orderId = await stored.getAttribute("data-order-id")
  const listed = review.locator(`[data-comptoir="customer-orders"] li[data-order-id="${orderId}"]`)
  await expect(listed).toBeVisible()
  expect(euros(await listed.textContent())).toContain(`· ${shown} ·`)
  const [order] = (await extensionStore<{ id: string; totalInclVatCents: number; deliveryDate: string | null }>(world.context, world.extensionId, "orders")).filter((o) => o.id === orderId)
  expect(order).toMatchObject({ totalInclVatCents: 13558, deliveryDate: "2026-12-02" })
  await review.close()
  await page.close()
})
