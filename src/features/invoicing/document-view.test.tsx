// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import type { DocumentLine, SalesDocument } from "~src/domain/documents/document.schema"
import { computeTotals } from "~src/domain/documents/totals"
import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

const line = (i: number, over: Partial<DocumentLine>): DocumentLine => ({ id: `l${i}`, productId: null, ref: `REF-${i}`, label: `Article ${i}`, unit: "pièce", quantityMilli: 1000, unitPriceCents: 500, discountBp: 0, vatRateBp: 2000, ...over })

function order(lines: DocumentLine[]): SalesDocument {
  const t = computeTotals(lines)
  return {
    id: "0193a1b2-0000-7000-8000-000000000002",
    type: "order",
    status: "draft",
    customerId: "cust-1",
    contactId: null,
    language: "fr",
    number: null,
    date: "2026-12-02",
    paymentTerms: { kind: "net", days: 30 },
    lines,
    totalExclVatCents: t.totalExclVatCents,
    totalVatCents: t.totalVatCents,
    totalInclVatCents: t.totalInclVatCents,
    notes: "",
    salesRep: null,
    sourceId: null,
    history: [],
    createdAt: 0,
    updatedAt: 0
  } as unknown as SalesDocument
}

/** An issued credit note of one (negative) line, as the background lists it with its invoice. */
function creditNote(over: Record<string, unknown>, l: DocumentLine): unknown {
  const { paymentTerms: _terms, ...doc } = order([l]) as unknown as Record<string, unknown>
  return { ...doc, type: "credit-note", status: "issued", ...over }
}

function stubChrome(document: SalesDocument, row: unknown = null, payments: unknown[] = [], creditNotes: unknown[] = [], names?: Record<string, string>) {
  const data = { document, row, customer: null, payments, creditNotes, derived: [], source: null, risk: null, confirm: null, me: { email: "", name: "", role: "agent" }, reminders: [], seller: null, correctedInvoice: null, today: "2026-12-03", names }
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data })), getURL: (p: string) => `chrome-extension://x/${p}` } })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("a document in the workspace", () => {
  it("writes each line's numbers in the agent's language and its unit in the document's, agreeing with the quantity", async () => {
    stubChrome(order([line(1, { quantityMilli: 2000 }), line(2, { quantityMilli: 1500, unit: "kg", vatRateBp: 550, discountBp: 250 }), line(3, { unit: "rouleau", quantityMilli: 12_000 })]))
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id="0193a1b2-0000-7000-8000-000000000002" />
      </I18nextProvider>
    )
    const cells = await screen.findAllByText((_, el) => el?.getAttribute("data-comptoir") === "line-quantity")
    expect(cells.map((c) => c.textContent)).toEqual(["2 pièces", "1,5 kg", "12 rouleaux"])
    const second = cells[1]!.closest("tr")!.textContent!
    expect(second).toMatch(/5,5\s%/)
    expect(second).toMatch(/2,5\s%/)
  })

  it("shows an order captured from a mail with the customer's order number, the delivery day and the mail it came from", async () => {
    const captured = {
      ...order([line(1, {})]),
      language: "en",
      customerPoNumber: "NH-4471",
      deliveryDate: "2026-12-08",
      notes: "Captured from the mail “Order NH-4471” (matthew.hawthorne@northcottprinting23.co.uk, roundcube:1)\nDelivery address: 152 Church Lane, B1 1BB Birmingham"
    } as unknown as SalesDocument
    stubChrome(captured)
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id="0193a1b2-0000-7000-8000-000000000002" />
      </I18nextProvider>
    )
    const po = await screen.findByText("NH-4471")
    expect(po.previousElementSibling?.textContent).toBe("Customer's order no.")
    expect(screen.getByText("Tuesday 8 December 2026").previousElementSibling?.textContent).toBe("Delivery")
    const notes = screen.getByText(/Captured from the mail “Order NH-4471”/)
    expect(notes.textContent).toContain("Delivery address: 152 Church Lane, B1 1BB Birmingham")
  })

  it("keeps a French document's units French for an agent working in English", async () => {
    stubChrome(order([line(1, { quantityMilli: 2000 }), line(2, { quantityMilli: 1500, unit: "kg" })]))
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id="0193a1b2-0000-7000-8000-000000000002" />
      </I18nextProvider>
    )
    const cells = await screen.findAllByText((_, el) => el?.getAttribute("data-comptoir") === "line-quantity")
    expect(cells.map((c) => c.textContent)).toEqual(["2 pièces", "1.5 kg"])
  })
  it("never calls a confirmed order still waiting for the server's number a draft", async () => {
    // The walk of 6 Dec (branch walk10fr): "Commande (brouillon, numérotée à la confirmation)" beside "Confirmée".
    const confirmed = { ...order([line(1, {})]), status: "confirmed" } as unknown as SalesDocument
    stubChrome(confirmed)
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={confirmed.id} />
      </I18nextProvider>
    )
    const number = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "document-number")
    expect(number.textContent).not.toMatch(/brouillon/)
    expect(number.textContent).toBe("(numéro en attente du serveur)")
  })

  it("still says a draft order is numbered when confirmed", async () => {
    stubChrome(order([line(1, {})]))
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id="0193a1b2-0000-7000-8000-000000000002" />
      </I18nextProvider>
    )
    const number = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "document-number")
    expect(number.textContent).toBe("(draft, numbered when confirmed)")
  })

  it("says when a sent quote expired in the agent's language, not as an ISO day", async () => {
    const quote = { ...order([line(1, {})]), type: "quote", status: "sent", number: "DEV-2026-00012", validUntil: "2026-11-30" } as unknown as SalesDocument
    const row = { id: quote.id, type: "quote", number: "DEV-2026-00012", status: "expired", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-11-02", dueDate: null, totalInclVatCents: 600, remainingCents: null, paymentState: null, daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    stubChrome(quote, row)
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={quote.id} />
      </I18nextProvider>
    )
    const notice = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "quote-expired")
    expect(notice.textContent).toContain("30/11/2026")
    expect(notice.textContent).not.toContain("2026-11-30")
  })

  it("writes a payment's date out in the agent's language beside its input (the browser's own order could be month first)", async () => {
    const invoice = { ...order([line(1, {})]), type: "invoice", status: "issued", number: "FAC-2026-00007", dueDate: "2027-01-02" } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00007", status: "unpaid", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 600, remainingCents: 600, paymentState: "unpaid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    stubChrome(invoice, row)
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const input = await screen.findByLabelText("Date")
    expect(input.getAttribute("type")).toBe("date")
    // The payment is dated today (the background's day: France's, as documents are dated) until the agent changes it.
    expect(document.getElementById(input.getAttribute("aria-describedby")!)!.textContent).toBe("jeudi 3 décembre 2026")
    fireEvent.change(input, { target: { value: "2026-12-01" } })
    expect(document.querySelector('[data-comptoir="payment-date-words"]')!.textContent).toBe("mardi 1er décembre 2026")
  })

  it("shows each line's amount excl. VAT, as the PDF does, so the lines can be checked against the total", async () => {
    stubChrome(order([line(1, { quantityMilli: 1500, unit: "kg", unitPriceCents: 1890, vatRateBp: 550 }), line(2, { quantityMilli: 10_000, unit: "ramette", unitPriceCents: 549, discountBp: 500 })]))
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id="0193a1b2-0000-7000-8000-000000000002" />
      </I18nextProvider>
    )
    await screen.findByText("Montant HT")
    const totals = [...document.querySelectorAll('[data-comptoir="line-total"]')].map((c) => c.textContent!.replace(/\s/g, " "))
    expect(totals).toEqual(["28,35 €", "52,16 €"])
  })

  it("writes the amount left and a line's quantity to credit with the French decimal comma", async () => {
    const invoice = { ...order([line(1, { quantityMilli: 1500, unit: "kg", unitPriceCents: 2817 })]), type: "invoice", status: "issued", number: "FAC-2026-00008", dueDate: "2027-01-02" } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00008", status: "unpaid", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 5071, remainingCents: 4225, paymentState: "partly-paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    stubChrome(invoice, row)
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const amount = await screen.findByLabelText("Montant (€)")
    expect(amount.getAttribute("placeholder")).toBe("42,25")
    expect(document.querySelector('[data-comptoir="credit-quantity"]')!.parentElement!.textContent).toBe(" / 1,5")
  })

  it("offers to credit only what is left of each line once a credit note took some back, and refuses more before anything is made", async () => {
    // 12 rolls invoiced, 1 credited by AV-2026-00001; the pallet credited in full by an older credit note that does not name its line.
    const rolls = line(1, { label: "Rouleau film étirable", unit: "rouleau", quantityMilli: 12_000, unitPriceCents: 1500 })
    const pallet = line(2, { label: "Palette", quantityMilli: 1000, unitPriceCents: 100_000 })
    const invoice = { ...order([rolls, pallet]), type: "invoice", status: "issued", number: "FAC-2026-00012", dueDate: "2027-01-02" } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00012", status: "unpaid", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 141_600, remainingCents: 20_400, paymentState: "unpaid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const one = creditNote({ id: "cn1", number: "AV-2026-00001", correctsInvoiceId: invoice.id }, { ...rolls, id: "cn1-l1", quantityMilli: -1000, invoiceLineId: rolls.id })
    const older = creditNote({ id: "cn0", number: "AV-2026-00000", correctsInvoiceId: invoice.id }, { ...pallet, id: "cn0-l1", quantityMilli: -1000 })
    stubChrome(invoice, row, [], [one, older])
    const sendMessage = (globalThis as unknown as { chrome: { runtime: { sendMessage: ReturnType<typeof vi.fn> } } }).chrome.runtime.sendMessage
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const input = await screen.findByLabelText("Quantité de Rouleau film étirable à créditer")
    expect(input.parentElement!.textContent).toBe(" / 11")
    expect([...document.querySelectorAll('[data-comptoir="credit-line"]')].map((r) => r.textContent)).toEqual(["Rouleau film étirable / 11"])
    expect(document.querySelector('[data-comptoir="credit-full"]')!.textContent).toBe("Créditer tout le reste")
    fireEvent.change(input, { target: { value: "12" } })
    const calls = sendMessage.mock.calls.length
    fireEvent.click(document.querySelector('[data-comptoir="credit-partial"]')!)
    expect(document.querySelector('[data-comptoir="credit-error"]')!.textContent).toBe("Créditez entre 0 et 11 de « Rouleau film étirable » : ce qui reste à créditer.")
    expect(sendMessage.mock.calls.slice(calls).some(([m]) => JSON.stringify(m).includes('"credit"'))).toBe(false)
  })

  it("tells the invoice's payments in its history, in the agent's language: date, amount, method, reference, what was left, then paid in full", async () => {
    const at = (iso: string) => Date.parse(`${iso}Z`)
    const invoice = {
      ...order([line(1, { unitPriceCents: 5000 })]),
      type: "invoice",
      status: "issued",
      number: "FAC-2026-00009",
      dueDate: "2027-01-02",
      history: [
        { status: "draft", at: at("2026-12-02T09:00:00"), by: "agent1@demo.comptoir.test" },
        { status: "issued", at: at("2026-12-02T09:05:00"), by: "agent1@demo.comptoir.test" }
      ]
    } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00009", status: "paid", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 6000, remainingCents: 0, paymentState: "paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const payment = (id: string, date: string, amountCents: number, method: string, reference: string, createdAt: number) => ({ id, invoiceId: invoice.id, customerId: "cust-1", date, amountCents, method, reference, createdAt })
    // Listed by the background newest first: the history tells them in the order they were recorded.
    const payments = [payment("p2", "2026-12-03", 2000, "cheque", "", at("2026-12-03T15:30:00")), payment("p1", "2026-12-02", 4000, "transfer", "VIR 2026-118", at("2026-12-02T16:00:00"))]
    for (const [lang, expected] of [
      ["en", [/^2 Dec 2026,? \d\d:\d\d(?: \(Paris time\))? · Payment of €40\.00 received on 2 Dec 2026 by bank transfer · ref\. VIR 2026-118 · €20\.00 left to pay$/, /^3 Dec 2026,? \d\d:\d\d(?: \(Paris time\))? · Payment of €20\.00 received on 3 Dec 2026 by cheque · invoice paid in full$/]],
      ["fr", [/^02\/12\/2026 \d\d:\d\d(?: \(heure de Paris\))? · Règlement de 40,00 € reçu le 02\/12\/2026 par virement · réf\. VIR 2026-118 · reste 20,00 € à payer$/, /^03\/12\/2026 \d\d:\d\d(?: \(heure de Paris\))? · Règlement de 20,00 € reçu le 03\/12\/2026 par chèque · facture soldée$/]]
    ] as const) {
      stubChrome(invoice, row, payments)
      render(
        <I18nextProvider i18n={createI18n(lang)}>
          <DocumentView id={invoice.id} />
        </I18nextProvider>
      )
      const told = await screen.findAllByText((_, el) => el?.getAttribute("data-comptoir") === "history-payment")
      const texts = told.map((el) => el.textContent!.replace(/[\u00a0\u202f]/g, " "))
      expect(texts[0]).toMatch(expected[0])
      expect(texts[1]).toMatch(expected[1])
      expect(told.map((el) => el.getAttribute("data-outcome"))).toEqual(["partial", "paid"])
      // Between the invoice's issue and nothing after: the history reads in time order.
      const all = [...document.querySelectorAll(".c-doc-history li")].map((li) => li.getAttribute("data-comptoir"))
      expect(all).toEqual(["history-entry", "history-entry", "history-payment", "history-payment"])
      cleanup()
      vi.unstubAllGlobals()
    }
  })

  it("tells a credit note in the invoice's history among its payments: its number, date and amount, and what was left to pay after it", async () => {
    const at = (iso: string) => Date.parse(`${iso}Z`)
    const invoice = {
      ...order([line(1, { unitPriceCents: 5000 })]),
      type: "invoice",
      status: "issued",
      number: "FAC-2026-00010",
      dueDate: "2027-01-02",
      history: [{ status: "issued", at: at("2026-12-02T09:05:00"), by: "agent1@demo.comptoir.test" }]
    } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00010", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 6000, remainingCents: 0, paymentState: "paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const payment = (id: string, date: string, amountCents: number, createdAt: number) => ({ id, invoiceId: invoice.id, customerId: "cust-1", date, amountCents, method: "transfer", reference: "", createdAt })
    const payments = [payment("p2", "2026-12-04", 2800, at("2026-12-04T11:00:00")), payment("p1", "2026-12-02", 2000, at("2026-12-02T16:00:00"))]
    const credit = creditNote({ id: "cn1", number: "AV-2026-00003", date: "2026-12-03", correctsInvoiceId: invoice.id, history: [{ status: "draft", at: at("2026-12-03T09:55:00"), by: "a" }, { status: "issued", at: at("2026-12-03T10:00:00"), by: "a" }] }, line(1, { unitPriceCents: 1000, quantityMilli: -1000 }))
    for (const [lang, expected] of [
      ["en", /^3 Dec 2026,? \d\d:\d\d(?: \(Paris time\))? · Credit note AV-2026-00003 of €12\.00 dated 3 Dec 2026 · €28\.00 left to pay · a$/],
      ["fr", /^03\/12\/2026 \d\d:\d\d(?: \(heure de Paris\))? · Avoir AV-2026-00003 de 12,00 € du 03\/12\/2026 · reste 28,00 € à payer · a$/]
    ] as const) {
      stubChrome(invoice, row, payments, [credit])
      render(
        <I18nextProvider i18n={createI18n(lang)}>
          <DocumentView id={invoice.id} />
        </I18nextProvider>
      )
      const told = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "history-credit")
      expect(told.textContent!.replace(/[\u00a0\u202f]/g, " ")).toMatch(expected)
      expect(told.querySelector("a")!.getAttribute("href")).toBe("#/invoices/cn1")
      // In time order: issued, the first payment, the credit note, the payment that settles what the credit note left.
      const all = [...document.querySelectorAll(".c-doc-history li")].map((li) => `${li.getAttribute("data-comptoir")}:${li.getAttribute("data-outcome") ?? ""}`)
      expect(all).toEqual(["history-entry:", "history-payment:partial", "history-credit:partial", "history-payment:paid"])
      expect(document.querySelector('[data-comptoir="history-payment"]')!.textContent!.replace(/[\u00a0\u202f]/g, " ")).toMatch(/(€40\.00 left to pay|reste 40,00 € à payer)$/)
      cleanup()
      vi.unstubAllGlobals()
    }
  })

  it("says who recorded each payment and who issued each credit note, as it says who changed the status", async () => {
    const at = (iso: string) => Date.parse(`${iso}Z`)
    const invoice = { ...order([line(1, { unitPriceCents: 5000 })]), type: "invoice", status: "issued", number: "FAC-2026-00012", dueDate: "2027-01-02", history: [{ status: "issued", at: at("2026-12-02T09:05:00"), by: "agent1@demo.comptoir.test" }] } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00012", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 6000, remainingCents: 3800, paymentState: "partly-paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const payments = [{ id: "p1", invoiceId: invoice.id, customerId: "cust-1", date: "2026-12-02", amountCents: 1000, method: "cheque", reference: "", createdAt: at("2026-12-02T16:00:00"), recordedBy: "claire@demo.comptoir.test" }]
    const credit = creditNote({ id: "cn3", number: "AV-2026-00005", date: "2026-12-03", correctsInvoiceId: invoice.id, history: [{ status: "draft", at: at("2026-12-03T09:55:00"), by: "paul@demo.comptoir.test" }, { status: "issued", at: at("2026-12-03T10:00:00"), by: "manager@demo.comptoir.test" }] }, line(1, { unitPriceCents: 1000, quantityMilli: -1000 }))
    stubChrome(invoice, row, payments, [credit])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const paid = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "history-payment")
    expect(paid.textContent).toMatch(/ · claire@demo\.comptoir\.test$/)
    const credited = document.querySelector('[data-comptoir="history-credit"]')!
    expect(credited.textContent).toMatch(/ · manager@demo\.comptoir\.test$/)
  })

  it("names who did each step by the name their account goes by, the e-mail only for an account without a name", async () => {
    const at = (iso: string) => Date.parse(`${iso}Z`)
    const invoice = { ...order([line(1, { unitPriceCents: 5000 })]), type: "invoice", status: "issued", number: "FAC-2026-00014", dueDate: "2027-01-02", history: [{ status: "issued", at: at("2026-12-02T09:05:00"), by: "agent1@demo.comptoir.test" }] } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00014", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: "2027-01-02", totalInclVatCents: 6000, remainingCents: 3800, paymentState: "partly-paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const payments = [{ id: "p1", invoiceId: invoice.id, customerId: "cust-1", date: "2026-12-02", amountCents: 1000, method: "cheque", reference: "", createdAt: at("2026-12-02T16:00:00"), recordedBy: "Manager@Demo.comptoir.test" }]
    const credit = creditNote({ id: "cn4", number: "AV-2026-00006", date: "2026-12-03", correctsInvoiceId: invoice.id, history: [{ status: "issued", at: at("2026-12-03T10:00:00"), by: "noname@demo.comptoir.test" }] }, line(1, { unitPriceCents: 1000, quantityMilli: -1000 }))
    stubChrome(invoice, row, payments, [credit], { "agent1@demo.comptoir.test": "Marc Lefèbvre", "manager@demo.comptoir.test": "Claire Dubois" })
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const issued = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "history-entry")
    expect(issued.textContent).toMatch(/ · Marc Lefèbvre$/)
    expect(document.querySelector('[data-comptoir="history-payment"]')!.textContent).toMatch(/ · Claire Dubois$/)
    // The e-mail stays at hand, on hover.
    expect(document.querySelector('[data-comptoir="history-payment"] [data-comptoir="history-by"]')!.getAttribute("title")).toBe("Manager@Demo.comptoir.test")
    expect(document.querySelector('[data-comptoir="history-credit"]')!.textContent).toMatch(/ · noname@demo\.comptoir\.test$/)
  })

  it("tells the history's times on France's clock, the one its dates are on, and says so on a device in another zone", async () => {
    const original = process.env.TZ
    process.env.TZ = "America/New_York"
    try {
      // Recorded at 00:30 on 5 December in Paris (18:30 on the 4th in New York), dated the 5th.
      const at = Date.parse("2026-12-04T23:30:00Z")
      const invoice = { ...order([line(1, { unitPriceCents: 5000 })]), type: "invoice", status: "issued", number: "FAC-2026-00013", dueDate: "2027-01-02", history: [{ status: "issued", at, by: "a" }] } as unknown as SalesDocument
      const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00013", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-05", dueDate: "2027-01-02", totalInclVatCents: 6000, remainingCents: 5000, paymentState: "partly-paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
      const payments = [{ id: "p1", invoiceId: invoice.id, customerId: "cust-1", date: "2026-12-05", amountCents: 1000, method: "cheque", reference: "", createdAt: at + 60_000 }]
      stubChrome(invoice, row, payments)
      render(
        <I18nextProvider i18n={createI18n("en")}>
          <DocumentView id={invoice.id} />
        </I18nextProvider>
      )
      const paid = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "history-payment")
      expect(paid.textContent!.replace(/[\u00a0\u202f]/g, " ")).toMatch(/^5 Dec 2026, 00:31 \(Paris time\) · Payment of €10\.00 received on 5 Dec 2026 by cheque/)
      expect(document.querySelector('[data-comptoir="history-entry"]')!.textContent).toMatch(/^5 Dec 2026, 00:30 \(Paris time\) · Issued/)
    } finally {
      process.env.TZ = original
    }
  })

  it("says an invoice its credit note took back entirely, with nothing paid, is settled by credit note, not paid in full", async () => {
    const invoice = { ...order([line(1, { unitPriceCents: 5000 })]), type: "invoice", status: "issued", number: "FAC-2026-00011", dueDate: "2026-11-02" } as unknown as SalesDocument
    const row = { id: invoice.id, type: "invoice", number: "FAC-2026-00011", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-10-02", dueDate: "2026-11-02", totalInclVatCents: 6000, remainingCents: 0, paymentState: "credited", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }
    const credit = creditNote({ id: "cn2", number: "AV-2026-00004", date: "2026-12-03", correctsInvoiceId: invoice.id, history: [{ status: "issued", at: Date.parse("2026-12-03T10:00:00Z"), by: "a" }] }, line(1, { unitPriceCents: 5000, quantityMilli: -1000 }))
    stubChrome(invoice, row, [], [credit])
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <DocumentView id={invoice.id} />
      </I18nextProvider>
    )
    const told = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "history-credit")
    expect(told.textContent).toMatch(/ · nothing left to pay · a$/)
    expect(told.getAttribute("data-outcome")).toBe("settled")
    expect(document.querySelector('[data-comptoir="invoice-paid"]')!.textContent).toBe("Settled by credit note: nothing left to pay.")
    expect(document.querySelector('[data-payment="credited"].c-chip')!.textContent).toBe("Settled by credit note")
    // Nothing is left to credit: the buttons the domain would refuse (credit-over-invoice) are not offered.
    expect(document.querySelector('[data-comptoir="credit-full"]')).toBeNull()
    expect(document.querySelector('[data-comptoir="credit-none-left"]')!.textContent).toBe("The credit notes took back the whole invoice: nothing is left to credit.")
  })
  it("gives each status the gender of its document in French: an « avoir » is « Émis », a « commande » « Annulée »", async () => {
    const at = Date.parse("2026-12-03T10:00:00Z")
    const credit = creditNote({ id: "cn9", number: "AV-2026-00009", correctsInvoiceId: "inv-9", history: [{ status: "issued", at, by: "a" }] }, line(1, { quantityMilli: -1000 })) as SalesDocument
    const creditRow = { id: "cn9", type: "credit-note", number: "AV-2026-00009", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-02", dueDate: null, totalInclVatCents: -600, remainingCents: null, paymentState: null, daysOverdue: 0, dunning: null, correctsInvoiceId: "inv-9", language: "fr" }
    stubChrome(credit, creditRow)
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id="cn9" />
      </I18nextProvider>
    )
    expect((await screen.findByText((_, el) => el?.getAttribute("data-status") === "issued" && el.classList.contains("c-chip"))).textContent).toBe("Émis")
    expect(document.querySelector(".c-doc-history li")!.textContent).toMatch(/ · Émis · a$/)
    cleanup()
    vi.unstubAllGlobals()

    // The invoice lists its credit note with the credit note's status, not the invoice's word.
    const invoice = { ...order([line(1, { unitPriceCents: 5000 })]), id: "inv-9", type: "invoice", status: "issued", number: "FAC-2026-00019", dueDate: "2027-01-02" } as unknown as SalesDocument
    const invoiceRow = { ...creditRow, id: "inv-9", type: "invoice", number: "FAC-2026-00019", totalInclVatCents: 6000, remainingCents: 5400, paymentState: "partly-paid", dueDate: "2027-01-02", correctsInvoiceId: null }
    stubChrome(invoice, invoiceRow, [], [credit])
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id="inv-9" />
      </I18nextProvider>
    )
    expect((await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "credit-note-link")).parentElement!.textContent).toMatch(/ · Émis$/)
    expect(document.querySelector('.c-chip[data-status="issued"]')!.textContent).toBe("Émise")
    cleanup()
    vi.unstubAllGlobals()

    const cancelled = { ...order([line(1, {})]), status: "cancelled", number: "CMD-2026-00004" } as unknown as SalesDocument
    stubChrome(cancelled, { ...creditRow, id: cancelled.id, type: "order", number: "CMD-2026-00004", status: "cancelled", totalInclVatCents: 600, correctsInvoiceId: null })
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DocumentView id={cancelled.id} />
      </I18nextProvider>
    )
    expect((await screen.findByText((_, el) => el?.getAttribute("data-status") === "cancelled" && el.classList.contains("c-chip"))).textContent).toBe("Annulée")
  })
})
