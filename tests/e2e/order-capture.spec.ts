import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"

import { expect, test, type Page } from "@playwright/test"
import PostalMime from "postal-mime"

import { formatDayLong } from "~src/ui/dates"

import { extensionStore } from "./extension-store"
import { siteOrderWorld } from "./orders-base"
import { gmailOrder, outlookOrder, roundcubeInbox, roundcubePreview, type OrderMailPage } from "./order-capture-pages"

/**
 * Issue #11 in the page: "Capture as order" on an opened message in a Gmail-, an Outlook- and a Roundcube-like
 * page → the review in the workspace (a line corrected) → the draft order in IndexedDB, linked to the message, on
 * the customer's page; a mail that is not an order says so. The base is the order corpus's customers and catalog,
 * imported through the options page into a browser of this file's own.
 */
const FIXTURES = resolve("tests/fixtures/orders")
const world = siteOrderWorld(test, "capture")

const overlay = (page: Page) => page.locator("#comptoir-overlay")
const field = (review: Page, name: string) => review.locator(`[data-comptoir="order-review"] [name="${name}"]`)

/** Clicks "Capture as order" in the page's panel and returns the workspace tab the review opened in. */
async function capture(page: Page): Promise<Page> {
  const button = overlay(page).locator('[data-comptoir="capture-order"]')
  await expect(button).toBeVisible()
  const opened = world.context.waitForEvent("page", { timeout: 15_000 })
  await button.click()
  // A failure shows in the panel (the background's error): said at once rather than as a missing tab.
  const failed = overlay(page).locator('.c-capture .c-error, .c-capture [data-comptoir="not-an-order"]')
  const review = await Promise.race([
    opened,
    failed.waitFor({ timeout: 15_000 }).then(async () => {
      throw new Error(`no review opened: ${await failed.innerText()}`)
    })
  ])
  await review.waitForLoadState()
  await expect(review.locator('[data-comptoir="order-review"]')).toBeVisible()
  return review
}

const idb = <T>(store: string, put?: Record<string, unknown>): Promise<T[]> => extensionStore<T>(world.context, world.extensionId, store, put)

interface StoredOrder {
  id: string
  sourceId: string | null
  customerId: string
  status: string
  customerPoNumber: string | null
  deliveryDate: string | null
  notes: string
  lines: { ref: string; quantityMilli: number; unitPriceCents: number; unit: string }[]
  totalInclVatCents: number
}

/** The orders in the extension's IndexedDB, read from an extension page. */
const storedOrders = (): Promise<StoredOrder[]> => idb<StoredOrder>("orders")

const bakery: OrderMailPage = {
  id: "18c2f0a9b1d3e4f5",
  subject: "Commande semaine 49",
  from: { name: "Amélie Lefèvre", email: "amelie.lefevre@boulangerie-lefevre.fr" },
  lines: ["Bonjour,", "", "Merci de nous livrer jeudi :", "- 10 boîtes de gants nitrile taille M", "- 4 cartons d'essuie-mains", "", "Cordialement,", "Amélie Lefèvre", "Boulangerie Lefèvre SARL", "Tél. 04 78 42 11 90"]
}

test("a Gmail message: captured, reviewed with a line corrected, stored as a draft order linked to the message, on the customer's page", async () => {
  world.site.route("/gmail/order", gmailOrder(bakery))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/order`)
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00101")
  await expect(field(review, "deliveryDate")).not.toHaveValue("")
  // The browser's input shows a US order here (en-US browser); beside it the day written out in the UI's English.
  await expect(review.locator('[data-comptoir="delivery-date-words"]')).toHaveText(formatDayLong(await field(review, "deliveryDate").inputValue(), "en"))
  await expect(review.locator('[data-comptoir="delivery-date-words"]')).toHaveText(/^Thursday \d{1,2} [A-Z][a-z]+ \d{4}$/)
  await expect(field(review, "lines.0.ref")).toHaveValue("GN-4410")
  await expect(field(review, "lines.0.quantity")).toHaveValue("10")
  await expect(field(review, "lines.1.ref")).toHaveValue("ESS-300")
  await expect(field(review, "lines.1.quantity")).toHaveValue("4")
  // Low-confidence lines are highlighted with the mail's own words.
  const firstLine = review.locator('[data-comptoir="order-line"]').first()
  await expect(firstLine).toHaveAttribute("data-low", "true")
  await expect(firstLine.locator('[data-comptoir="evidence"]')).toContainText("10 boîtes de gants nitrile taille M")
  await expect(review.locator('[data-comptoir="order-risk"]')).toBeVisible()
  // The units in the agent's language, as the order's page and PDF say them: "boxes", not the catalog's "boîte".
  await expect(field(review, "lines.0.unit")).toHaveValue("boxes")
  await review.screenshot({ path: "test-results/order-review-units-en.png", fullPage: true })
  // A French agent reads the same review in French.
  const settings = await review.evaluate(async () => (await chrome.storage.local.get("settings")).settings as object | undefined)
  const speak = (language: "en" | "fr") => review.evaluate(async ({ settings, language }) => chrome.storage.local.set({ settings: { ...settings, language } }), { settings, language })
  await speak("fr")
  await review.reload()
  await expect(review.locator("html")).toHaveAttribute("lang", "fr")
  await expect(field(review, "lines.0.unit")).toHaveValue("boîtes")
  await review.screenshot({ path: "test-results/order-review-units-fr.png", fullPage: true })
  await speak("en")
  await review.reload()
  await expect(field(review, "lines.0.unit")).toHaveValue("boxes")

  // The agent corrects a line: 12 boxes, not 10.
  await field(review, "lines.0.quantity").fill("12")
  await review.locator('[data-comptoir="order-confirm"]').click()
  const stored = review.locator('[data-comptoir="order-stored"]')
  await expect(stored).toBeVisible()
  const orderId = await stored.getAttribute("data-order-id")

  const order = (await storedOrders()).find((o) => o.id === orderId)
  expect(order).toMatchObject({ status: "draft", sourceId: `mail:${bakery.id}` })
  expect(order!.notes).toContain(bakery.subject)
  expect(order!.lines.map((l) => [l.ref, l.quantityMilli, l.unitPriceCents])).toEqual([
    ["GN-4410", 12_000, 890],
    ["ESS-300", 4_000, expect.any(Number)]
  ])
  // The order keeps the catalog's word: its page and PDF say it in the customer's language.
  expect(order!.lines[0]!.unit).toBe("boîte")
  // On the customer's page in the workspace.
  await review.goto(`chrome-extension://${world.extensionId}/tabs/workspace.html#/customers/${encodeURIComponent(order!.customerId)}`)
  await expect(review.locator(`[data-comptoir="customer-orders"] [data-order-id="${orderId}"]`)).toContainText(bakery.subject)
  // And in the card's timeline: the mail captured, its subject, the order it became; a click opens that order.
  const mail = review.locator(`[data-comptoir="call-timeline"] [data-comptoir="timeline-document"][data-kind="mail-captured"][data-document-id="${orderId}"]`)
  await expect(mail).toContainText("Mail captured as an order")
  await expect(mail.locator('[data-comptoir="timeline-mail"]')).toContainText(bakery.subject)
  await expect(mail).toContainText("Became a draft order")
  await review.screenshot({ path: "test-results/order-capture-card-timeline.png", fullPage: true })
  await mail.locator('[data-comptoir="timeline-document-open"]').click()
  await expect(review).toHaveURL(new RegExp(`#/orders/${orderId}$`))
  await review.close()
  await page.close()
})

test("an Outlook message: a product named in the customer's words is corrected once, and proposed right the next time", async () => {
  const from = { name: "Amelia Whitfield", email: "purchasing@whitfieldlogistics.co.uk" }
  const first: OrderMailPage = {
    id: "",
    subject: "Order for Goods In",
    from,
    lines: ["Hello,", "", "Could you please supply 48 rolls of packing tape and 6 boxes of blue gloves under PO WL-7810?", "Delivery required by Friday.", "", "Many thanks,", "Amelia Whitfield", "Whitfield Logistics"]
  }
  world.site.route("/outlook/first", outlookOrder(first))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/outlook/first`)
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00202")
  await expect(field(review, "poNumber")).toHaveValue("WL-7810")
  await expect(field(review, "lines.0.ref")).toHaveValue("REF-1014")
  // "blue gloves" is not a name of the catalog: the agent picks the product.
  await expect(field(review, "lines.1.ref")).not.toHaveValue("GN-4411")
  await field(review, "lines.1.ref").fill("GN-4411")
  await expect(review.locator('[data-comptoir="line-label"]').nth(1)).toContainText("nitrile")
  await review.locator('[data-comptoir="order-confirm"]').click()
  await expect(review.locator('[data-comptoir="order-stored"]')).toBeVisible()
  const orders = await storedOrders()
  const stored = orders.find((o) => o.customerPoNumber === "WL-7810")
  expect(stored?.lines.map((l) => [l.ref, l.quantityMilli])).toEqual([
    ["REF-1014", 48_000],
    ["GN-4411", 6_000]
  ])
  expect(stored?.sourceId).toContain("Order for Goods In")
  await review.close()

  const next: OrderMailPage = { ...first, subject: "Order WL-7811", lines: ["Hello,", "", "Please send 8 boxes of blue gloves, PO WL-7811.", "", "Thanks,", "Amelia"] }
  world.site.route("/outlook/next", outlookOrder(next))
  await page.goto(`${world.site.origin}/outlook/next`)
  const again = await capture(page)
  await expect(field(again, "lines.0.ref")).toHaveValue("GN-4411")
  await expect(field(again, "lines.0.quantity")).toHaveValue("8")
  await again.close()
  await page.close()
})

test("a Roundcube 3-pane view: the message in the preview iframe is captured and stored", async () => {
  const girard: OrderMailPage = {
    id: "",
    subject: "Commande entrepôt",
    from: { name: "Jérôme Girard", email: "j.girard@transports-girard.fr" },
    lines: ["Bonjour,", "", "Merci de nous envoyer 10 rouleaux de film étirable et 30 palettes de stockage pour mardi.", "", "Jérôme Girard", "Transports Girard Frères", "Tél : 05 61 22 33 40"]
  }
  const question: OrderMailPage = {
    id: "",
    subject: "Livraison",
    from: { name: "Amélie Lefèvre", email: "amelie.lefevre@boulangerie-lefevre.fr" },
    lines: ["Bonjour,", "", "Petite question : votre livreur peut-il passer avant 9h mardi prochain ? Nous ouvrons à 9h30.", "", "Merci,", "Amélie"]
  }
  world.site.route("/webmail/", roundcubeInbox([{ uid: 41, m: question }, { uid: 42, m: girard }]))
  world.site.route("/webmail/preview/41", roundcubePreview(question))
  world.site.route("/webmail/preview/42", roundcubePreview(girard))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/webmail/`)
  await page.locator("#rcmrow42").click()
  await expect(page.frameLocator("#messagecontframe").locator("#messagebody")).toContainText("film étirable")
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00102")
  await expect(field(review, "lines.0.ref")).toHaveValue("FILM-500")
  await expect(field(review, "lines.1.ref")).toHaveValue("REF-1013")
  // The agent corrects a line: 20 pallets.
  await field(review, "lines.1.quantity").fill("20")
  await review.screenshot({ path: "/tmp/order-review-roundcube.png", fullPage: true })
  await review.locator('[data-comptoir="order-confirm"]').click()
  await expect(review.locator('[data-comptoir="order-stored"]')).toBeVisible()
  const stored = (await storedOrders()).find((o) => o.sourceId === "mail:roundcube:42")
  expect(stored?.lines.map((l) => [l.ref, l.quantityMilli])).toEqual([
    ["FILM-500", 10_000],
    ["REF-1013", 20_000]
  ])
  await review.close()

  // Another message of the same view, not an order: the panel says so, and nothing opens.
  await page.locator("#rcmrow41").click()
  await expect(page.frameLocator("#messagecontframe").locator("#messagebody")).toContainText("livreur")
  const before = world.context.pages().length
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  await expect(overlay(page).locator('[data-comptoir="not-an-order"]')).toBeVisible()
  expect(world.context.pages().length).toBe(before)
  await page.close()
})

test("a Gmail message that is not an order says “not an order” instead of proposing an empty one", async () => {
  const complaint: OrderMailPage = {
    id: "18c2f0a9b1d3e500",
    subject: "Livraison de mardi",
    from: { name: "Amélie Lefèvre", email: "amelie.lefevre@boulangerie-lefevre.fr" },
    lines: ["Bonjour,", "", "Les 10 boîtes de gants livrées mardi sont arrivées abîmées, pouvez-vous nous rappeler ?", "", "Amélie"]
  }
  world.site.route("/gmail/complaint", gmailOrder(complaint))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/complaint`)
  const before = (await storedOrders()).length
  await overlay(page).locator('[data-comptoir="capture-order"]').click()
  await expect(overlay(page).locator('[data-comptoir="not-an-order"]')).toBeVisible()
  // The mail's words it quotes are the mail's, accents and all (it showed “abimees”).
  await expect(overlay(page).locator('[data-comptoir="not-order-reason"]')).toContainText("it says “abîmées”")
  expect((await storedOrders()).length).toBe(before)
  await page.close()
})

test("a mail with quantities but no order act says so in the panel, then its review asks first: “Not an order” stores nothing, “Capture anyway” shows the lines", async () => {
  // A stock count "for information": the rules alone (main) proposed it as an order.
  const stockCount: OrderMailPage = {
    id: "18c2f0a9b1d3e800",
    subject: "Réserve",
    from: bakery.from,
    lines: ["Bonjour,", "", "Pour info, Julien a fait l'inventaire de la réserve : 6 boîtes de gants nitrile taille L et 2 cartons d'essuie-mains.", "", "Amélie"]
  }
  world.site.route("/gmail/stock-count", gmailOrder(stockCount))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/stock-count`)
  const before = (await storedOrders()).length
  const askOnce = async (): Promise<Page> => {
    await overlay(page).locator('[data-comptoir="capture-order"]').click()
    // The panel tells it first ("No order wording found"); the review opens on the agent's click.
    await expect(overlay(page).locator('[data-comptoir="capture-ask"]')).toBeVisible()
    const opened = world.context.waitForEvent("page", { timeout: 15_000 })
    await overlay(page).locator('[data-comptoir="capture-open-review"]').click()
    const review = await opened
    await review.waitForLoadState()
    await expect(review.locator('[data-comptoir="order-ask"]')).toBeVisible()
    // Not presented as an order: no form, no confirm button until the agent says so.
    await expect(review.locator('[data-comptoir="order-review"]')).toHaveCount(0)
    await expect(review.locator('[data-comptoir="order-confirm"]')).toHaveCount(0)
    return review
  }
  const first = await askOnce()
  await expect(first.locator('[data-comptoir="order-ask-doubt"]')).toContainText("Pour info")
  await expect(first.locator('[data-comptoir="order-ask-read"]')).toContainText("6 boîtes de gants nitrile taille L")
  await first.screenshot({ path: "test-results/order-review-ask.png", fullPage: true })
  await first.locator('[data-comptoir="order-not-an-order"]').click()
  await expect(first.locator('[data-comptoir="not-an-order"]')).toBeVisible()
  expect((await storedOrders()).length).toBe(before)
  await first.close()

  // The agent knows better (Amélie meant it as an order): captured anyway, the proposed lines appear as usual.
  const again = await askOnce()
  await again.locator('[data-comptoir="order-capture-anyway"]').click()
  await expect(again.locator('[data-comptoir="order-review"]')).toBeVisible()
  await expect(field(again, "lines.0.ref")).toHaveValue("GN-4411")
  await expect(field(again, "lines.0.quantity")).toHaveValue("6")
  await expect(field(again, "lines.1.ref")).toHaveValue("ESS-300")
  await again.locator('[data-comptoir="order-confirm"]').click()
  await expect(again.locator('[data-comptoir="order-stored"]')).toBeVisible()
  expect((await storedOrders()).find((o) => o.sourceId === `mail:${stockCount.id}`)?.lines.map((l) => [l.ref, l.quantityMilli])).toEqual([
    ["GN-4411", 6_000],
    ["ESS-300", 2_000]
  ])
  await again.close()
  await page.close()
})

/** The first attachment of a corpus mail, as the bytes a webmail serves. */
async function corpusAttachment(name: string): Promise<Buffer> {
  const email = await PostalMime.parse(readFileSync(join(FIXTURES, "tuned", `${name}.eml`)))
  return Buffer.from(email.attachments[0]!.content as ArrayBuffer)
}

test("a Gmail message whose order is only in the attached PDF: the review shows the PDF's lines; the photo beside it is named as not read", async () => {
  world.site.route("/gmail/att/po.pdf", await corpusAttachment("en-23-whitfield-pdf"), "application/pdf")
  world.site.route("/gmail/att/photo.png", Buffer.from("89504e470d0a1a0a", "hex"), "image/png")
  const po: OrderMailPage = {
    id: "18c2f0a9b1d3e777",
    subject: "New PO attached",
    from: { name: "Amelia Whitfield", email: "purchasing@whitfieldlogistics.co.uk" },
    lines: ["Hello,", "", "New PO attached, please process.", "", "Amelia Whitfield"],
    attachments: [
      { name: "PO-WL-7760.pdf", mime: "application/pdf", href: "/gmail/att/po.pdf" },
      { name: "pallets.png", mime: "image/png", href: "/gmail/att/photo.png" }
    ]
  }
  world.site.route("/gmail/po", gmailOrder(po))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/po`)
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00202")
  await expect(field(review, "poNumber")).toHaveValue("WL-7760")
  await expect(field(review, "lines.0.ref")).toHaveValue("SAC-110")
  await expect(field(review, "lines.2.ref")).toHaveValue("GN-4411")
  await expect(field(review, "lines.2.quantity")).toHaveValue("15")
  // The words under a line name the PDF they were read in, not "the mail".
  await expect(review.locator('[data-comptoir="order-line"]').first().locator('[data-comptoir="evidence"]')).toContainText("PO-WL-7760.pdf")
  await expect(review.locator('[data-comptoir="read-attachments"]')).toContainText("PO-WL-7760.pdf")
  await expect(review.locator('[data-comptoir="unread-attachment"]')).toHaveCount(1)
  await expect(review.locator('[data-comptoir="unread-attachment"]')).toHaveAttribute("data-reason", "type")
  await expect(review.locator('[data-comptoir="unread-attachment"]')).toContainText("pallets.png")
  await review.close()
  await page.close()
})

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10)

test("the agent picks another customer in the review; their overdue invoice blocks the order for an agent, its credit note unblocks it", async () => {
  // Amélie writes for the accounting firm she also works for: the sender is the bakery's, the order Cabinet Aubert's.
  const newBuyer: OrderMailPage = {
    id: "18c2f0a9b1d3e600",
    subject: "Commande pour le cabinet",
    from: bakery.from,
    lines: ["Bonjour,", "", "Merci de livrer au cabinet 15 ramettes de papier A4 et 2 boîtes d'enveloppes C4.", "", "Cordialement,", "Amélie"]
  }
  world.site.route("/gmail/other-customer", gmailOrder(newBuyer))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/other-customer`)
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00101")

  // The agent searches the base and picks the customer: the code is filled, their card and risk show.
  const pickCustomer = async () => {
    await review.locator('[data-comptoir="order-customer-change"]').click()
    await review.locator('[data-comptoir="order-customer-search"]').fill("Aubert")
    await review.locator('[data-comptoir="order-customer-option"][data-code="C-00108"]').click()
    await expect(field(review, "customerCode")).toHaveValue("C-00108")
    await expect(review.locator('[data-comptoir="order-customer"]')).toHaveAttribute("data-code", "C-00108")
  }
  await pickCustomer()
  await expect(review.locator('[data-comptoir="order-risk"]')).not.toHaveAttribute("data-level", "blocked")
  const aubertId = (await review.locator('[data-comptoir="order-customer"]').getAttribute("data-customer-id"))!

  // Cabinet Aubert turns out to owe an invoice 60 days past due (the threshold is 30): blocked, as in the invoicing views.
  const invoice = {
    id: "inv-aubert-overdue", type: "invoice", status: "issued", customerId: aubertId, contactId: null, language: "fr", number: "F-2026-0099",
    date: isoDay(-90), dueDate: isoDay(-60), lines: [], totalExclVatCents: 100_000, totalVatCents: 20_000, totalInclVatCents: 120_000, notes: "",
    salesRep: null, sourceId: null, history: [{ status: "issued", at: 1, by: "local" }], createdAt: 1, updatedAt: 1, paymentTerms: { kind: "net", days: 30 }
  }
  await idb("invoices", invoice)
  await review.reload()
  await pickCustomer()
  await expect(review.locator('[data-comptoir="order-risk"]')).toHaveAttribute("data-level", "blocked")
  await expect(review.locator('[data-comptoir="order-risk"]')).toContainText(/1,200\.00|1\s200,00/)

  // An agent cannot confirm it: the manager's override is asked, and nothing is stored.
  await review.locator('[data-comptoir="order-confirm"]').click()
  const blocked = review.locator('[data-comptoir="confirm-blocked"]')
  await expect(blocked).toBeVisible()
  await expect(blocked.locator('[data-comptoir="risk-reasons"] li[data-code="overdue-beyond-threshold"]')).toBeVisible()
  await expect(blocked.locator('[data-comptoir="override-ask-manager"]')).toBeVisible()
  await expect(blocked.locator('[data-comptoir="override-submit"]')).toHaveCount(0)
  await review.screenshot({ path: "test-results/order-review-blocked.png", fullPage: true })

  // The mail names no delivery address: the picked customer's own is offered, and only the click fills it in.
  await expect(field(review, "deliveryAddress")).toHaveValue("")
  await expect(review.locator('[data-comptoir="order-address-hint"]')).toContainText("10 boulevard Gambetta, 59000 Lille")
  await review.locator('[data-comptoir="order-address-use"]').click()
  await expect(field(review, "deliveryAddress")).toHaveValue("10 boulevard Gambetta, 59000 Lille")
  await expect(review.locator('[data-comptoir="order-address-hint"]')).toHaveCount(0)
  expect((await storedOrders()).filter((o) => o.sourceId === `mail:${newBuyer.id}`)).toEqual([])

  // A credit note cancels the invoice: nothing is owed any more, as the invoicing views count it.
  await idb("creditNotes", {
    ...invoice, id: "cn-aubert", type: "credit-note", number: "AV-2026-0007", correctsInvoiceId: invoice.id, date: isoDay(-1), dueDate: isoDay(-1),
    totalExclVatCents: -100_000, totalVatCents: -20_000, totalInclVatCents: -120_000
  })
  await review.reload()
  await pickCustomer()
  await expect(review.locator('[data-comptoir="order-risk"]')).not.toHaveAttribute("data-level", "blocked")
  await review.locator('[data-comptoir="order-confirm"]').click()
  await expect(review.locator('[data-comptoir="order-stored"]')).toBeVisible()
  const stored = (await storedOrders()).find((o) => o.sourceId === `mail:${newBuyer.id}`)
  expect(stored).toMatchObject({ customerId: aubertId, status: "draft" })
  expect(stored!.lines.map((l) => [l.ref, l.quantityMilli])).toEqual([
    ["REF-1001", 15_000],
    ["REF-1011", 2_000]
  ])
  await review.close()
  await page.close()
})

test("an Outlook message with an Excel purchase order, and one whose file the webmail no longer gives", async () => {
  world.site.route("/outlook/att/po.xlsx", await corpusAttachment("en-27-sinclair-xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  const po: OrderMailPage = {
    id: "",
    subject: "Purchase order SSG-5521",
    from: { name: "Fiona Sinclair", email: "procurement@sinclair-systems.co.uk" },
    lines: ["Hi,", "", "Please find our purchase order attached (spreadsheet).", "", "Fiona Sinclair"],
    attachments: [
      { name: "SSG-5521.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", href: "/outlook/att/po.xlsx" },
      { name: "SSG-5520.pdf", mime: "application/pdf", href: "/outlook/att/expired.pdf" }
    ]
  }
  world.site.route("/outlook/po", outlookOrder(po))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/outlook/po`)
  const review = await capture(page)
  await expect(field(review, "customerCode")).toHaveValue("C-00209")
  await expect(field(review, "poNumber")).toHaveValue("SSG-5521")
  await expect(field(review, "deliveryDate")).toHaveValue("2026-04-20")
  await expect(field(review, "lines.0.ref")).toHaveValue("REF-1001")
  await expect(field(review, "lines.0.quantity")).toHaveValue("30")
  await expect(field(review, "lines.3.ref")).toHaveValue("PIL-AA")
  await expect(review.locator('[data-comptoir="unread-attachment"]')).toHaveAttribute("data-reason", "fetch")
  await expect(review.locator('[data-comptoir="unread-attachment"]')).toContainText("SSG-5520.pdf")
  await review.screenshot({ path: "/tmp/order-review-outlook-xlsx.png", fullPage: true })
  await review.close()
  await page.close()
})

test("“Make a quote instead” opens the quote form with the customer and the lines as reviewed", async () => {
  const m: OrderMailPage = { ...bakery, id: "18c2f0a9b1d3e700", subject: "Commande ou devis ?" }
  world.site.route("/gmail/quote-instead", gmailOrder(m))
  const page = await world.context.newPage()
  await page.goto(`${world.site.origin}/gmail/quote-instead`)
  const review = await capture(page)
  await expect(field(review, "lines.0.ref")).toHaveValue("GN-4410")
  await field(review, "lines.0.quantity").fill("7")
  const ordersBefore = (await storedOrders()).length
  await review.locator('[data-comptoir="order-make-quote"]').click()
  await expect(review).toHaveURL(/#\/quotes\/new\?customer=[^&]+&line=/)
  const form = review.locator('[data-comptoir="quote-form"]')
  await expect(form).toBeVisible()
  await expect(form.locator('[data-comptoir="quote-line"]')).toHaveCount(2)
  await expect(form.locator('[name="lines.0.ref"]')).toHaveValue("GN-4410")
  await expect(form.locator('[name="lines.0.quantity"]')).toHaveValue("7")
  await expect(form.locator('[name="lines.0.label"]')).toHaveValue("Gants nitrile non poudrés taille M (boîte de 100)")
  // The catalog's whole name is readable in the line, in a wide and in a narrow workspace window.
  for (const width of [1280, 1024, 900]) {
    await review.setViewportSize({ width, height: 800 })
    const label = form.locator('[name="lines.0.label"]')
    await expect.poll(() => label.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1), `cut at ${width} px`).toBe(false)
    // Nor the ref beside it (below ~1000 px the lines scroll sideways in their box instead).
    expect(await form.locator('[name="lines.0.ref"]').evaluate((el) => el.scrollWidth > el.clientWidth + 1), `ref cut at ${width} px`).toBe(false)
    // The page itself stays within the window (a fieldset is as wide as its widest content unless told otherwise).
    expect(await review.evaluate(() => document.documentElement.scrollWidth), `page overflows at ${width} px`).toBeLessThanOrEqual(width)
    await review.screenshot({ path: `test-results/quote-line-label-${width}.png` })
  }
  await expect(form.locator('[name="lines.0.unitPrice"]')).toHaveValue("8,90")
  await expect(form.locator('[name="lines.1.ref"]')).toHaveValue("ESS-300")
  await expect(form.locator('[name="lines.1.quantity"]')).toHaveValue("4")
  await expect(form).toContainText("Boulangerie Lefèvre")
  await review.screenshot({ path: "test-results/order-review-quote.png", fullPage: true })
  // A quote instead of an order: no order was stored.
  expect((await storedOrders()).length).toBe(ordersBefore)
  await review.close()
  await page.close()
})
