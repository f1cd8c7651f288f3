import { writeFileSync } from "node:fs"
import { join } from "node:path"

import type { Browser, Page } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

import { startDemoServer, teamRowsOnServer, type DemoServer } from "../demo-team-server"
import { openAboutDebugging, terminateBackground, waitForBackground } from "./about-debugging"
import { signInFromOptions, waitFor } from "./helpers"
import { startHeldLink, type HeldLink } from "./held-link"
import { launchFirefox, openExtensionPageShowing, startFixtureSite, waitInOverlay, type FixtureSite, type LaunchedFirefox } from "./launch"

/**
 * Sync in Firefox ESR, as a Firefox user meets it: the team server (`npm run server`'s, PGlite, demo team seeded),
 * a sign-in from the options page, the team's customers on the pages the user reads, and the user's own records
 * reaching the server, even when Firefox stops the event page before they are sent.
 */

const AGENT = "agent1@demo.comptoir.test"
/** The demo seed's customers (server/seed-demo.ts): on the server only, this profile imports none of them. */
const teamCustomers = generateCustomers({ count: 2000 })

let server: DemoServer
/** Firefox's way to the server (signed in through it), held in the last test. */
let link: HeldLink
let firefox: LaunchedFirefox
let browser: Browser
let site: FixtureSite
let options: Page

beforeAll(async () => {
  ;[server, firefox, site] = await Promise.all([startDemoServer(), launchFirefox(), startFixtureSite()])
  browser = firefox.browser
  link = await startHeldLink(server.url)
})

afterAll(async () => {
  await firefox?.close()
  await site?.close()
  await link?.close()
  await server?.stop()
})

const statusText = () => options.$eval('[data-comptoir="sync-status"]', (e) => e.textContent ?? "").catch(() => "")
const pending = () => options.$eval('[data-comptoir="sync-status"]', (e) => e.getAttribute("data-pending")).catch(() => null)

/** The customers with this code in the team's base, as the server holds them. */
async function onServer(code: string) {
  return (await teamRowsOnServer(server.url, "agent2@demo.comptoir.test")).filter((r) => r.table === "customers" && !r.deleted && r.data?.code === code)
}

/** One customer imported through the options page's file input, the way a user adds one by hand. */
async function importOne(company: string, code: string, seed: number) {
  const [fresh] = generateCustomers({ count: 1, seed })
  const csv = join(firefox.workDir, `${code}.csv`)
  writeFileSync(csv, demoCustomersCsv([{ ...fresh!, company, code }]), "utf8")
  // A new tab: the previous import's result would read as this one's, and the same tab navigated again could
  // show its old page's file input to the test before the new page replaced it.
  await options.close()
  options = await browser.newPage()
  const input = await openExtensionPageShowing(options, "options.html", 'input[type=file][data-comptoir="import-customers"]')
  await input.uploadFile(csv)
  await (await options.waitForSelector('[data-comptoir="import-confirm"]'))!.click()
  await options.waitForSelector('[data-comptoir="import-result"][data-records="1"]', { timeout: 30_000 })
}

describe("sync in Firefox ESR, against the team server", () => {
  it("signed in from the options page, the team's customers arrive: a page naming one shows its card", async () => {
    options = await signInFromOptions(browser, link.url, AGENT)

    const customer = teamCustomers.filter((c) => c.country === "FR")[42]!
    site.route("/crm", `<!doctype html><html lang="fr"><meta charset="utf-8"><title>CRM</title><body><p>Relancer ${customer.code} demain.</p></body></html>`)
    const crm = await browser.newPage()
    await crm.goto(`${site.origin}/crm`)
    const card = await waitInOverlay(crm, `[data-comptoir="customer-card"][data-customer-code="${customer.code}"]`)
    expect(await card.evaluate((e) => e.textContent)).toContain(customer.company)
    await crm.close()
  })

  it("a customer imported in Firefox reaches the team server, once", async () => {
    expect(await onServer("FF-SYNC-1")).toHaveLength(0)
    await importOne("Quincaillerie Renard Synchro", "FF-SYNC-1", 99_501)
    const rows = await waitFor(() => onServer("FF-SYNC-1"), (r) => r.length > 0, 10_000)
    expect(rows.map((r) => r.data?.company)).toEqual(["Quincaillerie Renard Synchro"])
    expect(await waitFor(statusText, (t) => t.includes("nothing to send"), 10_000)).toContain("nothing to send")
  })

  it("a change still in the outbox when Firefox stops the event page goes out when the page wakes, once", async () => {
    const debugging = await openAboutDebugging(browser)
    // The server stops answering: the push the import starts stays unanswered.
    link.hold()
    try {
      await importOne("Papeterie Page Arrêtée", "FF-STOPPED-1", 99_502)
      expect(await waitFor(pending, (p) => p === "1", 10_000)).toBe("1")
      await terminateBackground(debugging)
    } finally {
      // That push is dropped unseen by the server: only a new one can bring the change there.
      link.release()
    }
    expect(link.dropped()).toBeGreaterThan(0)
    // A new event page (woken by the options page's status poll) finds the change in IndexedDB and sends it.
    await waitForBackground(debugging, "running", 20_000)
    const rows = await waitFor(() => onServer("FF-STOPPED-1"), (r) => r.length > 0, 30_000)
    expect(rows.map((r) => r.data?.company)).toEqual(["Papeterie Page Arrêtée"])
    expect(await waitFor(statusText, (t) => t.includes("nothing to send"), 20_000)).toContain("nothing to send")
    expect(await pending()).toBe("0")
    await debugging.close()
  })
})
