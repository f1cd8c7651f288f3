import { resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"

import { signIn } from "./demo-server"
import { demoTeamCustomers, openQuoteWorld, type QuoteWorld } from "./quote-world"

// The quote's and the appointment's sales rep are picked among the team's active users (issue #10): against the real
// team server (demo team), whose admin disables Sophie Martin's account before the agent signs in.
test.describe.configure({ mode: "serial" })

let world: QuoteWorld | undefined
let page: Page
const shots = resolve("test-results/rep10b")
const customers = demoTeamCustomers()
const claires = customers.find((c) => c.salesRep === "Claire Dubois" && c.contacts.length > 0)!
const sophies = customers.find((c) => c.salesRep === "Sophie Martin" && c.contacts.length > 0)!
/** What the pick offers: nobody, then the active users in alphabetical order (Sophie Martin's account is disabled). */
const ACTIVE = ["Alice Admin", "Claire Dubois", "Marc Lefèbvre"]

/** The admin disables a user's account through the server's own route, as the admin page does. */
async function disableAccount(serverUrl: string, email: string): Promise<void> {
  const login = await fetch(`${serverUrl}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "admin@demo.comptoir.test", password: "comptoir-demo" }) })
  const { token } = (await login.json()) as { token: string }
  const auth = { authorization: `Bearer ${token}` }
  const { users } = (await (await fetch(`${serverUrl}/admin/users`, { headers: auth })).json()) as { users: { id: string; email: string }[] }
  const r = await fetch(`${serverUrl}/admin/users/${users.find((u) => u.email === email)!.id}/disable`, { method: "POST", headers: auth })
  expect(r.status).toBe(200)
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  world = await openQuoteWorld("comptoir-e2e-rep10b-profile-")
  await disableAccount(world.server.url, "agent2@demo.comptoir.test")
  page = await world.context.newPage()
  await page.setViewportSize({ width: 1280, height: 800 })
  await signIn(page, world.extensionId, world.server.url, "agent1@demo.comptoir.test")
})

test.afterAll(async () => {
  await world?.close()
})

const workspace = (route: string) => page.goto(`chrome-extension://${world!.extensionId}/tabs/workspace.html#/${route}`)

test("a new quote's sales rep is a pick among the team's active users, starting as the customer's own rep", async () => {
  await workspace(`quotes/new?customer=${encodeURIComponent(claires.id)}`)
  const form = page.locator('[data-comptoir="quote-form"]')
  const rep = form.locator('[data-comptoir="quote-sales-rep"]')
  await expect(rep).toBeEnabled({ timeout: 10_000 })
  await expect(rep).toHaveJSProperty("tagName", "SELECT")
  await expect(rep).toHaveValue("Claire Dubois")
  await expect(rep.locator("option")).toHaveText(["— nobody —", ...ACTIVE])
  // A native drop-down is drawn outside the page: shown open as a list box for the picture.
  await rep.evaluate((el: HTMLSelectElement) => (el.size = el.options.length))
  await form.locator(".c-quote-grid").screenshot({ path: `${shots}-quote-pick.png` })
})

test("a draft whose rep's account was disabled since keeps that rep, shown as inactive, until the agent picks another", async () => {
  // A draft saved before Sophie Martin's account was disabled (her customer's rep then).
  const id = await page.evaluate(async (customerId) => {
    const id = crypto.randomUUID()
    const line = { id: crypto.randomUUID(), productId: null, ref: "", label: "Audit", unit: "u", quantity: "1", unitPrice: "100", discountPercent: "", vatRate: "20" }
    const values = { customerId, contactId: "", language: "fr", salesRep: "Sophie Martin", validUntil: "2031-01-31", termsKind: "net", termsDays: "30", notes: "", lines: [line] }
    const r = (await chrome.runtime.sendMessage({ type: "quotes/save", payload: { id, values } })) as { ok: boolean; data?: { ok: boolean }; error?: string }
    if (!r.ok || !r.data?.ok) throw new Error(JSON.stringify(r))
    return id
  }, sophies.id)
  await workspace(`quotes/${id}`)
  const rep = page.locator('[data-comptoir="quote-form"] [data-comptoir="quote-sales-rep"]')
  await expect(rep).toBeEnabled({ timeout: 10_000 })
  await expect(rep).toHaveValue("Sophie Martin")
  await expect(rep.locator("option:checked")).toHaveText("Sophie Martin (inactive)")
  await expect(page.locator('[data-comptoir="sales-rep-inactive"]')).toHaveText("Sophie Martin's account is disabled: kept here until you pick an active member.")
  await page.locator('[data-comptoir="quote-form"] .c-quote-grid').screenshot({ path: `${shots}-quote-inactive.png` })
  await rep.selectOption("Marc Lefèbvre")
  await page.locator('[data-comptoir="quote-save"]').click()
  await expect(page.locator('[data-comptoir="quote-notice"]')).toHaveText("Draft saved.")
  const stored = await page.evaluate(async (id) => ((await chrome.runtime.sendMessage({ type: "quotes/get", payload: { id } })) as { data: { quote: { salesRep: string } } }).data.quote.salesRep, id)
  expect(stored).toBe("Marc Lefèbvre")
})

test("an appointment's sales rep is the same pick, the customer's own rep first; a disabled rep's customer gets none until the agent picks", async () => {
  await workspace(`calls/log/${encodeURIComponent(claires.id)}`)
  const form = page.locator('[data-comptoir="outcome-form"]')
  await form.locator('select[name="outcome"]').selectOption("appointment-set")
  const rep = form.locator('[data-comptoir="appointment-sales-rep"]')
  await expect(rep).toHaveValue("Claire Dubois", { timeout: 10_000 })
  await expect(rep.locator("option")).toHaveText(["— nobody —", ...ACTIVE])
  await form.locator('input[name="appointment.date"]').fill("2031-03-04")
  await form.locator('input[name="appointment.time"]').fill("10:00")
  await form.locator('input[name="appointment.place"]').fill("Lyon")
  await rep.evaluate((el: HTMLSelectElement) => (el.size = el.options.length))
  await form.locator('[data-comptoir="outcome-appointment"]').screenshot({ path: `${shots}-appointment-pick.png` })
  await rep.evaluate((el: HTMLSelectElement) => (el.size = 0))

  await workspace(`calls/log/${encodeURIComponent(sophies.id)}`)
  await page.locator('[data-comptoir="outcome-form"] select[name="outcome"]').selectOption("appointment-set")
  const other = page.locator('[data-comptoir="outcome-form"] [data-comptoir="appointment-sales-rep"]')
  await expect(other).toBeEnabled({ timeout: 10_000 })
  await expect(other).toHaveValue("")
  await expect(other.locator("option")).toHaveText(["— nobody —", ...ACTIVE])
})
