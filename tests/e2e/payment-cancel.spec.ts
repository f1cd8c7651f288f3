import { expect, test, type Page } from "@playwright/test"

import { signedInAgent, untilSent, workspace } from "./demo-server"
import { serviceWorkerOf } from "./launch"

test.describe.configure({ mode: "serial" })

const agent = signedInAgent("paycancel")

type Row = { id: string; type: string; date: string; paymentState: string | null; remainingCents: number | null; daysOverdue: number }
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

const parisDay = (at: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at))
const frenchDay = (iso: string) => iso.split("-").reverse().join("/")

// walk20: recorded and cancelled offline at 23:55, pushed at 00:10. The server keeps the cancellation dated its own day,
// and the push's answer says so: the line shows that day at once, with no pull (the pull is held back here).
test("a payment cancelled before midnight and pushed after it shows the day the server kept it, right after the push", async () => {
  const p = agent()
  const sw = await serviceWorkerOf(p.context)
  const yesterday = parisDay(Date.now() - 24 * 3_600_000)
  const today = parisDay(Date.now())
  await p.page.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: "fr" } })
  })
  await workspace(p, "invoices")
  // From the end of the list: the spec's first test takes the first such invoice, and each leaves a cancelled payment behind.
  const invoice = (await invoices(p.page)).findLast((r) => r.type === "invoice" && r.paymentState === "unpaid" && r.daysOverdue === 0 && (r.remainingCents ?? 0) > 0 && r.date < yesterday)
  if (!invoice) throw new Error("no unpaid invoice issued before yesterday in the demo")
  await workspace(p, `invoices/${invoice.id}`)
  // The device's clock says yesterday, and it hears nothing from a pull: only the push's answer can tell it.
  await sw.evaluate((shift) => {
    const g = globalThis as unknown as { __realNow?: () => number; __realFetch?: typeof fetch }
    g.__realNow ??= Date.now
    g.__realFetch ??= fetch
    const realNow = g.__realNow
    const realFetch = g.__realFetch
    Date.now = () => realNow() - shift
    globalThis.fetch = (input, init) => (String(input instanceof Request ? input.url : input).includes("/sync/pull") ? Promise.reject(new TypeError("Failed to fetch")) : realFetch(input, init))
  }, 24 * 3_600_000)
  try {
    await p.page.locator('[data-comptoir="payment-date"]').fill(yesterday)
    await p.page.locator('[data-comptoir="payment-amount"]').fill((invoice.remainingCents! / 100).toFixed(2))
    const reference = `VIR LATE-${Date.now()}`
    await p.page.locator('[data-comptoir="payment-reference"]').fill(reference)
    await p.page.locator('[data-comptoir="payment-submit"]').click()
    const view = p.page.locator('[data-comptoir="document-view"]')
    await expect(view).toHaveAttribute("data-payment", "paid")
    const line = p.page.locator('[data-comptoir="payment-row"]', { hasText: reference })
    await line.locator('[data-comptoir="payment-cancel-open"]').click()
    await p.page.getByLabel("Motif de l'annulation").fill("Doublon")
    await p.page.locator('[data-comptoir="payment-cancel-submit"]').click()
    await expect(line).toHaveAttribute("data-cancelled", "true")
    await expect(p.page.locator(`[data-comptoir="payment-row"]:has-text("${reference}") + tr [data-comptoir="payment-cancelled"]`)).toHaveText(new RegExp(`^Annulé le ${frenchDay(today)} par .+ — Doublon$`))
    await p.page.screenshot({ path: "test-results/cancel10-payment-cancelled-redated-fr.png", fullPage: true })
  } finally {
    await sw.evaluate(() => {
      const g = globalThis as unknown as { __realNow?: () => number; __realFetch?: typeof fetch }
      if (g.__realNow) Date.now = g.__realNow
      if (g.__realFetch) globalThis.fetch = g.__realFetch
    })
    await p.page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get("settings")
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: null } })
      // The held-back pull left an "unreachable" error and its backoff: sync again now that the server is heard.
      await chrome.runtime.sendMessage({ type: "sync/now", payload: {} })
    })
  }
  await untilSent(p)
})
