import { expect, test, type Page } from "@playwright/test"

import { signedInAgent, untilSent, workspace } from "./demo-server"

test.describe.configure({ mode: "serial" })

const agent = signedInAgent("paycancel")

type Row = { id: string; type: string; paymentState: string | null; remainingCents: number | null; daysOverdue: number }
const invoices = async (page: Page) =>
  ((await page.evaluate(() => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind: "invoices", limit: 1000 } }))) as { data: { rows: Row[] } }).data.rows

// "Cancel this payment" (walk19): the agent types a payment that pays the invoice, then cancels it the same day with a
// reason. The line stays, struck through; the invoice is owed in full again; the team server takes the cancellation.
test("an agent cancels the payment they just recorded: the invoice is owed again, the line says when, by whom and why, the server takes it", async () => {
  const p = agent()
  await workspace(p, "invoices")
  // Each repeat takes an unpaid invoice not yet due, with no payment yet.
  const invoice = (await invoices(p.page)).find((r) => r.type === "invoice" && r.paymentState === "unpaid" && r.daysOverdue === 0 && (r.remainingCents ?? 0) > 0)
  if (!invoice) throw new Error("no unpaid invoice in the demo")
  const remaining = invoice.remainingCents!
  await workspace(p, `invoices/${invoice.id}`)
  const view = p.page.locator('[data-comptoir="document-view"]')
  await expect(view).toHaveAttribute("data-payment", "unpaid")

  await p.page.locator('[data-comptoir="payment-amount"]').fill((remaining / 100).toFixed(2))
  await p.page.locator('[data-comptoir="payment-reference"]').fill("VIR WRONG-1")
  await p.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(view).toHaveAttribute("data-payment", "paid")

  const line = p.page.locator('[data-comptoir="payment-row"]')
  await line.locator('[data-comptoir="payment-cancel-open"]').click()
  await p.page.locator('[data-comptoir="payment-cancel-submit"]').click()
  await expect(p.page.locator('[data-comptoir="payment-cancel-error"]')).toHaveText("Say why this payment is cancelled.")
  await p.page.getByLabel("Reason for cancelling").fill("Wrong invoice: the transfer was for another one")
  await p.page.screenshot({ path: "test-results/walk19-payment-cancel-form-en.png", fullPage: true })
  await p.page.locator('[data-comptoir="payment-cancel-submit"]').click()

  await expect(line).toHaveAttribute("data-cancelled", "true")
  await expect(view).toHaveAttribute("data-payment", "unpaid")
  await expect(p.page.locator('[data-comptoir="remaining"]')).toHaveAttribute("data-cents", String(remaining))
  await expect(p.page.locator('[data-comptoir="payments-total"]')).toHaveAttribute("data-cents", "0")
  await expect(p.page.locator('[data-comptoir="payment-cancelled"]')).toContainText("— Wrong invoice: the transfer was for another one")
  await expect(p.page.locator('[data-comptoir="history-payment"]').last()).toHaveAttribute("data-outcome", "cancelled")
  await p.page.screenshot({ path: "test-results/walk19-payment-cancelled-en.png", fullPage: true })

  // In French: the same line, in the agent's words.
  await p.page.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: "fr" } })
  })
  await workspace(p, `invoices/${invoice.id}`)
  await expect(p.page.locator('[data-comptoir="payment-cancelled"]')).toHaveText(/^Annulé le \d{2}\/\d{2}\/\d{4} par .+ — Wrong invoice: the transfer was for another one$/)
  await p.page.screenshot({ path: "test-results/walk19-payment-cancelled-fr.png", fullPage: true })
  await p.page.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: null } })
  })

  // The server took both (it re-checks the cancellation): nothing left to send, no change refused.
  await untilSent(p)
  await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
  await expect(p.page.locator('[data-comptoir="refused-change"]')).toHaveCount(0)
})
