
import { expect, test, type Page } from "@playwright/test"

import { closeProfiles, launchProfiles, signIn as signInAs, startDemoServer, type DemoServer, type Profile } from "./demo-server"

/**
 * Scripts in a team (the demo team of `npm start`): an agent runs the team's scripts and cannot change them; a
 * manager's copy reaches the agent by sync.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 })

let server: DemoServer
let profiles: Profile[] = []

test.beforeAll(async () => {
  test.setTimeout(180_000)
  server = await startDemoServer()
  profiles = await launchProfiles(2, "scripts")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await server?.stop()
})

const signIn = (p: Profile, email: string) => signInAs(p.page, p.extensionId, server.url, email)

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

  // In French, the manager role has one name, « responsable »: on the scripts page and in the options.
  const french = (page: Page) =>
    page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get("settings")
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language: "fr" } })
    })
  await french(agent.page)
  await agent.page.reload()
  await expect(agent.page.locator('[data-comptoir="scripts-section"] > p.c-muted')).toHaveText("Les scripts que vous suivez pendant vos appels. Seul un responsable ou un administrateur les modifie.")
  await agent.page.screenshot({ path: "test-results/usertest2-scripts-agent-fr.png" })
  await french(manager.page)
  await manager.page.goto(`chrome-extension://${manager.extensionId}/options.html`)
  await expect(manager.page.locator('[data-comptoir="team-signed-in"]')).toContainText("manager@demo.comptoir.test (responsable)")
  await manager.page.locator('[data-comptoir="team-signed-in"]').screenshot({ path: "test-results/usertest2-options-role-fr.png" })
})
