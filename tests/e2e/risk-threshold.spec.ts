import { resolve } from "node:path"

import { expect, test } from "@playwright/test"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { generateDemoDocuments } from "~src/domain/demo/demo-documents"

import { closeProfiles, launchProfiles, signIn, startDemoServer, type DemoServer, type Profile } from "./demo-server"

test.describe.configure({ mode: "serial" })

const shots = resolve("test-results/risk-threshold")
// The demo team as the server seeds it: its first active customer is over its credit limit, with overdue invoices.
const customers = generateCustomers({ count: 2000 }).map(({ writtenPhones: _w, ...c }) => Customer.parse(c))
const overLimit = customers.find((c) => c.id === generateDemoDocuments(customers, generateProducts(), "2026-12-02").overLimitCustomerId)!

let server: DemoServer
let profiles: Profile[] = []

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profiles = await launchProfiles(2, "risk")
  const [agent, manager] = profiles as [Profile, Profile]
  await signIn(agent.page, agent.extensionId, server.url, "agent1@demo.comptoir.test")
  await signIn(manager.page, manager.extensionId, server.url, "manager@demo.comptoir.test")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

test("a manager sets the team's overdue threshold in the options page, and the agent's quote form says the rule by it", async () => {
  test.setTimeout(90_000)
  const [agent, manager] = profiles as [Profile, Profile]
  const threshold = manager.page.locator('[data-comptoir="risk-overdue-days"]')
  await expect(threshold).toHaveValue("30")
  await threshold.fill("20")
  await expect(manager.page.locator('[data-comptoir="risk-overdue-help"]')).toContainText("an invoice overdue more than 20 days")
  await manager.page.locator('[data-comptoir="seller-save"]').click()
  await expect(manager.page.locator('[data-comptoir="seller-message"]')).toHaveText("Saved; it reaches the team with the next sync.")
  await manager.page.locator('[data-comptoir="seller-identity"]').screenshot({ path: `${shots}/settings-en.png` })

  // The agent's device gets the threshold by sync: the quote form's risk says it as the rule.
  const risk = agent.page.locator('[data-comptoir="risk"]')
  await expect(async () => {
    await agent.page.goto(`chrome-extension://${agent.extensionId}/tabs/workspace.html#/quotes/new?customer=${overLimit.id}`)
    await expect(risk).toContainText(/Invoices overdue more than 20 days: .* overdue, up to \d+ days late/, { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(risk).toHaveAttribute("data-level", "blocked")
  // A quote never saved: each button that would save it first says so.
  await expect(agent.page.locator('[data-comptoir="quote-pdf"]')).toHaveText("Save draft and download PDF")
  await expect(agent.page.locator('[data-comptoir="insert-into-reply"]')).toHaveText("Save draft and insert into reply")
  await expect(agent.page.locator('[data-comptoir="quote-copy"]')).toHaveText("Save draft and copy as text")
  await agent.page.screenshot({ path: `${shots}/quote-form-en.png`, fullPage: true })
})
