import { expect, test, type Page } from "@playwright/test"

import { signedInAgent, untilSent, workspace } from "./demo-server"

test.describe.configure({ mode: "serial" })

const agent = signedInAgent("overpay")

type Row = { id: string; type: string; number: string | null; customerId: string; paymentState: string | null; remainingCents: number | null; daysOverdue: number }
const invoices = async (page: Page) =>
  ((await page.evaluate(() => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind: "invoices", limit: 1000 } }))) as { data: { rows: Row[] } }).data.rows

async function setLanguage(page: Page, language: "fr" | "en" | null): Promise<void> {
  await page.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
  }, language)
}

/** "€1,234.08" as the English UI writes cents. */
const euros = (cents: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100)

// A customer pays 65.92 € more than the invoice (1 300 € on 1 234,08 €): Odoo records it and keeps the excess as the
// customer's credit; the form refused it before (walk16).
test("an overpayment is recorded once the agent keeps the excess as the customer's credit: the invoice is paid, the server takes it, the card says the credit", async () => {
  const p = agent()
  await workspace(p, "invoices")
  // An unpaid invoice of a customer who holds no credit yet (each repeat of this test takes another).
  const credit = async (customerId: string) =>
    ((await p.page.evaluate((customerId) => chrome.runtime.sendMessage({ type: "documents/risk", payload: { customerId } }), customerId)) as { data: { reasons: { code: string }[] } }).data.reasons.some((r) => r.code === "customer-credit")
  let invoice: Row | undefined
  for (const r of (await invoices(p.page)).filter((r) => r.type === "invoice" && r.paymentState === "unpaid" && (r.remainingCents ?? 0) > 0 && r.daysOverdue === 0)) {
    if (!(await credit(r.customerId))) {
      invoice = r
      break
    }
  }
  if (!invoice) throw new Error("no unpaid invoice of a customer without credit in the demo")
  const remaining = invoice.remainingCents!
  await workspace(p, `invoices/${invoice.id}`)
  const view = p.page.locator('[data-comptoir="document-view"]')
  await expect(view).toHaveAttribute("data-payment", "unpaid")

  await p.page.locator('[data-comptoir="payment-amount"]').fill(((remaining + 6_592) / 100).toFixed(2))
  await p.page.locator('[data-comptoir="payment-reference"]').fill("VIR OVER-1")
  const over = p.page.locator('[data-comptoir="payment-over"]')
  await expect(over).toHaveAttribute("data-cents", "6592")
  await expect(over).toContainText(`€65.92 more than what is left to pay (${euros(remaining)}).`)
  // Not ticked: nothing is recorded, the form says what to do.
  await p.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(p.page.locator('[data-comptoir="payment-error"]')).toHaveText("Tick to keep the €65.92 overpaid as the customer's credit, or correct the amount.")
  await expect(p.page.locator('[data-comptoir="payment-row"]')).toHaveCount(0)
  await p.page.screenshot({ path: "test-results/walk16-overpayment-form-en.png", fullPage: true })

  await p.page.getByLabel("Record it: the invoice is paid and the €65.92 overpaid is kept as the customer's credit").check()
  await p.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(view).toHaveAttribute("data-payment", "paid")
  await expect(p.page.locator('[data-comptoir="remaining"]')).toHaveAttribute("data-cents", "0")
  await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveText("Overpaid: €65.92, kept as the customer's credit.")
  await expect(p.page.locator('[data-comptoir="payment-row"]')).toContainText(`${euros(remaining + 6_592)}incl. €65.92 overpaid`)
  await expect(p.page.locator('[data-comptoir="history-payment"]').last()).toHaveAttribute("data-outcome", "paid")
  await p.page.screenshot({ path: "test-results/walk16-overpayment-paid-en.png", fullPage: true })

  // The server took it (it refuses an overpayment not acknowledged): nothing left to send, no change refused.
  await untilSent(p)
  await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
  await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send")
  await expect(p.page.locator('[data-comptoir="refused-change"]')).toHaveCount(0)

  // The customer's card says the credit in words, in its risk.
  await workspace(p, `customers/${invoice.customerId}`)
  await expect(p.page.locator('[data-comptoir="risk"]').first()).toContainText("Customer's credit: €65.92 received beyond their invoices (overpaid), deducted from the outstanding")
  await p.page.screenshot({ path: "test-results/walk16-overpayment-card-en.png", fullPage: true })

  await setLanguage(p.page, "fr")
  await workspace(p, `invoices/${invoice.id}`)
  await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveText(/^Trop-perçu : 65,92\s€, gardés au crédit du client\.$/)
  await expect(p.page.locator('[data-comptoir="payment-overpayment"]')).toHaveText(/^dont 65,92\s€ de trop-perçu$/)
  await p.page.screenshot({ path: "test-results/walk16-overpayment-paid-fr.png", fullPage: true })
  await setLanguage(p.page, null)
})

// The 65,92 € kept as credit used on the customer's next open invoice, as Odoo's "Outstanding credits — Add" (walk17):
// before, the credit sat on the card while dunning chased the other invoice in full.
test("the credit an overpayment left is applied to another open invoice of the customer: it pays that much of it, the credit is spent, the server takes it", async () => {
  const p = agent()
  await workspace(p, "invoices")
  const risk = async (customerId: string) =>
    ((await p.page.evaluate((customerId) => chrome.runtime.sendMessage({ type: "documents/risk", payload: { customerId } }), customerId)) as { data: { reasons: { code: string; creditCents?: number }[] } }).data.reasons
  // A customer with two open invoices and no credit yet (each repeat of this test takes another).
  const open = (await invoices(p.page)).filter((r) => r.type === "invoice" && (r.remainingCents ?? 0) > 0)
  let pair: [Row, Row] | undefined
  for (const a of open) {
    const b = open.find((r) => r.customerId === a.customerId && r.id !== a.id)
    if (b && !(await risk(a.customerId)).some((r) => r.code === "customer-credit")) {
      pair = [a, b]
      break
    }
  }
  if (!pair) throw new Error("no customer with two open invoices and no credit in the demo")
  const [first, other] = pair

  // 65,92 € over what is left on the first one, kept as the customer's credit.
  await workspace(p, `invoices/${first.id}`)
  await p.page.locator('[data-comptoir="payment-amount"]').fill(((first.remainingCents! + 6_592) / 100).toFixed(2))
  await p.page.locator('[data-comptoir="payment-keep-credit"]').check()
  await p.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveText("Overpaid: €65.92, kept as the customer's credit.")

  // The other invoice offers it.
  await workspace(p, `invoices/${other.id}`)
  const remaining = p.page.locator('[data-comptoir="remaining"]')
  await expect(remaining).toHaveAttribute("data-cents", String(other.remainingCents))
  await expect(p.page.locator('[data-comptoir="customer-credit"]')).toHaveText("Customer's credit available: €65.92 —Apply to this invoice")
  await p.page.screenshot({ path: "test-results/walk17-credit-offered-en.png", fullPage: true })
  await p.page.getByRole("button", { name: "Apply to this invoice" }).click()

  const applied = Math.min(6_592, other.remainingCents!)
  await expect(remaining).toHaveAttribute("data-cents", String(other.remainingCents! - applied))
  const row = p.page.locator('[data-comptoir="payment-row"]').filter({ hasText: "Customer's credit" })
  await expect(row).toContainText(euros(applied))
  await expect(row).toContainText(first.number!)
  await expect(p.page.locator('[data-comptoir="customer-credit"]')).toHaveCount(applied === 6_592 ? 0 : 1)
  await p.page.screenshot({ path: "test-results/walk17-credit-applied-en.png", fullPage: true })

  // The lists and the risk follow: the other invoice is chased for that much less; no credit is left to name.
  const listed = (await invoices(p.page)).find((r) => r.id === other.id)!
  expect(listed.remainingCents).toBe(other.remainingCents! - applied)
  if (applied === 6_592) expect((await risk(first.customerId)).some((r) => r.code === "customer-credit")).toBe(false)
  await untilSent(p)
  await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
  await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send")
  await expect(p.page.locator('[data-comptoir="refused-change"]')).toHaveCount(0)

  // The overpaid invoice says where its excess went, in French too.
  await setLanguage(p.page, "fr")
  await workspace(p, `invoices/${first.id}`)
  if (applied === 6_592) await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveText(/^Trop-perçu : 65,92\s€, imputé depuis sur d'autres factures du client\.$/)
  await p.page.screenshot({ path: "test-results/walk17-credit-source-fr.png", fullPage: true })
  await setLanguage(p.page, null)
})

// The 65,92 € kept as credit sent back to the customer by transfer, as Odoo's "Refund" of an outstanding credit
// (walk18): before, only a negative amount typed in the form did it, and nothing on the page offered it.
test("the credit an overpayment left is refunded from the overpaid invoice: a negative payment of it, the invoice stays paid, the credit is gone, the server takes it", async () => {
  const p = agent()
  await workspace(p, "invoices")
  const risk = async (customerId: string) =>
    ((await p.page.evaluate((customerId) => chrome.runtime.sendMessage({ type: "documents/risk", payload: { customerId } }), customerId)) as { data: { reasons: { code: string }[] } }).data.reasons
  // An unpaid invoice of a customer who holds no credit yet (each repeat of this test takes another).
  let invoice: Row | undefined
  for (const r of (await invoices(p.page)).filter((r) => r.type === "invoice" && r.paymentState === "unpaid" && (r.remainingCents ?? 0) > 0)) {
    if (!(await risk(r.customerId)).some((x) => x.code === "customer-credit")) {
      invoice = r
      break
    }
  }
  if (!invoice) throw new Error("no unpaid invoice of a customer without credit in the demo")
  await workspace(p, `invoices/${invoice.id}`)
  await p.page.locator('[data-comptoir="payment-amount"]').fill(((invoice.remainingCents! + 6_592) / 100).toFixed(2))
  await p.page.locator('[data-comptoir="payment-keep-credit"]').check()
  await p.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveText("Overpaid: €65.92, kept as the customer's credit.")

  await p.page.getByRole("button", { name: "Refund €65.92 to the customer" }).click()
  await expect(p.page.locator('[data-comptoir="credit-refund-method"]')).toHaveValue("transfer")
  await p.page.locator('[data-comptoir="credit-refund-reference"]').fill("VIR RET-1")
  await p.page.screenshot({ path: "test-results/walk18-refund-form-en.png", fullPage: true })
  await p.page.getByRole("button", { name: "Record the refund" }).click()

  const view = p.page.locator('[data-comptoir="document-view"]')
  await expect(p.page.locator('[data-comptoir="invoice-excess"]')).toHaveCount(0)
  await expect(view).toHaveAttribute("data-payment", "paid")
  await expect(p.page.locator('[data-comptoir="remaining"]')).toHaveAttribute("data-cents", "0")
  await expect(p.page.locator('[data-comptoir="credit-refund"]')).toHaveCount(0)
  const refund = p.page.locator('[data-comptoir="history-payment"]').last()
  await expect(refund).toHaveAttribute("data-outcome", "refund")
  await expect(refund).toContainText("Overpayment of €65.92 refunded on")
  await expect(refund).toContainText("by bank transfer · ref. VIR RET-1 · invoice paid in full")
  expect((await risk(invoice.customerId)).some((x) => x.code === "customer-credit")).toBe(false)
  await p.page.screenshot({ path: "test-results/walk18-refunded-en.png", fullPage: true })

  // The server took it (it holds a refund to the credit left): nothing left to send, no change refused.
  await untilSent(p)
  await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
  await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send")
  await expect(p.page.locator('[data-comptoir="refused-change"]')).toHaveCount(0)

  await setLanguage(p.page, "fr")
  await workspace(p, `invoices/${invoice.id}`)
  await expect(p.page.locator('[data-comptoir="history-payment"]').last()).toContainText(/Trop-perçu de 65,92\s€ remboursé le \d\d\/\d\d\/\d{4} par virement/)
  await p.page.screenshot({ path: "test-results/walk18-refunded-fr.png", fullPage: true })
  await setLanguage(p.page, null)
})
