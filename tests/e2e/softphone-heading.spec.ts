import { expect } from "@playwright/test"

import { sharedPhonePair } from "./dataset"
import type { Customer } from "~src/domain/customers/customer.schema"
import { valuesFromCustomer } from "~src/domain/customers/customer-edit"

import { customers, dock, idOfCode, openDock, openReadyDock, softphoneSpec, storedCalls, test } from "./softphone-lab"

/**
 * What an agent used to Aircall or Ringover reads around a call, through the SIP lab: the customer's name as the
 * dock's heading (the number under it), the script's greeting at the agent's hour, the saved notice in sentences,
 * the call logged from the card brought into view on the timeline, and English tags on English customers.
 * A base of its own: its calls are logged.
 */
softphoneSpec("softphone-heading")

test("a known customer's call is headed with the contact and company, the script greets by the hour, and the saved notice reads as sentences", async ({ extContext, extensionId }) => {
  const side = await extContext.newPage()
  await side.setViewportSize({ width: 400, height: 700 })
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  await expect(dock(side)).toHaveAttribute("data-state", "registered", { timeout: 15_000 })
  const target = customers.find((c) => c.language === "en" && c.contacts[0]!.firstName && c.contacts[0]!.phones[0])!
  const contact = target.contacts[0]!
  await side.locator('[data-comptoir="dial-input"]').fill(contact.phones[0]!)
  await side.locator('[data-comptoir="dial"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })

  const who = side.locator('[data-comptoir="softphone-who"]')
  await expect(who).toHaveText(`${`${contact.firstName} ${contact.lastName}`.trim()} · ${target.company}`)
  await expect(side.locator('[data-comptoir="softphone-number"]')).toBeVisible()
  // The script's first words follow the agent's clock (the browser's), in the customer's language.
  const hour = await side.evaluate(() => new Date().getHours())
  const greeting = hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening"
  const step = side.locator('[data-comptoir="script-runner"] [data-comptoir="script-step"]')
  await expect(step).toContainText(`“${greeting}, `)
  await side.screenshot({ path: "/tmp/user9c-heading-greeting.png" })

  await side.locator('[data-comptoir="hangup"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "ended")
  const form = side.locator('[data-comptoir="outcome-form"]')
  await form.locator('select[name="outcome"]').selectOption("call-back")
  await form.locator('input[name="callback.date"]').fill("2031-03-04")
  await form.locator('input[name="callback.time"]').fill("10:00")
  await form.locator('[data-comptoir="outcome-save"]').click()
  const saved = side.locator('[data-comptoir="outcome-saved"]')
  await expect(saved).toContainText("✓ Call logged as “Call back”. Reminder to call back on 4 Mar 2031, 10:00.")
  await expect(saved).not.toContainText("·")
  await saved.scrollIntoViewIfNeeded()
  await side.screenshot({ path: "/tmp/user9c-saved-notice.png" })
  await side.close()
})

test("a card's Call heads the dock with the contact and company from the click, with Calling…, and the name does not change when the call is reported", async ({ extContext, extensionId }) => {
  const popup = await openReadyDock(extContext, extensionId)
  const target = customers.find((c) => c.country === "FR" && c.contacts[0]!.firstName && c.contacts[0]!.phones[0] && c !== customers[0])!
  const contact = target.contacts[0]!
  const e164 = contact.phones[0]!
  const name = `${`${contact.firstName} ${contact.lastName}`.trim()} · ${target.company}`
  await popup.locator('[data-comptoir="search"]').fill(target.code)
  const card = popup.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  await expect(card.locator(`[data-comptoir="call"][data-number="${e164}"]`)).toBeVisible()
  // Every heading the dock shows from the click on, as the agent sees them one after the other.
  await popup.evaluate(() => {
    const seen: string[] = ((window as unknown as { headings: string[] }).headings = [])
    const note = () => {
      const status = document.querySelector('[data-comptoir="softphone-status"]')
      const who = status?.querySelector('[data-comptoir="softphone-who"]')?.textContent ?? "-"
      const line = `${status?.hasAttribute("data-placing") ? "placing" : "shown"} | ${who} | ${status?.querySelector("strong")?.textContent ?? ""}`
      // From the click on: what the dock showed before it is not the call's.
      if (seen.length === 0 && !line.startsWith("placing")) return
      if (seen.at(-1) !== line) seen.push(line)
    }
    new MutationObserver(note).observe(document.querySelector('[data-comptoir="softphone"]')!, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await card.locator(`[data-comptoir="call"][data-number="${e164}"]`).click()
  await expect(dock(popup)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect(popup.locator('[data-comptoir="softphone-who"]')).toHaveText(name)
  await popup.screenshot({ path: "/tmp/head9-card-call-in-call.png" })
  const headings = await popup.evaluate(() => (window as unknown as { headings: string[] }).headings)
  // "Calling…" came with the name, and the name stayed the same through the report and the answer.
  expect(headings[0]).toBe(`placing | ${name} | Calling…`)
  expect(headings.filter((h) => !h.includes(` | ${name} | `))).toEqual([])
  await popup.locator('[data-comptoir="hangup"]').click()
  await expect(dock(popup)).toHaveAttribute("data-state", "ended")
  await popup.close()
})

test("Redial after a call to one contact of a switchboard three contacts share names that contact again and logs the call to them", async ({ extContext, extensionId }) => {
  // A French customer with three contacts, all three given the first one's line (a switchboard), as the agent would
  // in the customer's editor; the call goes to the second one, so neither "the first" nor "the only" would name them.
  const [a, b] = sharedPhonePair(customers)
  const target = customers.find((c) => c.country === "FR" && c.contacts.length >= 3 && c !== a && c !== b && c.contacts.slice(0, 3).every((p) => p.firstName && p.phones[0]))!
  const switchboard = target.contacts[0]!.phones[0]!
  const options = await extContext.newPage()
  await options.goto(`chrome-extension://${extensionId}/options.html`)
  const id = await idOfCode(options, target.code)
  const updated = await options.evaluate(async (id) => {
    const got = (await chrome.runtime.sendMessage({ type: "customers/get", payload: { ids: [id] } })) as { data: { customers: Customer[] } }
    return got.data.customers[0]!
  }, id)
  const original = valuesFromCustomer(updated, "fr")
  const values = { ...original, contacts: original.contacts.map((p, i) => (i < 3 ? { ...p, phones: [{ number: switchboard }] } : p)) }
  const r = await options.evaluate((payload) => chrome.runtime.sendMessage({ type: "customers/update", payload }), { id, values, original })
  expect(r).toMatchObject({ ok: true, data: { ok: true } })
  await options.close()
  const luc = updated.contacts[1]!
  const name = `${`${luc.firstName} ${luc.lastName}`.trim()} · ${target.company}`

  const popup = await openReadyDock(extContext, extensionId)
  await popup.locator('[data-comptoir="search"]').fill(target.code)
  const card = popup.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  const lucsLine = card.locator(".c-contacts > li").nth(1).locator(`[data-comptoir="call"][data-number="${switchboard}"]`)
  await expect(lucsLine).toBeVisible()
  await lucsLine.click()
  await expect(dock(popup)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect(popup.locator('[data-comptoir="softphone-who"]')).toHaveText(name)
  await popup.locator('[data-comptoir="hangup"]').click()
  await expect(dock(popup)).toHaveAttribute("data-state", "ended")
  // The history's newest row is that call, logged to that contact: Redial makes it again.
  await popup.locator('[data-comptoir="call-history"] summary').click()
  await expect(popup.locator('[data-comptoir="call-history-item"]').first()).toContainText(`${target.company} · ${`${luc.firstName} ${luc.lastName}`.trim()}`)

  // Every heading the dock shows from Redial's click on (the name comes once the customer is read by id).
  await popup.evaluate(() => {
    const seen: string[] = ((window as unknown as { headings: string[] }).headings = [])
    const note = () => {
      const status = document.querySelector('[data-comptoir="softphone-status"]')
      const line = `${status?.hasAttribute("data-placing") ? "placing" : "shown"} | ${status?.querySelector('[data-comptoir="softphone-who"]')?.textContent ?? "-"}`
      if (seen.length === 0 && !line.startsWith("placing")) return
      if (seen.at(-1) !== line) seen.push(line)
    }
    new MutationObserver(note).observe(document.querySelector('[data-comptoir="softphone"]')!, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await popup.locator('[data-comptoir="redial"]').click()
  await expect(dock(popup)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect(popup.locator('[data-comptoir="softphone-who"]')).toHaveText(name)
  await popup.locator('[data-comptoir="softphone-status"]').screenshot({ path: "/tmp/redial9-heading-after-redial.png" })
  await popup.screenshot({ path: "/tmp/redial9-dock-after-redial.png" })
  // Never the company alone nor another contact on the way: the number, then the contact the call was for.
  const headings = await popup.evaluate(() => (window as unknown as { headings: string[] }).headings)
  expect(headings.filter((h) => !h.endsWith(" | -") && !h.endsWith(` | ${name}`))).toEqual([])
  await popup.locator('[data-comptoir="hangup"]').click()
  await expect(dock(popup)).toHaveAttribute("data-state", "ended")
  // Logged to that contact again, not to the company alone.
  await expect
    .poll(async () => ((await storedCalls(popup)) as { customerId: string | null; contactId: string | null; startedAt: number }[]).sort((x, y) => y.startedAt - x.startedAt)[0])
    .toMatchObject({ customerId: id, contactId: luc.id })
  await popup.close()
})

test("a number two customers share is shown as the number until the agent picks, then the one picked", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openDock(extContext, extensionId)
  const [a, b] = sharedPhonePair(customers)
  await lab.callFrom(a.contacts[0]!.phones[0]!, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await expect(phonePage.locator('[data-comptoir="caller-picker"]')).toBeVisible()
  await expect(phonePage.locator('[data-comptoir="softphone-who"]')).toHaveCount(0)
  await expect(phonePage.locator('[data-comptoir="softphone-number"]')).toBeVisible()
  await phonePage.screenshot({ path: "/tmp/user9c-heading-shared.png" })
  await phonePage.locator(`[data-comptoir="caller-choice"][data-customer-code="${b.code}"]`).click()
  await expect(phonePage.locator('[data-comptoir="softphone-who"]')).toContainText(b.company)
  await phonePage.locator('[data-comptoir="decline"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await phonePage.close()
})

test("a call logged from the card is brought into view on the customer's timeline, and an English customer's tags are English", async ({ extContext, extensionId }) => {
  // One whose tag was French before (« grossiste », « relance »…), now its English word.
  const target = customers.find((c) => c.language === "en" && c.tags.some((t) => ["wholesaler", "distributor", "follow-up", "new", "trade-show-2026"].includes(t)))!
  const page = await extContext.newPage()
  // A short laptop window: the timeline beside the form starts low enough for the new entry to need bringing into view.
  await page.setViewportSize({ width: 1024, height: 420 })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html`)
  const id = await idOfCode(page, target.code)
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls/log/${encodeURIComponent(id)}`)
  const form = page.locator('[data-comptoir="outcome-form"]')
  await form.locator('select[name="outcome"]').selectOption("information-given")
  await form.locator('textarea[name="notes"]').fill("Asked about delivery times")
  await form.locator('input[name="duration"]').fill("2:10")
  await form.locator('[data-comptoir="outcome-save"]').click()
  await expect(page.locator('[data-comptoir="outcome-saved"]')).toContainText("Call logged as “Information given”.")
  const entry = page.locator('[data-comptoir="call-log"][data-new]')
  await expect(entry).toHaveCount(1)
  await expect(entry).toBeInViewport()
  await page.screenshot({ path: "/tmp/user9c-timeline-new.png" })

  await page.setViewportSize({ width: 1000, height: 700 })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/customers/${encodeURIComponent(id)}`)
  const tags = page.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]:not([data-compact="true"])`).first()
  await expect(tags).toContainText(target.tags[0]!)
  for (const french of ["grossiste", "relance", "nouveau", "distributeur", "salon-2026"]) expect(target.tags).not.toContain(french)
  await page.screenshot({ path: "/tmp/user9c-english-tags.png" })
  await page.close()
})
