import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, test } from "@playwright/test"

import { OVER_LIMIT_QUOTE_ID } from "~src/domain/demo/demo-documents"
import { extractFacturXml } from "~src/domain/documents/factur-x/embed"

import { closeProfiles, launchProfiles, signIn, startDemoServer, type DemoServer, type Profile } from "./demo-server"

test.describe.configure({ mode: "serial" })

const XSD = resolve("tests/fixtures/factur-x/Factur-X_EN16931.xsd")
let server: DemoServer
let profiles: Profile[] = []
let orderId = ""
let invoiceId = ""
let customerId = ""

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

const workspace = (p: Profile, route: string) => p.page.goto(`chrome-extension://${p.extensionId}/tabs/workspace.html#/${route}`)

/** Reopens the route until the locator shows (the other profile's change arrives by sync). */
async function reopenUntil(p: Profile, route: string, selector: string): Promise<void> {
  await expect(async () => {
    await workspace(p, route)
    await expect(p.page.locator(selector)).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

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
  await expect(manager.page.locator('[data-comptoir="risk-override"]')).toContainText("manager@demo.comptoir.test")

  // Back on the agent's device: who and why are shown, and confirming goes through; the server numbers it.
  await reopenUntil(agent, `orders/${orderId}`, '[data-comptoir="risk-override"]')
  await expect(agent.page.locator('[data-comptoir="risk-override"]')).toContainText("Customer pays by transfer before delivery")
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
  await agent.page.screenshot({ path: "test-results/q2c-invoices-overdue.png", fullPage: true })

  await workspace(agent, "orders")
  await agent.page.locator('[data-comptoir="documents-search"]').fill(await orderNumber(agent))
  await expect(agent.page.locator('[data-comptoir="document-row"]')).toHaveCount(1)
  await agent.page.screenshot({ path: "test-results/q2c-orders-search.png", fullPage: true })

  await workspace(agent, "dunning")
  const rows = agent.page.locator('[data-comptoir="dunning-row"]')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBe(overdueCount)
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

async function orderNumber(p: Profile): Promise<string> {
  await workspace(p, `orders/${orderId}`)
  const n = (await p.page.locator('[data-comptoir="document-number"]').textContent()) ?? ""
  await workspace(p, "orders")
  return n
}
