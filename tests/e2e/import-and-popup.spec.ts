import { readFileSync } from "node:fs"

import { countInBase, e2eCsv, e2eCustomers, E2E_COUNT } from "./dataset"
import { expect, serviceWorkerOf, test } from "./fixtures"

const customers = e2eCustomers()

test.describe.configure({ mode: "serial" })

test("imports the customer base from the options page with a preview, a progress bar and counts", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({
    name: "clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\uFEFF" + e2eCsv(customers), "utf8")
  })
  // Every template header is mapped without help, and the preview shows rows as they will be stored.
  await expect(page.locator('[data-comptoir="import-missing"]')).toHaveCount(0)
  const preview = page.locator('[data-comptoir="import-preview"]')
  await expect(preview).toContainText(customers[0]!.company)
  await expect(preview).toContainText(customers[0]!.contacts[0]!.phones[0]!)
  await page.locator('[data-comptoir="import-confirm"]').click()
  const result = page.locator('[data-comptoir="import-result"]')
  await expect(result).toHaveAttribute("data-records", String(E2E_COUNT), { timeout: 30_000 })
  await expect(result).toHaveAttribute("data-created", String(E2E_COUNT))
  await expect(result).toHaveAttribute("data-rejected", "0")
  await expect(result).toContainText(`${E2E_COUNT} customers imported`)
  expect(await countInBase(page)).toBe(E2E_COUNT)
})

test("re-importing updates customers by code and lists every rejected row with its line and reason", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  const c = customers[1]!
  const csv = [
    "code;company;contact_first_name;contact_last_name;email;phone;credit_limit",
    `${c.code};${c.company} (renamed);${c.contacts[0]!.firstName};${c.contacts[0]!.lastName};${c.contacts[0]!.emails[0]};${c.writtenPhones[0]![0]};"12 500,00 €"`,
    ";No Code SARL;Ana;Lopes;ana@nocode.fr;01 23 45 67 89;",
    "C-99001;Bad Mail SAS;Luc;Petit;luc@@bad;01 23 45 67 88;",
    "C-99002;Nouveau Client SARL;Marie;Curie;marie@nouveau.fr;06 12 34 56 78;1000"
  ].join("\r\n")
  await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "corrections.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") })
  await page.locator('[data-comptoir="import-confirm"]').click()
  const result = page.locator('[data-comptoir="import-result"]')
  await expect(result).toHaveAttribute("data-records", "2")
  await expect(result).toHaveAttribute("data-updated", "1")
  await expect(result).toHaveAttribute("data-created", "1")
  await expect(result).toHaveAttribute("data-rejected", "2")
  const rejected = page.locator('[data-comptoir="import-rejected"] tbody tr')
  await expect(rejected).toHaveCount(2)
  await expect(rejected.nth(0)).toHaveAttribute("data-line", "3")
  await expect(rejected.nth(0)).toHaveAttribute("data-code", "missing_code")
  await expect(rejected.nth(1)).toHaveAttribute("data-line", "4")
  await expect(rejected.nth(1)).toHaveAttribute("data-code", "invalid_email")
  const download = page.waitForEvent("download")
  await page.locator('[data-comptoir="import-download-rejected"]').click()
  const file = await download
  expect(file.suggestedFilename()).toBe("corrections-rejected.csv")

  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  await page.locator('[data-comptoir="search"]').fill(c.code)
  const card = page.locator(`[data-comptoir="customer-card"][data-customer-code="${c.code}"]`)
  await expect(card).toContainText(`${c.company} (renamed)`)
  await expect(card).toContainText("12,500")
})

test("finds a customer from the popup despite typos, missing accents and partial words", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  const target = customers.find((x) => x.country === "FR" && /[éèêëàçô]/.test(x.company))!
  const words = target.company.split(" ")
  // Strip accents, cut the last word short, swap two letters of the first.
  const folded = words.slice(0, 2).map((w) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase())
  const w0 = folded[0]!
  const typo = w0.length > 4 ? w0.slice(0, 2) + w0[3] + w0[2] + w0.slice(4) : w0
  const query = `${typo} ${folded[1]!.slice(0, Math.max(4, folded[1]!.length - 2))}`
  await page.locator('[data-comptoir="search"]').fill(query)
  const cards = page.locator('[data-comptoir="customer-card"]')
  await expect(cards.first()).toBeVisible()
  const codes = await cards.evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute("data-customer-code")))
  expect(codes, `query "${query}" for ${target.company}`).toContain(target.code)
})

test("imports the product catalog and reports a rejected price", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  const csv = "ref;name_fr;name_en;unit;unit_price;vat_rate\nREF-1;Ramette A4;A4 ream;ramette;5,49;20\nREF-2;Café 1 kg;Coffee 1 kg;kg;18,90 €;5,5\nREF-3;Gratuit;Free;pièce;abc;20\n"
  await page.locator('input[type=file][data-comptoir="import-products"]').setInputFiles({ name: "catalogue.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") })
  await page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-confirm"]').click()
  const result = page.locator('[data-comptoir="import-section-products"] [data-comptoir="import-result"]')
  await expect(result).toHaveAttribute("data-records", "2")
  await expect(result).toHaveAttribute("data-rejected", "1")
})

test("in French, a semicolon file's rejected rows are listed in French with the value at fault, and download with semicolons", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="setting-language"]').selectOption("fr")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await expect(page.locator("h1")).toHaveText("Réglages de Comptoir")
  const csv = [
    "code;company;contact_first_name;contact_last_name;email;phone;siren;credit_limit",
    "C-99101;Garage Lefèvre;Jean;Lefèvre;jean@@lefevre;01 42 68 53 02;;",
    "C-99102;Fromagerie Blanc;Luc;Blanc;luc@blanc.fr;01 42 68 53 04;123456789;dix mille",
    "C-99103;Boulangerie Martin;Claire;Martin;claire@boulangerie-martin.fr;01 42 68 53 00;;5 000,00"
  ].join("\r\n")
  await page.locator('input[type=file][data-comptoir="import-customers"]').setInputFiles({ name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") })
  await page.locator('[data-comptoir="import-confirm"]').click()
  await expect(page.locator('[data-comptoir="import-result"]')).toHaveAttribute("data-rejected", "2")
  const rejected = page.locator('[data-comptoir="import-rejected"] tbody tr')
  await expect(rejected.nth(0)).toHaveText("2Adresse e-mail invalide (« jean@@lefevre »)")
  await expect(rejected.nth(1)).toHaveText("3SIREN invalide (« 123456789 » ; Encours autorisé invalide : « dix mille »)")
  await page.locator('[data-comptoir="import-section-customers"]').screenshot({ path: "test-results/user4-import-rejected-fr.png" })
  const download = page.waitForEvent("download")
  await page.locator('[data-comptoir="import-download-rejected"]').click()
  const lines = readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "").split("\r\n")
  // The file's own separator (Excel in French reads a comma file as one column) and the table's words.
  expect(lines[0]).toBe("import_line;import_error;import_reason;code;company;contact_first_name;contact_last_name;email;phone;siren;credit_limit")
  expect(lines[1]).toBe("2;invalid_email;Adresse e-mail invalide : « jean@@lefevre »;C-99101;Garage Lefèvre;Jean;Lefèvre;jean@@lefevre;01 42 68 53 02;;")
  await page.locator('[data-comptoir="setting-language"]').selectOption("auto")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await expect(page.locator("h1")).toHaveText("Comptoir settings")
})

test("speaks French when the setting says so, with no translation key showing", async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="setting-language"]').selectOption("fr")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await expect(page.locator("h1")).toHaveText("Réglages de Comptoir")
  const text = await page.locator("body").innerText()
  expect(text).not.toMatch(/\b(options|popup|panel|card)\.[a-z]+\.[a-zA-Z]+/)
  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  await expect(page.locator('[data-comptoir="search"]')).toHaveAttribute("placeholder", "Rechercher un client")
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.locator('[data-comptoir="setting-language"]').selectOption("auto")
  await page.locator('[data-comptoir="settings-form"] button[type=submit]').click()
  await expect(page.locator("h1")).toHaveText("Comptoir settings")
})

test("the popup's header buttons keep their words on one line at the popup's width, in English and in French", async ({ page, extContext, extensionId }) => {
  const sw = await serviceWorkerOf(extContext)
  const setLanguage = (language: "fr" | "en" | null) =>
    sw.evaluate(async (language) => {
      const { settings } = await chrome.storage.local.get("settings")
      await chrome.storage.local.set({ settings: { ...(settings as object | undefined), language } })
    }, language)
  // The popup's own size: its page is 380 px wide (Chrome sizes the popup to it).
  await page.setViewportSize({ width: 380, height: 560 })
  try {
    for (const language of ["en", "fr"] as const) {
      await setLanguage(language)
      await page.goto(`chrome-extension://${extensionId}/popup.html`)
      await expect(page.locator("html")).toHaveAttribute("lang", language)
      const buttons = page.locator("header button")
      await expect(buttons).toHaveCount(3)
      // One line box per label (a wrapped label has two), and every button inside the popup.
      const lines = await buttons.evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange()
          range.selectNodeContents(el)
          const r = el.getBoundingClientRect()
          return { label: el.textContent, lines: new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size, inside: r.left >= 0 && r.right <= document.documentElement.clientWidth }
        })
      )
      for (const l of lines) expect(l, `${language}: "${l.label}"`).toEqual({ label: l.label, lines: 1, inside: true })
      await page.screenshot({ path: `test-results/usertest2-popup-header-${language}.png` })
    }
  } finally {
    await setLanguage(null)
  }
})

test("opens the workspace from the popup, finds a customer there and keeps it in the address", async ({ page, extContext, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`)
  const opened = extContext.waitForEvent("page")
  await page.locator('[data-comptoir="open-workspace"]').click()
  const workspace = await opened
  await workspace.waitForLoadState()
  expect(workspace.url()).toBe(`chrome-extension://${extensionId}/tabs/workspace.html#/`)
  await expect(workspace.locator('[data-comptoir="workspace"]')).toHaveAttribute("data-section", "customers")
  const target = customers[3]!
  await workspace.locator('[data-comptoir="search"]').fill(target.code)
  await workspace.locator(`[data-comptoir="customer-card"][data-customer-code="${target.code}"]`).first().click()
  // Imported customers get ids of their own: the route names the one opened.
  await expect(workspace).toHaveURL(/#\/customers\/[0-9a-f-]{36}$/)
  // The route alone brings the customer back (a bookmark, a link from another surface).
  await workspace.reload()
  const detail = workspace.locator(`.c-workspace-detail [data-comptoir="customer-card"][data-customer-code="${target.code}"]`)
  await expect(detail).toContainText(target.company)
  await workspace.screenshot({ path: "test-results/workspace-customers.png" })

  // The Calls section: a heading and the latest calls, as the other sections have (a call logged by hand here).
  const customerId = workspace.url().split("/").pop()!
  await workspace.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls/log/${customerId}`)
  const manual = workspace.locator('[data-comptoir="outcome-form"]')
  await manual.locator('select[name="outcome"]').selectOption("information-given")
  await manual.locator('textarea[name="notes"]').fill("Asked about delivery days")
  // A call logged by hand opens its call details (nothing was measured): its length is typed.
  await manual.locator('input[name="duration"]').fill("2:15")
  // Its summary line gives the start in the UI's language (English here, the month in letters: the input under it
  // shows the en-US browser's month-first order), not as an ISO date.
  const callLine = manual.locator('[data-comptoir="outcome-call-details"] summary')
  await expect(callLine).toContainText(/ · \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} · 2:15$/)
  await expect(callLine).not.toContainText(/\d{4}-\d{2}-\d{2}/)
  await workspace.setViewportSize({ width: 1280, height: 900 })
  await manual.screenshot({ path: "test-results/uifix-outcome-call-line.png" })
  await manual.locator('[data-comptoir="outcome-save"]').click()
  await expect(workspace.locator('[data-comptoir="outcome-saved"]')).toBeVisible()
  await workspace.locator('[data-comptoir="nav-calls"]').click()
  const calls = workspace.locator('[data-comptoir="calls-list"]')
  await expect(calls.getByRole("heading", { level: 1 })).toHaveText("Calls")
  const row = calls.locator('[data-comptoir="call-row"]')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(target.company)
  await expect(row).toContainText("Information given")
  await expect(row).toContainText("2:15")
  await expect(row).toContainText("Asked about delivery days")
  // Its time with the month in letters in English: 04/12/2026 is April to an American reader.
  await expect(row.locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)
  await workspace.setViewportSize({ width: 1280, height: 720 })
  await workspace.screenshot({ path: "test-results/usertest2-workspace-calls.png" })
  // A row opens its customer.
  await row.click()
  await expect(workspace).toHaveURL(new RegExp(`#/customers/${customerId}$`))

  // An appointment set on a call: the customer's call timeline gives its day in the UI's language, not as ISO.
  await workspace.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/calls/log/${customerId}`)
  const appointment = workspace.locator('[data-comptoir="outcome-form"]')
  await appointment.locator('select[name="outcome"]').selectOption("appointment-set")
  await appointment.locator('input[name="duration"]').fill("4:00")
  await appointment.locator('input[name="appointment.date"]').fill("2027-01-14")
  await appointment.locator('input[name="appointment.time"]').fill("10:30")
  await appointment.locator('input[name="appointment.salesRep"]').fill("Claire Martin")
  await appointment.locator('input[name="appointment.place"]').fill("At the customer's")
  await appointment.locator('[data-comptoir="outcome-save"]').click()
  await expect(workspace.locator('[data-comptoir="outcome-saved"]')).toBeVisible()
  await workspace.goto(`chrome-extension://${extensionId}/tabs/workspace.html#/customers/${customerId}`)
  const timeline = workspace.locator('.c-workspace-detail [data-comptoir="call-timeline"]')
  await expect(timeline.locator('[data-comptoir="call-log"][data-outcome="appointment-set"]')).toContainText("Appointment 14 Jan 2027 10:30 with Claire Martin")
  await expect(timeline).not.toContainText("2027-01-14")
  await timeline.scrollIntoViewIfNeeded()
  await workspace.screenshot({ path: "test-results/uifix-timeline-appointment.png" })
})
