import { spawn, type ChildProcess } from "node:child_process"
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"

import { expect, test, type BrowserContext, type Page } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf } from "./launch"

/**
 * Scripts in a team (the demo team of `npm start`): an agent runs the team's scripts and cannot change them; a
 * manager's copy reaches the agent by sync.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 })

interface Profile {
  context: BrowserContext
  dir: string
  extensionId: string
  page: Page
}

let server: ChildProcess | undefined
let serverDir: string
let url: string
const profiles: Profile[] = []

/** The real server as `npm start` runs it (PGlite, demo team seeded) on a free port and a fresh data directory. */
async function startServer(): Promise<string> {
  serverDir = mkdtempSync(join(tmpdir(), "comptoir-e2e-scripts-server-"))
  const template = readdirSync(tmpdir()).find((n) => /^comptoir-pglite-template-[\d.]+$/.test(n))
  if (template && existsSync(join(tmpdir(), template))) cpSync(join(tmpdir(), template), join(serverDir, "pglite"), { recursive: true })
  server = spawn("npx", ["tsx", "--tsconfig", "tsconfig.json", "server/main.ts"], {
    cwd: resolve(process.cwd()),
    env: { ...process.env, PORT: "0", DATA_DIR: join(serverDir, "pglite"), LOG_LEVEL: "warn", SEED: "demo" },
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group: npx does not pass SIGTERM on to the node process it starts.
    detached: true
  })
  let out = ""
  return new Promise((ok, fail) => {
    server!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Comptoir team server: (http:\/\/[^\s]+)/.exec(out)
      if (m && out.includes("agent2@demo.comptoir.test")) ok(m[1]!)
    })
    server!.on("exit", (code) => fail(new Error(`the server exited (${code}): ${out}`)))
  })
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  url = await startServer()
  for (let i = 0; i < 2; i++) {
    const dir = mkdtempSync(join(tmpdir(), "comptoir-e2e-scripts-"))
    const context = await launchWithExtension(dir)
    const extensionId = new URL((await serviceWorkerOf(context)).url()).host
    profiles.push({ context, dir, extensionId, page: await context.newPage() })
  }
})

test.afterAll(async () => {
  for (const p of profiles) {
    await p.context.close()
    rmSync(p.dir, { recursive: true, force: true })
  }
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((ok) => server!.once("exit", ok))
    process.kill(-server.pid, "SIGTERM")
    await exited
  }
  rmSync(serverDir, { recursive: true, force: true })
})

async function signIn(p: Profile, email: string): Promise<void> {
  await p.page.goto(`chrome-extension://${p.extensionId}/options.html`)
  await p.page.locator('[data-comptoir="team-server-url"]').fill(url)
  await p.page.locator('[data-comptoir="team-email"]').fill(email)
  await p.page.locator('[data-comptoir="team-password"]').fill("comptoir-demo")
  await p.page.locator('[data-comptoir="team-sign-in"]').click()
  await expect(p.page.locator('[data-comptoir="team-signed-in"]')).toContainText(email, { timeout: 20_000 })
  await expect(p.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 60_000 })
}

/** The team's rows of the local `callScripts` table (what sync brought), read from the extension's IndexedDB. */
function localScriptIds(p: Page): Promise<string[]> {
  return p.evaluate(
    () =>
      new Promise<string[]>((ok, ko) => {
        const open = indexedDB.open("comptoir")
        open.onerror = () => ko(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction("callScripts").objectStore("callScripts").getAllKeys()
          req.onsuccess = () => {
            ok((req.result as string[]).sort())
            open.result.close()
          }
          req.onerror = () => ko(req.error)
        }
      })
  )
}

test("a signed-in agent runs the demo team's scripts read-only; a manager's copy reaches the agent", async () => {
  const [manager, agent] = profiles as [Profile, Profile]
  await signIn(agent, "agent1@demo.comptoir.test")
  await signIn(manager, "manager@demo.comptoir.test")

  // The demo team's table holds the shipped scripts: they came down with the first pull.
  expect(await localScriptIds(agent.page)).toEqual(expect.arrayContaining(["builtin-inbound-advice", "builtin-outbound-prospecting", "builtin-payment-reminder"]))

  // The agent: the scripts, no button that changes them, and the background refuses a save sent anyway.
  await agent.page.goto(`chrome-extension://${agent.extensionId}/tabs/workspace.html#/scripts`)
  const agentRows = agent.page.locator('[data-comptoir="script-row"]')
  await expect(agentRows).toHaveCount(5)
  await expect(agent.page.locator('[data-comptoir="script-new"], [data-comptoir="script-import"], [data-comptoir="script-duplicate"], [data-comptoir="script-delete"]')).toHaveCount(0)
  await agentRows.first().locator('[data-comptoir="script-open"]').click()
  await expect(agent.page.locator('[data-comptoir="script-editor"]')).toHaveAttribute("data-read-only", "true")
  await expect(agent.page.locator('[data-comptoir="script-save"]')).toHaveCount(0)
  const refused = await agent.page.evaluate(async () => {
    const list = (await chrome.runtime.sendMessage({ type: "scripts/list", payload: {} })) as { data: { scripts: { id: string }[] } }
    const script = { ...list.data.scripts[0], id: "agent-own", builtin: false }
    return (await chrome.runtime.sendMessage({ type: "scripts/save", payload: { script } })) as { data: { ok: boolean; error?: string } }
  })
  expect(refused.data).toMatchObject({ ok: false, error: expect.stringMatching(/manager or an admin/) })

  // The manager duplicates a shipped script and renames the copy.
  await manager.page.goto(`chrome-extension://${manager.extensionId}/tabs/workspace.html#/scripts`)
  await manager.page.locator('[data-comptoir="script-row"][data-script-id="builtin-order-taking"] [data-comptoir="script-duplicate"]').click()
  const editor = manager.page.locator('[data-comptoir="script-editor"][data-script-id="order-taking"]')
  await editor.locator('input[name="name.en"]').fill("Order taking, our way")
  await editor.locator('input[name="name.fr"]').fill("Prise de commande, à notre façon")
  await editor.locator('[data-comptoir="script-save"]').click()
  await expect(editor.locator('[data-comptoir="script-save-message"]')).toContainText("Saved")

  // The agent gets it by sync (the manager's push pokes the agent's pull).
  await expect.poll(() => localScriptIds(agent.page), { timeout: 15_000 }).toContain("order-taking")
  await agent.page.goto(`chrome-extension://${agent.extensionId}/tabs/workspace.html#/scripts`)
  await expect(agent.page.locator('[data-comptoir="script-row"][data-script-id="order-taking"]')).toContainText("Order taking, our way")
  await agent.page.screenshot({ path: "/tmp/scripts-agent-list.png" })
})
