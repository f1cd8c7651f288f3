import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"

import type { Page } from "puppeteer-core"
import { afterAll, beforeAll, expect } from "vitest"

import { formatDuration, talkSecondsOf } from "~src/domain/calls/outcome-form"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { CALL_MARKER_KEY, MARKER_HEARTBEAT_MS, type CallMarker } from "~src/domain/telephony"

import { readCustomerId, readTable } from "../extension-page"
import { TelephonyLab } from "../telephony-lab/lab"
import { dockIn, fill, openDock, setUpAgent, waitFor } from "./helpers"
import { launchFirefox, type LaunchedFirefox } from "./launch"
import { toolbarAction } from "./toolbar"

// What the Firefox specs of a call that outlives its browser (restart.spec.ts: killed; quit.spec.ts: quit) share:
// the lab and a profile with the add-on installed in it, the call placed, and what the next start must show.

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

export interface Bench {
  lab: TelephonyLab
  /** The browser of the moment (replaced by `relaunch`). */
  firefox: LaunchedFirefox
}

/**
 * The lab started and Firefox launched with the build installed in its profile, the agent set up in the options
 * page (a few customers, the lab's SIP account), before the file's tests; all of it gone after them.
 */
export function useLabAndProfile(): Bench {
  const bench = {} as Bench
  let workDir: string | undefined
  beforeAll(async () => {
    bench.lab = new TelephonyLab()
    await bench.lab.start()
    bench.firefox = await launchFirefox(PREFS, { permanent: true })
    workDir = bench.firefox.workDir
    await setUpAgent(bench.firefox.browser, workDir, customers)
  }, 120_000)
  afterAll(async () => {
    await bench.firefox?.close()
    if (workDir) rmSync(workDir, { recursive: true, force: true })
    await bench.lab?.dispose()
  })
  return bench
}

/** The call marker in storage.local, read from an extension page (null: none). */
export const storedMarker = (page: Page) =>
  page.evaluate(async (key) => ((await chrome.storage.local.get(key))[key] as CallMarker | undefined) ?? null, CALL_MARKER_KEY)

/**
 * The marker once its heartbeat (every 15 s from the call's start) wrote it during the talk: the call known up well
 * past its answer. (It used to skip the first beat after the answer: 30 s without a write.)
 */
export const beatDuringTheTalk = (dock: Page) =>
  waitFor(
    () => storedMarker(dock),
    (m) => !!m && m.answeredAt !== null && m.seenAt > m.answeredAt + MARKER_HEARTBEAT_MS / 2,
    MARKER_HEARTBEAT_MS + 5_000
  )

/** How many REGISTERs kamailio has had (an unregister is one too). */
export const registers = (bench: Bench) => (bench.lab.log("kamailio").match(/REQ REGISTER /g) ?? []).length

/** The dock, registered, calls the customer; the lab's peer answers at once. What the call is, once in call. */
export async function callTheCustomer(bench: Bench): Promise<{ dock: Page; callId: string; number: string; customerId: string }> {
  const dock = await openDock(bench.firefox.browser)
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
  return { dock, callId, number, customerId }
}

/**
 * Firefox launched again on the profile: with nobody opening anything, its event page starts with the browser and
 * registers at the lab by itself (`before`: the REGISTERs counted before), the badge "Ready for calls". The dock
 * opened then, registered.
 */
export async function relaunchRegistered(bench: Bench, before: number, label: string): Promise<Page> {
  const restarted = Date.now()
  bench.firefox = await launchFirefox(PREFS, { permanent: true, workDir: bench.firefox.workDir })
  expect(await waitFor(async () => registers(bench), (n) => n > before, 20_000)).toBeGreaterThan(before)
  // (Read in the browser's own scope: it wakes nothing. Not readable while the browser window is still coming up.)
  const badge = () => toolbarAction(bench.firefox.browser).catch(() => ({ text: "?", title: "not readable yet" }))
  expect(await waitFor(badge, (a) => a.title === "Comptoir · Ready for calls", 10_000)).toEqual({ text: "", title: "Comptoir · Ready for calls" })
  console.log(`firefox ${label} → registered, no page open: ${((Date.now() - restarted) / 1000).toFixed(1)} s`)
  const dock = await openDock(bench.firefox.browser)
  await dockIn(dock, "registered")
  return dock
}

/** The call history's only call, once the call log has one (its row in the `calls` table). */
export async function theOnlyCallLogged(dock: Page): Promise<Record<string, unknown>> {
  const calls = await waitFor(() => dock.evaluate(readTable, "calls"), (r) => r.length === 1, 10_000)
  expect(calls).toHaveLength(1)
  expect(await dock.$$('[data-comptoir="call-history-item"]')).toHaveLength(1)
  // Logged: the marker is gone, so no later start logs it again.
  expect(await storedMarker(dock)).toBeNull()
  return calls[0]!
}

/**
 * The cut call's outcome form opens by itself and says why it is there, with the talk time `record` has; saved
 * once, to the customer (a screenshot of it in test-results/`screenshot`).
 */
export async function outcomeSavedOnce(dock: Page, record: { callId: string; number: string; customerId: string; answeredAt: number; endedAt: number }, screenshot: string) {
  const form = await dock.waitForSelector(`[data-comptoir="outcome-form"][data-call-id="${record.callId}"]`, { timeout: 10_000 })
  expect(await form!.$eval('input[name="number"]', (e) => (e as HTMLInputElement).value)).toBe(record.number)
  const talk = talkSecondsOf(record)
  const summary = await form!.$eval('[data-comptoir="outcome-call-details"] summary', (e) => e.textContent ?? "")
  expect(summary).toContain(formatDuration(talk))
  expect(summary).toContain("cut off: talk time as far as it was seen")
  // The screenshots' folder: a fresh checkout running the Firefox files first has none (lookup.spec.ts makes it too).
  mkdirSync("test-results", { recursive: true })
  await dock.screenshot({ path: join("test-results", screenshot) })
  await dock.select('[data-comptoir="outcome-form"] select[name="outcome"]', "information-given")
  await (await dock.waitForSelector('[data-comptoir="outcome-save"]'))!.click()
  await dock.waitForSelector('[data-comptoir="outcome-saved"]', { timeout: 10_000 })
  const logs = await waitFor(async () => (await dock.evaluate(readTable, "callLogs")).filter((l) => l.callId === record.callId), (r) => r.length === 1, 5_000)
  expect(logs).toHaveLength(1)
  expect(logs[0]).toMatchObject({ customerId: record.customerId, durationSeconds: talk })
  return talk
}

/** Registered for real: a call from the lab rings with the caller's card (declined). */
export async function ringsWithTheCallersCard(bench: Bench, dock: Page) {
  await bench.lab.callFrom(nextCaller.contacts[0]!.phones[0]!, "agent1")
  await dockIn(dock, "ringing-in", 10_000)
  expect(await (await dock.waitForSelector('[data-comptoir="caller-card"]'))!.evaluate((e) => e.getAttribute("data-customer-code"))).toBe(nextCaller.code)
  await (await dock.waitForSelector('[data-comptoir="decline"]'))!.click()
  await dockIn(dock, "ended")
}
