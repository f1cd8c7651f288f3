import { expect } from "@playwright/test"

import { CallScript } from "~src/domain/scripts/script.schema"
import { SHIPPED_SCRIPTS } from "~src/domain/scripts/shipped"

import { customers, dock, idOfCode, setUpSoftphone, test } from "./softphone-lab"

/**
 * The call script beside a real call through the SIP lab (kamailio + rtpengine + baresip): the side panel (opened
 * as a tab: headless Chromium shows no side panel) runs the script chosen for an outgoing call, in the customer's
 * language, fills the customer's names, and writes each answer where the outcome form reads it.
 */
const prospecting = CallScript.parse(SHIPPED_SCRIPTS.find((s) => s.id === "builtin-outbound-prospecting"))

test.describe.configure({ timeout: 90_000 })
// A base of its own, as the softphone specs have (they count the calls and logs of theirs): its call is left to log.
test.use({ labGroup: "call-script-runner" })

test.beforeAll(async ({ extContext, extensionId, lab }) => {
  expect(lab.runDir).toBeTruthy()
  await setUpSoftphone(extContext, extensionId)
})

test("during a call the script shows the customer's names, an answer moves it on, and the answer is kept for the call log", async ({ extContext, extensionId }) => {
  const side = await extContext.newPage()
  // The side panel's size on a laptop: the script must be readable beside the call without scrolling.
  await side.setViewportSize({ width: 400, height: 700 })
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  await expect(dock(side)).toHaveAttribute("data-state", "registered", { timeout: 15_000 })
  // Nothing runs before a call.
  await expect(side.locator('[data-comptoir="script-runner"]')).toHaveCount(0)

  const target = customers.find((c) => c.country === "FR" && c.contacts[0]!.firstName && c.contacts[0]!.phones[0] && c.language === "fr")!
  const contact = target.contacts[0]!
  await side.locator('[data-comptoir="dial-input"]').fill(contact.phones[0]!)
  await side.locator('[data-comptoir="dial"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })

  // An outgoing call: the prospecting script, in the customer's language (French), the agent's name filled from the
  // SIP display name and the team's name a visible gap (not signed in to a team).
  const runner = side.locator('[data-comptoir="script-runner"]')
  await expect(runner).toHaveAttribute("data-script-id", prospecting.id)
  await expect(runner).toHaveAttribute("data-language", "fr")
  const first = runner.locator('[data-comptoir="script-step"]')
  await expect(first).toHaveAttribute("data-step-id", "reach")
  await expect(first).toContainText("Agent One")
  await expect(first.locator('[data-comptoir="script-gap"][data-variable="agent.company"]')).toBeVisible()
  // Beside the call at 400×700: the call's controls, the step and its answers are all in view, nothing scrolled.
  await expect(side.locator('[data-comptoir="hangup"]')).toBeInViewport({ ratio: 1 })
  await expect(first.locator(".c-script-prompt")).toBeInViewport({ ratio: 1 })
  await expect(first.locator('[data-comptoir="script-choice"]').last()).toBeInViewport({ ratio: 1 })
  expect(await side.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0)
  await side.screenshot({ path: "/tmp/side-panel-in-call.png" })

  await runner.locator('[data-comptoir="script-choice"][data-choice-id="through"]').click()
  const hook = runner.locator('[data-comptoir="script-step"][data-step-id="hook"]')
  await expect(hook).toContainText(contact.firstName)
  await expect(hook).toContainText(target.company)

  // The answer, in words, where the outcome form reads it (chrome.storage.session `scriptAnswers:<callId>`).
  const callId = await side.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } } } }
    return r.data.state.call.id
  })
  const reach = prospecting.steps.find((s) => s.id === "reach")!
  await expect
    .poll(() => side.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `scriptAnswers:${callId}`))
    .toEqual({ scriptId: prospecting.id, answers: [{ step: reach.title.fr, answer: reach.choices.find((c) => c.id === "through")!.label.fr }] })

  // Objections from any step: the response shows; Back takes the answer back, in storage too.
  await runner.locator('[data-comptoir="script-objections"]').click()
  await runner.locator('[data-comptoir="script-objection"]').first().click()
  await expect(runner.locator('[data-comptoir="script-objection-response"]')).toContainText(prospecting.objections[0]!.response.fr!)
  await side.screenshot({ path: "/tmp/script-runner-in-call.png", fullPage: true })
  await runner.locator('[data-comptoir="script-back"]').click()
  await expect(runner.locator('[data-comptoir="script-step"]')).toHaveAttribute("data-step-id", "reach")
  await expect.poll(() => side.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `scriptAnswers:${callId}`)).toEqual({ scriptId: prospecting.id, answers: [] })

  // The agent switches to English: the same step, in English.
  await runner.locator('[data-comptoir="script-language"][data-language="en"]').click()
  await expect(runner.locator('[data-comptoir="script-step"]')).toContainText(reach.title.en!)

  await side.locator('[data-comptoir="hangup"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "ended")

  // Without a call: "Script" on a customer's card in the workspace runs one for that customer beside it.
  const other = customers.find((c) => c.country === "FR" && c.language === "fr" && c.code !== target.code && c.contacts[0]!.firstName)!
  const workspace = await extContext.newPage()
  await workspace.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/customers`)
  await workspace.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/customers/${encodeURIComponent(await idOfCode(workspace, other.code))}`)
  await workspace.locator(`[data-comptoir="customer-card"][data-customer-code="${other.code}"] [data-comptoir="open-script"]`).click()
  const cardRunner = side.locator('[data-comptoir="card-script"] [data-comptoir="script-runner"]')
  await expect(cardRunner).toHaveAttribute("data-script-id", prospecting.id)
  await cardRunner.locator('[data-comptoir="script-choice"][data-choice-id="through"]').click()
  await expect(cardRunner.locator('[data-comptoir="script-step"]')).toContainText(other.contacts[0]!.firstName)
  await expect(side.locator('[data-comptoir="card-script"]')).toContainText(other.company)
  await side.locator('[data-comptoir="script-close"]').click()
  await expect(side.locator('[data-comptoir="card-script"]')).toHaveCount(0)
  await workspace.close()
  await side.close()
})


test("in French at the side panel's 400 px nothing is cut or split: the transfer field, the script's heading, a call to log", async ({ extContext, extensionId }) => {
  const side = await extContext.newPage()
  await side.setViewportSize({ width: 400, height: 700 })
  await side.goto(`chrome-extension://${extensionId}/sidepanel.html`)
  await side.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: "fr" } })
  })
  await side.reload()
  // Registered, under the last spec's call ended if there was one.
  await expect(dock(side)).toHaveAttribute("data-state", /^(registered|ended)$/, { timeout: 15_000 })
  // The longest company name among French customers: the heading and the "to log" line must wrap as text.
  const target = customers
    .filter((c) => c.country === "FR" && c.language === "fr" && c.contacts[0]!.firstName && c.contacts[0]!.phones[0])
    .sort((a, b) => b.company.length - a.company.length)[0]!
  await side.locator('[data-comptoir="dial-input"]').fill(target.contacts[0]!.phones[0]!)
  await side.locator('[data-comptoir="dial"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  const heading = side.locator(".c-script-panel .c-section-title").first()
  await expect(heading).toContainText(target.company)

  // The transfer field's placeholder is read whole (it was cut: "Transférer vers (numéro ou URI SIP").
  const transfer = await side.locator('input[name="transfer"]').evaluate((el: HTMLInputElement) => {
    const cs = getComputedStyle(el)
    const ctx = document.createElement("canvas").getContext("2d")!
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
    return { text: ctx.measureText(el.placeholder).width, room: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) }
  })
  await side.screenshot({ path: "/tmp/side-panel-fr-in-call.png" })
  // Soft: each of the three says what it saw.
  expect.soft(transfer.text).toBeLessThanOrEqual(transfer.room)

  // The heading reads as one text: no gap on any of its lines between "Script d'appel" and the company (as two flex
  // items they stood in two columns, "SCRIPT / D'APPEL" beside "· CLINIQUE VÉTÉRINAIRE… / FRÈRES").
  const gaps = await heading.evaluate((el) => {
    const lines = new Map<number, [number, number][]>()
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const r of range.getClientRects()) if (r.width > 1) lines.set(Math.round(r.top), [...(lines.get(Math.round(r.top)) ?? []), [r.left, r.right]])
    }
    return [...lines.values()].map((fragments) => {
      const sorted = fragments.sort((a, b) => a[0] - b[0])
      return Math.round(Math.max(0, ...sorted.slice(1).map((f, i) => f[0] - sorted[i]![1])))
    })
  })
  expect(gaps.length).toBeGreaterThan(1)
  expect.soft(Math.max(...gaps)).toBeLessThanOrEqual(6)

  // Hung up and put off: listed "to log", its date on the line where the name before it ends, the company's or, since
  // the line names the contact too, the contact's (it wrapped onto a line of its own starting with "·").
  const callId = await side.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } } } }
    return r.data.state.call.id
  })
  await side.locator('[data-comptoir="hangup"]').click()
  await expect(dock(side)).toHaveAttribute("data-state", "ended")
  await side.locator(`[data-comptoir="outcome-form"][data-call-id="${callId}"] [data-comptoir="outcome-later"]`).click()
  const item = side.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callId}"]`)
  await expect(item).toContainText(target.company)
  const tops = await item.evaluate((li, company) => {
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT)
    const dateSpan = li.querySelector("span.c-muted")!
    // The last words before the date: the contact's name when the line has one, else the company's.
    let name: Node | null = null
    let seenCompany = false
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (dateSpan.contains(n)) break
      if (n.textContent?.includes(company)) seenCompany = true
      if (seenCompany && /\p{L}/u.test(n.textContent ?? "")) name = n
    }
    const range = document.createRange()
    range.selectNodeContents(name!)
    const nameLines = [...range.getClientRects()]
    const date = dateSpan.getBoundingClientRect()
    return { nameEnd: Math.round(nameLines.at(-1)!.top), date: Math.round(date.top) }
  }, target.company)
  // The call history open, for the screenshot: the call names the customer, not only the number.
  await side.locator('[data-comptoir="call-history"] summary').click()
  await side.screenshot({ path: "/tmp/side-panel-fr-to-log.png", fullPage: true })
  expect.soft(tops.date - tops.nameEnd).toBe(0)
  await side.evaluate(async () => {
    const { settings } = await chrome.storage.local.get("settings")
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: null } })
  })
  await side.close()
})
