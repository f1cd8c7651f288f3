// @vitest-environment jsdom
import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { customersFromCsv, productsFromCsv } from "~src/domain/orders/catalog-files"
import { OrderExtractor } from "~src/domain/orders/extract-order"
import { gmailThread, outlookReadingPane, roundcubeMessage } from "~tests/e2e/view-pages"

import { hasOpenedMessage, readOpenedMessage } from "./opened-message"
import { pageAttachments } from "./page-attachments"

const fixtures = join(import.meta.dirname, "..", "..", "..", "tests", "fixtures", "orders")
const extractor = new OrderExtractor({ customers: customersFromCsv(readFileSync(join(fixtures, "customers.csv"))), products: productsFromCsv(readFileSync(join(fixtures, "products.csv"))) })
const FROM = { name: "Amélie Lefèvre", email: "amelie.lefevre@boulangerie-lefevre.fr" }
const TO = [{ name: "Sales Agent", email: "agent@comptoir-test.fr" }]
const BODY = "Bonjour, merci de nous livrer 2 cartons de gants nitrile taille M et 1 carton d'essuie-mains. Cordialement, Amélie"
const TODAY = new Date(2026, 11, 1, 10)

function page(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html")
}

describe("the message opened in a webmail page, read for an order", () => {
  it("in Gmail, the last message of the thread with its sender", () => {
    const doc = page(gmailThread([{ from: { name: "Marc", email: "marc@comptoir-test.fr" }, to: [FROM], cc: [], body: "Voici notre catalogue." }, { from: FROM, to: TO, cc: [], body: BODY }]))
    // The shared fixture's thread is titled "Demande de devis", which rightly reads as a quote request.
    doc.querySelector("h2.hP")!.textContent = "Commande gants"
    const opened = readOpenedMessage(doc, TODAY)!
    expect(opened.webmail).toBe("gmail")
    expect(opened.mail.from).toEqual({ address: FROM.email, name: FROM.name })
    const order = extractor.extract(opened.mail)
    expect(order.customer_code).toBe("C-00101")
    expect(order.lines).toEqual([{ ref: "GN-4410", quantity: 2, unit: "carton" }, { ref: "ESS-300", quantity: 1, unit: "carton" }])
  })

  it("in Outlook's reading pane, the sender from its labelled header part", () => {
    const opened = readOpenedMessage(page(outlookReadingPane({ from: FROM, to: TO, cc: [], body: BODY })), TODAY)!
    expect(opened.webmail).toBe("outlook")
    expect(opened.mail.from.address).toBe(FROM.email)
    expect(opened.mail.subject).toBe("RE: Devis")
    expect(extractor.extract(opened.mail).lines).toHaveLength(2)
  })

  it("in Roundcube's message view, with the date the header shows", () => {
    const opened = readOpenedMessage(page(roundcubeMessage({ uid: 3, subject: "Commande gants", from: FROM, to: TO, body: BODY, expected: [] })), TODAY)!
    expect(opened.webmail).toBe("roundcube")
    expect(opened.mail.date).toBe("2026-12-01T12:00:00")
    expect(extractor.extract(opened.mail)).toMatchObject({ is_order: true, customer_code: "C-00101" })
  })

  it("finds nothing on a page without an opened message", () => {
    expect(readOpenedMessage(page("<html><body><p>Tableau de bord</p></body></html>"), TODAY)).toBeNull()
    expect(hasOpenedMessage(page("<html><body><p>Tableau de bord</p></body></html>"))).toBe(false)
  })

  it("tells a message is open (the panel's button) on the same pages it reads", () => {
    for (const html of [
      gmailThread([{ from: FROM, to: TO, cc: [], body: BODY }]),
      outlookReadingPane({ from: FROM, to: TO, cc: [], body: BODY }),
      roundcubeMessage({ uid: 3, subject: "Commande gants", from: FROM, to: TO, body: BODY, expected: [] })
    ]) {
      const doc = page(html)
      expect(hasOpenedMessage(doc)).toBe(readOpenedMessage(doc, TODAY) !== null)
      expect(hasOpenedMessage(doc)).toBe(true)
    }
  })

  it("lists the attachments Roundcube shows beside the message, with the address of their bytes", () => {
    const html = roundcubeMessage({ uid: 3, subject: "BC 4650", from: FROM, to: TO, body: BODY, expected: [] })
    const doc = page(html.replace("</body>", '<ul id="attachment-list"><li class="application pdf"><a class="filename" href="./?_task=mail&_action=get&_mbox=INBOX&_uid=3&_part=2&_frame=1"><span class="attachment-name">BC4650.pdf</span></a></li><li class="image jpeg"><a class="filename" href="./?_task=mail&_action=get&_uid=3&_part=3"><span class="attachment-name">photo.jpg</span></a></li></ul></body>'))
    expect(pageAttachments(readOpenedMessage(doc, TODAY)!).map((a) => [a.name, a.kind, a.url !== null])).toEqual([
      ["BC4650.pdf", "pdf", true],
      ["photo.jpg", null, true]
    ])
  })
})

/** The header of a real Roundcube 1.6.5 preview (tests/fixtures/webmail/README.md) above a body. */
function roundcubeSaved(name: string, body: string): Document {
  const header = readFileSync(join(import.meta.dirname, "..", "..", "..", "tests", "fixtures", "webmail", `roundcube-1.6-${name}.html`), "utf8")
  return page(`<html><body>${header}<div id="messagebody"><div class="message-part"><div class="pre">${body}</div></div></div></body></html>`)
}

describe("the date of a real Roundcube message", () => {
  it("is the day the header's summary writes in full, not the day it is read: the table's date is only “Tue 09:11”", () => {
    // Read three days after it was sent (Tuesday 1 December, 09:11): "tomorrow" is Wednesday the 2nd, not the 5th.
    const later = new Date(2026, 11, 4, 10)
    const opened = readOpenedMessage(roundcubeSaved("to-and-cc", "Please deliver 30 rolls of packing tape tomorrow, PO WL-7902."), later)!
    expect(opened.mail.date).toBe("2026-12-01T12:00:00")
    expect(extractor.extract({ ...opened.mail, to: [] }).delivery_date).toBe("2026-12-02")
  })
})

describe("the recipients of the opened message, read as the .eml path reads its To header", () => {
  const WHITFIELD = "purchasing@whitfieldlogistics.co.uk"
  const AGENT = { name: "Sales Agent", email: "agent@comptoir-test.fr" }
  const COLLEAGUE = { name: "Anna Price", email: "anna.price@whitfieldlogistics.co.uk" }
  const DISCUSSION = "We need 30 rolls of packing tape for the depot next week, agreed?"

  it("in a real Roundcube message, the To addresses without the Cc ones (none when undisclosed); written to colleagues, it is no order", () => {
    const opened = readOpenedMessage(roundcubeSaved("to-and-cc", DISCUSSION), TODAY)!
    expect(opened.mail.from.address).toBe(WHITFIELD)
    expect(opened.mail.to).toEqual(["anna.price@whitfieldlogistics.co.uk", "bare@whitfieldlogistics.co.uk"])
    // The supplier only in copy of the customer's own discussion: the extractor's rule needs the To field.
    expect(extractor.extract(opened.mail).is_order).toBe(false)
    // "undisclosed-recipients:;" has no To row: none, as postal-mime gives none.
    expect(readOpenedMessage(roundcubeSaved("undisclosed", DISCUSSION), TODAY)!.mail.to).toEqual([])
  })

  it("in a real Roundcube message to twelve people, the two behind “2 more” too (the supplier is one of them)", () => {
    const opened = readOpenedMessage(roundcubeSaved("twelve-to", DISCUSSION), TODAY)!
    expect(opened.mail.to).toHaveLength(12)
    expect(opened.mail.to.slice(-2)).toEqual(["c10@whitfieldlogistics.co.uk", "agent@comptoir-demo.test"])
    expect(extractor.extract(opened.mail).is_order).toBe(true)
  })

  it("in Gmail, the To row of the last message's details, not its Cc nor an earlier message's recipients", () => {
    const doc = page(gmailThread([{ from: AGENT, to: [{ name: "Marc", email: "marc@example.org" }], cc: [], body: "Voici notre catalogue." }, { from: { name: "Amelia", email: WHITFIELD }, to: [COLLEAGUE], cc: [AGENT], body: DISCUSSION }]))
    expect(readOpenedMessage(doc, TODAY)!.mail.to).toEqual([COLLEAGUE.email])
  })

  it("in Gmail without the details table, every recipient the message's header shows", () => {
    const doc = page(gmailThread([{ from: { name: "Amelia", email: WHITFIELD }, to: [COLLEAGUE], cc: [AGENT], body: DISCUSSION }]))
    for (const label of doc.querySelectorAll("td.gG")) label.remove()
    expect(readOpenedMessage(doc, TODAY)!.mail.to).toEqual([COLLEAGUE.email, AGENT.email])
  })

  it("in Outlook's reading pane, the “To:” part without the “Cc:” one", () => {
    const opened = readOpenedMessage(page(outlookReadingPane({ from: { name: "Amelia", email: WHITFIELD }, to: [COLLEAGUE, { name: "Bob", email: "Bob@Whitfieldlogistics.co.uk" }], cc: [AGENT], body: DISCUSSION })), TODAY)!
    expect(opened.mail.to).toEqual([COLLEAGUE.email, "bob@whitfieldlogistics.co.uk"])
    expect(extractor.extract(opened.mail).is_order).toBe(false)
  })
})
