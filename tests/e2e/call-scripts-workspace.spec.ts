import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { expect, test as base, type BrowserContext, type Page } from "@playwright/test"

import { launchWithExtension, serviceWorkerOf } from "./launch"

/** A browser of its own: a base with no team session and no script saved by another spec. */
const test = base.extend<{ page: Page; extensionId: string }, { ctx: BrowserContext }>({
  ctx: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), "comptoir-scripts-"))
      const context = await launchWithExtension(dir)
      await use(context)
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: "worker" }
  ],
  extensionId: async ({ ctx }, use) => use(new URL((await serviceWorkerOf(ctx)).url()).host),
  page: async ({ ctx }, use) => {
    const page = await ctx.newPage()
    await use(page)
    await page.close()
  }
})

/**
 * The workspace's scripts section, as a manager (or a user without a team) uses it: duplicate a shipped script,
 * change a prompt in French and English, save, run the draft in the preview, and an invalid file refused in words.
 */
test("a shipped script is duplicated, edited in French and English, saved, run in the preview; an invalid import is refused in words", async ({ page, extensionId }) => {
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/scripts`)
  const section = page.locator('[data-comptoir="scripts-section"]')
  const rows = section.locator('[data-comptoir="script-row"]')
  // The five shipped scripts are there with an empty table.
  await expect(rows).toHaveCount(5)

  // A shipped script's variants are shown, read only: the proposal said when the agent is the customer's own rep.
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/scripts/builtin-outbound-prospecting`)
  const proposal = page.locator('[data-comptoir="script-step-editor"][data-step-id="propose"] [data-comptoir="script-alternative"]')
  await expect(proposal.locator('textarea[name="steps.propose.alternatives.0.prompt.en"]')).toHaveValue(/a meeting with you \(“Shall I come and see you next week\?”\)/)
  await expect(proposal.locator('textarea[name="steps.propose.alternatives.0.prompt.en"]')).toBeDisabled()
  await proposal.scrollIntoViewIfNeeded()
  await page.screenshot({ path: "/tmp/script-editor-shipped-variant.png" })
  await page.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/scripts`)
  await expect(rows).toHaveCount(5)

  // A shipped script is read-only: it is duplicated to be changed.
  await section.locator('[data-comptoir="script-row"][data-script-id="builtin-inbound-advice"] [data-comptoir="script-duplicate"]').click()
  await expect(page).toHaveURL(/#\/scripts\/inbound-advice$/)
  const editor = page.locator('[data-comptoir="script-editor"][data-script-id="inbound-advice"]')
  await expect(editor).toHaveAttribute("data-read-only", "false")
  await expect(editor.locator('input[name="name.en"]')).toHaveValue("Inbound call: welcome and advice (copy)")

  await editor.locator('textarea[name="steps.welcome.prompt.fr"]').fill("Bonjour {{contact.first_name}}, ici {{agent.name}}. Que puis-je pour {{customer.company}} ?")
  await editor.locator('textarea[name="steps.welcome.prompt.en"]').fill("Hello {{contact.first_name}}, {{agent.name}} here. How can I help {{customer.company}}?")
  // A variant said instead when the agent is the customer's own sales rep: it starts from the usual prompt.
  const welcome = editor.locator('[data-comptoir="script-step-editor"][data-step-id="welcome"]')
  await welcome.locator('[data-comptoir="script-add-alternative"]').click()
  await expect(welcome.locator('select[name="steps.welcome.alternatives.0.when"] option:checked')).toHaveText("When you are the customer's sales rep")
  await expect(welcome.locator('textarea[name="steps.welcome.alternatives.0.prompt.en"]')).toHaveValue("Hello {{contact.first_name}}, {{agent.name}} here. How can I help {{customer.company}}?")
  await welcome.locator('textarea[name="steps.welcome.alternatives.0.prompt.en"]').fill("Hello {{contact.first_name}}, {{agent.name}} here, your account manager. How can I help?")
  await welcome.locator('textarea[name="steps.welcome.alternatives.0.prompt.fr"]').fill("Bonjour {{contact.first_name}}, ici {{agent.name}}, votre commercial. Que puis-je pour vous ?")
  await editor.locator('[data-comptoir="script-save"]').click()
  await expect(editor.locator('[data-comptoir="script-save-message"]')).toContainText("Saved")

  // The preview runs the saved draft with a sample customer: names filled, a choice moves on, French on demand.
  const preview = editor.locator('[data-comptoir="script-preview"] [data-comptoir="script-runner"]')
  await expect(preview.locator('[data-comptoir="script-step"]')).toContainText("Hello Marie, ")
  await expect(preview.locator('[data-comptoir="script-step"]')).toContainText("How can I help Boulangerie Durand SARL?")
  // Run as the sample customer's own rep, the preview says the variant.
  const asRep = editor.locator('[data-comptoir="script-preview-as-rep"]')
  await asRep.check()
  await expect(preview.locator('[data-comptoir="script-step"]')).toContainText("here, your account manager. How can I help?")
  await welcome.scrollIntoViewIfNeeded()
  await page.screenshot({ path: "/tmp/script-editor-variant.png" })
  await asRep.uncheck()
  await expect(preview.locator('[data-comptoir="script-step"]')).toContainText("How can I help Boulangerie Durand SARL?")
  await preview.locator('[data-comptoir="script-language"][data-language="fr"]').click()
  await expect(preview.locator('[data-comptoir="script-step"]')).toContainText("Bonjour Marie, ici ")
  await preview.locator('[data-comptoir="script-choice"][data-choice-id="product"]').click()
  await expect(preview.locator('[data-comptoir="script-step"]')).toHaveAttribute("data-step-id", "discover")
  await page.screenshot({ path: "/tmp/script-editor.png", fullPage: false })

  // Saved for real: read again from the extension's base after a reload.
  await page.reload()
  await expect(page.locator('[data-comptoir="script-editor"] textarea[name="steps.welcome.prompt.en"]')).toHaveValue("Hello {{contact.first_name}}, {{agent.name}} here. How can I help {{customer.company}}?")
  await expect(page.locator('[data-comptoir="script-editor"] textarea[name="steps.welcome.alternatives.0.prompt.fr"]')).toHaveValue("Bonjour {{contact.first_name}}, ici {{agent.name}}, votre commercial. Que puis-je pour vous ?")
  await page.locator('[data-comptoir="scripts-back-to-list"]').click()
  await expect(rows).toHaveCount(6)

  // A step cannot be deleted while answers lead to it: the editor names them.
  await rows.locator("a", { hasText: "(copy)" }).first().click()
  const step = page.locator('[data-comptoir="script-step-editor"][data-step-id="discover"]')
  await step.locator('[data-comptoir="script-delete-step"]').click()
  await expect(step.locator('[data-comptoir="script-step-error"]')).toContainText("welcome.product")
  await page.locator('[data-comptoir="scripts-back-to-list"]').click()

  // An invalid file: nothing imported, each problem with where it is and what is wrong.
  const broken = {
    id: "broken",
    name: { fr: "Cassé" },
    purpose: "other",
    direction: "sideways",
    start: "a",
    steps: [{ id: "a", title: { fr: "A" }, prompt: { fr: "Bonjour" }, choices: [{ id: "c", label: { fr: "C" }, next: null }] }]
  }
  await page.locator('[data-comptoir="script-import-file"]').setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) })
  const errors = page.locator('[data-comptoir="script-import-errors"]')
  await expect(errors).toContainText("Nothing was imported")
  await expect(errors.locator('[data-comptoir="script-problem"]').first()).toContainText("direction")
  await expect(rows).toHaveCount(6)

  const dangling = { ...broken, direction: "any", steps: [{ ...broken.steps[0]!, choices: [{ id: "c", label: { fr: "C" }, next: "nowhere" }] }] }
  await page.locator('[data-comptoir="script-import-file"]').setInputFiles({ name: "dangling.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(dangling)) })
  await expect(errors.locator('[data-comptoir="script-problem"]').first()).toContainText('steps.a.choices.c : leads to a step that does not exist: "nowhere"')
  await page.screenshot({ path: "/tmp/script-import-errors.png" })

  // A file with the id of a team script (its own export read back): the page asks before replacing it.
  const exported = (await page.evaluate(() => chrome.runtime.sendMessage({ type: "scripts/list", payload: {} }))) as { data: { scripts: { id: string; name: { en?: string } }[] } }
  const mine = exported.data.scripts.find((s) => s.id === "inbound-advice")!
  await page.locator('[data-comptoir="script-import-file"]').setInputFiles({ name: "inbound-advice.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mine)) })
  const clash = page.locator('[data-comptoir="script-import-clash"]')
  await expect(clash.locator('[data-comptoir="script-import-replace"]')).toHaveText("Replace the existing script « Inbound call: welcome and advice (copy) »")
  await page.screenshot({ path: "/tmp/script-import-clash.png" })
  await clash.locator('[data-comptoir="script-import-copy"]').click()
  await expect(page).toHaveURL(/#\/scripts\/inbound-advice-2$/)
  await expect(page.locator('[data-comptoir="script-editor"] input[name="name.en"]')).toHaveValue("Inbound call: welcome and advice (copy) (copy)")
  await page.locator('[data-comptoir="scripts-back-to-list"]').click()
  await expect(rows).toHaveCount(7)
  await expect(section.locator('[data-comptoir="script-row"][data-script-id="inbound-advice"]')).toBeVisible()

  // The same problem in French when the agent works in French.
  const scriptsUrl = page.url()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="setting-language"]').selectOption("fr")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await page.goto(scriptsUrl)
  await page.locator('[data-comptoir="script-import-file"]').setInputFiles({ name: "dangling.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(dangling)) })
  await expect(errors.locator('[data-comptoir="script-problem"]').first()).toContainText("steps.a.choices.c : mène à une étape qui n'existe pas : « nowhere »")
  // The variant in French: its condition in words, the text said instead.
  await page.goto(scriptsUrl.replace(/#\/scripts.*$/, "#/scripts/inbound-advice"))
  const welcomeFr = page.locator('[data-comptoir="script-step-editor"][data-step-id="welcome"]')
  await expect(welcomeFr.locator('select[name="steps.welcome.alternatives.0.when"] option:checked')).toHaveText("Quand vous êtes le commercial du client")
  await welcomeFr.locator('[data-comptoir="script-alternative"]').scrollIntoViewIfNeeded()
  await page.screenshot({ path: "/tmp/script-editor-variant-fr.png" })
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="setting-language"]').selectOption("auto")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await expect(page.locator("h1")).toHaveText("Comptoir settings")
})
