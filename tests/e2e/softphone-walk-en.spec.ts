import { resolve } from "node:path"

import { expect, type Page } from "@playwright/test"

import { LAB_AGENT1 } from "../telephony-lab/lab"
import { signIn, startDemoServer, type DemoServer } from "./demo-server"
import { crmRecordPage } from "./panel-pages"
import { dock, test } from "./softphone-lab"

/**
 * An English-speaking telesales agent of the demo team through the SIP lab (walk13, 7 Dec): a known customer calls
 * while a CRM page is in front, then the agent calls another from that page. What the walk found wrong, each checked
 * here: the page panel's line said the number alone (now who calls), the payment reminder's facts were four gaps
 * beside a card showing the overdue invoices, the outcome form and the timeline did not name the contact of a
 * three-contact company, the Calls list said "Call back" without when, and a call placed from the page panel's
 * card left its "In call · Hang up" line scrolled out of view.
 */
test.use({ labGroup: "softphone-walk-en" })
test.describe.configure({ mode: "serial", timeout: 120_000 })

const shots = resolve("test-results/softphone-walk-en")
let server: DemoServer

test.beforeAll(async ({ extContext, extensionId }) => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  const page = await extContext.newPage()
  await signIn(page, extensionId, server.url, "agent1@demo.comptoir.test")
  await page.locator('select[name="softphone.provider"]').selectOption("sip")
  for (const [key, value] of Object.entries(LAB_AGENT1)) await page.locator(`input[name="sip.${key}"]`).fill(value)
  await page.locator('[data-comptoir="sip-save"]').click()
  await expect(page.locator('[data-comptoir="sip-message"]')).toContainText("Saved")
  await page.close()
})

test.afterAll(async () => {
  await server?.stop()
})

/** The demo team's Ingram Motors Ltd (GB, English, two overdue invoices) and its second contact's line. */
const INGRAM = { code: "C-00004", company: "Ingram Motors Ltd", contact: "Matthew Pickering", phone: "+442073813006" }
/** The demo team's Ashworth Greaves Pharmacy Group (US) and its first contact, as a CRM page writes his number. */
const ASHWORTH = { code: "C-00017", contact: "Daniel Irvine", phone: "+12066936032", written: "206-693-6032" }

/** The next Tuesday after today, as an input's value (a call-back the agent sets for next week). */
function nextTuesday(): string {
  const d = new Date()
  d.setDate(d.getDate() + (((2 - d.getDay() + 7) % 7) || 7))
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

async function laptopPage(p: Page): Promise<Page> {
  await p.setViewportSize({ width: 1280, height: 800 })
  return p
}

test("a known customer's call: who calls on the page panel, the reminder's facts filled, the contact on the form, the timeline and the Calls list", async ({ extContext, extensionId, lab, site }) => {
  const phone = await laptopPage(await extContext.newPage())
  await phone.goto(`chrome-extension://${extensionId}/tabs/softphone.html`)
  await expect(dock(phone)).toHaveAttribute("data-state", "registered", { timeout: 20_000 })
  // The CRM in front: the call pops there.
  const crm = await laptopPage(await extContext.newPage())
  site.route("/crm/home", crmRecordPage({ name: "Dashboard", phone: "", email: "" }))
  await crm.goto(`${site.origin}/crm/home`)
  await crm.bringToFront()

  await lab.callFrom(INGRAM.phone, "agent1")
  const panelLine = crm.locator('#comptoir-overlay [data-comptoir="softphone"]')
  await expect(panelLine).toHaveAttribute("data-state", "ringing-in", { timeout: 15_000 })
  await expect(panelLine.locator('[data-comptoir="softphone-who"]')).toHaveText(`${INGRAM.contact} · ${INGRAM.company}`)
  await crm.screenshot({ path: `${shots}/ringing-on-the-crm.png` })

  await phone.bringToFront()
  await expect(phone.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", INGRAM.code)
  await phone.locator('[data-comptoir="answer"]').click()
  await expect(dock(phone)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  const runner = phone.locator('[data-comptoir="script-runner"]')
  await runner.locator('[data-comptoir="script-select"]').selectOption("builtin-payment-reminder")
  await runner.locator('[data-comptoir="script-choice"]').first().click()
  const facts = runner.locator('[data-comptoir="script-step"]')
  await expect(facts).toContainText(/invoice FAC-\d{4}-\d{5} for €[\d,]+\.\d\d, due on \d{1,2} [A-Z][a-z]+ \d{4}, now \d+ days overdue/)
  await expect(facts.locator('[data-comptoir="script-gap"]')).toHaveCount(0)
  await phone.screenshot({ path: `${shots}/payment-reminder-facts.png` })

  await phone.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phone)).toHaveAttribute("data-state", "ended")
  const form = phone.locator('[data-comptoir="outcome-form"]')
  await expect(form.locator('[data-comptoir="outcome-customer"]')).toHaveText(`${INGRAM.company}\u00a0· ${INGRAM.contact} · ${INGRAM.code}`)
  await form.locator('select[name="outcome"]').selectOption("call-back")
  await form.locator('textarea[name="notes"]').fill("Wants prices for 40 office chairs; call back after the budget meeting.")
  await form.locator('input[name="callback.date"]').fill(nextTuesday())
  await form.locator('input[name="callback.time"]').fill("10:00")
  await form.locator('[data-comptoir="outcome-save"]').click()
  await expect(phone.locator('[data-comptoir="outcome-saved"]')).toContainText("Reminder to call back on")

  // The workspace's Calls: the call-back says when; its customer's timeline names the contact.
  const ws = await laptopPage(await extContext.newPage())
  await ws.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls`)
  const row = ws.locator('[data-comptoir="call-row"]').first()
  await expect(row).toContainText(INGRAM.company)
  await expect(row.locator('[data-comptoir="call-row-when"]')).toHaveText(/^Call back on \d{1,2} [A-Z][a-z]{2} \d{4}, 10:00$/)
  await row.click()
  const entry = ws.locator('[data-comptoir="call-timeline"] [data-comptoir="call-log"]').first()
  await expect(entry.locator('[data-comptoir="call-log-contact"]')).toHaveText(INGRAM.contact)
  await ws.screenshot({ path: `${shots}/timeline.png` })
  for (const p of [ws, crm, phone]) await p.close()
})

test("a call placed from a CRM page's panel: its line comes into view, above the card that was scrolled to", async ({ extContext, extensionId, site }) => {
  const phone = await laptopPage(await extContext.newPage())
  await phone.goto(`chrome-extension://${extensionId}/tabs/softphone.html`)
  await expect(dock(phone)).toHaveAttribute("data-state", /registered|ended/, { timeout: 20_000 })
  const crm = await laptopPage(await extContext.newPage())
  site.route("/crm/contact", crmRecordPage({ name: ASHWORTH.contact, phone: ASHWORTH.written, email: "d.irvine@example.com" }))
  await crm.goto(`${site.origin}/crm/contact`)
  await crm.bringToFront()
  await crm.locator(`[data-comptoir-phone="${ASHWORTH.phone}"]`).first().click()
  const overlay = crm.locator("#comptoir-overlay")
  const card = overlay.locator(`[data-comptoir="customer-card"][data-customer-code="${ASHWORTH.code}"]`)
  await card.locator(`[data-comptoir="call"][data-number="${ASHWORTH.phone}"]`).click()
  const line = overlay.locator('[data-comptoir="softphone"]')
  await expect(line).toHaveAttribute("data-state", "in-call", { timeout: 20_000 })
  // Inside the panel's scrolled body, not above it (it was 180 px above the fold).
  const body = (await overlay.locator(".c-panel-body").boundingBox())!
  const hangUp = (await line.locator('[data-comptoir="hangup"]').boundingBox())!
  expect(hangUp.y).toBeGreaterThanOrEqual(body.y)
  expect(hangUp.y + hangUp.height).toBeLessThanOrEqual(body.y + body.height)
  await crm.screenshot({ path: `${shots}/in-call-from-the-crm.png` })
  await line.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phone)).toHaveAttribute("data-state", "ended", { timeout: 10_000 })
  for (const p of [crm, phone]) await p.close()
})
