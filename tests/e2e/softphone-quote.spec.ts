import { join, resolve } from "node:path"

import { expect, test, type BrowserContext, type Page } from "@playwright/test"

import { signIn, type DemoServer } from "./demo-server"
import { demoTeamCustomers, openQuoteWorld, overLimitCustomer, type QuoteWorld } from "./quote-world"

/**
 * New quote from the softphone tab (issue #10): the caller card's New quote draws the form in the softphone tab
 * itself, beside the call, and opens no tab (it opened a new workspace tab). The call is the softphone's published
 * state (what the background writes when a call rings, as in quote.spec.ts; the SIP path is softphone-incoming.spec.ts's).
 * Signed in to the demo team's server.
 */
test.describe.configure({ mode: "serial" })

let server: DemoServer
let context: BrowserContext
let extensionId: string
let world: QuoteWorld | undefined
const shots = resolve("test-results/softphone-quote")

const customers = demoTeamCustomers()
const overLimit = overLimitCustomer(customers)
const contact = overLimit.contacts[0]!
const callId = "call-e2e-softphone-quote"

test.beforeAll(async () => {
  test.setTimeout(180_000)
  world = await openQuoteWorld("comptoir-e2e-softphone-quote-")
  ;({ server, context, extensionId } = world)
  const options = await context.newPage()
  await signIn(options, extensionId, server.url, "agent1@demo.comptoir.test")
  await options.close()
})

test.afterAll(async () => {
  await world?.close()
})

/** A call from the over-limit customer under way, as the background publishes it. */
async function callFromCustomer(phone: Page): Promise<void> {
  await phone.evaluate(
    async ({ customer, number, contactId, callId }) => {
      const now = Date.now()
      const call = { id: callId, direction: "inbound", number, displayName: "", phase: "in-call", muted: false, onHold: false, startedAt: now - 30_000, answeredAt: now - 25_000, endedAt: null, endReason: null }
      const view = {
        state: { provider: "sip", registration: "registered", error: null, call, reconnectAttempt: 0 },
        caller: { callId, number, candidates: [customer], customerId: customer.id, contactId },
        capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
        configured: true,
        lastCall: null,
        updatedAt: now + 60_000
      }
      await chrome.storage.session.set({ "softphone.view": view })
    },
    { customer: overLimit, number: contact.phones[0]!, contactId: contact.id, callId }
  )
}

test("the script stands beside the call in a laptop's softphone tab, its first words in view without scrolling", async () => {
  const phone = await context.newPage()
  await phone.setViewportSize({ width: 1280, height: 800 })
  await phone.goto(`chrome-extension://${extensionId}/tabs/softphone.html`)
  await callFromCustomer(phone)
  const call = phone.locator('[data-comptoir="softphone"]')
  await expect(call).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  const prompt = phone.locator('[data-comptoir="script-runner"] [data-comptoir="script-step"] .c-script-prompt')
  await expect(prompt).toBeVisible({ timeout: 15_000 })
  await phone.screenshot({ path: join(shots, "softphone-script-beside.png") })
  // Under the caller's card, dial pad and transfer, the script began below an 800 px window's edge (1,112 px tall),
  // while 800 px of the tab's width stood empty.
  await expect(prompt).toBeInViewport({ ratio: 1 })
  const [callBox, promptBox] = [await call.boundingBox(), await prompt.boundingBox()]
  expect(promptBox!.x).toBeGreaterThanOrEqual(callBox!.x + callBox!.width)
  await phone.evaluate(() => chrome.storage.session.remove("softphone.view"))
  await phone.close()
})

test("New quote on the softphone tab's caller card: the filled form in the same tab beside the call, no tab opened; Back keeps the call, asks before dropping the typing", async () => {
  const phone = await context.newPage()
  await phone.setViewportSize({ width: 1100, height: 900 })
  await phone.goto(`chrome-extension://${extensionId}/tabs/softphone.html`)
  await callFromCustomer(phone)
  const card = phone.locator(`[data-comptoir="caller-card"][data-customer-code="${overLimit.code}"]`)
  await expect(card).toBeVisible({ timeout: 15_000 })
  const pagesBefore = context.pages().length
  await card.locator('[data-comptoir="quote-new"]').click()

  const form = phone.locator('[data-comptoir="softphone-quote"] [data-comptoir="quote-form"]')
  await expect(form).toBeVisible({ timeout: 10_000 })
  await expect(form).toContainText(overLimit.company)
  await expect(form.locator('[name="contactId"]')).toHaveValue(contact.id)
  await expect(form.locator('[data-comptoir="quote-from-call"]')).toHaveAttribute("data-call-id", callId)
  await expect(form.locator('[data-comptoir="risk"]')).toHaveAttribute("data-level", "blocked")
  expect(context.pages().length).toBe(pagesBefore)
  expect(context.pages().some((p) => p.url().includes("/tabs/workspace.html"))).toBe(false)
  // The call stays in view beside the form, its controls at hand.
  await expect(phone.locator('[data-comptoir="softphone"]')).toHaveAttribute("data-state", "in-call")
  await expect(phone.locator('[data-comptoir="hangup"]')).toBeVisible()
  await expect(card).toBeVisible()

  const add = phone.locator('[data-comptoir="quote-line-add"]')
  await add.fill("cafe en grain")
  await expect(phone.locator('[data-comptoir="quote-product-option"]').first()).toHaveAttribute("data-ref", "REF-1006")
  await add.press("Enter")
  await form.locator('[name="lines.0.quantity"]').fill("3")
  await expect(form.locator('[data-comptoir="total-incl-vat"]')).toHaveAttribute("data-cents", "5982")
  await phone.screenshot({ path: join(shots, "softphone-quote-form.png"), fullPage: true })
  // A narrow window: the form comes under the call, nothing of it sticking out sideways.
  await phone.setViewportSize({ width: 520, height: 900 })
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0)
  await phone.screenshot({ path: join(shots, "softphone-quote-form-narrow.png"), fullPage: true })
  await phone.setViewportSize({ width: 1100, height: 900 })

  // Back with typing not saved: asked; refused, the draft stays as typed.
  const back = phone.locator('[data-comptoir="softphone-quote-back"]')
  await expect(back).toHaveText(/Back to the call|Retour à l'appel/)
  phone.once("dialog", (d) => void d.dismiss())
  await back.click()
  await expect(form.locator('[name="lines.0.quantity"]')).toHaveValue("3")
  await expect(form.locator('[data-comptoir="total-incl-vat"]')).toHaveAttribute("data-cents", "5982")
  // Let go: back to the call as it was.
  phone.once("dialog", (d) => void d.accept())
  await back.click()
  await expect(phone.locator('[data-comptoir="softphone-quote"]')).toHaveCount(0)
  await expect(card).toBeVisible()
  await expect(phone.locator('[data-comptoir="softphone"]')).toHaveAttribute("data-state", "in-call")
  expect(context.pages().length).toBe(pagesBefore)
  await phone.evaluate(() => chrome.storage.session.remove("softphone.view"))
  await phone.close()
})
