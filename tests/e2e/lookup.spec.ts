import type { Page } from "@playwright/test"

import { e2eCustomers, ensureImported, sharedPhonePair } from "./dataset"
import { expect, test } from "./fixtures"
import { crmPage, crmRows, gmailPage, noisePage, outlookPage } from "./pages"

const customers = e2eCustomers()
const overlay = (page: Page) => page.locator("#comptoir-overlay")
const card = (page: Page, code: string) => overlay(page).locator(`[data-comptoir="customer-card"][data-customer-code="${code}"]`)

async function found(page: Page, attr: "data-comptoir-phone" | "data-comptoir-email"): Promise<string[]> {
  const values = await page.locator(`[${attr}]`).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)!), attr)
  return [...new Set(values)].sort()
}

test.beforeAll(async ({ extContext, extensionId }) => {
  const page = await extContext.newPage()
  await ensureImported(page, extensionId, customers)
  await page.close()
})

test("on a Gmail message, finds the sender's numbers and email, shows the cards, and leaves the reply box alone", async ({ page, site }) => {
  const fr = customers.filter((c) => c.country === "FR")
  const sender = fr[10]!
  const other = fr[11]!
  const expectation = gmailPage(sender, other, ["01 98 76 54 32", "+33198765432"])
  site.route("/mail/u/0/", expectation.html)
  await page.goto(`${site.origin}/mail/u/0/`)
  const compose = page.locator('[contenteditable="true"]')
  const composeBefore = await compose.innerHTML()

  await expect(card(page, sender.code)).toBeVisible()
  await expect(card(page, other.code)).toBeVisible()
  expect(await found(page, "data-comptoir-phone")).toEqual([...expectation.phones].sort())
  expect(await found(page, "data-comptoir-email")).toEqual(expectation.emails)
  // The sender's card first (the mail's sender, found by its email).
  const codes = await overlay(page).locator('[data-comptoir="customer-card"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-customer-code")))
  expect(codes[0]).toBe(sender.code)
  await expect(card(page, sender.code)).toContainText("Email match")
  await expect(card(page, other.code)).toContainText(/Phone match|Code match/)
  // The unknown number is decorated, and brings no card.
  await expect(page.locator('[data-comptoir-phone="+33198765432"]')).toHaveCount(1)

  expect(await compose.innerHTML()).toBe(composeBefore)
  await expect(page.locator("textarea")).toHaveValue("Note interne : rappeler le 06 12 34 56 78")
  await expect(page.locator("input[name=to]")).toHaveValue(sender.contacts[0]!.emails[0]!)
  await expect(compose.locator("[data-comptoir-phone]")).toHaveCount(0)
})

test("on an Outlook message, reads the body inside a same-origin iframe too", async ({ page, site }) => {
  const en = customers.filter((c) => c.country === "GB")
  const expectation = outlookPage(en[2]!, customers.filter((c) => c.country === "FR")[20]!)
  site.route("/mail/0/inbox", expectation.html)
  await page.goto(`${site.origin}/mail/0/inbox`)
  for (const code of expectation.codes) await expect(card(page, code)).toBeVisible()
  const frame = page.frameLocator("#quoted")
  await expect(frame.locator(`[data-comptoir-phone="${expectation.phones[1]}"]`)).toHaveCount(1)
  await expect(frame.locator(`[data-comptoir-email="${expectation.emails[1]}"]`)).toHaveCount(1)
  await expect(page.locator(`a[href^="tel:"][data-comptoir-phone="${expectation.phones[0]}"]`)).toHaveCount(1)
  await expect(page.locator('[role="textbox"] [data-comptoir-phone]')).toHaveCount(0)
})

test("on a CRM list rendered after load, finds all 200 numbers in FR, UK and US formats and shows every customer", async ({ page, site }) => {
  const listed = customers.slice(100, 300)
  const { rows, phones } = crmRows(listed)
  site.route("/crm/contacts", crmPage())
  site.route("/crm-data.json", JSON.stringify(rows), "application/json")
  await page.goto(`${site.origin}/crm/contacts`)
  await expect(page.locator("#status")).toHaveText("200 contacts")
  await expect.poll(() => found(page, "data-comptoir-phone")).toEqual([...new Set(phones)].sort())
  const countries = new Set(listed.map((c) => c.country))
  expect(countries).toEqual(new Set(["FR", "GB", "US"]))
  await expect(overlay(page).locator('[data-comptoir="match-count"]')).toHaveText("200")
  await expect(overlay(page).locator('[data-comptoir="customer-card"]')).toHaveCount(200)
  // The cards read top to bottom as the rows do (not by match kind or company name).
  const order = await overlay(page).locator('[data-comptoir="on-page"] [data-comptoir="customer-card"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-customer-code")))
  expect(order).toEqual(listed.map((c) => c.code))
  await page.screenshot({ path: "test-results/usertest2-panel-page-order.png" })
  // Layout untouched: the table still has its 200 rows of 5 cells.
  await expect(page.locator("#rows tr")).toHaveCount(200)
  await expect(page.locator("#rows td")).toHaveCount(1000)
})

test("shows every customer sharing one number, never merged", async ({ page, site }) => {
  const [a, b] = sharedPhonePair(customers)
  site.route("/shared", `<!doctype html><meta charset="utf-8"><p>Standard : ${a.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/shared`)
  await expect(card(page, a.code)).toBeVisible()
  await expect(card(page, b.code)).toBeVisible()
  await expect(overlay(page).locator('[data-comptoir="customer-card"]')).toHaveCount(2)
})

test("finds no phone number on a page full of dates, amounts, SIRET, IBAN and order numbers", async ({ page, site }) => {
  // One real number after all the noise: once its card shows, the scanner has read the whole page (it
  // reads in document order) and its lookup has come back; only then does "nothing else" mean something.
  const planted = customers.filter((c) => c.country === "FR")[40]!
  site.route("/noise", `${noisePage()}<p>Contact : ${planted.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/noise`)
  await expect(card(page, planted.code)).toBeVisible()
  expect(await found(page, "data-comptoir-phone")).toEqual([planted.contacts[0]!.phones[0]])
  await expect(overlay(page).locator('[data-comptoir="customer-card"]')).toHaveCount(1)
})

test("searches from the panel and opens it from a clicked number", async ({ page, site }) => {
  const target = customers.filter((c) => c.country === "FR")[30]!
  site.route("/note", `<!doctype html><meta charset="utf-8"><p>Rappeler ${target.code} au ${target.writtenPhones[0]![0]}</p>`)
  await page.goto(`${site.origin}/note`)
  await expect(card(page, target.code)).toBeVisible()
  await overlay(page).locator('[data-comptoir="panel-toggle"]').click()
  await expect(overlay(page).locator('[data-comptoir="panel"]')).toHaveAttribute("data-collapsed", "true")
  await page.locator(`[data-comptoir-phone="${target.contacts[0]!.phones[0]}"]`).click()
  await expect(overlay(page).locator('[data-comptoir="panel"]')).toHaveAttribute("data-collapsed", "false")
  await expect(card(page, target.code)).toHaveAttribute("data-highlight", "true")
  const other = customers.filter((c) => c.country === "GB")[5]!
  await overlay(page).locator('[data-comptoir="search"]').fill(other.company.split(" ").slice(0, 2).join(" "))
  await expect(card(page, other.code)).toBeVisible()
})

test("the keyboard shortcut's command toggles the panel in the active tab", async ({ page, site, extContext }) => {
  site.route("/toggle", `<!doctype html><meta charset="utf-8"><p>Rien ici.</p>`)
  await page.goto(`${site.origin}/toggle`)
  const panel = overlay(page).locator('[data-comptoir="panel"]')
  // Nothing on this page: the panel waits as a badge; the shortcut opens it, ready to search.
  await expect(panel).toHaveAttribute("data-collapsed", "true")
  const sw = extContext.serviceWorkers()[0]!
  // What the background does on the "toggle-panel" command: message the active tab's content script.
  const toggle = () =>
    sw.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)
      await chrome.tabs.sendMessage(tab!.id!, { type: "panel/toggle", payload: {} })
    }, `${site.origin}/toggle`)
  await toggle()
  await expect(panel).toHaveAttribute("data-collapsed", "false")
  await expect(overlay(page).locator('[data-comptoir="search"]')).toBeFocused()
  await toggle()
  await expect(panel).toHaveAttribute("data-collapsed", "true")
  await toggle()
  await expect(panel).toHaveAttribute("data-collapsed", "false")
})
