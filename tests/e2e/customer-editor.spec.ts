import { expect, test, type Page } from "@playwright/test"

import { closeProfiles, type DemoServer, launchProfiles, type Profile, signIn, startDemoServer, workspace } from "./demo-server"
import { startSite, type Site } from "./launch"

/**
 * The workspace's customer editor in a team: an agent makes a customer from an unknown number ("New customer
 * with this number"), opens it, edits it (SIREN, VAT, terms, an address) and adds a contact with a phone; a page
 * showing that phone then finds the customer's card on the agent's browser at once, and on the manager's once the
 * team server accepted the edit. The credit limit is the manager's.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 })

let server: DemoServer
let profiles: Profile[] = []
let site: Site
let closeSite: () => Promise<void>

/** Numbers no demo customer holds (the demo's French numbers are 01…05 and 06/07 mobiles of its own seed). */
const CALLER = "+33970005678"
const NEW_CONTACT_TYPED = "09 70 00 56 79"
const NEW_CONTACT = "+33970005679"

test.beforeAll(async () => {
  test.setTimeout(240_000)
  server = await startDemoServer()
  const started = await startSite()
  site = started.site
  closeSite = async () => {
    started.server.closeAllConnections()
    await new Promise((ok) => started.server.close(ok))
  }
  profiles = await launchProfiles(2, "custedit")
  const [agent, manager] = profiles as [Profile, Profile]
  await signIn(agent.page, agent.extensionId, server.url, "agent1@demo.comptoir.test")
  await signIn(manager.page, manager.extensionId, server.url, "manager@demo.comptoir.test")
})

test.afterAll(async () => {
  await closeProfiles(profiles)
  await closeSite?.()
  await server?.stop()
})

function lookupByPhone(p: Page, phone: string): Promise<{ id: string; code: string; company: string }[]> {
  return p.evaluate(async (n) => {
    const r = (await chrome.runtime.sendMessage({ type: "lookup/match", payload: { phones: [n], emails: [], codes: [] } })) as { data: { matches: { customer: { id: string; code: string; company: string } }[] } }
    return r.data.matches.map((m) => m.customer)
  }, phone)
}

/** A page of the local site showing the number as a person writes it; the panel's card for it. */
async function pageCard(p: Profile, path: string, code: string) {
  site.route(path, `<!doctype html><meta charset="utf-8"><title>Mail</title><p>Bonjour, rappelez Luc Martin au ${NEW_CONTACT_TYPED}, merci.</p>`)
  const page = await p.context.newPage()
  await page.goto(`${site.origin}${path}`)
  return { page, card: page.locator("#comptoir-overlay").locator(`[data-comptoir="customer-card"][data-customer-code="${code}"]`) }
}

let made: { id: string; code: string }

/** Stores a sales rep through the editor's message, every other field left as stored (only changed fields apply). */
async function storeSalesRep(p: Page, id: string, salesRep: string): Promise<void> {
  const r = await p.evaluate(
    async ({ id, salesRep }) => {
      const original = { company: "-", country: "FR", language: "fr", siren: "", vatNumber: "", tags: "", salesRep: "", notes: "", paymentTermsDays: "", creditLimit: "", addresses: [], contacts: [] }
      return (await chrome.runtime.sendMessage({ type: "customers/update", payload: { id, original, values: { ...original, salesRep } } })) as { data: { ok: boolean } }
    },
    { id, salesRep }
  )
  expect(r.data.ok).toBe(true)
}

test("the customers page lists the team's customers A to Z before any search, and a search that finds nobody says so", async () => {
  const [, manager] = profiles as [Profile, Profile]
  await workspace(manager, "customers")
  await expect(manager.page.locator('[data-comptoir="customers-all"]')).toContainText("All customers, A to Z")
  const lines = manager.page.locator('.c-workspace-list [data-comptoir="customer-card"]')
  await expect(lines.first()).toBeVisible()
  expect(await lines.count()).toBeGreaterThan(1)
  await expect(manager.page.locator('[data-comptoir="customers-empty"]')).toHaveCount(0)
  await expect(manager.page.locator(".c-workspace-detail")).toContainText("on the left")
  await manager.page.locator('[data-comptoir="search"]').fill("zzzqqxw")
  await expect(manager.page.locator('[data-comptoir="customers-no-results"]')).toBeVisible()
  await expect(lines).toHaveCount(0)
})

test("an agent edits a customer made from an unknown number, and a page showing the contact's new phone finds its card", async () => {
  const [agent] = profiles as [Profile, Profile]
  expect(await lookupByPhone(agent.page, NEW_CONTACT)).toEqual([])

  // "New customer with this number" (here without a call): the customer has one contact and nothing else.
  await workspace(agent, `customers/new?phone=${encodeURIComponent(CALLER)}`)
  const create = agent.page.locator('[data-comptoir="new-customer-form"]')
  await create.locator('input[name="company"]').fill("Cave Saint-Jean")
  await create.locator('input[name="contactName"]').fill("Claire Morel")
  await create.locator('[data-comptoir="new-customer-save"]').click()
  await expect(agent.page.locator('[data-comptoir="new-customer-created"]')).toBeVisible()
  const [found] = await lookupByPhone(agent.page, CALLER)
  expect(found).toMatchObject({ company: "Cave Saint-Jean" })
  made = found!

  // A rep no user of the team goes by, as an import or an older version stored it (the editor's own pick cannot).
  await storeSalesRep(agent.page, made.id, "Paul Girard")
  await agent.page.reload()

  // Edit: the code is fixed, the credit limit is the manager's.
  await agent.page.locator('[data-comptoir="customer-edit"]').click()
  const editor = agent.page.locator('[data-comptoir="customer-editor"]')
  await expect(editor).toHaveAttribute("data-customer-code", made.code)
  await expect(editor.locator('input[name="code"]')).toBeDisabled()
  await expect(editor.locator('input[name="code"]')).toHaveValue(made.code)
  await expect(editor.locator('input[name="creditLimit"]')).toBeDisabled()
  await expect(editor.locator('[data-comptoir="credit-limit-hint"]')).toHaveText("Set by a manager.")

  // A SIREN with a wrong check digit and terms over the French cap are refused in words, under their field.
  await editor.locator('input[name="siren"]').fill("732 829 321")
  await editor.locator('input[name="paymentTermsDays"]').fill("90")
  await editor.locator('[data-comptoir="customer-edit-save"]').click()
  await expect(editor.locator('[data-comptoir="field-error"]')).toHaveText([
    "Not a SIREN: 9 digits whose last one is the check digit (a typo?).",
    "French law caps payment terms at 60 days from the invoice date (Code de commerce L441-10)."
  ])
  await editor.locator('input[name="siren"]').fill("732 829 320")
  await editor.locator('input[name="vatNumber"]').fill("FR 44 732829320")
  await editor.locator('input[name="paymentTermsDays"]').fill("45")
  await editor.locator('input[name="tags"]').fill("caviste, Lyon")
  // The sales rep is a pick among the team's users; the stored name outside the team stays, with a note.
  const rep = editor.locator('[data-comptoir="customer-sales-rep"]')
  await expect(rep).toBeEnabled()
  await expect(rep.locator("option:checked")).toHaveText("Paul Girard (not a team member)")
  await expect(editor.locator('[data-comptoir="sales-rep-outsider"]')).toHaveText("“Paul Girard” is not one of the team's users: kept as it is until you pick a member.")
  await expect(rep.locator("option")).toHaveText(["— nobody —", "Paul Girard (not a team member)", "Alice Admin", "Claire Dubois", "Marc Lefèbvre", "Sophie Martin"])
  // A native drop-down is drawn outside the page: shown open as a list box for the picture.
  await rep.evaluate((el: HTMLSelectElement) => (el.size = el.options.length))
  await editor.locator('fieldset').first().screenshot({ path: "test-results/customer-editor-sales-rep.png" })
  await rep.evaluate((el: HTMLSelectElement) => (el.size = 0))
  await rep.selectOption("Sophie Martin")
  await expect(editor.locator('[data-comptoir="sales-rep-outsider"]')).toHaveCount(0)
  await editor.locator('textarea[name="notes"]').fill("Livraison par la cour, avant 11 h. Fermé le lundi.")
  await editor.locator('[data-comptoir="customer-address-add"]').click()
  await editor.locator('input[name="addresses.0.line"]').fill("3 rue Mercière")
  await editor.locator('input[name="addresses.0.postalCode"]').fill("69002")
  await editor.locator('input[name="addresses.0.city"]').fill("Lyon")

  // A second contact with a phone typed as a person writes it, and an email.
  await editor.locator('[data-comptoir="customer-contact-add"]').click()
  await editor.locator('input[name="contacts.1.firstName"]').fill("Luc")
  await editor.locator('input[name="contacts.1.lastName"]').fill("Martin")
  await editor.locator('input[name="contacts.1.role"]').fill("Sommelier")
  await editor.locator('input[name="contacts.1.phones.0.number"]').fill(NEW_CONTACT_TYPED)
  await editor.locator('input[name="contacts.1.emails"]').fill("Luc@cave-saint-jean.example")
  await agent.page.screenshot({ path: "test-results/customer-editor.png", fullPage: true })
  await editor.locator('[data-comptoir="customer-edit-save"]').click()

  await expect(agent.page.locator('[data-comptoir="customer-saved"]')).toBeVisible()
  const card = agent.page.locator(`.c-workspace-detail [data-comptoir="customer-card"][data-customer-code="${made.code}"]`)
  await expect(card).toContainText("Luc Martin")
  await expect(card.locator(`[data-phone="${NEW_CONTACT}"]`)).toBeVisible()
  await expect(card).toContainText("45 days")
  await expect(card.locator('[data-comptoir="card-legal"]')).toHaveText("732829320 · FR44732829320")
  await expect(card).toContainText("3 rue Mercière, 69002 Lyon")
  await expect(card).toContainText("Sophie Martin")
  await expect(card.locator('[data-comptoir="card-notes"]')).toContainText("Livraison par la cour, avant 11 h. Fermé le lundi.")
  await agent.page.screenshot({ path: "test-results/customer-edited-card.png", fullPage: true })
  const [stored] = await agent.page.evaluate(async (id) => {
    const r = (await chrome.runtime.sendMessage({ type: "customers/get", payload: { ids: [id] } })) as { data: { customers: unknown[] } }
    return r.data.customers
  }, made.id)
  expect(stored).toMatchObject({
    code: made.code,
    siren: "732829320",
    vatNumber: "FR44732829320",
    paymentTermsDays: 45,
    tags: ["caviste", "Lyon"],
    salesRep: "Sophie Martin",
    notes: "Livraison par la cour, avant 11 h. Fermé le lundi.",
    addresses: [{ line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }],
    contacts: [{ firstName: "Claire", lastName: "Morel", phones: [CALLER] }, { firstName: "Luc", lastName: "Martin", role: "Sommelier", phones: [NEW_CONTACT], emails: ["luc@cave-saint-jean.example"] }]
  })

  // What the agent would check: a mail showing Luc's number finds the customer's card.
  const { page, card: onPage } = await pageCard(agent, "/agent-mail", made.code)
  await expect(onPage).toBeVisible({ timeout: 15_000 })
  await expect(page.locator(`[data-comptoir-phone="${NEW_CONTACT}"]`)).toHaveCount(1)
  await page.close()
})

test("the team server accepted the edit: the manager's page finds the card by the new phone, and the manager sets the credit limit", async () => {
  const [agent, manager] = profiles as [Profile, Profile]
  await expect.poll(async () => (await lookupByPhone(manager.page, NEW_CONTACT)).map((c) => c.code), { timeout: 15_000 }).toEqual([made.code])
  const { page, card } = await pageCard(manager, "/manager-mail", made.code)
  await expect(card).toBeVisible({ timeout: 15_000 })
  await expect(card).toContainText("Cave Saint-Jean")
  await page.close()

  await workspace(manager, `customers/${encodeURIComponent(made.id)}/edit`)
  const editor = manager.page.locator('[data-comptoir="customer-editor"]')
  await expect(editor.locator('input[name="creditLimit"]')).toBeEnabled()
  // Numbers show in international form (read back the same in any country).
  await expect(editor.locator('input[name="contacts.1.phones.0.number"]')).toHaveValue("+33 9 70 00 56 79")
  await editor.locator('input[name="creditLimit"]').fill("25 000")
  await editor.locator('[data-comptoir="customer-edit-save"]').click()
  await expect(manager.page.locator('[data-comptoir="customer-saved"]')).toBeVisible()
  // The agent's base gets the manager's limit through the team.
  await expect
    .poll(
      async () =>
        agent.page.evaluate(async (id) => {
          const r = (await chrome.runtime.sendMessage({ type: "customers/get", payload: { ids: [id] } })) as { data: { customers: { creditLimitCents: number | null }[] } }
          return r.data.customers[0]?.creditLimitCents ?? null
        }, made.id),
      { timeout: 15_000 }
    )
    .toBe(2_500_000)
  // Nothing of the agent's was refused by the server.
  await agent.page.goto(`chrome-extension://${agent.extensionId}/options.html`)
  await expect(agent.page.locator('[data-comptoir="sync-status"]')).toContainText("nothing to send", { timeout: 15_000 })
  await expect(agent.page.locator('[data-comptoir="refused-change"]')).toHaveCount(0)
})
