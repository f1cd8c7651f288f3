import { execFileSync } from "node:child_process"
import { copyFileSync } from "node:fs"
import { resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { OVER_LIMIT_QUOTE_ID } from "~src/domain/demo/demo-documents"
import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import type { SalesDocument } from "~src/domain/documents/document.schema"
import { formatPercent, money } from "~src/domain/documents/document-text"
import { computeTotals } from "~src/domain/documents/totals"

import { signedInAgent, untilSent, workspace } from "./demo-server"

/**
 * The order confirmation a customer receives (issue #10, `order10`): downloaded from an order's page in the
 * customer's language and read back as the customer's accounts read it; the buyer's PO added after the order was
 * confirmed; an agent blocked at a confirmation told which managers can override.
 */
test.describe.configure({ mode: "serial" })

const agentProfile = signedInAgent("ordpdf")

function pdfText(file: string): string {
  return (JSON.parse(execFileSync(process.execPath, [resolve("tests/e2e/pdf-text.mjs"), file], { encoding: "utf8" })) as { text: string }).text
}

const documentOf = async (page: Page, id: string) =>
  ((await page.evaluate((id) => chrome.runtime.sendMessage({ type: "documents/get", payload: { id } }), id)) as { data: { document: SalesDocument } }).data.document

/** The agent's language for the workspace (null: the browser's), as the options page sets it. */
async function setLanguage(page: Page, language: "fr" | "en" | null): Promise<void> {
  await page.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
  }, language)
}

/** Clicks the page's "Download PDF" and reads the file's text; a copy is kept in test-results to be looked at. */
async function downloadedText(page: Page, keepAs: string): Promise<string> {
  const download = page.waitForEvent("download")
  await page.locator('[data-comptoir="document-pdf"]').click()
  const file = await (await download).path()
  copyFileSync(file, `test-results/${keepAs}`)
  return pdfText(file)
}

test("a confirmed order takes the buyer's PO sent afterwards (its history says from what to what), and its confirmation PDF says it in the customer's language with the totals per VAT rate", async () => {
  const agent = agentProfile()
  await workspace(agent, "orders")
  const rows = ((await agent.page.evaluate(() => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind: "orders", status: "confirmed", limit: 50 } }))) as { data: { rows: { id: string }[] } }).data.rows
  // The order whose lines have the most VAT rates other than 0 %: its PDF has a VAT line per rate to check.
  const taxed = (d: SalesDocument) => computeTotals(d.lines).vatByRate.filter((v) => v.vatCents > 0).length
  const [order] = (await Promise.all(rows.map((r) => documentOf(agent.page, r.id)))).sort((a, b) => taxed(b) - taxed(a))
  expect(order && taxed(order)).toBeGreaterThan(0)
  await workspace(agent, `orders/${order!.id}`)
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "confirmed")

  await agent.page.getByRole("button", { name: "Add the customer's order no." }).click()
  await agent.page.getByLabel("Customer's order no.").fill("PO-2026-4471")
  await agent.page.getByRole("button", { name: "Save", exact: true }).click()
  await expect(agent.page.locator('[data-comptoir="order-po-number"]')).toHaveText("PO-2026-4471")
  await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText("Customer's order no.: (none) → PO-2026-4471")
  // The team server took it: nothing left to send, and no refusal on the order's page.
  await untilSent(agent)
  await expect(agent.page.locator('[data-comptoir="order-po-number"]')).toHaveText("PO-2026-4471")
  await expect(agent.page.locator('[data-comptoir="document-refusal"]')).toHaveCount(0)
  await agent.page.screenshot({ path: "test-results/order10-order-page-en.png", fullPage: true })
  // Corrected: the history says from what to what, in the agent's language (French here).
  await agent.page.getByRole("button", { name: "Change", exact: true }).click()
  await agent.page.getByLabel("Customer's order no.").fill("PO-2026-4472")
  await agent.page.getByRole("button", { name: "Save", exact: true }).click()
  await expect(agent.page.locator('[data-comptoir="order-po-number"]')).toHaveText("PO-2026-4472")
  await untilSent(agent)
  await expect(agent.page.locator('[data-comptoir="document-refusal"]')).toHaveCount(0)
  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  await expect(agent.page.locator('[data-comptoir="history-entry"]').nth(-2)).toContainText("N° de commande client : (aucun) → PO-2026-4471")
  await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText("N° de commande client : PO-2026-4471 → PO-2026-4472")
  await agent.page.screenshot({ path: "test-results/credit10-order-history-fr.png", fullPage: true })
  await setLanguage(agent.page, null)
  await agent.page.reload()

  const lang = order!.language
  const text = await downloadedText(agent.page, "order10-order-confirmation.pdf")
  const totals = computeTotals(order!.lines)
  const expected = [
    lang === "fr" ? "Confirmation de commande" : "Order confirmation",
    `${lang === "fr" ? "N°" : "No."} ${order!.number}`,
    lang === "fr" ? "Votre commande n° : PO-2026-4472" : "Your order no.: PO-2026-4472",
    ...totals.vatByRate.map((v) => `${lang === "fr" ? "TVA" : "VAT"} ${formatPercent(v.vatRateBp, lang)} ${money(v.vatCents, lang)}`),
    `${lang === "fr" ? "Total TTC" : "Total incl. VAT"} ${money(order!.totalInclVatCents, lang)}`,
    `SIREN ${DEMO_SELLER.siren}`,
    lang === "fr" ? "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €" : "Fixed compensation for recovery costs in case of late payment: €40"
  ].map((s) => s.replace(/[\s\u00a0\u202f]+/g, " "))
  expect(expected.filter((said) => !text.includes(said))).toEqual([])
  expect(text).not.toMatch(/Brouillon|Draft/)
})

test("an agent blocked at an order's confirmation is told which manager can override, and its draft PDF says it is not confirmed", async () => {
  const agent = agentProfile()
  await workspace(agent, `quotes/${OVER_LIMIT_QUOTE_ID}`)
  await agent.page.locator('[data-comptoir="to-order"]').click()
  await expect(agent.page).toHaveURL(/#\/orders\/[^/]+$/)
  await expect(agent.page.locator('[data-comptoir="override-ask-manager"]')).toContainText(/^Ask .*Claire Dubois.* to override/)
  await agent.page.screenshot({ path: "test-results/order10-order-blocked-en.png", fullPage: true })
  const order = await documentOf(agent.page, agent.page.url().split("/").at(-1)!)
  const text = await downloadedText(agent.page, "order10-order-draft.pdf")
  expect(text).toContain(order.language === "fr" ? "Brouillon : cette commande n'est pas encore confirmée." : "Draft: this order is not confirmed yet.")
})
