import { expect } from "@playwright/test"

import { sharedPhonePair } from "./dataset"
import { customers, dock, idOfCode, openReadyDock, setUpSoftphone, storedCalls, test } from "./softphone-lab"

/**
 * The call over the page the agent is working on (issue #9: "the caller's card pops as soon as it rings, panel on
 * the active tab"): through the real SIP lab, the page panel of the tab in front opens on the caller's card with
 * answer and decline, shows the call while it lasts, hangs up, and the call is logged once to that customer.
 */
test.describe.configure({ timeout: 90_000 })
// A browser and a base of its own: the softphone specs count the calls and logs of their worker's base.
test.use({ labGroup: "softphone-panel" })

test.beforeAll(async ({ extContext, extensionId }) => {
  await setUpSoftphone(extContext, extensionId)
})

test("an incoming call pops the caller's card in the panel of the page in front; answered and hung up there, logged once", async ({
  extContext,
  extensionId,
  page,
  site,
  lab
}) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const caller = customers.filter((c) => c.country === "FR")[17]!
  const number = caller.contacts[0]!.phones[0]!
  const before = (await storedCalls(phonePage)).filter((c) => c.number === number).length

  // A CRM page naming no customer: the panel is its badge until the phone rings.
  site.route("/crm/agenda", `<!doctype html><meta charset="utf-8"><h1>Agenda</h1><p>Rien de prévu ce matin.</p><input name="note">`)
  await page.goto(`${site.origin}/crm/agenda`)
  await page.bringToFront()
  const panel = page.locator('#comptoir-overlay [data-comptoir="panel"]')
  await expect(panel).toHaveAttribute("data-shape", "badge")
  const bar = panel.locator('[data-comptoir="softphone"]')

  // The agent is typing in the page when it rings: the panel still opens on the call.
  await page.locator('input[name="note"]').click()
  await lab.callFrom(number, "agent1")
  await expect(panel).toHaveAttribute("data-shape", "open", { timeout: 10_000 })
  await expect(bar).toHaveAttribute("data-state", "ringing-in")
  const card = bar.locator('[data-comptoir="caller-card"]')
  await expect(card).toHaveAttribute("data-customer-code", caller.code)
  await expect(card).toContainText(caller.company)
  await page.screenshot({ path: "test-results/softphone-panel-ringing.png" })
  // The header counts the card it shows (it said "0" over the caller's card).
  await expect(panel.locator('[data-comptoir="match-count"]')).toHaveText("1")
  // Each ☎ sits on its number's line (the second one wrapped alone to the next line, under the first number).
  for (const phone of caller.contacts[0]!.phones) {
    const number = await card.locator(`a[data-phone="${phone}"]`).boundingBox()
    const call = await card.locator(`button[data-comptoir="call"][data-number="${phone}"]`).boundingBox()
    expect(Math.abs(number!.y + number!.height / 2 - (call!.y + call!.height / 2)), `the ☎ of ${phone} is on its line`).toBeLessThan(6)
  }

  await bar.locator('[data-comptoir="answer"]').click()
  await expect(bar).toHaveAttribute("data-state", "in-call")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  await expect(bar.locator('[data-comptoir="call-timer"]')).toContainText(/0:0\d/)
  await page.screenshot({ path: "test-results/softphone-panel-in-call.png" })
  await bar.locator('[data-comptoir="hangup"]').click()
  await expect(bar).toHaveAttribute("data-state", "ended")
  await expect(bar.locator('[data-comptoir="caller-card"]')).toHaveCount(0)
  await expect(bar.locator('[data-comptoir="panel-log-call"]')).toBeVisible()

  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).length).toBe(before + 1)
  const logged = (await storedCalls(phonePage)).filter((c) => c.number === number).at(-1)
  expect(logged).toMatchObject({ direction: "inbound", customerId: await idOfCode(phonePage, caller.code) })
  expect(logged!.durationMs as number).toBeGreaterThan(0)
  await phonePage.close()
})

test("a number shared by two customers: the page panel asks who is calling, and the call is logged to the one picked there", async ({
  extContext,
  extensionId,
  page,
  site,
  lab
}) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  const [a, b] = sharedPhonePair(customers)
  const number = a.contacts[0]!.phones[0]!
  const before = (await storedCalls(phonePage)).filter((c) => c.number === number).length
  site.route("/crm/agenda", `<!doctype html><meta charset="utf-8"><h1>Agenda</h1>`)
  await page.goto(`${site.origin}/crm/agenda`)
  await page.bringToFront()
  const bar = page.locator('#comptoir-overlay [data-comptoir="softphone"]')

  await lab.callFrom(number, "agent1")
  await expect(bar).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await expect(bar.locator('[data-comptoir="caller-card"]')).toHaveCount(0)
  await expect(bar.locator('[data-comptoir="caller-choice"]')).toHaveCount(2)
  // No card yet, no count: a "0" next to two names read as "nobody".
  const count = page.locator('#comptoir-overlay [data-comptoir="match-count"]')
  await expect(count).toHaveCount(0)
  await bar.locator(`[data-comptoir="caller-choice"][data-customer-code="${b.code}"]`).click()
  await expect(bar.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", b.code)
  await expect(count).toHaveText("1")
  // The dock follows the pick made in the page.
  await expect(phonePage.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", b.code)
  await bar.locator('[data-comptoir="answer"]').click()
  await expect(bar).toHaveAttribute("data-state", "in-call")
  await bar.locator('[data-comptoir="hangup"]').click()
  await expect(bar).toHaveAttribute("data-state", "ended")
  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).length).toBe(before + 1)
  const logged = (await storedCalls(phonePage)).filter((c) => c.number === number).at(-1)
  expect(logged).toMatchObject({ direction: "inbound", customerId: await idOfCode(phonePage, b.code) })
  await phonePage.close()
})

test("a wrong number hung up from the dock as soon as it says Calling… ends there and is logged as hung up by the agent", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  expect(lab.runDir).toBeTruthy()
  const number = "+33199000123"
  await phonePage.locator('[data-comptoir="dial-input"]').fill(number)
  await phonePage.locator('[data-comptoir="dial"]').click()
  // Usually the click lands while the softphone still holds the call's first report (outgoing-hold.ts) and the dock
  // shows its own Calling… with Hang up; but the lab's peer answers at once, so on a busy machine the call may already
  // be shown with its own Hang up (CI saw the first button detached under the click). Either is the agent's "hang up
  // at once"; the held path itself is pinned by controller-outgoing.test.ts, which fails without callNow().
  await phonePage.locator('[data-comptoir="calling-hangup"], [data-comptoir="hangup"]').first().click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended", { timeout: 15_000 })
  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).map((c) => c.endReason)).toEqual(["hangup-local"])
  await phonePage.close()
})

test("while the softphone has not shown a call dialled in the dock yet, the dock's heading says Calling… and to whom, and no second call goes from it", async ({
  extContext,
  extensionId,
  lab
}) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  expect(lab.runDir).toBeTruthy()
  const number = "+33199000124"
  const before = (await storedCalls(phonePage)).filter((c) => c.number === number).length
  // The call command is held in the page until the test lets it go, so the moment the softphone holds the call's
  // first report (outgoing-hold.ts, ~0.2 s with a callee who rings) lasts as long as it is looked at. It was held
  // 1.5 s by a timer: on a loaded machine the call was up before the Enter below, the number field gone with the
  // dial pad, and the press waited for it until the test's 90 s ran out (2 of 2 under load, tests/README.md).
  await phonePage.evaluate(() => {
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (m: unknown) => Promise<unknown>
    const held: (() => void)[] = []
    Object.assign(window, { heldCalls: held })
    Object.assign(chrome.runtime, {
      sendMessage: (m: { type?: string }) => (m.type === "softphone/call" ? new Promise((ok) => held.push(() => ok(send(m)))) : send(m))
    })
  })
  const heldCalls = () => phonePage.evaluate(() => (window as unknown as { heldCalls: unknown[] }).heldCalls.length)
  await phonePage.locator('[data-comptoir="dial-input"]').fill(number)
  await phonePage.locator('[data-comptoir="dial"]').click()
  const heading = phonePage.locator('[data-comptoir="softphone-status"]')
  await expect(heading).toHaveAttribute("data-placing", "")
  await expect(heading).toContainText("Calling…")
  await expect(heading).toContainText("01 99 00 01 24")
  await expect(heading).not.toContainText("Ready for calls")
  await expect(phonePage.locator('[data-comptoir="dial"]')).toBeDisabled()
  await expect(phonePage.locator('[data-comptoir="calling-hangup"]')).toBeVisible()
  await phonePage.screenshot({ path: "test-results/softphone-dock-placing.png" })
  // Enter in the number field is the other way to Call: it dials nothing either.
  await phonePage.locator('[data-comptoir="dial-input"]').press("Enter")
  await expect(heading).toContainText("Calling…")
  expect(await heldCalls()).toBe(1)
  await phonePage.evaluate(() => (window as unknown as { heldCalls: (() => void)[] }).heldCalls.forEach((go) => go()))
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).length).toBe(before + 1)
  await phonePage.close()
})

test("while a call placed from a card on a page is on, that page's other call buttons are off and say a call is in progress, and come back when it ends", async ({
  extContext,
  extensionId,
  page,
  site,
  lab
}) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  expect(lab.runDir).toBeTruthy()
  const target = customers.filter((c) => c.country === "FR" && c.contacts[0]!.phones.length >= 2)[3]!
  const [called, other] = target.contacts[0]!.phones as [string, string]
  site.route("/crm/rappels", `<!doctype html><meta charset="utf-8"><h1>Rappels</h1><p>Rappeler ${target.company} au ${target.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/crm/rappels`)
  await page.bringToFront()
  const overlay = page.locator("#comptoir-overlay")
  await page.locator(`[data-comptoir-phone="${called}"]`).first().click()
  const card = overlay.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  await expect(card).toHaveAttribute("data-highlight", "true")
  const callButton = (n: string) => card.locator(`[data-comptoir="call"][data-number="${n}"]`)
  const clickedNumber = overlay.locator(`[data-comptoir="panel"] > .c-panel-body > [data-comptoir="call"][data-number="${called}"]`)
  await expect(callButton(other)).toBeEnabled()

  await callButton(called).click()
  // The lab's peer answers at once.
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect(callButton(other)).toBeDisabled()
  await expect(callButton(other)).toHaveAttribute("title", /A call is in progress|Un appel est en cours/)
  // The called number's ☎ says it is the one: pressed, and dials nothing more; so does the number clicked on the page.
  await expect(callButton(called)).toHaveAttribute("aria-pressed", "true")
  await expect(callButton(called)).toBeDisabled()
  await expect(clickedNumber).toHaveAttribute("data-call-state", "this-call")
  await page.screenshot({ path: "test-results/softphone-panel-call-buttons-in-call.png" })

  // Hung up from the page's call line: the page in front is told of the end.
  await overlay.locator('[data-comptoir="panel"] [data-comptoir="softphone"] [data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await expect(callButton(other)).toBeEnabled()
  await expect(callButton(other)).not.toHaveAttribute("title")
  await expect(callButton(called)).toHaveAttribute("aria-pressed", "false")
  await phonePage.close()
})
