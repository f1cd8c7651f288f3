import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, type BrowserContext } from "@playwright/test"

import { LAB_AGENT1 } from "../telephony-lab/lab"
import { launchWithExtension, MEDIA_ARGS, serviceWorkerOf } from "./launch"
import { customers, dock, openDock, openReadyDock, softphoneSpec, storedCalls, test } from "./softphone-lab"

/**
 * The softphone across a restart, through the real SIP lab started by the fixtures of softphone-lab.ts: the lab stopped
 * and started again (the softphone registers again by itself), and the browser closed in the middle of a call (the
 * call is in the history at the next start, cut, to log).
 */
softphoneSpec("softphone-restart")

test("the lab stopped while registered: the state says so, and it registers again by itself once the lab is back", async ({ extContext, extensionId, lab }) => {
  const phonePage = await openDock(extContext, extensionId)
  await expect(dock(phonePage)).toHaveAttribute("data-state", /registered|ended/)
  await lab.stop()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "reconnecting", { timeout: 15_000 })
  await expect(phonePage.locator('[data-comptoir="softphone-error"]')).toContainText("connection to the PBX was lost")
  await lab.start()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "registered", { timeout: 30_000 })
  // Registered for real: an incoming call reaches the browser again.
  const caller = customers.filter((c) => c.country === "FR")[13]!
  await lab.callFrom(caller.contacts[0]!.phones[0]!, "agent1")
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ringing-in", { timeout: 10_000 })
  await phonePage.locator('[data-comptoir="decline"]').click()
  await expect(dock(phonePage)).toHaveAttribute("data-state", "ended")
  await phonePage.close()
})

test("a call the browser took with it (closed mid-call) is in the call history at the next start, cut, with its outcome to log", async ({ lab }) => {
  expect(lab.runDir).toBeTruthy()
  // A browser of its own, closed and launched again on the same profile; registered as another agent, so that
  // the lab's calls to agent1 ring only in the other specs' browser.
  const dir = mkdtempSync(join(tmpdir(), "comptoir-restart-"))
  const launch = async (): Promise<[BrowserContext, string]> => {
    const ctx = await launchWithExtension(dir, MEDIA_ARGS)
    return [ctx, new URL((await serviceWorkerOf(ctx)).url()).host]
  }
  let [ctx, extensionId] = await launch()
  try {
    const options = await ctx.newPage()
    await options.goto(`chrome-extension://${extensionId}/options.html`)
    // Set up as the options page does (its form is what setUpSoftphone goes through): its messages, sent as soon
    // as a new profile's worker answers.
    const { password, ...sip } = { ...LAB_AGENT1, uri: "sip:agent7@127.0.0.1", authorizationUser: "agent7" }
    const configured = await options.evaluate(
      async ({ sip, password }) => {
        const r = (await chrome.runtime.sendMessage({ type: "softphone/settings", payload: {} })) as { data: { settings: Record<string, unknown> } }
        return chrome.runtime.sendMessage({ type: "softphone/configure", payload: { settings: { ...r.data.settings, provider: "sip", sip }, password } })
      },
      { sip, password }
    )
    expect(configured).toMatchObject({ ok: true })
    let phonePage = await openReadyDock(ctx, extensionId)
    await phonePage.locator('[data-comptoir="dial-input"]').fill("+33155550199")
    await phonePage.locator('[data-comptoir="dial"]').click()
    // The lab's peer answers at once.
    await expect(dock(phonePage)).toHaveAttribute("data-state", "in-call", { timeout: 15_000 })
    const callId = await phonePage.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } } } }
      return r.data.state.call.id
    })
    await expect.poll(() => phonePage.evaluate(async () => ((await chrome.storage.local.get("softphone.callMarker"))["softphone.callMarker"] as { answeredAt: number | null } | undefined)?.answeredAt ?? null)).not.toBeNull()

    // The browser closes in the middle of the call (session storage, the stored view, goes with it).
    await ctx.close()
    ;[ctx, extensionId] = await launch()
    phonePage = await openDock(ctx, extensionId)
    await expect.poll(async () => (await storedCalls(phonePage)).map((c) => [c.id, c.endReason])).toEqual([[callId, "failed"]])
    await expect(phonePage.locator('[data-comptoir="call-history-item"]')).toHaveCount(1)
    // Its outcome form opens by itself (the last call, to log); put off, it stays listed "to log".
    const form = phonePage.locator('[data-comptoir="outcome-form"]')
    await expect(form).toHaveAttribute("data-call-id", callId)
    await expect(form.locator('input[name="number"]')).toHaveValue("+33155550199")
    // And it says why it is there: the call was cut, its talk time runs to the last moment it was seen up.
    await expect(form.locator('[data-comptoir="outcome-call-details"] summary')).toContainText("cut off")
    await phonePage.screenshot({ path: "/tmp/softphone-cut-call-form.png", fullPage: true })
    await phonePage.screenshot({ path: "/tmp/softphone-cut-by-browser.png" })
    await form.locator('[data-comptoir="outcome-later"]').click()
    await expect(phonePage.locator(`[data-comptoir="outcome-pending-item"][data-draft-id="${callId}"]`)).toHaveCount(1)
  } finally {
    await ctx.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
