import { expect } from "@playwright/test"

import { readOnHold } from "../extension-page"
import { sharedPhonePair } from "./dataset"
import { customers, dock, idOfCode, openDock, openReadyDock, softphoneSpec, stats, storedCalls, test } from "./softphone-lab"

/**
 * Incoming calls through the real SIP lab, started by the fixtures of softphone-lab.ts: a customer's number pops
 * that customer's card, a number two customers share shows a picker, each call logged once; and what the agent does
 * during the call: mute and hold stop the microphone's audio going out.
 */
softphoneSpec("softphone-incoming")

test("an incoming call from a customer's number pops that customer's card; answered, hung up, logged once", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[12]!
  const number = caller.contacts[0]!.phones[0]!
  const before = (await storedCalls(phonePage)).length

  await lab.callFrom(number, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await expect(phonePage.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", caller.code)
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  // During the call the caller card shows the customer's risk in words (the card's function) and "New quote",
  // which opens the quote form with the caller as contact, linked to this call.
  const card = phonePage.locator('[data-comptoir="caller-card"]')
  await expect(card.locator('[data-comptoir="risk"]')).toHaveAttribute("data-level", /^(ok|watch|blocked)$/)
  await expect(card.locator('[data-comptoir="risk"] strong')).not.toBeEmpty()
  for (const reason of await card.locator('[data-comptoir="risk"] li').allTextContents()) expect(reason).toMatch(/[a-z]{3,}/)
  const quoteNew = card.locator('[data-comptoir="quote-new"]')
  const callId = (await quoteNew.getAttribute("data-call-id")) ?? ""
  expect(callId).not.toBe("")
  await phonePage.screenshot({ path: "/tmp/qf-shots/softphone-caller-card-risk.png", fullPage: true })
  const [quotePage] = await Promise.all([extContext.waitForEvent("page"), quoteNew.click()])
  await expect(quotePage.locator('[data-comptoir="quote-from-call"]')).toHaveAttribute("data-call-id", callId)
  const contact = quotePage.locator('[data-comptoir="quote-form"] select[name="contactId"]')
  await expect(contact.locator("option:checked")).toContainText(caller.contacts[0]!.lastName)
  await quotePage.close()
  await phonePage.bringToFront()
  await expect.poll(async () => (await stats(phonePage)).bytesReceived, { timeout: 10_000 }).toBeGreaterThan(2000)
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")

  await expect.poll(async () => (await storedCalls(phonePage)).length).toBe(before + 1)
  const inbound = (await storedCalls(phonePage)).filter((c) => c.direction === "inbound")
  expect(inbound).toHaveLength(1)
  expect(inbound[0]).toMatchObject({ number, customerId: await idOfCode(phonePage, caller.code) })
  expect(inbound[0]!.durationMs as number).toBeGreaterThan(0)
  // The call history names the customer and the contact who called, not only a number.
  const logged = phonePage.locator(`[data-comptoir="call-history-item"]`).first()
  await expect(logged.locator('[data-comptoir="call-history-who"]')).toHaveText(`${caller.company} · ${caller.contacts[0]!.firstName} ${caller.contacts[0]!.lastName}`.trim())
  await phonePage.close()
})

test("a number shared by two customers shows a picker; the call is logged once, to the one chosen", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openDock(extContext, extensionId)
  const [a, b] = sharedPhonePair(customers)
  const number = a.contacts[0]!.phones[0]!
  await lab.callFrom(number, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  const picker = phonePage.locator('[data-comptoir="caller-picker"]')
  await expect(picker.locator('[data-comptoir="caller-choice"]')).toHaveCount(2)
  await picker.locator(`[data-comptoir="caller-choice"][data-customer-code="${b.code}"]`).click()
  await expect(phonePage.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", b.code)
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).length).toBe(1)
  const [logged] = (await storedCalls(phonePage)).filter((c) => c.number === number)
  expect(logged).toMatchObject({ direction: "inbound", customerId: await idOfCode(phonePage, b.code) })
  await phonePage.close()
})

test("mute stops the microphone's audio going out and unmute brings it back; hold stops it too and shows in the state until resumed", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[16]!
  await lab.callFrom(caller.contacts[0]!.phones[0]!, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  /** The microphone's audio energy sent over one second (the fake microphone's beep while it goes out). */
  const energyOverASecond = async () => {
    const before = (await stats(phonePage)).audioEnergySent ?? 0
    await phonePage.waitForTimeout(1000)
    return ((await stats(phonePage)).audioEnergySent ?? 0) - before
  }
  await expect.poll(energyOverASecond, { timeout: 10_000 }).toBeGreaterThan(0.001)
  const talking = await energyOverASecond()

  const mute = phonePage.locator('[data-comptoir="mute"]')
  await mute.click()
  await expect(mute).toHaveAttribute("aria-pressed", "true")
  await expect(phonePage.locator('[data-comptoir="softphone-status"]')).toContainText("muted")
  // Muted: no more of the microphone's energy goes out (the track sends silence).
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeLessThan(talking / 100)
  await mute.click()
  await expect(mute).toHaveAttribute("aria-pressed", "false")
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeGreaterThan(talking / 4)

  // Hold: a re-INVITE the lab accepts; the state (dock, chip and the published view) says so until resumed.
  const hold = phonePage.locator('[data-comptoir="hold"]')
  await hold.click()
  await expect(hold).toHaveAttribute("aria-pressed", "true", { timeout: 10_000 })
  await expect(phonePage.locator('[data-comptoir="softphone-status"]')).toContainText("on hold")
  const onHold = () => phonePage.evaluate(readOnHold)
  expect(await onHold()).toBe(true)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  // On hold the customer hears nothing of the agent (a=sendonly alone kept the microphone going out).
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeLessThan(talking / 100)
  await hold.click()
  await expect(hold).toHaveAttribute("aria-pressed", "false", { timeout: 10_000 })
  expect(await onHold()).toBe(false)
  await expect.poll(energyOverASecond, { timeout: 5000 }).toBeGreaterThan(talking / 4)
  await expect(phonePage.locator('[data-comptoir="softphone-error"]')).toHaveCount(0)
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await phonePage.close()
})
