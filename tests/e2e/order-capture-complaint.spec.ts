import { expect, test, type Page } from "@playwright/test"

import { extensionStore } from "./extension-store"
import { gmailOrder, type OrderMailPage } from "./order-capture-pages"
import { siteOrderWorld } from "./orders-base"

/**
 * Issue #11 in the page: "Capture as order" on a complaint says it is none, and what the complaint asks for in the
 * mail's words, with one button to the page where it is dealt with: the invoice the mail names (its exact number,
 * in the base), else the customer's page. A Gmail-like page; the order corpus's customers and catalog imported
 * through the options page; one invoice of Boulangerie Lefèvre's written into the extension's IndexedDB.
 */
let bakeryId: string
const INVOICE = { id: "inv-lefevre-chairs", number: "F-2026-0142" }

const world = siteOrderWorld(test, "complaint", async (w) => {
  // The base packs its customers in segments: the bakery's id is asked of the background, as the search box does.
  const options = await w.context.newPage()
  await options.goto(`chrome-extension://${w.extensionId}/options.html`)
  const found = await options.evaluate(async () => (await chrome.runtime.sendMessage({ type: "search/query", payload: { query: "C-00101", limit: 5 } })) as { ok: boolean; data: { customers: { id: string; code: string }[] } })
  bakeryId = found.data.customers.find((c) => c.code === "C-00101")!.id
  await options.close()
  const day = new Date().toISOString().slice(0, 10)
  await extensionStore(w.context, w.extensionId, "invoices", {
    ...INVOICE, type: "invoice", status: "issued", customerId: bakeryId, contactId: null, language: "fr", date: day, dueDate: day,
    lines: [{ id: "l1", label: "Chaise empilable", quantityMilli: 4000, unitPriceCents: 4_500, discountBp: 0, vatRateBp: 2000 }],
    totalExclVatCents: 18_000, totalVatCents: 3_600, totalInclVatCents: 21_600, notes: "", salesRep: null, sourceId: null,
    history: [{ status: "issued", at: 1, by: "local" }], createdAt: 1, updatedAt: 1, paymentTerms: { kind: "net", days: 30 }
  })
})

const overlay = (page: Page) => page.locator("#comptoir-overlay")
const AMELIE = { name: "Amélie Lefèvre", email: "amelie.lefevre@boulangerie-lefevre.fr" }

/** Opens the mail in a Gmail-like page and clicks "Capture as order": the panel says it is not an order. */
async function captureComplaint(m: OrderMailPage): Promise<Page> {
  world.site.route(`/gmail/${m.id}`, gmailOrder(m))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/${m.id}`)
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  await expect(overlay(page).locator('[data-comptoir="not-an-order"]')).toBeVisible()
  return page
}

/** Clicks the complaint's button and returns the workspace tab it opened or routed. */
async function openFromComplaint(page: Page, hash: string): Promise<Page> {
  await overlay(page).locator('[data-comptoir="complaint-open"]').click()
  await expect(overlay(page).locator('[data-comptoir="complaint-opened"]')).toBeVisible()
  await expect.poll(() => world.context.pages().find((p) => p.url().endsWith(hash))?.url()).toBeDefined()
  return world.context.pages().find((p) => p.url().endsWith(hash))!
}

test("a French complaint naming its invoice: a credit note asked, in its words, and the invoice one click away", async () => {
  const page = await captureComplaint({
    id: "complaint-chairs",
    subject: `Réclamation facture ${INVOICE.number}`,
    from: AMELIE,
    lines: ["Bonjour,", "", "les chaises reçues sont abîmées, merci de nous faire un avoir.", "", "Cordialement,", "Amélie Lefèvre"]
  })
  const complaint = overlay(page).locator('[data-comptoir="complaint"]')
  // What went wrong is quoted from the body, not the subject's "Réclamation facture …".
  await expect(complaint).toContainText("Complaint “les chaises reçues sont abîmées”")
  await expect(complaint.locator('[data-comptoir="complaint-refs"]')).toHaveText(`About invoice ${INVOICE.number}.`)
  await expect(complaint.locator('[data-comptoir="complaint-asks"]')).toHaveText("Asks for: a credit note (“merci de nous faire un avoir”).")
  await expect(complaint.locator('[data-comptoir="complaint-open"]')).toHaveText(`Open invoice ${INVOICE.number}`)
  await page.screenshot({ path: "test-results/complaint-panel-invoice.png" })
  const workspace = await openFromComplaint(page, `#/invoices/${INVOICE.id}`)
  await expect(workspace.locator('[data-comptoir="document-number"]')).toHaveText(INVOICE.number)

  // A French agent reads the same panel in French.
  const speak = (language: "en" | "fr") =>
    workspace.evaluate(async (language) => chrome.storage.local.set({ settings: { ...((await chrome.storage.local.get("settings")).settings as object | undefined), language } }), language)
  await speak("fr")
  await page.reload()
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  const plainSpaces = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ")
  await expect.poll(async () => plainSpaces(await complaint.locator('[data-comptoir="complaint-asks"]').textContent())).toBe("Demande : un avoir (« merci de nous faire un avoir »).")
  await expect(complaint.locator('[data-comptoir="complaint-open"]')).toHaveText(`Ouvrir la facture ${INVOICE.number}`)
  await page.screenshot({ path: "test-results/complaint-panel-invoice-fr.png" })
  await speak("en")
  await workspace.close()
  await page.close()
})

test("an English complaint naming no invoice: collection and replacement asked, and the customer's page one click away", async () => {
  const page = await captureComplaint({
    id: "complaint-paper",
    subject: "Paper delivered yesterday",
    from: AMELIE,
    lines: ["Hello,", "", "wrong paper delivered, please collect it and send the right one.", "", "Thanks", "Amélie"]
  })
  const complaint = overlay(page).locator('[data-comptoir="complaint"]')
  await expect(complaint).toContainText("“wrong paper delivered”")
  await expect(complaint.locator('[data-comptoir="complaint-asks"]')).toHaveText("Asks for: the goods taken back and a replacement (“please collect it and send the right one”).")
  await expect(complaint.locator('[data-comptoir="complaint-open"]')).toHaveText("Open Boulangerie Lefèvre SARL's page")
  await page.screenshot({ path: "test-results/complaint-panel-customer.png" })
  const workspace = await openFromComplaint(page, `#/customers/${encodeURIComponent(bakeryId)}`)
  await expect(workspace.locator("body")).toContainText("Boulangerie Lefèvre SARL")
  await workspace.close()
  await page.close()
})

test("a wrong product delivered, under a subject that only says when: no order, a complaint asking the goods taken back", async () => {
  const page = await captureComplaint({
    id: "complaint-a3",
    subject: "Papier livré hier",
    from: AMELIE,
    lines: ["Bonjour, vous nous avez livré du papier A3 au lieu de A4 la semaine dernière. Pouvez-vous venir le reprendre ?", "", "Amélie"]
  })
  const complaint = overlay(page).locator('[data-comptoir="complaint"]')
  await expect(complaint).toContainText("“vous nous avez livré du papier A3 au lieu de A4 la semaine dernière”")
  await expect(complaint.locator('[data-comptoir="complaint-asks"]')).toHaveText("Asks for: the goods taken back (“Pouvez-vous venir le reprendre”).")
  await page.screenshot({ path: "test-results/complaint-panel-wrong-goods.png" })
  await page.close()
})

test("a refund or the goods delivered, offered as a choice: both shown with “or”, the choice said to be ours", async () => {
  const page = await captureComplaint({
    id: "complaint-choice",
    subject: "Commande incomplète",
    from: AMELIE,
    lines: ["Bonjour,", "", "il manque 2 cartons sur notre commande, merci de nous rembourser ou de les livrer rapidement.", "", "Amélie"]
  })
  await expect(overlay(page).locator('[data-comptoir="complaint-asks"]')).toHaveText(
    "Asks for: a refund or a replacement, whichever we choose (“merci de nous rembourser ou de les livrer rapidement”)."
  )
  await page.screenshot({ path: "test-results/complaint-panel-choice.png" })
  await page.close()
})

test("a question that is no complaint gets “not an order” and no asks line", async () => {
  const page = await captureComplaint({
    id: "question-quote",
    subject: "Devis chaises",
    from: AMELIE,
    lines: ["Bonjour,", "", "pouvez-vous nous faire un devis pour 20 chaises empilables ?", "", "Amélie"]
  })
  await expect(overlay(page).locator('[data-comptoir="not-order-reason"]')).toBeVisible()
  await expect(overlay(page).locator('[data-comptoir="complaint-asks"]')).toHaveCount(0)
  await page.close()
})
