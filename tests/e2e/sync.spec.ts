import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test, type BrowserContext, type Page } from "@playwright/test"

import { generateCustomers, generateProducts } from "~src/domain/demo/demo-data"
import { formatDateTime, formatTime, sameLocalDay } from "~src/ui/dates"

import { countInBase, e2eCsv } from "./dataset"
import { closeProfiles, launchProfiles, signIn as signInAs, startDemoServer, type DemoServer, type Profile } from "./demo-server"
import { launchWithExtension, serviceWorkerOf } from "./launch"

test.describe.configure({ mode: "serial" })

let server: DemoServer
let url: string
let profiles: Profile[] = []

test.beforeAll(async () => {
  test.setTimeout(120_000)
  server = await startDemoServer()
  url = server.url
  profiles = await launchProfiles(2, "sync")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

const signIn = (p: Profile, email: string) => signInAs(p.page, p.extensionId, url, email)

async function search(p: Page, query: string): Promise<string[]> {
  return p.evaluate(async (q) => {
    const r = (await chrome.runtime.sendMessage({ type: "search/query", payload: { query: q, limit: 5 } })) as { ok: boolean; data?: { customers: { company: string }[] } }
    return r.data?.customers.map((c) => c.company) ?? []
  }, query)
}

test("two profiles signed in to one team: a customer imported in one appears in the other within 5 s", async () => {
  const [a, b] = profiles as [Profile, Profile]
  await signIn(a, "agent1@demo.comptoir.test")
  await signIn(b, "agent2@demo.comptoir.test")
  // Both pulled the seeded team base.
  for (const p of [a, b]) await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 20_000 })
  for (const p of [a, b]) {
    const counts = await p.page.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: "customers/count", payload: {} })) as { data: { customers: number; products: number } }
      return r.data
    })
    // The whole seeded catalog (16 products since the 0 % training product with its two exemption mentions).
    expect(counts).toEqual({ customers: 2000, products: generateProducts().length })
  }

  const [fresh] = generateCustomers({ count: 1, seed: 99_001 })
  const customer = { ...fresh!, company: "Zyxel Quincaillerie Synchro", code: "SYNC-E2E-1" }
  await a.page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from(e2eCsv([customer]), "utf8") })
  const imported = Date.now()
  await a.page.locator('[data-comptoir="import-confirm"]').click()
  await a.page.locator('[data-comptoir="import-result"]').waitFor({ timeout: 30_000 })
  await expect.poll(() => search(b.page, "Zyxel Quincaillerie"), { timeout: 5_000, intervals: [100] }).toContain("Zyxel Quincaillerie Synchro")
  console.log(`import confirmed in A → searchable in B after ${Date.now() - imported} ms`)
  // Once on the server: B's base holds it once, and A has nothing left to send.
  expect((await search(b.page, "Zyxel Quincaillerie Synchro")).filter((c) => c === "Zyxel Quincaillerie Synchro")).toHaveLength(1)
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 5_000 })

  // Edited in A (re-imported by code with another city): B has the new city within 5 s, still one customer.
  expect(await cityOf(b.page, "SYNC-E2E-1")).toBe(customer.addresses[0]!.city)
  expect(customer.addresses[0]!.city).not.toBe("Montélimar")
  await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
  await a.page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "edit.csv", mimeType: "text/csv", buffer: Buffer.from(e2eCsv([{ ...customer, addresses: customer.addresses.map((ad, i) => (i === 0 ? { ...ad, city: "Montélimar" } : ad)) }]), "utf8") })
  const edited = Date.now()
  await a.page.locator('[data-comptoir="import-confirm"]').click()
  await a.page.locator('[data-comptoir="import-result"]').waitFor({ timeout: 30_000 })
  await expect.poll(() => cityOf(b.page, "SYNC-E2E-1"), { timeout: 5_000, intervals: [100] }).toBe("Montélimar")
  console.log(`edit confirmed in A → new city in B after ${Date.now() - edited} ms`)
  expect(await copiesOf(b.page, "Zyxel Quincaillerie Synchro")).toBe(1)
})

/** The city of the customer with this code, as the base of that profile holds it (exact lookup by code). */
async function cityOf(p: Page, code: string): Promise<string | null> {
  return p.evaluate(async (c) => {
    const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [c] } })) as {
      data?: { matches: { customer: { addresses: { city: string }[] } }[] }
    }
    return r.data?.matches[0]?.customer.addresses[0]?.city ?? null
  }, code)
}

/** One customer imported through the options page, the way a user adds a few by hand. */
async function importOne(p: Profile, company: string, code: string, seed: number): Promise<void> {
  const [fresh] = generateCustomers({ count: 1, seed })
  const customer = { ...fresh!, company, code }
  await p.page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(e2eCsv([customer]), "utf8") })
  await p.page.locator('[data-comptoir="import-confirm"]').click()
  await expect(p.page.locator('[data-comptoir="import-result"]')).toContainText("1", { timeout: 30_000 })
}

/** How many customers of the base carry exactly this company name (a duplicate would show as 2). */
async function copiesOf(p: Page, company: string): Promise<number> {
  return (await search(p, company)).filter((c) => c === company).length
}

test("offline: three customers recorded without network arrive once when the network is back", async () => {
  const [a, b] = profiles as [Profile, Profile]
  const before = await countInBase(b.page)
  await a.context.setOffline(true)
  const names = ["Hors-Ligne Alpha Mercerie", "Hors-Ligne Bravo Fromagerie", "Hors-Ligne Charlie Droguerie"]
  for (const [i, name] of names.entries()) {
    await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
    await importOne(a, name, `OFFLINE-${i + 1}`, 99_100 + i)
  }
  // Kept on the device, said to be waiting, and the reason given in words.
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toHaveAttribute("data-pending", "3", { timeout: 10_000 })
  await expect(a.page.locator('[data-comptoir="sync-error"]')).toHaveText("Team server unreachable — 3 changes waiting, sent when it is back.", { timeout: 10_000 })
  expect(await countInBase(b.page)).toBe(before)

  const back = Date.now()
  await a.context.setOffline(false)
  // Nobody clicks "sync now": coming back online is enough.
  await expect.poll(() => countInBase(b.page), { timeout: 30_000, intervals: [200] }).toBe(before + 3)
  console.log(`back online → three records in the other profile after ${Date.now() - back} ms`)
  for (const name of names) expect(await copiesOf(b.page, name)).toBe(1)
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 10_000 })
  await expect(a.page.locator('[data-comptoir="sync-error"]')).toHaveCount(0)
})

/** The last sync that worked, as the background knows it (ms), once one did. */
async function lastSyncedAt(p: Page): Promise<number> {
  return p.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "sync/status", payload: {} })) as { data: { lastSyncedAt: number } }
    return r.data.lastSyncedAt
  })
}

test("with the team server stopped, the popup and the options page say when the last sync that worked was, without hovering", async () => {
  // Sync resumes on its own after the restart, at the next retry.
  test.setTimeout(120_000)
  const [a, b] = profiles as [Profile, Profile]
  await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 10_000 })
  const last = await lastSyncedAt(a.page)
  const lastText = sameLocalDay(last, Date.now()) ? `Last synced at ${formatTime(last, "en")}.` : `Last synced on ${formatDateTime(last, "en")}.`
  await server.halt()
  const popup = await a.context.newPage()
  try {
    await importOne(a, "Serveur Arrete Cordonnerie", "HALTED-1", 99_150)
    await expect(a.page.locator('[data-comptoir="sync-error"]')).toHaveText("Team server unreachable — 1 change waiting, sent when it is back.", { timeout: 10_000 })
    await expect(a.page.locator('[data-comptoir="sync-status"] [data-comptoir="sync-last"]')).toHaveText(lastText)
    await a.page.locator('[data-comptoir="team-server"]').screenshot({ path: test.info().outputPath("options-sync-server-stopped.png") }).catch(() => undefined)
    await popup.setViewportSize({ width: 380, height: 600 })
    await popup.goto(`chrome-extension://${a.extensionId}/popup.html`)
    const line = popup.locator('[data-comptoir="sync-status"]')
    await expect(line.locator('[data-comptoir="sync-error"]')).toHaveText("Team server unreachable — 1 change waiting, sent when it is back.", { timeout: 10_000 })
    await expect(line.locator('[data-comptoir="sync-last"]')).toBeVisible()
    await expect(line.locator('[data-comptoir="sync-last"]')).toHaveText(lastText)
    // The address and the browser's words stay on hover.
    await expect(line).toHaveAttribute("title", new RegExp(`${url.replace(/[.]/g, "\\.")}`))
    await line.scrollIntoViewIfNeeded()
    await popup.screenshot({ path: test.info().outputPath("popup-sync-server-stopped.png") })
  } finally {
    await popup.close()
    await server.restart()
  }
  // Nobody asks for a sync: the page, left open, says it is done, and the error's "last synced" goes with it.
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 60_000 })
  await expect(a.page.locator('[data-comptoir="sync-last"]')).toHaveCount(0)
  // The change that waited reaches the other profile (and is counted there before the next test counts).
  await expect.poll(() => copiesOf(b.page, "Serveur Arrete Cordonnerie"), { timeout: 30_000, intervals: [200] }).toBe(1)
})

test("a service worker killed between the local write and the push loses nothing and sends nothing twice", async () => {
  const [a, b] = profiles as [Profile, Profile]
  const before = await countInBase(b.page)
  await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
  const worker = await serviceWorkerOf(a.context)
  await worker.evaluate(() => ((globalThis as { __beforeKill?: boolean }).__beforeKill = true))
  // The server stops answering: the push the import starts stays in flight.
  process.kill(-server.pid, "SIGSTOP")
  try {
    await importOne(a, "Coupure Service Worker Papeterie", "KILLED-SW-1", 99_200)
    await expect(a.page.locator('[data-comptoir="sync-status"]')).toHaveAttribute("data-pending", "1", { timeout: 10_000 })
    const cdp = await a.context.newCDPSession(a.page)
    await cdp.send("ServiceWorker.enable")
    await cdp.send("ServiceWorker.stopAllWorkers")
    await cdp.detach()
  } finally {
    // The request sent before the kill may now be applied by the server, its reply going nowhere.
    process.kill(-server.pid, "SIGCONT")
  }
  // A new worker (woken by the options page's status poll) finds the change in IndexedDB and sends it.
  await expect.poll(() => countInBase(b.page), { timeout: 30_000, intervals: [200] }).toBe(before + 1)
  expect(await copiesOf(b.page, "Coupure Service Worker Papeterie")).toBe(1)
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 10_000 })
  const restarted = a.context.serviceWorkers().at(-1)!
  expect(await restarted.evaluate(() => (globalThis as { __beforeKill?: boolean }).__beforeKill ?? false)).toBe(false)
})

test("a change the team server refuses is shown with its reason in the options page, and answered there", async () => {
  const [a] = profiles as [Profile, Profile]
  await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
  // An agent adds a line to the catalog on this device; only managers may change the team's catalog.
  const csv = "ref;name_fr;name_en;unit;unit_price;vat_rate\nAGENT-REF-1;Gants de manutention;Work gloves;paire;4,50;20\n"
  await a.page.locator('input[type=file][data-comptoir="import-products"]').setInputFiles({ name: "catalogue.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") })
  await a.page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-confirm"]').click()
  await expect(a.page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-result"]')).toHaveAttribute("data-records", "1")

  const refused = a.page.locator('[data-comptoir="refused-change"]')
  await expect(refused).toHaveCount(1, { timeout: 15_000 })
  await expect(refused).toHaveAttribute("data-reason", "forbidden")
  await expect(refused).toContainText("AGENT-REF-1 Gants de manutention")
  await expect(refused).toContainText("Your role may not change these records")
  await expect(a.page.locator('[data-comptoir="sync-status"]')).toContainText("1 change refused by the server")
  // The team's catalog is what the base holds: the line is gone, and it cannot be sent again from here.
  const products = await a.page.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "customers/count", payload: {} })) as { data: { products: number } }
    return r.data.products
  })
  expect(products).toBe(generateProducts().length)
  await expect(refused.locator('[data-comptoir="conflict-restore"]')).toHaveCount(0)
  await refused.locator('[data-comptoir="conflict-keep-team"]').click()
  await expect(refused).toHaveCount(0)
  await expect(a.page.locator('[data-comptoir="sync-status"]')).not.toContainText("refused", { timeout: 10_000 })
})

test("a base imported before signing in reaches the team at the first sign-in, without doubling customers the team has", async () => {
  const [, b] = profiles as [Profile, Profile]
  const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-sync-"))
  const context = await launchWithExtension(dir)
  try {
    const c: Profile = { context, dir, extensionId: new URL((await serviceWorkerOf(context)).url()).host, page: await context.newPage() }
    await c.page.goto(`chrome-extension://${c.extensionId}/options.html`)
    // Used alone first: one customer of its own, and one the team has already (same code as the seeded C-00001).
    const [teamOne] = generateCustomers({ count: 1 })
    const [own] = generateCustomers({ count: 1, seed: 99_300 })
    const mine = [
      { ...own!, id: "device-own-1", company: "Atelier Premier Contact", code: "DEVICE-OWN-1" },
      { ...teamOne!, id: "device-copy-1", company: "Copie Locale Sans Importance", code: teamOne!.code }
    ]
    await c.page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from(e2eCsv(mine), "utf8") })
    await c.page.locator('[data-comptoir="import-confirm"]').click()
    await expect(c.page.locator('[data-comptoir="import-result"]')).toHaveAttribute("data-records", "2", { timeout: 30_000 })
    const before = await countInBase(b.page)
    await signIn(c, "manager@demo.comptoir.test")
    await expect(c.page.locator('[data-comptoir="sync-first-upload"]')).toContainText("Sent from this device at sign-in: 1 customer, 0 products", { timeout: 20_000 })
    await expect(c.page.locator('[data-comptoir="sync-first-upload"]')).toContainText("1 customer the team already had")
    await expect(c.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 20_000 })
    // The other agent gets the new customer, and nothing of the local copy.
    await expect.poll(() => countInBase(b.page), { timeout: 10_000, intervals: [200] }).toBe(before + 1)
    expect(await copiesOf(b.page, "Atelier Premier Contact")).toBe(1)
    expect(await search(b.page, "Copie Locale Sans Importance")).not.toContain("Copie Locale Sans Importance")
    // This device holds the team's base plus its own customer.
    expect(await countInBase(c.page)).toBe(before + 1)
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** The session's token as the extension's IndexedDB holds it, read by the service worker. */
async function tokenInIndexedDb(context: BrowserContext): Promise<string | null> {
  const worker = await serviceWorkerOf(context)
  return worker.evaluate(
    () =>
      new Promise<string | null>((ok, fail) => {
        const open = indexedDB.open("comptoir")
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const db = open.result
          const get = db.transaction("sessions").objectStore("sessions").get("session")
          get.onsuccess = () => ok((get.result as { token?: string } | undefined)?.token ?? null)
          get.onerror = () => fail(get.error)
        }
      })
  )
}

test("the token is kept out of chrome.storage.local, and sync still works after the browser restarts", async () => {
  const [a, b] = profiles as [Profile, Profile]
  const token = await tokenInIndexedDb(a.context)
  expect(token).toMatch(/.{16,}/)
  // What a content script could read: all of chrome.storage.local.
  const everything = await (await serviceWorkerOf(a.context)).evaluate(() => chrome.storage.local.get(null))
  expect(JSON.stringify(everything)).not.toContain(token!)
  expect(Object.keys(everything)).not.toContain("comptoir.session")

  // The same profile, relaunched: still signed in, and a new customer reaches the other profile.
  await a.context.close()
  a.context = await launchWithExtension(a.dir)
  a.page = await a.context.newPage()
  await a.page.goto(`chrome-extension://${a.extensionId}/options.html`)
  await expect(a.page.locator('[data-comptoir="team-signed-in"]')).toContainText("agent1@demo.comptoir.test", { timeout: 20_000 })
  expect(await tokenInIndexedDb(a.context)).toBe(token)
  const before = await countInBase(b.page)
  await importOne(a, "Redemarrage Navigateur Quincaillerie", "RESTART-1", 99_400)
  await expect.poll(() => countInBase(b.page), { timeout: 20_000, intervals: [200] }).toBe(before + 1)
  expect(await copiesOf(b.page, "Redemarrage Navigateur Quincaillerie")).toBe(1)
  const after = await (await serviceWorkerOf(a.context)).evaluate(() => chrome.storage.local.get(null))
  expect(JSON.stringify(after)).not.toContain(token!)
})
