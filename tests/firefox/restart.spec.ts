import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"

import type { Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { formatDuration, talkSecondsOf } from "~src/domain/calls/outcome-form"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { CALL_MARKER_KEY, MARKER_HEARTBEAT_MS, type CallMarker } from "~src/domain/telephony"

import { readCustomerId, readTable } from "../extension-page"
import { TelephonyLab } from "../telephony-lab/lab"
import { dockIn, fill, openDock, setUpAgent, waitFor } from "./helpers"
import { launchFirefox, type LaunchedFirefox } from "./launch"
import { toolbarAction } from "./toolbar"

/**
 * Firefox restarted in the middle of a call: the browser's process killed (a crash, or the machine shut down
 * under it) and Firefox started again on the same profile. The build is installed in the profile (a temporary
 * add-on goes with the browser), through the real SIP lab. The call went with the browser, and with it
 * `storage.session`'s view of it: only the call marker in `storage.local` (call-marker.ts) is left to log it.
 */

const PREFS = {
  // A fake microphone granted without a prompt; ICE over loopback, where rtpengine answers (see softphone.spec.ts).
  "media.navigator.streams.fake": true,
  "media.navigator.permission.disabled": true,
  "media.peerconnection.ice.loopback": true,
  "media.peerconnection.ice.obfuscate_host_addresses": false
}

const customers = generateCustomers({ count: 20, seed: 2026 }).filter((c) => c.country === "FR")
const target = customers[0]!
const nextCaller = customers[1]!

let lab: TelephonyLab
let firefox: LaunchedFirefox | undefined
let workDir: string | undefined

const storedMarker = (page: Page) =>
  page.evaluate(async (key) => ((await chrome.storage.local.get(key))[key] as CallMarker | undefined) ?? null, CALL_MARKER_KEY)

const registers = () => (lab.log("kamailio").match(/REQ REGISTER /g) ?? []).length

beforeAll(async () => {
  lab = new TelephonyLab()
  await lab.start()
  firefox = await launchFirefox(PREFS, { permanent: true })
  workDir = firefox.workDir
  // A few customers and the softphone, set up in the options page the way an agent does.
  await setUpAgent(firefox.browser, workDir, customers)
}, 120_000)

afterAll(async () => {
  await firefox?.close()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
  await lab?.dispose()
})

describe("Firefox ESR restarted during a call (the add-on installed in the profile)", () => {
  it("the call the browser took with it is in the call history at the next start, cut, talk time as far as it was seen, to log once; the softphone registers again by itself", async () => {
    let dock = await openDock(firefox!.browser)
    await dockIn(dock, "registered")
    const number = target.contacts[0]!.phones[0]!
    await fill(dock, '[data-comptoir="dial-input"]', number)
    await (await dock.waitForSelector('[data-comptoir="dial"]'))!.click()
    // The lab's peer answers at once; the caller card is the customer's.
    await dockIn(dock, "in-call")
    const customerId = await dock.evaluate(readCustomerId, target.code)
    await dock.waitForSelector(`[data-comptoir="caller-card"][data-customer-code="${target.code}"]`)
    const callId = await dock.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: "softphone/state", payload: {} })) as { data: { state: { call: { id: string } } } }
      return r.data.state.call.id
    })
    // The marker's heartbeat (every 15 s from the call's start) wrote it once during the talk: the call is known
    // up well past its answer. (It used to skip the first beat after the answer: 30 s without a write.)
    const seen = await waitFor(
      () => storedMarker(dock),
      (m) => !!m && m.answeredAt !== null && m.seenAt > m.answeredAt + MARKER_HEARTBEAT_MS / 2,
      MARKER_HEARTBEAT_MS + 5_000
    )
    expect(seen).toMatchObject({ callId, direction: "outbound", number, customerId })
    expect(seen!.seenAt - seen!.answeredAt!).toBeGreaterThan(MARKER_HEARTBEAT_MS / 2)

    // The browser dies in the middle of the call; the lab's phone is hung up (no BYE came from a dead browser).
    await firefox!.kill()
    await lab.command("hangup").catch(() => undefined)
    const before = registers()
    const restarted = Date.now()
    firefox = await launchFirefox(PREFS, { permanent: true, workDir })

    // Nobody opens anything: the event page starts with the browser and registers at the lab by itself.
    expect(await waitFor(async () => registers(), (n) => n > before, 20_000)).toBeGreaterThan(before)
    // (Read in the browser's own scope: it wakes nothing. Not readable while the browser window is still coming up.)
    const badge = () => toolbarAction(firefox!.browser).catch(() => ({ text: "?", title: "not readable yet" }))
    expect(await waitFor(badge, (a) => a.title === "Comptoir · Ready for calls", 10_000)).toEqual({ text: "", title: "Comptoir · Ready for calls" })
    console.log(`firefox restarted → registered, no page open: ${((Date.now() - restarted) / 1000).toFixed(1)} s`)

    // The cut call is in the call history, once: ended as failed at the last moment it was seen up, to the customer.
    dock = await openDock(firefox!.browser)
    await dockIn(dock, "registered")
    const calls = await waitFor(() => dock.evaluate(readTable, "calls"), (r) => r.length === 1, 10_000)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({
      id: callId,
      direction: "outbound",
      number,
      customerId,
      endReason: "failed",
      answeredAt: seen!.answeredAt,
      endedAt: seen!.seenAt,
      durationMs: seen!.seenAt - seen!.answeredAt!
    })
    expect(await dock.$$('[data-comptoir="call-history-item"]')).toHaveLength(1)
    // Logged: the marker is gone, so no later start logs it again.
    expect(await storedMarker(dock)).toBeNull()

    // Its outcome form opens by itself and says why it is there, with the talk time up to the last sign of the line.
    const form = await dock.waitForSelector(`[data-comptoir="outcome-form"][data-call-id="${callId}"]`, { timeout: 10_000 })
    expect(await form!.$eval('input[name="number"]', (e) => (e as HTMLInputElement).value)).toBe(number)
    const talk = talkSecondsOf({ answeredAt: seen!.answeredAt, endedAt: seen!.seenAt })
    expect(talk).toBeGreaterThan(MARKER_HEARTBEAT_MS / 2000)
    const summary = await form!.$eval('[data-comptoir="outcome-call-details"] summary', (e) => e.textContent ?? "")
    expect(summary).toContain(formatDuration(talk))
    expect(summary).toContain("cut off: talk time as far as it was seen")
    // The screenshots' folder: a fresh checkout running the Firefox files first has none (lookup.spec.ts makes it too).
    mkdirSync("test-results", { recursive: true })
    await dock.screenshot({ path: join("test-results", "firefox-restart-cut-call.png") })
    await dock.select('[data-comptoir="outcome-form"] select[name="outcome"]', "information-given")
    await (await dock.waitForSelector('[data-comptoir="outcome-save"]'))!.click()
    await dock.waitForSelector('[data-comptoir="outcome-saved"]', { timeout: 10_000 })
    const logs = await waitFor(async () => (await dock.evaluate(readTable, "callLogs")).filter((l) => l.callId === callId), (r) => r.length === 1, 5_000)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ customerId, durationSeconds: talk })

    // Registered for real: a call rings with the caller's card.
    await lab.callFrom(nextCaller.contacts[0]!.phones[0]!, "agent1")
    await dockIn(dock, "ringing-in", 10_000)
    expect(await (await dock.waitForSelector('[data-comptoir="caller-card"]'))!.evaluate((e) => e.getAttribute("data-customer-code"))).toBe(nextCaller.code)
    await (await dock.waitForSelector('[data-comptoir="decline"]'))!.click()
    await dockIn(dock, "ended")
    await dock.close()
  }, 120_000)
})
