import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, type BrowserContext, type Page } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf } from "./launch"

// The server's process lives apart, with no Playwright import, so the Firefox tests (vitest) start it too.
export { startDemoServer, type DemoServer } from "../demo-team-server"

/** Signs a profile in from the options page, as a user does, and waits for the first pull to finish. */
export async function signIn(page: Page, extensionId: string, url: string, email: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="team-server-url"]').fill(url)
  await page.locator('[data-comptoir="team-email"]').fill(email)
  await page.locator('[data-comptoir="team-password"]').fill("comptoir-demo")
  await page.locator('[data-comptoir="team-sign-in"]').click()
  await expect(page.locator('[data-comptoir="team-signed-in"]')).toContainText(email, { timeout: 20_000 })
  // "nothing to send" alone shows during the first pull too (the outbox is empty before anything came down):
  // done is when a sync has finished and no pull is under way.
  await expect(page.locator('[data-comptoir="sync-status"]')).toContainText(/Synced .* · nothing to send/, { timeout: 60_000 })
  await expect(page.locator('[data-comptoir="sync-progress"]')).toHaveCount(0, { timeout: 60_000 })
}

/** A browser profile with the built extension: its own user-data directory, context and first page. */
export interface Profile {
  context: BrowserContext
  dir: string
  extensionId: string
  page: Page
}

/** Launches `count` profiles side by side (two agents, an agent and a manager…). */
export async function launchProfiles(count: number, prefix: string): Promise<Profile[]> {
  const profiles: Profile[] = []
  for (let i = 0; i < count; i++) profiles.push(await launchProfile(prefix))
  return profiles
}

export async function launchProfile(prefix: string): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), `comptoir-e2e-${prefix}-`))
  const context = await launchWithExtension(dir)
  const extensionId = new URL((await serviceWorkerOf(context)).url()).host
  return { context, dir, extensionId, page: await context.newPage() }
}

export async function closeProfiles(profiles: Profile[]): Promise<void> {
  for (const p of profiles) {
    await p.context.close()
    rmSync(p.dir, { recursive: true, force: true })
  }
}

/** Opens a route of the workspace tab in this profile's page. */
export const workspace = (p: Profile, route: string) => p.page.goto(`chrome-extension://${p.extensionId}/tabs/workspace.html#/${route}`)
