import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import type { BrowserContext, Page } from "@playwright/test"

import { e2eCustomers, ensureImported } from "./dataset"
import { expect, launchWithExtension, test as shared } from "./fixtures"

/**
 * A browser profile of its own: the 50 calls logged below and the imported base would otherwise stay in the profile
 * the worker's next spec file gets (import-and-popup.spec.ts expects a fresh base: 400 new customers, one call).
 */
const test = shared.extend<object, { extContext: BrowserContext }>({
  extContext: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-card-fit-"))
      const context = await launchWithExtension(dir)
      await use(context)
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: "worker" }
  ]
})

/**
 * What an agent reads whole (the English walk of 6 Dec, `user9`): a contact's long e-mail address stays inside the
 * page panel's card (it ran past the card's border, over the panel's edge, in the incoming call's pop), and the
 * workspace's Calls list keeps a customer's code on one line ("C-" at a line's end, "00044" under it).
 */
const customers = e2eCustomers()

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})

/** The e-mail links of the card that reach past its right edge (px past it), by address. */
function emailsPastEdge(page: Page, code: string): Promise<Record<string, number>> {
  return page
    .locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${code}"]`)
    .evaluate((card) => {
      const edge = card.getBoundingClientRect().right
      const past: Record<string, number> = {}
      for (const a of card.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:"]')) {
        const over = Math.max(...[...a.getClientRects()].map((r) => r.right)) - edge
        if (over > 0.5) past[a.textContent ?? ""] = Math.round(over)
      }
      return past
    })
}

test("a contact's long e-mail address stays inside the page panel's card", async ({ page, site }) => {
  // The customer whose contact has the longest address: "henry.blackwood@abbott-pickering-supplies.co.uk" ran 18 px past.
  const longest = (c: (typeof customers)[number]) => Math.max(...c.contacts.flatMap((p) => p.emails.map((e) => e.length)), 0)
  const target = [...customers].sort((a, b) => longest(b) - longest(a))[0]!
  const contact = target.contacts.find((p) => p.emails.some((e) => e.length === longest(target)))!
  expect(longest(target)).toBeGreaterThan(40)
  site.route("/crm/long-mail", `<!doctype html><meta charset="utf-8"><h1>Account</h1><p>Write to ${contact.emails[0]} or call ${target.writtenPhones[0]![0]}.</p>`)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${site.origin}/crm/long-mail`)
  const card = page.locator(`#comptoir-overlay [data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  await expect(card).toBeVisible()
  await card.screenshot({ path: "test-results/card-fit-long-email.png" })
  expect(await emailsPastEdge(page, target.code)).toEqual({})
})

test("the workspace's Calls list keeps each customer's code on one line", async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls`)
  // The 50 longest company names: their cells wrap, at as many places in the line as there are names' lengths.
  const long = [...customers].sort((a, b) => b.company.length - a.company.length).slice(0, 50)
  const ids = await page.evaluate(async (codes) => {
    const out: string[] = []
    for (const code of codes) {
      const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [], emails: [], codes: [code] } })) as { data: { matches: { customer: { id: string } }[] } }
      out.push(r.data.matches[0]!.customer.id)
    }
    return out
  }, long.map((c) => c.code))
  const now = Date.now()
  for (const [i, customerId] of ids.entries()) {
    const log = {
      id: `card-fit-${now}-${i}`,
      callId: null,
      direction: "outbound",
      number: null,
      customerId,
      startedAt: now - (i + 1) * 60_000,
      durationSeconds: 95,
      outcome: "information-given",
      notes: "Asked about delivery times, wants the spring catalogue by post.",
      agent: "",
      createdAt: now
    }
    const r = (await page.evaluate((l) => chrome.runtime.sendMessage({ type: "calls/log", payload: { log: l, draftId: null } }), log)) as { ok: boolean; error?: string }
    expect(r.error).toBeUndefined()
  }
  await page.reload()
  // Every one of them listed (a run repeated in the same browser adds its own, newer ones on top).
  for (const i of [0, ids.length - 1]) await expect(page.locator(`[data-comptoir="call-row"][data-log-id="card-fit-${now}-${i}"]`)).toHaveCount(1)
  await page.screenshot({ path: "test-results/card-fit-calls-list.png" })
  const broken = await page.locator('[data-comptoir="call-row"] td:nth-child(2) .c-muted').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent))
  expect(broken).toEqual([])
  await page.close()
})
