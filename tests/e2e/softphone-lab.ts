import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test as base, type BrowserContext, type Page } from "@playwright/test"

import { LAB_WS, TelephonyLab } from "../telephony-lab/lab"
import { e2eCustomers, ensureImported } from "./dataset"
import { launchWithExtension, MEDIA_ARGS, serviceWorkerOf, startSite, type Site } from "./launch"

/**
 * The fixtures of the specs that go through the real SIP lab (kamailio + rtpengine + baresip): the lab, started
 * once per worker (its ports are fixed), and a browser with a fake microphone. Specs using this `test` share
 * one worker, so the lab and the browser's base carry over from one spec to the next: never count on them
 * being empty.
 */
export const customers = e2eCustomers()

type Fixtures = { ctx: BrowserContext; extensionId: string; site: Site; lab: TelephonyLab }

export const test = base.extend<{ page: Page }, Fixtures>({
  lab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const lab = new TelephonyLab()
      await lab.start()
      await use(lab)
      await lab.dispose()
    },
    { scope: "worker" }
  ],
  ctx: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-softphone-"))
      const context = await launchWithExtension(dir, MEDIA_ARGS)
      await use(context)
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: "worker" }
  ],
  extensionId: [async ({ ctx }, use) => use(new URL((await serviceWorkerOf(ctx)).url()).host), { scope: "worker" }],
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { site, server } = await startSite()
      await use(site)
      server.closeAllConnections()
      await new Promise((ok) => server.close(ok))
    },
    { scope: "worker" }
  ],
  page: async ({ ctx }, use) => {
    const page = await ctx.newPage()
    await use(page)
    await page.close()
  }
})

export const dock = (p: Page) => p.locator('[data-comptoir="softphone"]')

/** The popup, opened as a tab: it shows the dock like the toolbar popup does. */
export async function openDock(ctx: BrowserContext, extensionId: string): Promise<Page> {
  const p = await ctx.newPage()
  await p.goto(`chrome-extension://${extensionId}/popup.html`)
  await dock(p).waitFor()
  return p
}

/** A table of the extension's IndexedDB, read directly (the rows as stored). */
export function storedRows(p: Page, table: string): Promise<Record<string, unknown>[]> {
  return p.evaluate(
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

export const storedCalls = (p: Page) => storedRows(p, "calls")

/** The id the import gave a customer (ids are the base's own, not the demo generator's). */
export function idOfCode(p: Page, code: string): Promise<string> {
  return p.evaluate(async (c) => {
    const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [c] } })) as { data: { matches: { customer: { id: string } }[] } }
    return r.data.matches[0]!.customer.id
  }, code)
}

export type Stats = { bytesReceived: number; packetsReceived: number; bytesSent: number; audioEnergySent?: number | null }

export async function stats(p: Page): Promise<Stats> {
  return p.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "softphone/stats", payload: {} })) as { ok: boolean; data: Stats; error?: string }
    if (!r.ok) throw new Error(r.error)
    return r.data
  })
}

/** The customers imported and the softphone set up the way an agent does, in the options page (registered as agent1). */
export async function setUpSoftphone(ctx: BrowserContext, extensionId: string): Promise<void> {
  const page = await ctx.newPage()
  await ensureImported(page, extensionId, customers)
  // Set up the softphone the way an agent does, in the options page.
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('select[name="softphone.provider"]').selectOption("sip")
  await page.locator('input[name="sip.websocketUrl"]').fill(LAB_WS)
  await page.locator('input[name="sip.uri"]').fill("sip:agent1@127.0.0.1")
  await page.locator('input[name="sip.authorizationUser"]').fill("agent1")
  await page.locator('input[name="sip.password"]').fill("lab-password")
  await page.locator('input[name="sip.displayName"]').fill("Agent One")
  await page.locator('[data-comptoir="sip-save"]').click()
  await expect(page.locator('[data-comptoir="sip-message"]')).toContainText("Saved")
  // The password is a secret: not in chrome.storage.local.
  const local = await page.evaluate(() => chrome.storage.local.get(null))
  expect(JSON.stringify(local)).not.toContain("lab-password")
  await page.close()
}
