import type { Page } from "@playwright/test"

import { generateCustomers, type DemoCustomer } from "~src/domain/demo/demo-data"
import { demoCustomersCsv } from "~src/domain/import/export"

export const E2E_COUNT = 400

/** The e2e base: seeded demo customers, two French ones sharing a switchboard number (never merged). */
export function e2eCustomers(): DemoCustomer[] {
  return withSharedPhone(generateCustomers({ count: E2E_COUNT, seed: 2026 }))
}

/** Gives the second customer of `sharedPhonePair` the first one's number (a switchboard both use); returns `customers`. */
export function withSharedPhone(customers: DemoCustomer[]): DemoCustomer[] {
  const [a, b] = sharedPhonePair(customers)
  b.contacts[0]!.phones[0] = a.contacts[0]!.phones[0]!
  b.writtenPhones[0]![0] = a.writtenPhones[0]![0]!
  return customers
}

export function sharedPhonePair(customers: DemoCustomer[]): [DemoCustomer, DemoCustomer] {
  const french = customers.filter((c) => c.country === "FR")
  return [french[3]!, french[4]!]
}

export function e2eCsv(customers: DemoCustomer[]): string {
  return demoCustomersCsv(customers)
}

export async function countInBase(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: "customers/count", payload: {} })) as { ok: boolean; data: { customers: number } }
    return r.data.customers
  })
}

/** Imports the e2e base through the options page, the way a user does, unless it is there already. */
export async function ensureImported(page: Page, extensionId: string, customers: DemoCustomer[]): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="import-customers"]').waitFor()
  if ((await countInBase(page)) < customers.length) {
    await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({
      name: "clients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(e2eCsv(customers), "utf8")
    })
    await page.locator('[data-comptoir="import-confirm"]').click()
    await page.locator('[data-comptoir="import-result"]').waitFor({ timeout: 30_000 })
  }
  // The background writes the base's profile ~1 s after an import (background/base-profile.ts): a test started
  // before would see the open pages reconfigure their scan under it (a number read again, a code found late).
  await waitForBaseProfile(page)
}

/** Until the base's profile (its countries and code shapes) is in storage, written after the last import or sync. */
export async function waitForBaseProfile(page: Page): Promise<void> {
  // A loop in the page: waitForFunction does not wait for an async predicate's promise (it is truthy at once).
  const written = await page.evaluate(async () => {
    for (let i = 0; i < 150; i++) {
      const p = (await chrome.storage.local.get("baseProfile")).baseProfile as { countries?: unknown[] } | undefined
      if ((p?.countries?.length ?? 0) > 0) return true
      await new Promise((ok) => setTimeout(ok, 100))
    }
    return false
  })
  if (!written) throw new Error("the base profile was not written within 15 s of the import")
}
