import { expect, test, type Page } from "@playwright/test"

import { closeProfiles, type DemoServer, launchProfiles, type Profile, signIn, startDemoServer, workspace } from "./demo-server"

test.describe.configure({ mode: "serial" })

let server: DemoServer
let profiles: Profile[] = []

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profiles = await launchProfiles(1, "credit")
  await signIn(profiles[0]!.page, profiles[0]!.extensionId, server.url, "agent1@demo.comptoir.test")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

type Row = { id: string; type: string; number: string | null; correctsInvoiceId: string | null; paymentState: string | null; remainingCents: number | null; daysOverdue: number }
const list = async (page: Page, kind: "invoices" | "dunning") =>
  ((await page.evaluate((kind) => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind, limit: 1000 } }), kind)) as { data: { rows: Row[] } }).data.rows

async function setLanguage(page: Page, language: "fr" | "en" | null): Promise<void> {
  await page.evaluate(async (language) => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
  }, language)
}

test("the demo invoice corrected by a credit note and partly paid tells both in its history, with what was left to pay after each", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, "invoices")
  const rows = await list(agent.page, "invoices")
  const note = rows.find((r) => r.type === "credit-note" && r.correctsInvoiceId)!
  const invoice = rows.find((r) => r.id === note.correctsInvoiceId)!
  await workspace(agent, `invoices/${invoice.id}`)
  const credit = agent.page.locator('[data-comptoir="history-credit"]')
  await expect(credit).toHaveCount(1)
  await expect(credit).toContainText(`Credit note ${note.number} of €`)
  await expect(credit).toContainText(/ dated \d{1,2} [A-Z][a-z]{2,3} \d{4} · €[\d,.]+ left to pay · Marc Lefèbvre$/)
  await expect(credit.locator("a")).toHaveAttribute("href", `#/invoices/${note.id}`)
  // Issued, the credit note, then the payment: what the payment left is what the page says is left.
  const told = await agent.page.locator(".c-doc-history li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-comptoir")))
  expect(told.slice(-2)).toEqual(["history-credit", "history-payment"])
  const remaining = (await agent.page.locator('[data-comptoir="remaining"]').textContent()) ?? ""
  // Who recorded the payment, as the status changes say who made them.
  await expect(agent.page.locator('[data-comptoir="history-payment"]').last()).toContainText(`${remaining} left to pay · Marc Lefèbvre`)
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-payment", invoice.paymentState ?? "")
  await agent.page.screenshot({ path: "test-results/truth10-invoice-credit-history-en.png", fullPage: true })

  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  await expect(credit).toContainText(new RegExp(`^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d(?: \\(heure de Paris\\))? · Avoir ${note.number} de [\\d\\s\\u202f,]+\\s€ du \\d\\d/\\d\\d/\\d{4} · reste [\\d\\s\\u202f,]+\\s€ à payer · Marc Lefèbvre$`))
  // The credit note's amount with the minus sign, not a hyphen, as Chromium's Intl is told to print it.
  await expect(agent.page.locator('[data-comptoir="credit-note-link"]').locator("..")).toContainText(/ · \u2212[\d\s\u202f,]+\s€ · /)
  await agent.page.screenshot({ path: "test-results/truth10-invoice-credit-history-fr.png", fullPage: true })
  await setLanguage(agent.page, null)
})

test("an overdue invoice credited in full leaves the dunning list and reads settled by credit note, not paid", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, "dunning")
  const due = (await list(agent.page, "dunning")).find((r) => r.paymentState === "unpaid" && r.daysOverdue > 0)!
  await workspace(agent, `invoices/${due.id}`)
  await agent.page.locator('[data-comptoir="credit-full"]').click()
  await expect(agent.page).not.toHaveURL(new RegExp(`#/invoices/${due.id}$`))
  await agent.page.locator('[data-comptoir="issue"]').click()
  await expect(agent.page.locator('[data-comptoir="document-number"]')).toHaveText(/^AV-\d{4}-\d{5}$/, { timeout: 20_000 })
  const number = (await agent.page.locator('[data-comptoir="document-number"]').textContent()) ?? ""

  await workspace(agent, `invoices/${due.id}`)
  const view = agent.page.locator('[data-comptoir="document-view"]')
  await expect(view).toHaveAttribute("data-payment", "credited")
  await expect(agent.page.locator('[data-comptoir="remaining"]')).toHaveAttribute("data-cents", "0")
  await expect(agent.page.locator('[data-comptoir="invoice-paid"]')).toHaveText("Settled by credit note: nothing left to pay.")
  await expect(agent.page.locator('[data-comptoir="history-credit"]')).toContainText(new RegExp(`Credit note ${number} of €[\\d,.]+ dated .* · nothing left to pay · Marc Lefèbvre$`))
  await expect(agent.page.locator('[data-comptoir="credit-full"]')).toHaveCount(0)
  await expect(agent.page.locator('[data-comptoir="credit-none-left"]')).toBeVisible()
  await agent.page.screenshot({ path: "test-results/truth10-invoice-credited-en.png", fullPage: true })
  expect((await list(agent.page, "dunning")).map((r) => r.id)).not.toContain(due.id)
  // The invoice list names it: filtered on "Settled by credit note" it is there, on "Paid" (money received) it is not.
  await workspace(agent, "invoices")
  await agent.page.locator('[data-comptoir="documents-status"]').selectOption({ label: "Settled by credit note" })
  await expect(agent.page.locator(`[data-comptoir="document-row"][data-id="${due.id}"]`)).toHaveCount(1)
  await agent.page.screenshot({ path: "test-results/truth10-invoices-settled-filter-en.png", fullPage: true })
  await agent.page.locator('[data-comptoir="documents-status"]').selectOption({ label: "Paid" })
  await expect(agent.page.locator('[data-comptoir="document-row"]').first()).toBeVisible()
  await expect(agent.page.locator(`[data-comptoir="document-row"][data-id="${due.id}"]`)).toHaveCount(0)
  await workspace(agent, `invoices/${due.id}`)
  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  await expect(agent.page.locator('[data-comptoir="invoice-paid"]')).toHaveText("Soldée par avoir : plus rien à payer.")
  await expect(view.locator('.c-chip[data-payment="credited"]')).toHaveText("Soldée par avoir")
  await agent.page.screenshot({ path: "test-results/truth10-invoice-credited-fr.png", fullPage: true })
  await setLanguage(agent.page, null)
})

test("once a credit note took one back, the credit-note form offers what is left of the line and refuses more, in words (issue #10)", async () => {
  const [agent] = profiles as [Profile]
  await workspace(agent, "invoices")
  const rows = await list(agent.page, "invoices")
  const corrected = new Set(rows.map((r) => r.correctsInvoiceId))
  type Line = { id: string; label: string; quantityMilli: number }
  const get = async (id: string) =>
    ((await agent.page.evaluate((id) => chrome.runtime.sendMessage({ type: "documents/get", payload: { id } }), id)) as { data: { document: { lines: Line[] } } }).data.document
  // An issued invoice no credit note touched yet, with a line of several whole units (the walk's 12 rolls).
  let found: { id: string; line: Line } | null = null
  for (const r of rows.filter((r) => r.type === "invoice" && r.number !== null && !corrected.has(r.id) && r.paymentState !== "credited")) {
    const line = (await get(r.id)).lines.find((l) => l.quantityMilli >= 2000 && l.quantityMilli % 1000 === 0)
    if (line) {
      found = { id: r.id, line }
      break
    }
  }
  expect(found).not.toBeNull()
  const { id, line } = found!
  const total = line.quantityMilli / 1000
  await workspace(agent, `invoices/${id}`)
  const input = agent.page.getByLabel(`Quantity of ${line.label} to credit`)
  await input.fill("1")
  await agent.page.locator('[data-comptoir="credit-partial"]').click()
  await expect(agent.page).not.toHaveURL(new RegExp(`#/invoices/${id}$`))
  await agent.page.locator('[data-comptoir="issue"]').click()
  await expect(agent.page.locator('[data-comptoir="document-number"]')).toHaveText(/^AV-\d{4}-\d{5}$/, { timeout: 20_000 })

  await workspace(agent, `invoices/${id}`)
  await expect(input.locator("..")).toHaveText(` / ${total - 1}`)
  await expect(agent.page.locator('[data-comptoir="credit-full"]')).toHaveText("Credit all that is left")
  await input.fill(String(total))
  await agent.page.locator('[data-comptoir="credit-partial"]').click()
  await expect(agent.page.locator('[data-comptoir="credit-error"]')).toHaveText(`Credit between 0 and ${total - 1} of “${line.label}”: what is left to credit.`)
  await expect(agent.page).toHaveURL(new RegExp(`#/invoices/${id}$`))
  await agent.page.locator('[data-comptoir="credit-error"]').scrollIntoViewIfNeeded()
  await agent.page.screenshot({ path: "test-results/credit10-credit-left-en.png", fullPage: true })

  await setLanguage(agent.page, "fr")
  await agent.page.reload()
  const champ = agent.page.getByLabel(`Quantité de ${line.label} à créditer`)
  await expect(champ.locator("..")).toHaveText(` / ${total - 1}`)
  await champ.fill(String(total))
  await agent.page.locator('[data-comptoir="credit-partial"]').click()
  await expect(agent.page.locator('[data-comptoir="credit-error"]')).toHaveText(`Créditez entre 0 et ${total - 1} de « ${line.label} » : ce qui reste à créditer.`)
  await agent.page.screenshot({ path: "test-results/credit10-credit-left-fr.png", fullPage: true })
  await setLanguage(agent.page, null)
})
