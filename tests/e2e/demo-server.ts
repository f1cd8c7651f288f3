import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test, type BrowserContext, type Page } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf } from "./launch"

// The server's process lives apart, with no Playwright import, so the Firefox tests (vitest) start it too.
import { startDemoServer, type DemoServer } from "../demo-team-server"
export { startDemoServer, type DemoServer }

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

/**
 * A serial spec's one agent: a demo server of its own and a browser profile signed in as that agent, started before the
 * spec's tests and closed after them. Returns the profile, read once the tests run.
 */
export function signedInAgent(prefix: string, email = "agent1@demo.comptoir.test"): () => Profile {
  let server: DemoServer | undefined
  let profiles: Profile[] = []
  test.beforeAll(async () => {
    test.setTimeout(180_000)
    server = await startDemoServer()
    profiles = await launchProfiles(1, prefix)
    await signIn(profiles[0]!.page, profiles[0]!.extensionId, server.url, email)
  })
  test.afterAll(async () => {
    await closeProfiles(profiles)
    await server?.stop()
  })
  return () => profiles[0]!
}

/** Waits until the team server took what this profile wrote (the options page says nothing is left to send), then goes back. */
export async function untilSent(p: Profile): Promise<void> {
  await expect(async () => {
    await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
    await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  await p.page.goBack()
}
