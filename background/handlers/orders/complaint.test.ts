import "fake-indexeddb/auto"

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { DocumentStore } from "~src/db/document-store"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { Invoice } from "~src/domain/documents/document.schema"
import { createDispatcher } from "~src/messaging/handler"
import type { ComplaintView } from "~src/messaging/contract"

import { services } from "../../services"
import { stubChrome } from "../handler-test-kit"
import { handlers } from "../index"

/**
 * "Capture as order" on a complaint, through the real handlers and IndexedDB in memory: the page is told what the mail
 * asks for and which page to open. The invoice opens only on its exact number, and only the sender's customer's.
 */
const run = Math.floor(Math.random() * 1e6)
const [chairs, other] = generateCustomers({ count: 2, seed: 1111 }).map(({ writtenPhones: _w, ...rest }, i) => ({
  ...rest,
  id: `complaint-${run}-${i}`,
  code: `CPL-${run}-${i}`,
  contacts: [{ ...rest.contacts[0]!, emails: [i === 0 ? "achats@chaises-martin.fr" : "compta@autre-client.fr"] }]
}))
const invoiceOf = (customerId: string, number: string) =>
  Invoice.parse({
    id: `inv-${customerId}-${number}`,
    customerId,
    language: "fr",
    type: "invoice",
    status: "issued",
    number,
    date: "2026-11-20",
    dueDate: "2026-12-20",
    paymentTerms: { kind: "net", days: 30 },
    lines: [{ id: "l1", label: "Chaise", quantityMilli: 4000, unitPriceCents: 8_000, discountBp: 0, vatRateBp: 2000 }],
    totalExclVatCents: 32_000,
    totalVatCents: 6_400,
    totalInclVatCents: 38_400,
    createdAt: 1,
    updatedAt: 1
  })

const dispatch = createDispatcher(handlers, { warn: () => undefined })
/** The page's panel sends the opened message, as the content script does. */
async function capture(subject: string, text: string): Promise<{ decision: string; complaint: ComplaintView | null }> {
  const mail = { from: { address: "achats@chaises-martin.fr", name: "Julie Martin" }, to: ["ventes@comptoir.test"], subject, date: "2026-12-01T09:00:00+01:00", text, htmlText: "", attachments: [] }
  const reply = await dispatch({ type: "orders/extract", payload: { webmail: "gmail", messageId: `m-${Math.random()}`, mail } }, { sender: "content", tabId: 7, frameId: 0, windowId: 1, url: "https://mail.google.com/" })
  if (!reply.ok) throw new Error(reply.error)
  return reply.data as { decision: string; complaint: ComplaintView | null }
}
const DAMAGED = "Bonjour,\n\nles chaises reçues sont abîmées, merci de nous faire un avoir.\n\nJulie Martin"

beforeEach(async () => {
  stubChrome()
  await new CustomerRepository(getDb()).upsert([chairs!, other!])
  services.orderExtractor.invalidate()
})
afterEach(() => vi.unstubAllGlobals())

describe("a complaint captured from a mail", () => {
  it("without an invoice number: a credit note asked, in the mail's words, and the customer's page to make it from", async () => {
    const r = await capture("Livraison du 28 novembre", DAMAGED)
    expect(r.decision).toBe("not-order")
    expect(r.complaint).toMatchObject({ about: "les chaises reçues sont abîmées", asks: [{ kind: "credit-note", words: "merci de nous faire un avoir" }] })
    expect(r.complaint?.open).toEqual({ kind: "customer", path: `customers/${chairs!.id}`, label: chairs!.company })
  })

  it("naming an invoice the base holds for that customer: that invoice's page", async () => {
    const invoice = invoiceOf(chairs!.id, `F-2026-${run}`)
    await new DocumentStore(getDb()).put(invoice)
    const r = await capture(`Réclamation facture F-2026-${run}`, DAMAGED)
    expect(r.complaint?.invoices).toEqual([`F-2026-${run}`])
    expect(r.complaint?.open).toEqual({ kind: "invoice", path: `invoices/${invoice.id}`, label: `F-2026-${run}` })
  })

  it("naming a number one digit off an invoice of the base, or another customer's invoice: never that invoice, the customer's page", async () => {
    await new DocumentStore(getDb()).put(invoiceOf(chairs!.id, `F-2026-${run}1`))
    await new DocumentStore(getDb()).put(invoiceOf(other!.id, `F-2026-${run}2`))
    const offByOne = await capture(`Réclamation facture F-2026-${run}3`, DAMAGED)
    expect(offByOne.complaint?.open).toMatchObject({ kind: "customer", path: `customers/${chairs!.id}` })
    const someoneElses = await capture(`Réclamation facture F-2026-${run}2`, DAMAGED)
    expect(someoneElses.complaint?.open).toMatchObject({ kind: "customer", path: `customers/${chairs!.id}` })
  })

  it("a wrong product delivered, under a subject that only says it was delivered: no order, the goods to take back", async () => {
    const r = await capture("Papier livré hier", "Bonjour, vous nous avez livré du papier A3 au lieu de A4 la semaine dernière. Pouvez-vous venir le reprendre ?")
    expect(r.decision).toBe("not-order")
    expect(r.complaint).toMatchObject({ about: "vous nous avez livré du papier A3 au lieu de A4 la semaine dernière", asks: [{ kind: "collection", words: "Pouvez-vous venir le reprendre" }] })
  })

  it("a refund or the goods delivered, offered as a choice, reaches the page as a choice", async () => {
    const r = await capture("Commande incomplète", "Bonjour,\n\nil manque 2 cartons sur notre commande, merci de nous rembourser ou de les livrer rapidement.\n\nJulie Martin")
    expect(r.complaint?.asks).toEqual([
      { kind: "refund", words: "merci de nous rembourser ou de les livrer rapidement" },
      { kind: "replacement", words: "merci de nous rembourser ou de les livrer rapidement", choice: true }
    ])
  })

  it("a mail that is not an order and no complaint carries no complaint", async () => {
    const r = await capture("Devis", "Bonjour,\n\npouvez-vous nous faire un devis pour 20 chaises ?\n\nJulie Martin")
    expect(r.decision).toBe("not-order")
    expect(r.complaint).toBeNull()
  })
})
