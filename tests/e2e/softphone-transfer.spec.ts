import { expect } from "@playwright/test"

import { customers, dock, idOfCode, openReadyDock, setUpSoftphone, stats, storedCalls, test } from "./softphone-lab"

/**
 * Blind transfer through the real SIP lab (issue #9: "transfer (blind) where the provider supports it"): the agent
 * hands a customer's call to another number; the customer's phone (the lab's baresip) gets the REFER and calls that
 * number itself, and the agent's leg ends as "transferred", logged once to the customer. A peer that refuses the
 * REFER leaves the call with the agent, who is told so.
 */
test.describe.configure({ timeout: 90_000 })
test.use({ labGroup: "softphone-transfer" })

test.beforeAll(async ({ extContext, extensionId }) => {
  await setUpSoftphone(extContext, extensionId)
})

test("a blind transfer hands the customer's call to the number typed: the customer's phone calls it, and the agent's call ends as transferred, logged once", async ({
  extContext,
  extensionId,
  lab
}) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[11]!
  const number = caller.contacts[0]!.phones[0]!
  const before = (await storedCalls(phonePage)).filter((c) => c.number === number).length
  // The colleague the call goes to, typed as an agent types it: the lab's PBX routes any number to its answering
  // user agent.
  const colleague = "0145000099"

  await lab.callFrom(number, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")

  await phonePage.locator('input[name="transfer"]').fill("01 45 00 00 99")
  await phonePage.locator('[data-comptoir="transfer"]').click()

  // The agent's leg ends, and says why in words.
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended", { timeout: 15_000 })
  await expect(phonePage.locator('[data-comptoir="softphone-status"]')).toContainText("transferred")
  await expect(phonePage.locator('[data-comptoir="softphone-status"]')).not.toContainText("phone")
  // The customer's phone took the REFER and called the colleague's number through the PBX (which answered).
  await expect.poll(() => lab.log("baresip"), { timeout: 15_000 }).toMatch(new RegExp(`Call established: sip:${colleague}@`))
  await phonePage.screenshot({ path: "test-results/softphone-transferred.png" })

  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).length).toBe(before + 1)
  const logged = (await storedCalls(phonePage)).filter((c) => c.number === number).at(-1)!
  expect(logged).toMatchObject({ direction: "inbound", customerId: await idOfCode(phonePage, caller.code), endReason: "transferred" })
  expect(logged.durationMs as number).toBeGreaterThan(0)
  await phonePage.close()
})

test("a transfer the PBX refuses leaves the customer on the line with the agent, who is told so in words", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[10]!
  const number = caller.contacts[0]!.phones[0]!
  await lab.callFrom(number, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="answer"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")

  // The lab's PBX refuses transfers to 000… (403), as a real one refuses a destination it forbids.
  await phonePage.locator('input[name="transfer"]').fill("000 123")
  await phonePage.locator('[data-comptoir="transfer"]').click()
  const said = phonePage.locator('[data-comptoir="softphone-transfer-error"]')
  await expect(said).toContainText("The transfer did not go through")
  await expect(said).toContainText("403")
  await expect(said).toContainText("still on the line with you")
  await expect(said).toBeInViewport()
  await phonePage.screenshot({ path: "test-results/softphone-transfer-refused.png" })
  // And it is true: the call goes on, its audio still coming in.
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  const heard = (await stats(phonePage)).bytesReceived
  await expect.poll(async () => (await stats(phonePage)).bytesReceived, { timeout: 5000 }).toBeGreaterThan(heard + 1000)

  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).at(-1)?.endReason).toBe("hangup-local")
  await phonePage.close()
})
