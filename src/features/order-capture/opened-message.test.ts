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
