import { readFileSync } from "node:fs"

import { expect } from "@playwright/test"

import { customers, dock, idOfCode, openDock, openReadyDock, softphoneSpec, stats, storedCalls, storedRows, test } from "./softphone-lab"

/**
 * Outgoing calls through the real SIP lab (kamailio + rtpengine + baresip), started by the fixtures of softphone-lab.ts:
 * a number clicked on a CRM page called, answered by the lab, DTMF, hung up and logged to the customer (the outcome
 * form, "Log a call", a correction); and calls the network refuses (busy, no answer), each said in words.
 */
softphoneSpec("softphone-outgoing")

test("calls a number clicked on a CRM page through the lab: audio flows, DTMF, hang up, and the call is logged to the customer", async ({
  extContext,
  extensionId,
  page,
  site,
  lab
}) => {
  let phonePage = await openDock(extContext, extensionId)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "registered", { timeout: 15_000 })

  const target = customers.filter((c) => c.country === "FR")[30]!
  const e164 = target.contacts[0]!.phones[0]!
  site.route("/crm/fiche", `<!doctype html><meta charset="utf-8"><h1>Fiche</h1><p>Rappeler ${target.company} au ${target.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/crm/fiche`)
  const overlay = page.locator("#comptoir-overlay")
  await page.locator(`[data-comptoir-phone="${e164}"]`).first().click()
  // The panel offers the clicked number itself, and the card has a call button beside each of its numbers.
  await expect(overlay.locator(`[data-comptoir="panel"] > .c-panel-body > [data-comptoir="call"][data-number="${e164}"]`)).toBeVisible()
  const card = overlay.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  await expect(card).toHaveAttribute("data-highlight", "true")
  await card.locator(`[data-comptoir="call"][data-number="${e164}"]`).click()
  // The card says "Calling…" itself at the click: the softphone publishes the call once it is on the wire.
  await expect(card.locator('[data-comptoir="calling"]')).toBeVisible()
  await page.screenshot({ path: "test-results/softphone-calling.png" })

  // The lab's peer answers at once.
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
  await expect(phonePage.locator('[data-comptoir="caller-card"]')).toHaveAttribute("data-customer-code", target.code)
  await expect.poll(async () => (await stats(phonePage)).bytesReceived, { timeout: 10_000 }).toBeGreaterThan(2000)

  // DTMF from the keypad (RFC 4733 through rtpengine to baresip).
  const keypad = phonePage.locator('[data-comptoir="dtmf"]')
  await keypad.locator('[data-digit="1"]').click()
  await keypad.locator('[data-digit="#"]').click()
  // The lab's peer received it (baresip 1.0 logs the first RFC 4733 digit of a call); then no error shown.
  await expect.poll(() => lab.log("baresip"), { timeout: 5000 }).toMatch(/received event: '1'/)
  await expect(phonePage.locator('[data-comptoir="softphone-error"]')).toHaveCount(0)
  await phonePage.screenshot({ path: "/tmp/softphone-in-call.png" })

  // Notes while talking: the outcome form opens during the call; it cannot be saved before the hang-up.
  await phonePage.locator('[data-comptoir="outcome-open-live"]').click()
  const liveForm = phonePage.locator('[data-comptoir="outcome-form"][data-live="true"]')
  await expect(liveForm).toBeVisible()
  await expect(liveForm.locator('[data-comptoir="outcome-save"]')).toBeDisabled()
  await liveForm.locator('textarea[name="notes"]').fill("Wants a quote for 200 pairs of gloves")
  await expect(liveForm.locator('[data-comptoir="outcome-draft-state"]')).toHaveAttribute("data-state", "kept")
  // The popup closed in the middle of the call and opened again: the notes come back in the live form.
  await phonePage.close()
  phonePage = await openDock(extContext, extensionId)
  await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call")
  await expect(phonePage.locator('[data-comptoir="outcome-form"][data-live="true"] textarea[name="notes"]')).toHaveValue("Wants a quote for 200 pairs of gloves")

  await phonePage.locator('[data-comptoir="hangup"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")

  await expect.poll(async () => (await storedCalls(phonePage)).length).toBe(1)
  const [record] = await storedCalls(phonePage)
  const customerId = await idOfCode(phonePage, target.code)
  expect(record).toMatchObject({ direction: "outbound", number: e164, customerId, provider: "sip", endReason: "hangup-local" })
  expect(record!.durationMs as number).toBeGreaterThan(0)
  expect(record!.startedAt as number).toBeLessThanOrEqual(record!.answeredAt as number)

  // The outcome form opened at hang-up, filled from the call: the customer, the direction, the number.
  const form = phonePage.locator('[data-comptoir="outcome-form"]')
  await expect(form).toBeVisible()
  await expect(form).toHaveAttribute("data-call-id", record!.id as string)
  await expect(form.locator('[data-comptoir="outcome-customer"]')).toHaveAttribute("data-customer-code", target.code)
  await expect(form.locator('select[name="direction"]')).toHaveValue("outbound")
  await expect(form.locator('input[name="number"]')).toHaveValue(e164)
  // The same form and draft as during the call: the notes are still there, the hang-up gave it the talk time.
  await expect(form).not.toHaveAttribute("data-live", "true")
  await expect(form.locator('textarea[name="notes"]')).toHaveValue("Wants a quote for 200 pairs of gloves")
  // One duration for the call: the ended call's header says what the form says (they once said 0:00 and 0:01).
  const headerTimer = ((await phonePage.locator('[data-comptoir="call-timer"]').textContent()) ?? "").replace(/[^0-9:]/g, "")
  await expect(form.locator('input[name="duration"]')).toHaveValue(headerTimer)
  const [mm, ss] = headerTimer.split(":").map(Number) as [number, number]
  const endedTalkSeconds = mm * 60 + ss
  // Saving without an outcome says what is missing, under the field.
  await form.locator('[data-comptoir="outcome-save"]').click()
  await expect(form.locator('[data-comptoir="field-error"]')).toHaveText("Choose what came of the call.")
  await form.locator('select[name="outcome"]').selectOption("quote-requested")
  // "Quote requested" offers the quote: the form opens in the workspace for this customer, linked to the call.
  const quoteNew = form.locator('[data-comptoir="quote-new"]')
  await expect(quoteNew).toHaveAttribute("data-call-id", record!.id as string)
  const [quotePage] = await Promise.all([extContext.waitForEvent("page"), quoteNew.click()])
  await expect(quotePage.locator('[data-comptoir="quote-form"]')).toBeVisible()
  await expect(quotePage.locator('[data-comptoir="quote-from-call"]')).toHaveAttribute("data-call-id", record!.id as string)
  await expect(quotePage.locator("h1")).toContainText(target.company)
  await quotePage.close()
  await phonePage.screenshot({ path: "/tmp/softphone-outcome-form.png" })
  await form.locator('[data-comptoir="outcome-save"]').click()
  await expect(phonePage.locator('[data-comptoir="outcome-saved"]')).toContainText("Quote requested")
  await expect(form).toHaveCount(0)

  // The log is in IndexedDB's callLogs, to the customer, with the call's talk time.
  await expect.poll(async () => (await storedRows(phonePage, "callLogs")).length).toBe(1)
  const [log] = await storedRows(phonePage, "callLogs")
  expect(log).toMatchObject({ callId: record!.id, customerId, direction: "outbound", number: e164, outcome: "quote-requested", notes: "Wants a quote for 200 pairs of gloves", correctsId: null })
  expect(log!.durationSeconds as number).toBeGreaterThan(0)
  expect(log!.durationSeconds).toBe(endedTalkSeconds)
  // Saved: nothing left "to log".
  await expect(phonePage.locator('[data-comptoir="outcome-pending-item"]')).toHaveCount(0)
  expect(await storedRows(phonePage, "outcomeDrafts")).toEqual([])

  // The customer's card in the CRM page shows the call on its timeline once the agent opens "Calls".
  const timeline = card.locator('[data-comptoir="call-timeline"]')
  await expect(timeline).toHaveAttribute("data-state", "idle")
  await timeline.locator("summary").click()
  const entry = timeline.locator('[data-comptoir="call-log"]').first()
  await expect(entry).toHaveAttribute("data-outcome", "quote-requested")
  await expect(entry).toContainText("Quote requested")
  await expect(entry).toContainText("Wants a quote for 200 pairs of gloves")
  await page.screenshot({ path: "/tmp/softphone-card-timeline.png" })

  // "Log a call" from the card, for a call made elsewhere: the workspace's form, call fields empty to fill.
  const [workspace] = await Promise.all([extContext.waitForEvent("page"), card.locator('[data-comptoir="log-call"]').click()])
  const manual = workspace.locator('[data-comptoir="outcome-form"]')
  await expect(manual.locator('[data-comptoir="outcome-customer"]')).toHaveAttribute("data-customer-code", target.code)
  await expect(manual.locator('input[name="duration"]')).toHaveValue("")
  await manual.locator('select[name="outcome"]').selectOption("appointment-set")
  await manual.locator('[data-comptoir="outcome-save"]').click()
  // Each missing part in words, under its field.
  await expect(manual.locator('[data-comptoir="field-error"]')).toContainText(["Give the appointment's date.", "Where is the appointment?", "How long did the call last? For example 4:30."])
  await manual.locator('input[name="duration"]').fill("6:30")
  // Made yesterday morning (the call details open, as a field was in error): the timeline puts it after today's call.
  const yesterday = new Date(Date.now() - 86_400_000)
  const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`
  // The start is a day and a 24-hour time typed as text ("915" reads 09:15), not a datetime-local field.
  await manual.locator('input[name="startedAt.day"]').fill(day)
  await manual.locator('input[name="startedAt.time"]').fill("915")
  await manual.locator('input[name="startedAt.time"]').blur()
  await expect(manual.locator('input[name="startedAt.time"]')).toHaveValue("09:15")
  await manual.locator('input[name="appointment.date"]').fill("2031-03-04")
  await manual.locator('input[name="appointment.time"]').fill("10h")
  await manual.locator('input[name="appointment.salesRep"]').fill("Claire Dubois")
  await manual.locator('input[name="appointment.place"]').fill("12 rue des Lilas, Lyon")
  await manual.locator('textarea[name="notes"]').fill("Internal: do not mention the late delivery")
  const [download] = await Promise.all([workspace.waitForEvent("download"), manual.locator('[data-comptoir="outcome-save"]').click()])
  expect(download.suggestedFilename()).toMatch(/\.ics$/)
  // What the customer's calendar will show too: who, with whom, where; the call's notes stay in Comptoir.
  const ics = readFileSync(await download.path(), "utf8").replace(/\r?\n[ \t]/g, "")
  expect(ics).toContain("Claire Dubois")
  expect(ics).toMatch(/LOCATION:12 rue des Lilas\\, Lyon/)
  expect(ics).not.toContain("late delivery")
  await expect(workspace.locator('[data-comptoir="outcome-saved"]')).toContainText("Appointment set")
  await expect(workspace.locator('[data-comptoir="call-log"]')).toHaveCount(2)
  await expect(workspace.locator('[data-comptoir="call-log"]').first()).toHaveAttribute("data-outcome", "quote-requested")
  await expect(workspace.locator('[data-comptoir="call-log"]').last()).toHaveAttribute("data-outcome", "appointment-set")
  const logs = await storedRows(phonePage, "callLogs")
  expect(logs.find((l) => l.outcome === "appointment-set")).toMatchObject({ callId: null, customerId, durationSeconds: 390, appointment: { date: "2031-03-04", time: "10:00", salesRep: "Claire Dubois" } })
  await workspace.screenshot({ path: "/tmp/softphone-log-call.png" })

  // "Correct" on the call's entry: the form opens with what was logged; saving writes a new log naming it,
  // which the timeline shows in its place, marked corrected (the first log stays in the base: append-only).
  await workspace.locator(`[data-comptoir="call-log"][data-log-id="${log!.id as string}"] [data-comptoir="call-log-correct"]`).click()
  const fix = workspace.locator('[data-comptoir="correct-call-page"] [data-comptoir="outcome-form"]')
  await expect(fix.locator('select[name="outcome"]')).toHaveValue("quote-requested")
  await expect(fix.locator('textarea[name="notes"]')).toHaveValue("Wants a quote for 200 pairs of gloves")
  await expect(fix.locator('input[name="duration"]')).toHaveValue(headerTimer)
  await fix.locator('select[name="outcome"]').selectOption("order-taken")
  await fix.locator('textarea[name="notes"]').fill("Ordered 200 pairs of gloves on the phone")
  await fix.locator('[data-comptoir="outcome-save"]').click()
  await expect(workspace.locator('[data-comptoir="outcome-saved"]')).toContainText("Order taken")
  const corrected = workspace.locator('[data-comptoir="call-log"]')
  await expect(corrected).toHaveCount(2)
  await expect(corrected.first()).toHaveAttribute("data-outcome", "order-taken")
  await expect(corrected.first()).toContainText("corrected")
  await expect(corrected.first()).toContainText("Ordered 200 pairs of gloves on the phone")
  await workspace.screenshot({ path: "/tmp/softphone-timeline-correction.png" })
  const all = await storedRows(phonePage, "callLogs")
  expect(all).toHaveLength(3)
  expect(all.find((l) => l.correctsId === log!.id)).toMatchObject({ callId: record!.id, outcome: "order-taken", durationSeconds: endedTalkSeconds, customerId })
  await workspace.close()
  await phonePage.close()
})

test("a call that does not go through says why: busy, no answer, in the dock and in the call log", async ({ extContext, extensionId }) => {
  const phonePage = await openReadyDock(extContext, extensionId)
  // The lab's kamailio answers these two numbers as the network would: 486 Busy Here, 480 Temporarily Unavailable.
  for (const [number, reason, words] of [
    ["+33199000486", "busy", "busy"],
    ["+33199000480", "no-answer", "no answer"]
  ] as const) {
    await phonePage.locator('[data-comptoir="dial-input"]').fill(number)
    await phonePage.locator('[data-comptoir="dial"]').click()
    await expect(dock(phonePage)).toHaveAttribute("data-state", "ended", { timeout: 15_000 })
    // Before the fix every refused call was "the call failed" (sip.js ends the session before it gives the status).
    await expect(phonePage.locator('[data-comptoir="softphone-status"]')).toContainText(`· ${words}`)
    await expect.poll(async () => (await storedCalls(phonePage)).filter((c) => c.number === number).at(-1)?.endReason).toBe(reason)
    // Its form opens with that outcome chosen: the agent only confirms.
    await expect(phonePage.locator('[data-comptoir="outcome-form"] select[name="outcome"]')).toHaveValue(reason)
    await phonePage.screenshot({ path: `test-results/softphone-${reason}.png` })
    await phonePage.locator('[data-comptoir="outcome-discard"]').click()
    await expect(phonePage.locator('[data-comptoir="outcome-form"]')).toHaveCount(0)
  }
  await phonePage.close()
})
