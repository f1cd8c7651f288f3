import { writeFileSync } from "node:fs"
import { join } from "node:path"

import type { Browser, Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { LAB_WS, TelephonyLab } from "../telephony-lab/lab"
import { launchFirefox, openExtensionPage, startFixtureSite, waitInOverlay, type FixtureSite, type LaunchedFirefox } from "./launch"

/**
 * The softphone in Firefox, where it runs in the background event page (no offscreen document), through the real
 * SIP lab (kamailio + rtpengine + baresip) started here: registered as agent1 over ws://127.0.0.1:8088.
 */

/** Shorter than Firefox's 30 s so that the call below outlasts it; the keepalive ticks every 5 s. */
const IDLE_TIMEOUT_MS = 10_000
const HOLD_MS = 2.5 * IDLE_TIMEOUT_MS

const customers = generateCustomers({ count: 120, seed: 2026 })
const target = customers.filter((c) => c.country === "FR")[11]!

let firefox: LaunchedFirefox
let browser: Browser
let site: FixtureSite
let lab: TelephonyLab

const dockIn = (page: Page, state: string, timeout = 20_000) => page.waitForSelector(`[data-comptoir="softphone"][data-state="${state}"]`, { timeout })

async function openDock(): Promise<Page> {
  const page = await browser.newPage()
  await openExtensionPage(page, "popup.html")
  await page.waitForSelector('[data-comptoir="softphone"]', { timeout: 20_000 })
  return page
}

function rows(page: Page, table: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>[]>((ok, ko) => {
        const open = indexedDB.open("comptoir")
        open.onerror = () => ko(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll()
          req.onsuccess = () => {
            ok(req.result as Record<string, unknown>[])
            open.result.close()
          }
          req.onerror = () => ko(req.error)
        }
      }),
    table
  )
}

async function stats(page: Page): Promise<{ bytesReceived: number; bytesSent: number; packetsReceived: number }> {
  return page.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/stats", payload: {} })) as { ok: boolean; data: { bytesReceived: number; bytesSent: number; packetsReceived: number }; error?: string }
    if (!r.ok) throw new Error(r.error)
    return r.data
  })
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout: number): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function fill(page: Page, selector: string, value: string) {
  const input = await page.waitForSelector(selector)
  await input!.click({ count: 3 })
  await input!.type(value)
}

beforeAll(async () => {
  lab = new TelephonyLab()
  await lab.start()
  firefox = await launchFirefox({
    // A fake microphone, granted without a prompt (the extension's microphone page asks a real user once).
    "media.navigator.streams.fake": true,
    "media.navigator.permission.disabled": true,
    // rtpengine answers on 127.0.0.1: Firefox leaves the loopback interface out of ICE unless told (without
    // this pref: 0 bytes received), and plain host addresses rather than mDNS names.
    "media.peerconnection.ice.loopback": true,
    "media.peerconnection.ice.obfuscate_host_addresses": false,
    "extensions.background.idle.timeout": IDLE_TIMEOUT_MS
  })
  browser = firefox.browser
  site = await startFixtureSite()

  const page = await browser.newPage()
  await openExtensionPage(page, "options.html")
  const input = await page.waitForSelector('input[type=file][data-comptoir="import-customers"]', { timeout: 20_000 })
  const csv = join(firefox.workDir, "clients.csv")
  writeFileSync(csv, demoCustomersCsv(customers), "utf8")
  await input!.uploadFile(csv)
  await (await page.waitForSelector('[data-comptoir="import-confirm"]'))!.click()
  await page.waitForSelector('[data-comptoir="import-result"]', { timeout: 30_000 })
  // The softphone set up the way an agent does, in the options page.
  await page.select('select[name="softphone.provider"]', "sip")
  await fill(page, 'input[name="sip.websocketUrl"]', LAB_WS)
  await fill(page, 'input[name="sip.uri"]', "sip:agent1@127.0.0.1")
  await fill(page, 'input[name="sip.authorizationUser"]', "agent1")
  await fill(page, 'input[name="sip.password"]', "lab-password")
  await fill(page, 'input[name="sip.displayName"]', "Agent One")
  await (await page.waitForSelector('[data-comptoir="sip-save"]'))!.click()
  await page.waitForSelector('::-p-xpath(//*[@data-comptoir="sip-message"][contains(., "Saved")])', { timeout: 20_000 })
  await page.close()
}, 180_000)

afterAll(async () => {
  await firefox?.close()
  await site?.close()
  await lab?.dispose()
})

describe("the softphone in Firefox ESR (background event page)", () => {
  it("registers, calls a number clicked on a CRM page through the lab, outlasts the event page's idle timeout, hangs up and logs the outcome", async () => {
    let dock = await openDock()
    // The Firefox build sets its own CSP: without it Firefox's default upgrades ws:// to wss:// and the lab is unreachable.
    const csp = await dock.evaluate(() => chrome.runtime.getManifest().content_security_policy)
    expect(csp).toEqual({ extension_pages: "script-src 'self'; object-src 'self';" })
    await dockIn(dock, "registered")

    const e164 = target.contacts[0]!.phones[0]!
    site.route("/crm/fiche", `<!doctype html><meta charset="utf-8"><h1>Fiche</h1><p>Rappeler ${target.company} au ${target.writtenPhones[0]![0]}</p>`)
    const crm = await browser.newPage()
    await crm.goto(`${site.origin}/crm/fiche`)
    await (await crm.waitForSelector(`[data-comptoir-phone="${e164}"]`, { timeout: 20_000 }))!.click()
    const card = `[data-comptoir="customer-card"][data-customer-code="${target.code}"]`
    await waitInOverlay(crm, card)
    const started = Date.now()
    await (await waitInOverlay(crm, `${card} [data-comptoir="call"][data-number="${e164}"]`))!.click()

    // The lab's peer answers at once; the caller's card is the customer's.
    await dockIn(dock, "in-call")
    const caller = await dock.waitForSelector('[data-comptoir="caller-card"]')
    expect(await caller!.evaluate((e) => e.getAttribute("data-customer-code"))).toBe(target.code)
    // Audio flows both ways through rtpengine.
    const early = await waitFor(() => stats(dock), (s) => s.bytesReceived > 2000, 10_000)
    console.log(`firefox softphone media after answer: ${JSON.stringify(early)}`)
    expect(early.bytesReceived).toBeGreaterThan(2000)
    expect(early.bytesSent).toBeGreaterThan(0)
    // DTMF from the keypad (RFC 4733 through rtpengine): baresip logs the call's first digit.
    await (await dock.waitForSelector('[data-comptoir="dtmf"] [data-digit="1"]'))!.click()
    await (await dock.waitForSelector('[data-comptoir="dtmf"] [data-digit="#"]'))!.click()
    expect(await waitFor(async () => lab.log("baresip"), (log) => /received event: '1'/.test(log), 5_000)).toMatch(/received event: '1'/)
    await dock.screenshot({ path: join("test-results", "firefox-softphone-in-call.png") })

    // No extension page open and no event for the background for longer than the idle timeout: the event page
    // must stay, or the registration and the call would go with it.
    await dock.close()
    await crm.close()
    await new Promise((r) => setTimeout(r, HOLD_MS))
    dock = await openDock()
    await dockIn(dock, "in-call")
    // Still the same call a moment later (a restarted event page would register again: "registered"), and its
    // audio kept flowing through the hold: the same peer connection, more bytes.
    await new Promise((r) => setTimeout(r, 2000))
    expect(await dock.$eval('[data-comptoir="softphone"]', (e) => e.getAttribute("data-state"))).toBe("in-call")
    const late = await stats(dock)
    console.log(`firefox softphone media after ${HOLD_MS} ms: ${JSON.stringify(late)}`)
    expect(late.bytesReceived).toBeGreaterThan(early.bytesReceived + 10_000)

    await (await dock.waitForSelector('[data-comptoir="hangup"]'))!.click()
    await dockIn(dock, "ended")
    const calls = await waitFor(() => rows(dock, "calls"), (r) => r.length === 1, 5_000)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ direction: "outbound", number: e164, provider: "sip", endReason: "hangup-local" })
    // The call lasted through the hold: the host that placed it is the one that hung it up.
    expect(calls[0]!.durationMs as number).toBeGreaterThan(HOLD_MS)
    expect(calls[0]!.durationMs as number).toBeLessThan(Date.now() - started)

    // The outcome form opened at hang-up, filled from the call.
    const form = await dock.waitForSelector('[data-comptoir="outcome-form"]', { timeout: 10_000 })
    expect(await form!.evaluate((e) => e.getAttribute("data-call-id"))).toBe(calls[0]!.id)
    expect(await dock.$eval('[data-comptoir="outcome-form"] input[name="number"]', (e) => (e as HTMLInputElement).value)).toBe(e164)
    await dock.select('[data-comptoir="outcome-form"] select[name="outcome"]', "information-given")
    await fill(dock, '[data-comptoir="outcome-form"] textarea[name="notes"]', "Firefox: prices sent")
    await (await dock.waitForSelector('[data-comptoir="outcome-save"]'))!.click()
    await dock.waitForSelector('[data-comptoir="outcome-saved"]', { timeout: 10_000 })
    const logs = await waitFor(() => rows(dock, "callLogs"), (r) => r.length === 1, 5_000)
    expect(logs[0]).toMatchObject({ callId: calls[0]!.id, direction: "outbound", number: e164, outcome: "information-given", notes: "Firefox: prices sent" })
    await dock.screenshot({ path: join("test-results", "firefox-softphone-outcome.png") })
    await dock.close()
  }, 120_000)

  it("still registered after the idle timeout with no page open: an incoming call pops the customer's card, answered, hung up, logged", async () => {
    // Every extension page closed, longer than the idle timeout: a suspended event page would have lost its
    // WebSocket, and the PBX's INVITE would find no one.
    for (const p of await browser.pages()) if (p.url().startsWith("moz-extension:")) await p.close()
    await new Promise((r) => setTimeout(r, IDLE_TIMEOUT_MS + 3000))
    const caller = customers.filter((c) => c.country === "FR")[12]!
    const number = caller.contacts[0]!.phones[0]!
    await lab.callFrom(number, "agent1")
    const dock = await openDock()
    await dockIn(dock, "ringing-in", 10_000)
    const card = await dock.waitForSelector('[data-comptoir="caller-card"]')
    expect(await card!.evaluate((e) => e.getAttribute("data-customer-code"))).toBe(caller.code)
    await (await dock.waitForSelector('[data-comptoir="answer"]'))!.click()
    await dockIn(dock, "in-call")
    const media = await waitFor(() => stats(dock), (s) => s.bytesReceived > 2000, 10_000)
    expect(media.bytesReceived).toBeGreaterThan(2000)
    await (await dock.waitForSelector('[data-comptoir="hangup"]'))!.click()
    await dockIn(dock, "ended")
    const inbound = (await waitFor(() => rows(dock, "calls"), (r) => r.length === 2, 5_000)).filter((c) => c.direction === "inbound")
    expect(inbound).toHaveLength(1)
    expect(inbound[0]).toMatchObject({ number, provider: "sip", endReason: "hangup-local" })
    expect(inbound[0]!.durationMs as number).toBeGreaterThan(0)
    await dock.close()
  }, 60_000)
})
