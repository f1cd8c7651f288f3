import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test, type BrowserContext } from "@playwright/test"

import { startDemoServer, type DemoServer } from "./demo-server"
import { launchWithExtension, serviceWorkerOf } from "./launch"

test.describe.configure({ mode: "serial" })

let server: DemoServer
let context: BrowserContext
let profileDir: string
let extensionId: string

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profileDir = mkdtempSync(join(tmpdir(), "comptoir-e2e-password-"))
  context = await launchWithExtension(profileDir)
  extensionId = new URL((await serviceWorkerOf(context)).url()).host
})

test.afterAll(async () => {
  await context?.close()
  await server?.stop()
  rmSync(profileDir, { recursive: true, force: true })
})

async function login(password: string) {
  const res = await fetch(`${server.url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "agent1@demo.comptoir.test", password }) })
  return { status: res.status, token: ((await res.json()) as { token?: string }).token }
}

test("an agent changes their password from the options page: the other session ends, this one stays", async () => {
  const elsewhere = await login("comptoir-demo")
  expect(elsewhere.status).toBe(200)

  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="team-server-url"]').fill(server.url)
  await page.locator('[data-comptoir="team-email"]').fill("agent1@demo.comptoir.test")
  await page.locator('[data-comptoir="team-password"]').fill("comptoir-demo")
  await page.locator('[data-comptoir="team-sign-in"]').click()
  await expect(page.locator('[data-comptoir="team-signed-in"]')).toContainText("agent1@demo.comptoir.test", { timeout: 30_000 })

  await page.locator('[data-comptoir="change-password"] summary').click()
  await page.locator('[data-comptoir="change-password-current"]').fill("not my password")
  await page.locator('[data-comptoir="change-password-new"]').fill("my own password 1")
  await page.locator('[data-comptoir="change-password-confirm"]').fill("my own password 1")
  await page.locator('[data-comptoir="change-password-submit"]').click()
  await expect(page.locator('[data-comptoir="change-password-error"]')).toHaveText("The current password is wrong.", { timeout: 20_000 })

  await page.locator('[data-comptoir="change-password-current"]').fill("comptoir-demo")
  await page.locator('[data-comptoir="change-password-submit"]').click()
  await expect(page.locator('[data-comptoir="change-password-done"]')).toContainText("Password changed. Other sessions ended: 1.", { timeout: 20_000 })
  await page.screenshot({ path: "/tmp/server-admin-change-password.png", fullPage: true })

  const me = await fetch(`${server.url}/auth/me`, { headers: { authorization: `Bearer ${elsewhere.token}` } })
  expect(me.status).toBe(401)
  expect((await login("comptoir-demo")).status).toBe(401)
  expect((await login("my own password 1")).status).toBe(200)
  // This device is still signed in and syncing.
  await page.reload()
  await expect(page.locator('[data-comptoir="team-signed-in"]')).toContainText("agent1@demo.comptoir.test")
  await page.locator('[data-comptoir="sync-now"]').click()
  await expect(page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 30_000 })
})
