import { mkdirSync, readFileSync } from "node:fs"
import { resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { openInPreview, roundcubeOrderWorld } from "./orders-base"
import { openWebmailTab } from "./panel-pages"
import { openInbox } from "./roundcube/inbox"

/**
 * The order review as an agent sees it, in a real Roundcube, on two mails of the tuned corpus: the pharmacy's
 * (no order number, no day asked) and Hargreaves's (its PO number, a day). Each captured in French and in English:
 * the tab is named after the customer; what the mail does not give and the order does without reads in quiet grey,
 * never in the orange that means "check this"; each line of Hargreaves's one three-item sentence shows its own words.
 * Screenshots in test-results/order-review-tuned.
 */
const shots = resolve("test-results/order-review-tuned")
mkdirSync(shots, { recursive: true })
const tuned = (name: string) => ({ eml: readFileSync(resolve("tests/fixtures/orders/tuned", `${name}.eml`), "utf8") })

const PHARMACY = { subject: "Commande réassort", company: "Pharmacie du Marché" }
const HARGREAVES = { subject: "Order - workshop consumables", company: "Hargreaves Engineering Ltd" }
const world = roundcubeOrderWorld(test, "review-tuned", [tuned("fr-06-pharmacie-refs"), tuned("en-01-hargreaves-please-send")])

const overlay = (page: Page) => page.locator("#comptoir-overlay")

/** The agent's language, set on the settings page (whose tab is named in it). */
async function speak(language: "fr" | "en"): Promise<void> {
  const options = await world.context.newPage()
  await options.goto(`chrome-extension://${world.extensionId}/options.html`)
  await options.evaluate(async (language) => {
    const settings = ((await chrome.storage.local.get("settings")).settings ?? {}) as object
    await chrome.storage.local.set({ settings: { ...settings, language } })
  }, language)
  await expect(options).toHaveTitle(language === "fr" ? "Réglages · Comptoir" : "Settings · Comptoir")
  await options.close()
}

/** Opens the mail in Roundcube's preview, clicks "Capture as order" in Comptoir's panel: the review's tab. */
async function capture(subject: string): Promise<Page> {
  const page = await world.context.newPage()
  await page.setViewportSize({ width: 1280, height: 800 })
  await openInbox(page, world.roundcube, [subject])
  await openInPreview(page, subject)
  await openWebmailTab(page)
  const opened = world.context.waitForEvent("page", { timeout: 20_000 })
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  await overlay(page).locator('[data-comptoir="capture-opened"], [data-comptoir="capture-ask"]').first().waitFor({ timeout: 20_000 })
  if (await overlay(page).locator('[data-comptoir="capture-ask"]').isVisible()) await overlay(page).locator('[data-comptoir="capture-open-review"]').click()
  const review = await opened
  await page.close()
  await review.setViewportSize({ width: 1280, height: 800 })
  await expect(review.locator('[data-comptoir="order-review"]')).toBeVisible()
  // Priced: the screenshots show the review as the agent reads it, not before its prices came.
  await expect(review.locator('[data-comptoir="order-total-excl"]')).toBeVisible()
  return review
}

const field = (review: Page, name: string) => review.locator(`[data-comptoir="order-review"] [data-field="${name}"]`)

for (const language of ["fr", "en"] as const) {
  test(`the pharmacy's order, no number and no day given, reviewed in ${language === "fr" ? "French" : "English"}: named after the customer, calm where the mail is silent`, async () => {
    test.setTimeout(90_000)
    await speak(language)
    const review = await capture(PHARMACY.subject)
    await expect(review).toHaveTitle(`${language === "fr" ? "Commande" : "Order"} — ${PHARMACY.company} · Comptoir`)
    await expect(field(review, "poNumber").locator('[data-comptoir="evidence"]')).toHaveText(language === "fr" ? "Aucun dans le mail (facultatif)." : "None in the mail (optional).")
    await expect(field(review, "deliveryDate").locator('[data-comptoir="evidence"]')).toHaveText(language === "fr" ? "Aucun jour demandé dans le mail\u00a0: délai habituel." : "No day asked in the mail: usual lead time.")
    for (const name of ["poNumber", "deliveryDate", "deliveryAddress"]) await expect(field(review, name)).toHaveAttribute("data-low", "false")
    // Grey, as the words read from the mail are; orange is left to what needs checking.
    const grey = await field(review, "poNumber").locator('[data-comptoir="evidence"]').evaluate((e) => getComputedStyle(e).color)
    expect(grey).toBe(await review.locator('[data-comptoir="evidence"][data-field="lines.0"]').evaluate((e) => getComputedStyle(e).color))
    await review.screenshot({ path: `${shots}/pharmacy-${language}.png`, fullPage: true })
    // Back to a section of the workspace: the tab is named after it again.
    await review.locator('[data-comptoir="nav-customers"]').click()
    await expect(review).toHaveTitle(language === "fr" ? "Clients · Comptoir" : "Customers · Comptoir")
    await review.close()
  })

  test(`Hargreaves's order with its PO number, reviewed in ${language === "fr" ? "French" : "English"}: named after the customer, the number read from the mail`, async () => {
    test.setTimeout(90_000)
    await speak(language)
    const review = await capture(HARGREAVES.subject)
    await expect(review).toHaveTitle(`${language === "fr" ? "Commande" : "Order"} — ${HARGREAVES.company} · Comptoir`)
    await expect(field(review, "poNumber").locator("input")).toHaveValue("HE-40215")
    await expect(field(review, "poNumber").locator('[data-comptoir="evidence"]')).toContainText("HE-40215")
    await expect(field(review, "poNumber").locator('[data-comptoir="evidence"]')).not.toHaveAttribute("data-missing", /./)
    // One sentence gives its three lines: each line shows its own words, not the sentence three times (line-evidence.ts).
    const lineWords = (i: number) => review.locator(`[data-comptoir="evidence"][data-field="lines.${i}"]`)
    await expect(lineWords(0)).toContainText("12 boxes of nitrile gloves size L")
    await expect(lineWords(1)).toContainText("4 cases of Z-fold hand towels")
    await expect(lineWords(2)).toContainText("2 cans of multi-surface cleaner")
    await expect(lineWords(0)).not.toContainText("hand towels")
    await expect(lineWords(1)).not.toContainText("gloves")
    await review.screenshot({ path: `${shots}/hargreaves-${language}.png`, fullPage: true })
    await review.close()
  })
}
