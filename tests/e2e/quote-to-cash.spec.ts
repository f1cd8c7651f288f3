import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, test } from "@playwright/test"

import { OVER_LIMIT_QUOTE_ID } from "~src/domain/demo/demo-documents"
import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import { extractFacturXml } from "~src/domain/documents/factur-x/embed"
import { addDaysIso, todayInFrance } from "~src/domain/documents/payment-terms"

import { closeProfiles, launchProfiles, signIn, startDemoServer, type DemoServer, type Profile } from "./demo-server"
import { startSite } from "./launch"
import { DAY_IN_ENGLISH, dunningFit, reopenUntil, workspace } from "./quote-to-cash-world"

test.describe.configure({ mode: "serial" })

const XSD = resolve("tests/fixtures/factur-x/Factur-X_EN16931.xsd")
let server: DemoServer
let profiles: Profile[] = []
let orderId = ""
let invoiceId = ""
let customerId = ""
let refusedQuoteId = ""

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profiles = await launchProfiles(2, "q2c")
  const [agent, manager] = profiles as [Profile, Profile]
  await signIn(agent.page, agent.extensionId, server.url, "agent1@demo.comptoir.test")
  await signIn(manager.page, manager.extensionId, server.url, "manager@demo.comptoir.test")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

test("signed in on the options page, without a reload, the manager sees the team's seller identity and may edit it", async () => {
  const [, manager] = profiles as [Profile, Profile]
  // signIn() left the page as the user has it: the options page they signed in on, never reloaded.
  await expect(manager.page.locator('[data-comptoir="seller-name"]')).toHaveValue(DEMO_SELLER.name)
  await expect(manager.page.locator('[data-comptoir="seller-name"]')).toBeEnabled()
  await expect(manager.page.locator('[data-comptoir="seller-save"]')).toBeVisible()
})

test("an order for the customer over its credit limit is blocked for an agent and confirmed after a manager's override", async () => {
  const [agent, manager] = profiles as [Profile, Profile]
  await workspace(agent, `quotes/${OVER_LIMIT_QUOTE_ID}`)
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "accepted")
  await agent.page.locator('[data-comptoir="to-order"]').click()
  await expect(agent.page).toHaveURL(/#\/orders\/[^/]+$/)
  orderId = agent.page.url().split("/").at(-1)!
  const blocked = agent.page.locator('[data-comptoir="confirm-blocked"]')
  await expect(blocked).toBeVisible()
  await expect(blocked.locator('[data-comptoir="risk-reasons"] li[data-code="over-limit"]')).toContainText("over the credit limit")
  await expect(agent.page.locator('[data-comptoir="confirm-order"]')).toHaveCount(0)
  customerId = (await agent.page.locator('[data-comptoir="document-view"]').getAttribute("data-customer")) ?? ""
  await expect(agent.page.locator('[data-comptoir="override-ask-manager"]')).toBeVisible()
  await expect(agent.page.locator('[data-comptoir="override-submit"]')).toHaveCount(0)
  await agent.page.screenshot({ path: "test-results/q2c-order-blocked-agent.png", fullPage: true })

  // The manager's device gets the draft order by sync, and overrides with a reason.
  await reopenUntil(manager, `orders/${orderId}`, '[data-comptoir="override-reason"]')
  await manager.page.locator('[data-comptoir="override-reason"]').fill("Customer pays by transfer before delivery (agreed with accounting)")
  await manager.page.locator('[data-comptoir="override-submit"]').click()
  // Named as the team knows the manager, not by e-mail.
  await expect(manager.page.locator('[data-comptoir="risk-override"]')).toContainText("Claire Dubois")

  // Back on the agent's device: who and why are shown, and confirming goes through; the server numbers it.
  await reopenUntil(agent, `orders/${orderId}`, '[data-comptoir="risk-override"]')
  await expect(agent.page.locator('[data-comptoir="risk-override"]')).toContainText("Customer pays by transfer before delivery")
  // The agent's device names the manager too (the team's names come from the server).
  await expect(agent.page.locator('[data-comptoir="risk-override"]')).toContainText("Claire Dubois")
  await agent.page.locator('[data-comptoir="confirm-order"]').click()
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "confirmed")
  await expect(agent.page.locator('[data-comptoir="document-number"]')).toHaveText(/^CMD-\d{4}-\d{5}$/, { timeout: 20_000 })
  await agent.page.screenshot({ path: "test-results/q2c-order-confirmed.png", fullPage: true })
})

test("the order's invoice is issued with its number, and a payment that covers it makes it paid", async () => {
  const [agent] = profiles as [Profile, Profile]
  await workspace(agent, `orders/${orderId}`)
  await agent.page.locator('[data-comptoir="to-invoice"]').click()
  await expect(agent.page).toHaveURL(/#\/invoices\/[^/]+$/)
  invoiceId = agent.page.url().split("/").at(-1)!
  await agent.page.locator('[data-comptoir="issue"]').click()
  await expect(agent.page.locator('[data-comptoir="document-number"]')).toHaveText(/^FAC-\d{4}-\d{5}$/, { timeout: 20_000 })
  const view = agent.page.locator('[data-comptoir="document-view"]')
  await expect(view).toHaveAttribute("data-payment", "unpaid")
  const total = Number(await agent.page.locator('[data-comptoir="document-total"]').getAttribute("data-cents"))

  // A first partial payment, then the rest.
  const part = Math.floor(total / 3)
  await agent.page.locator('[data-comptoir="payment-amount"]').fill((part / 100).toFixed(2))
  await agent.page.locator('[data-comptoir="payment-reference"]').fill("VIR 2026-118")
  await agent.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(view).toHaveAttribute("data-payment", "partly-paid")
  await expect(agent.page.locator('[data-comptoir="remaining"]')).toHaveAttribute("data-cents", String(total - part))
  await agent.page.locator('[data-comptoir="payment-amount"]').fill(((total - part) / 100).toFixed(2))
  await agent.page.locator('[data-comptoir="payment-method"]').selectOption("cheque")
  await agent.page.locator('[data-comptoir="payment-submit"]').click()
  await expect(view).toHaveAttribute("data-payment", "paid")
  await expect(agent.page.locator('[data-comptoir="invoice-paid"]')).toBeVisible()
  await expect(agent.page.locator('[data-comptoir="payment-row"]')).toHaveCount(2)
  // The history tells both payments after the invoice's issue: what was left after the first, paid in full by the second.
  const told = agent.page.locator('[data-comptoir="history-payment"]')
  await expect(told).toHaveCount(2)
  await expect(told.nth(0)).toHaveAttribute("data-outcome", "partial")
  await expect(told.nth(0)).toContainText("by bank transfer · ref. VIR 2026-118 ·")
  await expect(told.nth(0)).toContainText("left to pay")
  await expect(told.nth(1)).toHaveAttribute("data-outcome", "paid")
  await expect(told.nth(1)).toContainText(/by cheque · invoice paid in full · Marc Lefèbvre$/)
  await agent.page.screenshot({ path: "test-results/invoice-paid-history-en.png", fullPage: true })
  const settings = await agent.page.evaluate(async () => (await chrome.storage.local.get("settings")).settings as object | undefined)
  await agent.page.evaluate(async (settings) => chrome.storage.local.set({ settings: { ...settings, language: "fr" } }), settings)
  await agent.page.reload()
  await expect(told.nth(1)).toContainText(/par chèque · facture soldée · Marc Lefèbvre$/)
  await agent.page.screenshot({ path: "test-results/invoice-paid-history-fr.png", fullPage: true })
  await agent.page.evaluate(async (settings) => (settings ? chrome.storage.local.set({ settings }) : chrome.storage.local.remove("settings")), settings)
  // The server took both payments: nothing is left to send and no change was refused.
  await expect(async () => {
    await agent.page.goto(`chrome-extension://${agent.extensionId}/options.html`)
    await expect(agent.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
})

test("the invoice's Factur-X XML, extracted from the downloaded PDF, is valid against the official schema", async () => {
  // The seller identity (SIREN, VAT number, address) is the demo team's `teamSettings/seller` row.
  const [agent] = profiles as [Profile, Profile]
  await workspace(agent, `invoices/${invoiceId}`)
  const total = Number(await agent.page.locator('[data-comptoir="document-total"]').getAttribute("data-cents"))
  const download = agent.page.waitForEvent("download")
  await agent.page.locator('[data-comptoir="facturx-download"]').click()
  const file = await (await download).path()
  const xml = await extractFacturXml(new Uint8Array(readFileSync(file)))
  expect(xml).not.toBeNull()
  const dir = mkdtempSync(join(tmpdir(), "q2c-facturx-"))
  writeFileSync(join(dir, "factur-x.xml"), xml!)
  // xmllint exits non-zero with the schema's words when the XML does not validate.
  const out = execFileSync("xmllint", ["--noout", "--schema", XSD, join(dir, "factur-x.xml")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
  expect(out).toBe("")
  const number = await agent.page.locator('[data-comptoir="document-number"]').textContent()
  expect(xml).toContain(`<ram:ID>${number}</ram:ID>`)
  expect(xml).toContain(`<ram:GrandTotalAmount>${(total / 100).toFixed(2)}</ram:GrandTotalAmount>`)
  rmSync(dir, { recursive: true, force: true })
})

test("the lists filter and search, and the dunning screen offers each overdue invoice its reminder", async () => {
  const [agent] = profiles as [Profile, Profile]
  await workspace(agent, "invoices")
  await expect(agent.page.locator('[data-comptoir="document-row"]').first()).toBeVisible()
  const all = await agent.page.locator('[data-comptoir="document-row"]').count()
  await agent.page.locator('[data-comptoir="documents-overdue"]').check()
  // The filtered list has replaced the whole one: every row left is late.
  await expect(agent.page.locator('[data-comptoir="document-row"]:not(:has(.c-overdue))')).toHaveCount(0)
  await expect(agent.page.locator('[data-comptoir="document-row"]').first()).toBeVisible()
  expect(await agent.page.locator('[data-comptoir="document-row"]').count()).toBeLessThan(all)
  const overdueCount = await agent.page.locator('[data-comptoir="document-row"]').count()
  expect(overdueCount).toBeGreaterThan(3)
  // Dates as the English interface writes them, day first and the month in words, never as stored (2026-08-09).
  const firstInvoice = agent.page.locator('[data-comptoir="document-row"]').first().locator("td")
  await expect(firstInvoice.nth(2)).toHaveText(DAY_IN_ENGLISH)
  await expect(firstInvoice.nth(3)).toHaveText(DAY_IN_ENGLISH)
  await agent.page.screenshot({ path: "test-results/q2c-invoices-overdue.png", fullPage: true })

  await workspace(agent, "orders")
  await agent.page.locator('[data-comptoir="documents-search"]').fill(await orderNumber(agent))
  await expect(agent.page.locator('[data-comptoir="document-row"]')).toHaveCount(1)
  await agent.page.screenshot({ path: "test-results/q2c-orders-search.png", fullPage: true })

  await workspace(agent, "dunning")
  const rows = agent.page.locator('[data-comptoir="dunning-row"]')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBe(overdueCount)
  // In a 1024 × 700 window every row keeps its buttons inside the window, each level's chip stands on one line and no
  // customer code breaks at its hyphen (the list ran 60 px past the edge, "Formal notice reached" on three lines).
  expect(await dunningFit(agent.page)).toEqual({ pastEdge: [], wrappedChips: [], brokenCodes: [] })
  await agent.page.screenshot({ path: "test-results/q2c-dunning-1024.png" })
  await agent.page.setViewportSize({ width: 1280, height: 720 })
  await expect(rows.first().locator("td").nth(2)).toHaveText(DAY_IN_ENGLISH)
  const due = agent.page.locator('[data-comptoir="dunning-row"][data-due="friendly"]').first()
  const id = await due.getAttribute("data-id")
  await due.locator('[data-comptoir="dunning-open"]').click()
  const panel = agent.page.locator('[data-comptoir="reminder-panel"]')
  await expect(panel.locator('[data-comptoir="reminder-subject"]')).toHaveText(/^(Rappel : facture|Reminder: invoice) FAC-/)
  await expect(panel.locator('[data-comptoir="reminder-mailto"]')).toHaveAttribute("href", /^mailto:/)
  await agent.page.screenshot({ path: "test-results/q2c-dunning.png", fullPage: true })
  await panel.locator('[data-comptoir="reminder-log"]').click()
  // Logged on the invoice: the row now waits for the next level, and the invoice's history says it.
  await expect(agent.page.locator(`[data-comptoir="dunning-row"][data-id="${id}"]`)).not.toHaveAttribute("data-due", "friendly")
  await workspace(agent, `invoices/${id}`)
  await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText("Friendly reminder sent")

  // An invoice whose lateness reached the formal notice with no reminder sent: the list says so and offers both,
  // the friendly reminder in order and the formal notice at once; never one of them silently.
  await workspace(agent, "dunning")
  // The invoice just reminded: the friendly reminder sent (its day as the English UI writes it), then both ways on.
  const reminded = agent.page.locator(`[data-comptoir="dunning-row"][data-id="${id}"]`)
  await expect(reminded.locator('[data-comptoir="dunning-skips"]')).toHaveText(/^last sent: friendly reminder, \d{1,2} [A-Z][a-z]{2,3} \d{4}$/)
  await expect(reminded.locator('[data-comptoir="dunning-open"]')).toHaveText("Firm reminder first")
  const skipping = agent.page.locator('[data-comptoir="dunning-row"][data-due="friendly"][data-direct="formal-notice"]').first()
  await expect(skipping).toBeVisible()
  const lateId = (await skipping.getAttribute("data-id")) ?? ""
  const late = agent.page.locator(`[data-comptoir="dunning-row"][data-id="${lateId}"]`)
  await expect(late.locator('[data-comptoir="dunning-level"]')).toHaveText("Formal notice reached")
  await expect(late.locator('[data-comptoir="dunning-skips"]')).toHaveText("no reminder sent yet")
  await expect(late.locator('[data-comptoir="dunning-open"]')).toHaveText("Friendly reminder first")
  await expect(late.locator('[data-comptoir="dunning-open-direct"]')).toHaveText("Go straight to the formal notice")
  const days = Number(/\d+/.exec((await late.locator("td").nth(3).textContent()) ?? "")?.[0])
  expect(days).toBeGreaterThanOrEqual(30)

  // The same in French, as the assistante commerciale reads it; she sends the formal notice at once.
  const { settings } = (await agent.page.evaluate(() => chrome.storage.local.get("settings"))) as { settings?: object }
  try {
    await agent.page.evaluate((s) => chrome.storage.local.set({ settings: { ...s, language: "fr" } }), settings ?? {})
    await workspace(agent, "dunning")
    await agent.page.reload()
    await expect(late.locator('[data-comptoir="dunning-level"]')).toHaveText("Mise en demeure atteinte")
    // The French words are longer ("Mise en demeure atteinte", "Passer à la mise en demeure"): the list still fits.
    const fit = await dunningFit(agent.page)
    await agent.page.screenshot({ path: "test-results/q2c-dunning-1024-fr.png" })
    expect(fit).toEqual({ pastEdge: [], wrappedChips: [], brokenCodes: [] })
    await agent.page.setViewportSize({ width: 1280, height: 720 })
    await expect(late.locator('[data-comptoir="dunning-skips"]')).toHaveText("aucune relance envoyée")
    await expect(late.locator('[data-comptoir="dunning-open"]')).toHaveText("Relance amiable d'abord")
    await late.locator('[data-comptoir="dunning-open-direct"]').click()
    const direct = agent.page.locator('[data-comptoir="reminder-panel"][data-level="formal-notice"]')
    await expect(direct.locator('[data-comptoir="reminder-skip"]')).toHaveText(
      `Mise en demeure directement, sans relance amiable ni relance ferme avant : ${days} jours de retard, aucune relance envoyée. Une fois notée, l'historique de la facture indique les niveaux sautés.`
    )
    // The letter claims no earlier reminder: none was sent.
    const french = (await direct.getAttribute("data-language")) === "fr"
    await expect(direct.locator('[data-comptoir="reminder-subject"]')).toHaveText(french ? /^Mise en demeure : facture FAC-/ : /^Formal notice: invoice FAC-/)
    const letter = direct.locator('[data-comptoir="reminder-body"]')
    await expect(letter).toContainText(french ? "et restée impayée à ce jour." : "and still unpaid to this day.")
    await expect(letter).not.toContainText(french ? /relance|malgré/ : /reminder|despite/)
    await agent.page.screenshot({ path: "test-results/q2c-dunning-skip-fr.png", fullPage: true })
    await direct.locator('[data-comptoir="reminder-log"]').click()
    await expect(direct.getByRole("status")).toHaveText("Mise en demeure notée sur la facture.")
    // Nothing is due after it (no friendly reminder after a formal notice), and the invoice's history says what was skipped.
    await expect(late).toHaveAttribute("data-due", "")
    await expect(late).toHaveAttribute("data-direct", "")
    await expect(late).toHaveAttribute("data-level", "formal-notice")
    await workspace(agent, `invoices/${lateId}`)
    await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText(/Mise en demeure envoyée \(\d+ jours de retard\), sans relance amiable ni relance ferme avant/)
    await agent.page.screenshot({ path: "test-results/q2c-dunning-skip-history-fr.png", fullPage: true })
  } finally {
    await agent.page.evaluate((s) => (s ? chrome.storage.local.set({ settings: s }) : chrome.storage.local.remove("settings")), settings ?? null)
  }
  await workspace(agent, `invoices/${lateId}`)
  await agent.page.reload()
  await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText(/Formal notice sent \(\d+ days late\), without the friendly reminder or the firm reminder first/)
})

test("the dunning mail goes into the reply being written, in the customer's language, and the reminder is logged on the invoice", async () => {
  const [agent] = profiles as [Profile, Profile]
  const started = await startSite()
  try {
    started.site.route(
      "/webmail/compose",
      `<!doctype html><html><head><title>Roundcube Webmail :: Répondre</title></head><body>
        <form id="compose"><label>Objet <input name="_subject" value="Re: facture"></label>
        <textarea id="composebody" name="_message" rows="16" cols="90">\n\n-- \nLe client a écrit :\n> Où en est notre dossier ?</textarea></form></body></html>`
    )
    const compose = await agent.context.newPage()
    await compose.goto(`${started.site.origin}/webmail/compose`)
    const textarea = compose.locator("#composebody")
    await textarea.click()
    await compose.keyboard.press("Control+Home")

    await agent.page.bringToFront()
    await workspace(agent, "dunning")
    const row = agent.page.locator('[data-comptoir="dunning-row"]:not([data-due=""])').first()
    await expect(row).toBeVisible()
    const id = (await row.getAttribute("data-id")) ?? ""
    const level = (await row.getAttribute("data-due")) ?? ""
    await row.locator('[data-comptoir="dunning-open"]').click()
    const panel = agent.page.locator('[data-comptoir="reminder-panel"]')
    const body = (await panel.locator('[data-comptoir="reminder-body"]').textContent()) ?? ""
    const language = await panel.getAttribute("data-language")
    expect(body.split("\n")[0]).toMatch(language === "en" ? /^Dear / : /^(Bonjour|Madame, Monsieur)/)
    await panel.locator('[data-comptoir="insert-into-reply"]').click()
    // The agent's language for the notice; the mail itself is in the customer's.
    await expect(panel.getByRole("status")).toContainText(/Inserted into the reply|Inséré dans la réponse/)
    // The mail as the panel showed it, above the quoted thread, which stays.
    await expect(textarea).toHaveValue(new RegExp(`^${body.split("\n")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`))
    await expect(textarea).toHaveValue(/FAC-\d{4}-\d{5}/)
    await expect(textarea).toHaveValue(/> Où en est notre dossier \?$/)
    await agent.page.screenshot({ path: "/tmp/qf-shots/q2c-dunning-insert.png", fullPage: true })
    await compose.screenshot({ path: "/tmp/qf-shots/q2c-dunning-compose.png" })
    await compose.close()

    await panel.locator('[data-comptoir="reminder-log"]').click()
    await workspace(agent, `invoices/${id}`)
    await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText(/reminder sent|Formal notice sent|Relance|Mise en demeure/)
    expect(level).toMatch(/^(friendly|firm|formal-notice)$/)
  } finally {
    started.server.closeAllConnections()
    await new Promise((ok) => started.server.close(ok))
  }
})

test("a manager sets the team's reminder days next to the seller identity; an agent sees them, cannot change them, and the dunning list follows", async () => {
  const [agent, manager] = profiles as [Profile, Profile]
  await manager.page.goto(`chrome-extension://${manager.extensionId}/options.html`)
  const days = (l: string) => manager.page.locator(`[data-comptoir="dunning-days-${l}"]`)
  await expect(days("friendly")).toHaveValue("7")
  await expect(days("firm")).toHaveValue("15")
  await expect(days("formal-notice")).toHaveValue("30")
  await days("friendly").fill("20")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveText("reminder days must increase: friendly < firm < formal notice")
  await days("friendly").fill("10")
  await days("firm").fill("20")
  await days("formal-notice").fill("45")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveClass(/c-ok/)
  await manager.page.screenshot({ path: "/tmp/qf-shots/q2c-dunning-days-options.png", fullPage: true })

  await reopenUntil(agent, "dunning", '[data-comptoir="dunning-schedule"][data-friendly="10"][data-firm="20"][data-formal-notice="45"]')
  await expect(agent.page.locator('[data-comptoir="dunning-schedule"]')).toContainText("friendly at 10, firm at 20, formal notice at 45")
  await agent.page.goto(`chrome-extension://${agent.extensionId}/options.html`)
  await expect(agent.page.locator('[data-comptoir="dunning-days-friendly"]')).toHaveValue("10")
  await expect(agent.page.locator('[data-comptoir="dunning-days-friendly"]')).toBeDisabled()

  // Back to 7 / 15 / 30 for what follows.
  await days("friendly").fill("7")
  await days("firm").fill("15")
  await days("formal-notice").fill("30")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveClass(/c-ok/)
})

test("a manager sets the late-payment penalty and the early-payment discount, never below the legal floor; an agent sees them", async () => {
  const [agent, manager] = profiles as [Profile, Profile]
  await manager.page.goto(`chrome-extension://${manager.extensionId}/options.html`)
  const kind = manager.page.locator('[data-comptoir="seller-penalty-kind"]')
  await expect(kind).toHaveValue("ecb-plus-10")
  await kind.selectOption("fixed")
  await manager.page.locator('[data-comptoir="seller-penalty-rate"]').fill("5")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveClass(/c-error/)
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toContainText("3 × the legal interest rate")
  await manager.page.locator('[data-comptoir="seller-penalty-rate"]').fill("12,5")
  await manager.page.locator('[data-comptoir="seller-discount"]').fill("1,5")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveClass(/c-ok/)
  await manager.page.screenshot({ path: "test-results/q2c-penalty-options.png", fullPage: true })

  // The agent's device gets the team's row by sync, read-only.
  await expect(async () => {
    await agent.page.goto(`chrome-extension://${agent.extensionId}/options.html`)
    await expect(agent.page.locator('[data-comptoir="seller-penalty-kind"]')).toHaveValue("fixed", { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(agent.page.locator('[data-comptoir="seller-penalty-rate"]')).toHaveValue("12.5")
  await expect(agent.page.locator('[data-comptoir="seller-discount"]')).toHaveValue("1.5")
  await expect(agent.page.locator('[data-comptoir="seller-penalty-kind"]')).toBeDisabled()

  // Back to the legal default and no discount for what follows.
  await kind.selectOption("ecb-plus-10")
  await manager.page.locator('[data-comptoir="seller-discount"]').fill("")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveClass(/c-ok/)
})

test("the customer's card in the workspace shows its open documents and what is overdue, each a link to the list", async () => {
  const [agent] = profiles as [Profile, Profile]
  await workspace(agent, `customers/${customerId}`)
  const block = agent.page.locator('[data-comptoir="card-documents"]')
  const overdue = block.locator('[data-comptoir="card-documents-overdueInvoices"]')
  await expect(overdue).toHaveAttribute("data-count", /^[1-9]\d*$/)
  expect(Number(await overdue.getAttribute("data-cents"))).toBeGreaterThan(0)
  await agent.page.screenshot({ path: "test-results/q2c-card-documents.png", fullPage: true })
  await overdue.locator("button").click()
  await expect(agent.page).toHaveURL(new RegExp(`#/dunning/customer/${customerId}$`))
})

test("the card's timeline tells the documents with the calls, newest first: the invoice's two payments, its issue, the order confirmed; a click opens the invoice", async () => {
  const [agent] = profiles as [Profile, Profile]
  await workspace(agent, `customers/${customerId}`)
  const timeline = agent.page.locator('[data-comptoir="call-timeline"]')
  await expect(timeline).toHaveAttribute("data-state", "done")
  await expect(timeline.locator("summary")).toHaveText("Timeline: calls, mails, documents")
  const steps = timeline.locator('[data-comptoir="timeline-document"]')
  await expect(steps.nth(0)).toHaveAttribute("data-kind", "payment-recorded")
  await expect(steps.nth(1)).toHaveAttribute("data-kind", "payment-recorded")
  await expect(steps.nth(2)).toHaveAttribute("data-kind", "invoice-issued")
  await expect(steps.nth(2)).toHaveAttribute("data-document-id", invoiceId)
  await expect(steps.nth(2)).toContainText(/Invoice issued.*Invoice FAC-\d{4}-\d{5} · €[\d,]+\.\d{2}/)
  await expect(steps.nth(3)).toHaveAttribute("data-kind", "order-confirmed")
  await expect(steps.nth(3)).toContainText(/Order CMD-\d{4}-\d{5}/)
  // The demo's calls of this customer are in the same list.
  await expect(timeline.locator('[data-comptoir="call-log"]').first()).toBeVisible()
  await expect(timeline).not.toContainText("undefined")
  await timeline.scrollIntoViewIfNeeded()
  await agent.page.screenshot({ path: "test-results/q2c-card-timeline-en.png", fullPage: true })
  const settings = await agent.page.evaluate(async () => (await chrome.storage.local.get("settings")).settings as object | undefined)
  await agent.page.evaluate(async (settings) => chrome.storage.local.set({ settings: { ...settings, language: "fr" } }), settings)
  await agent.page.reload()
  await expect(timeline.locator("summary")).toHaveText("Historique : appels, mails, documents")
  await expect(steps.nth(2)).toContainText(/Facture émise.*Facture FAC-\d{4}-\d{5} · [\d\u202f]+,\d{2}\u00a0€/)
  await expect(steps.nth(0)).toContainText("Règlement enregistré")
  await agent.page.screenshot({ path: "test-results/q2c-card-timeline-fr.png", fullPage: true })
  await agent.page.evaluate(async (settings) => (settings ? chrome.storage.local.set({ settings }) : chrome.storage.local.remove("settings")), settings)
  await agent.page.reload()
  await steps.nth(2).locator('[data-comptoir="timeline-document-open"]').click()
  await expect(agent.page).toHaveURL(new RegExp(`#/invoices/${invoiceId}$`))
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toBeVisible()
})

async function orderNumber(p: Profile): Promise<string> {
  await workspace(p, `orders/${orderId}`)
  const n = (await p.page.locator('[data-comptoir="document-number"]').textContent()) ?? ""
  await workspace(p, "orders")
  return n
}

test("a sent quote is accepted or refused in one click on its page, timestamped; a change made meanwhile on another device is refused and shown", async () => {
  const [agent, manager] = profiles as [Profile, Profile]
  await workspace(agent, "quotes")
  const list = (await agent.page.evaluate(() => chrome.runtime.sendMessage({ type: "documents/list", payload: { kind: "quotes", limit: 1000 } }))) as { ok: boolean; data: { rows: { id: string; status: string }[] } }
  const sent = list.data.rows.filter((r) => r.status === "sent")
  const expired = list.data.rows.find((r) => r.status === "expired")
  expect(sent.length).toBeGreaterThan(0)

  // Past its validity date, a sent quote shows as expired and offers no acceptance.
  if (expired) {
    await workspace(agent, `quotes/${expired.id}`)
    await expect(agent.page.locator('[data-comptoir="quote-expired"]')).toBeVisible()
    await expect(agent.page.locator('[data-comptoir="transition"][data-to="accepted"]')).toHaveCount(0)
  }

  // The manager's device goes offline and accepts; meanwhile the agent refuses it online.
  const id = sent[0]!.id
  refusedQuoteId = id
  await reopenUntil(manager, `quotes/${id}`, '[data-comptoir="transition"][data-to="accepted"]')
  await manager.context.setOffline(true)
  await manager.page.locator('[data-comptoir="transition"][data-to="accepted"]').click()
  await expect(manager.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "accepted")

  await workspace(agent, `quotes/${id}`)
  await agent.page.locator('[data-comptoir="transition"][data-to="refused"]').click()
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "refused")
  await expect(agent.page.locator('[data-comptoir="history-entry"]').last()).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}(?: \(Paris time\))? · Refused · Marc Lefèbvre/)
  const opts = await agent.context.newPage()
  await opts.goto(`chrome-extension://${agent.extensionId}/options.html`)
  await expect(opts.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 30_000 })
  await opts.close()

  // Back online, the manager's acceptance was made on the older version: the server refuses it, the page says so.
  await manager.context.setOffline(false)
  await reopenUntil(manager, `quotes/${id}`, '[data-comptoir="document-refusal"]')
  await expect(manager.page.locator('[data-comptoir="document-refusal"]')).toHaveAttribute("data-reason", "stale")
  await manager.page.screenshot({ path: "/tmp/qf-shots/q2c-quote-stale.png", fullPage: true })
  await manager.page.goto(`chrome-extension://${manager.extensionId}/options.html`)
  await expect(manager.page.locator('[data-comptoir="refused-change"][data-reason="stale"]')).toBeVisible()
})

test("a refused quote is renewed in one click: a new draft with its customer and lines, valid from today, linked to the old one", async () => {
  const [agent] = profiles as [Profile, Profile]
  expect(refusedQuoteId).not.toBe("")
  await workspace(agent, `quotes/${refusedQuoteId}`)
  await expect(agent.page.locator('[data-comptoir="document-view"]')).toHaveAttribute("data-status", "refused")
  const customer = await agent.page.locator('[data-comptoir="document-view"]').getAttribute("data-customer")
  const old = (await agent.page.evaluate((qid) => chrome.runtime.sendMessage({ type: "documents/get", payload: { id: qid } }), refusedQuoteId)) as { data: { document: { lines: { ref: string; quantityMilli: number }[] } } }
  const refs = old.data.document.lines.map((l) => l.ref)
  await agent.page.locator('[data-comptoir="quote-renew"]').click()

  // The new draft opens in the quote editor: same customer and lines, a validity from today (the team's 30 days).
  await expect(agent.page).not.toHaveURL(new RegExp(`#/quotes/${refusedQuoteId}$`))
  await expect(agent.page).toHaveURL(/#\/quotes\/[^/]+$/)
  const newId = decodeURIComponent(agent.page.url().split("#/quotes/")[1]!)
  expect(newId).not.toBe(refusedQuoteId)
  const form = agent.page.locator('[data-comptoir="quote-form"]')
  await expect(form).toBeVisible()
  await expect(form.locator('[name="validUntil"]')).toHaveValue(addDaysIso(todayInFrance(), 30))
  await expect(form.locator('[data-comptoir="document-number"]')).toHaveAttribute("data-numbered", "false")
  const stored = (await agent.page.evaluate((qid) => chrome.runtime.sendMessage({ type: "quotes/get", payload: { id: qid } }), newId)) as {
    ok: boolean
    data: { quote: { status: string; number: string | null; customerId: string; sourceId: string | null; lines: { ref: string }[] } | null }
  }
  expect(stored.data.quote).toMatchObject({ status: "draft", number: null, customerId: customer, sourceId: refusedQuoteId })
  expect(stored.data.quote!.lines.map((l) => l.ref)).toEqual(refs)
  for (const [i, ref] of stored.data.quote!.lines.map((l) => l.ref).entries()) await expect(form.locator(`[name="lines.${i}.ref"]`)).toHaveValue(ref)

  // The old quote's page links to its renewal.
  await workspace(agent, `quotes/${refusedQuoteId}`)
  await expect(agent.page.locator(`[data-comptoir="derived-document"][href="#/quotes/${newId}"]`)).toBeVisible()
  await agent.page.screenshot({ path: "test-results/q2c-quote-renewed.png", fullPage: true })
})
