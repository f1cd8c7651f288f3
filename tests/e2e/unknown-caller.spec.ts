import { expect, type BrowserContext, type Page } from "@playwright/test"

import { customers, dock, openReadyDock, setUpSoftphone, storedRows, test } from "./softphone-lab"

/**
 * An unknown caller through the real SIP lab: "New customer with this number" opens the workspace's customer
 * form prefilled; the customer is stored like an imported one and the call becomes theirs (its outcome form and
 * the "to log" list name them); the next calls from the number pop their card, and two calls not logged yet
 * are one line of the "to log" list.
 */
test.describe.configure({ timeout: 120_000 })

test.beforeAll(async ({ extContext, extensionId }) => {
  await setUpSoftphone(extContext, extensionId)
})

/** A number no customer of the test base holds (checked below). */
const UNKNOWN = "+33970001234"

function lookupByPhone(p: Page, phone: string): Promise<{ id: string; code: string; company: string }[]> {
  return p.evaluate(async (n) => {
    const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [n], emails: [], codes: [] } })) as { data: { matches: { customer: { id: string; code: string; company: string } }[] } }
    return r.data.matches.map((m) => m.customer)
  }, phone)
}

function currentCallId(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } | null } } }
    return r.data.state.call!.id
  })
}

/** Workspace tabs left by an earlier spec would take the route instead of a new tab. */
async function closeWorkspaces(extContext: BrowserContext): Promise<void> {
  for (const p of extContext.pages()) if (p.url().includes("/tabs/workspace.html")) await p.close()
}

test("a new customer made from an unknown caller's number gets the call, its outcome and the next calls' card", async ({ extContext, extensionId, lab }) => {
  expect(customers.some((c) => c.contacts.some((p) => p.phones.includes(UNKNOWN)))).toBe(false)
  await closeWorkspaces(extContext)
  const phonePage = await openReadyDock(extContext, extensionId)
  expect(await lookupByPhone(phonePage, UNKNOWN)).toEqual([])

  await lab.callFrom(UNKNOWN, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await expect(phonePage.locator('[data-comptoir="caller-unknown"]')).toBeVisible()
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  const callId = await currentCallId(phonePage)

  // "New customer with this number": the workspace's form, the number prefilled, tied to the call.
  const [workspace] = await Promise.all([extContext.waitForEvent("page"), phonePage.locator(`[data-comptoir="new-customer"][data-number="${UNKNOWN}"]`).click()])
  await workspace.waitForLoadState()
  expect(decodeURIComponent(new URL(workspace.url()).hash)).toBe(`#/customers/new?phone=${UNKNOWN}&call=${callId}`)
  const form = workspace.locator('[data-comptoir="new-customer-form"]')
  await expect(form).toHaveAttribute("data-call-id", callId)
  await expect(form.locator('input[name="phone"]')).toHaveValue(UNKNOWN)

  // The agent hangs up while typing: the call's outcome form opens in the dock, nobody to name yet.
  await phonePage.bringToFront()
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  const outcome = phonePage.locator(`[data-comptoir="outcome-form"][data-call-id="${callId}"]`)
  await expect(outcome).toBeVisible()
  await expect(outcome.locator('[data-comptoir="outcome-customer"]')).toHaveCount(0)
  await outcome.locator('textarea[name="notes"]').fill("Opens a bistrot in Lyon next month")
  await expect(outcome.locator('[data-comptoir="outcome-draft-state"]')).toHaveAttribute("data-state", "kept")

  // Saving without a company says so under the field, in words; then the customer is created.
  await workspace.bringToFront()
  await form.locator('input[name="email"]').fill("not-an-email")
  await form.locator('[data-comptoir="new-customer-save"]').click()
  await expect(form.locator('[data-comptoir="field-error"]')).toHaveText(["Give the company's name.", "Not an email address."])
  await form.locator('input[name="company"]').fill("Bistrot Lumière")
  await form.locator('input[name="contactName"]').fill("Marie Dupont")
  await form.locator('input[name="email"]').fill("marie@bistrot-lumiere.example")
  await form.locator('select[name="language"]').selectOption("fr")
  await form.locator('[data-comptoir="new-customer-save"]').click()
  await expect(workspace.locator('[data-comptoir="new-customer-created"]')).toHaveAttribute("data-call-assigned", "true")
  const [made] = await lookupByPhone(workspace, UNKNOWN)
  expect(made).toMatchObject({ company: "Bistrot Lumière" })
  expect(made!.code).toMatch(/^N-[0-9A-Z]{8}$/)
  await expect(workspace.locator(`[data-comptoir="customer-card"][data-customer-code="${made!.code}"]`)).toBeVisible()
  await expect(workspace.locator(`[data-comptoir="customer-card"][data-customer-code="${made!.code}"]`)).toContainText("Marie Dupont")
  await workspace.screenshot({ path: "/tmp/unknown-caller-new-customer.png" })

  // The dock's form names the new customer now and kept the notes; put off, the "to log" line names them too.
  await phonePage.bringToFront()
  await expect(outcome.locator('[data-comptoir="outcome-customer"]')).toHaveAttribute("data-customer-code", made!.code)
  await expect(outcome.locator('textarea[name="notes"]')).toHaveValue("Opens a bistrot in Lyon next month")
  await outcome.locator('[data-comptoir="outcome-later"]').click()
  const line = phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callId}"]`)
  await expect(line).toContainText("Bistrot Lumière")
  await line.locator('[data-comptoir="outcome-open"]').click()
  await outcome.locator('select[name="outcome"]').selectOption("information-given")
  await outcome.locator('[data-comptoir="outcome-save"]').click()
  await expect(phonePage.locator('[data-comptoir="outcome-saved"]')).toBeVisible()
  await expect.poll(async () => (await storedRows(phonePage, "callLogs")).filter((l) => l.callId === callId)).toHaveLength(1)
  const [log] = (await storedRows(phonePage, "callLogs")).filter((l) => l.callId === callId)
  expect(log).toMatchObject({ customerId: made!.id, number: UNKNOWN, direction: "inbound", outcome: "information-given", notes: "Opens a bistrot in Lyon next month" })
  // Stored like an imported customer: one contact holding the number in E.164, the email, the language.
  const [stored] = await phonePage.evaluate(async (id) => {
    const r = (await chrome.runtime.sendMessage({ type: "customers/get", payload: { ids: [id] } })) as { data: { customers: unknown[] } }
    return r.data.customers
  }, made!.id)
  expect(stored).toMatchObject({ language: "fr", country: "FR", contacts: [{ firstName: "Marie", lastName: "Dupont", phones: [UNKNOWN], emails: ["marie@bistrot-lumiere.example"] }] })

  // The next two calls from the number pop the new customer's card; declined, they are one line "to log": "2 calls".
  const declined: string[] = []
  for (let i = 0; i < 2; i++) {
    await lab.callFrom(UNKNOWN, "agent1")
    await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
    await expect(phonePage.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", made!.code)
    declined.push(await currentCallId(phonePage))
    await phonePage.locator('[data-comptoir="decline"]').click()
    await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
    await expect(phonePage.locator(`[data-comptoir="outcome-form"][data-call-id="${declined[i]}"]`)).toBeVisible()
  }
  await phonePage.locator('[data-comptoir="outcome-later"]').click()
  const folded = phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${declined[1]}"]`)
  await expect(folded).toHaveAttribute("data-calls", "2")
  await expect(folded.locator('[data-comptoir="outcome-pending-count"]')).toHaveText("2 calls")
  await expect(folded).toContainText("Bistrot Lumière")
  await expect(phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${declined[0]}"]`)).toHaveCount(0)
  // "No log needed" on the line: both calls leave the list.
  await folded.locator('[data-comptoir="outcome-pending-discard"]').click()
  await expect(folded).toHaveCount(0)
  await expect.poll(async () => (await storedRows(phonePage, "outcomeDrafts")).map((d) => d.id).filter((id) => declined.includes(id as string))).toEqual([])
  await phonePage.screenshot({ path: "/tmp/unknown-caller-dock.png" })
  await workspace.close()
  await phonePage.close()
})
