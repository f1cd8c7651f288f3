import { expect, type Page } from "@playwright/test"

import { customers, dock, openDock, openReadyDock, softphoneSpec, storedRows, test } from "./softphone-lab"

/**
 * A call's outcome left "to log" through the real SIP lab, started by the fixtures of softphone-lab.ts: the notes
 * typed survive a reload, a closed tab and a stopped service worker; a call left to log never takes the form of the
 * next call, under way or just ended.
 */
softphoneSpec("softphone-to-log")

test("an outcome typed but not saved survives a reload, a closed tab and a stopped service worker, and stays 'to log' until discarded", async ({ extContext, extensionId, lab }) => {
  let phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[14]!
  await lab.callFrom(caller.contacts[0]!.phones[0]!, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  // The dock may still show an earlier call's form (a call of the tests before, still to log): this call's id.
  const callId = await phonePage.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } | null } } }
    return r.data.state.call!.id
  })
  await phonePage.locator('[data-comptoir="hangup"]').click()
  const form = (p: Page) => p.locator('[data-comptoir="outcome-form"]')
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callId)
  await form(phonePage).locator('textarea[name="notes"]').pressSequentially("Rappeler pour le tarif")
  await form(phonePage).locator('select[name="outcome"]').selectOption("call-back")
  // Kept in the extension's IndexedDB (the form says so once the background has it).
  await expect(form(phonePage).locator('[data-comptoir="outcome-draft-state"]')).toHaveAttribute("data-state", "kept")

  // A reload: the form comes back with the notes.
  await phonePage.reload()
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callId)
  await expect(form(phonePage).locator('textarea[name="notes"]')).toHaveValue("Rappeler pour le tarif")
  await expect(form(phonePage).locator('select[name="outcome"]')).toHaveValue("call-back")

  // The tab closed and the service worker stopped: another dock opens it again.
  await phonePage.close()
  const helper = await extContext.newPage()
  await helper.goto(`chrome-extension://${extensionId}/options.html`)
  const cdp = await extContext.newCDPSession(helper)
  await cdp.send("ServiceWorker.enable")
  await cdp.send("ServiceWorker.stopAllWorkers")
  await cdp.detach()
  phonePage = await openDock(extContext, extensionId)
  await expect(form(phonePage).locator('textarea[name="notes"]')).toHaveValue("Rappeler pour le tarif")
  await helper.close()

  // Put off: the call stays listed "to log" in the dock; discarded, it leaves the list.
  await form(phonePage).locator('[data-comptoir="outcome-later"]').click()
  const item = phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callId}"]`)
  await expect(item).toContainText(caller.company)
  await item.locator('[data-comptoir="outcome-open"]').click()
  await expect(form(phonePage).locator('textarea[name="notes"]')).toHaveValue("Rappeler pour le tarif")
  await form(phonePage).locator('[data-comptoir="outcome-discard"]').click()
  await expect(form(phonePage)).toHaveCount(0)
  await expect(item).toHaveCount(0)
  expect((await storedRows(phonePage, "outcomeDrafts")).map((d) => d.id)).not.toContain(callId)
  await phonePage.close()
})

test("a call left to log never takes the form of the call under way or just ended: it stays listed 'to log'", async ({ extContext, extensionId, lab }) => {
  const form = (p: Page) => p.locator('[data-comptoir="outcome-form"]')
  const liveCallId = (p: Page) =>
    p.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } | null } } }
      return r.data.state.call!.id
    })
  let phonePage = await openReadyDock(extContext, extensionId)

  // Call A: answered, hung up, its form put away without a word (the popup closed): it is left to log.
  const first = customers.filter((c) => c.country === "FR")[22]!
  await lab.callFrom(first.contacts[0]!.phones[0]!, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  const callA = await liveCallId(phonePage)
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callA)
  await phonePage.close()

  // Call B rings; the popup, opened again, is where the agent answers it.
  const second = customers.filter((c) => c.country === "FR")[24]!
  const numberB = second.contacts[0]!.phones[0]!
  phonePage = await openDock(extContext, extensionId)
  await lab.callFrom(numberB, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  const callB = await liveCallId(phonePage)
  expect(callB).not.toBe(callA)
  // The popup closed and opened again during B: A's form does not come back over the call under way.
  await phonePage.close()
  phonePage = await openDock(extContext, extensionId)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  const itemA = phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callA}"]`)
  await expect(itemA).toContainText(first.company)
  await expect(phonePage.locator(`[data-comptoir="outcome-form"][data-call-id="${callA}"]`)).toHaveCount(0)
  // Notes for B while talking: the live form is B's.
  await phonePage.locator('[data-comptoir="outcome-open-live"]').click()
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callB)
  await expect(form(phonePage)).toHaveAttribute("data-live", "true")
  await form(phonePage).locator('textarea[name="notes"]').fill("Asks for the catalogue")
  await expect(form(phonePage).locator('[data-comptoir="outcome-draft-state"]')).toHaveAttribute("data-state", "kept")
  await phonePage.close()
  phonePage = await openDock(extContext, extensionId)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  // B's notes begun: its live form comes back, A stays listed.
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callB)
  await expect(phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callA}"]`)).toContainText(first.company)

  // B hung up: the form is B's, with B's number and talk time; A waits in the "to log" list.
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await expect(form(phonePage)).toHaveCount(1)
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callB)
  await expect(form(phonePage).locator('input[name="number"]')).toHaveValue(numberB)
  const headerTimer = ((await phonePage.locator('[data-comptoir="call-timer"]').textContent()) ?? "").replace(/[^0-9:]/g, "")
  await expect(form(phonePage).locator('input[name="duration"]')).toHaveValue(headerTimer)
  await expect(phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callA}"]`)).toContainText(first.company)
  // The popup opened again after the hang-up: still B's form, A still listed.
  await phonePage.close()
  phonePage = await openDock(extContext, extensionId)
  await expect(form(phonePage)).toHaveAttribute("data-call-id", callB)
  await expect(phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callA}"]`)).toContainText(first.company)

  // Tidy: neither is left to log for the specs after this one.
  await form(phonePage).locator('[data-comptoir="outcome-discard"]').click()
  const leftA = phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callA}"]`)
  await leftA.locator('[data-comptoir="outcome-pending-discard"]').click()
  await expect(leftA).toHaveCount(0)
  await phonePage.close()
})
