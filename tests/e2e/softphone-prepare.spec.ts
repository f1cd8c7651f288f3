import { expect } from "@playwright/test"

import { readOnHold } from "../extension-page"
import { customers, dock, openReadyDock, setUpSoftphone, stats, test } from "./softphone-lab"

/**
 * A call prepared on the agent's intent (softphone/prepare, src/telephony/prepared-offer.ts): the pointer rests on a
 * card's call button, the offscreen document makes the call's offer ahead on a transceiver with no track; the click
 * opens the microphone into it. The track-less transceiver once broke resume after hold (an answered incoming call,
 * 3 Dec): here the outgoing call made on it must send the microphone, hold it and resume it.
 */
test.describe.configure({ timeout: 90_000 })

test.beforeAll(async ({ extContext, extensionId, lab }) => {
  expect(lab.runDir).toBeTruthy()
  await setUpSoftphone(extContext, extensionId)
})

test("a call button the pointer rests on before its click: the call sends the microphone, holds it and resumes it", async ({ extContext, extensionId, page, site }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const target = customers.filter((c) => c.country === "FR")[31]!
  const e164 = target.contacts[0]!.phones[0]!
  site.route("/crm/prepare", `<!doctype html><meta charset="utf-8"><h1>Fiche</h1><p>Rappeler ${target.company} au ${target.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/crm/prepare`)
  await page.locator(`[data-comptoir-phone="${e164}"]`).first().click()
  const card = page.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  const button = card.locator(`[data-comptoir="call"][data-number="${e164}"]`)
  await button.hover()
  // The hand on the button a moment: the offer is made meanwhile; nothing is called, nothing shows a call.
  await page.waitForTimeout(400)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "registered")
  await button.click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect.poll(async () => (await stats(phonePage)).bytesReceived, { timeout: 10_000 }).toBeGreaterThan(2000)

  /** The microphone's audio energy sent over one second (the fake microphone's beep while it goes out). */
  const energyOverASecond = async () => {
    const before = (await stats(phonePage)).audioEnergySent ?? 0
    await phonePage.waitForTimeout(1000)
    return ((await stats(phonePage)).audioEnergySent ?? 0) - before
  }
  // The microphone opened at the click went into the transceiver offered ahead: its audio goes out.
  await expect.poll(energyOverASecond, { timeout: 10_000 }).toBeGreaterThan(0.001)
  const talking = await energyOverASecond()

  const hold = phonePage.locator('[data-comptoir="hold"]')
  await hold.click()
  await expect(hold).toHaveAttribute("aria-pressed", "true", { timeout: 10_000 })
  expect(await phonePage.evaluate(readOnHold)).toBe(true)
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeLessThan(talking / 100)
  await hold.click()
  await expect(hold).toHaveAttribute("aria-pressed", "false", { timeout: 10_000 })
  expect(await phonePage.evaluate(readOnHold)).toBe(false)
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeGreaterThan(talking / 4)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  await expect(phonePage.locator('[data-comptoir="softphone-error"]')).toHaveCount(0)
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await phonePage.close()
})
