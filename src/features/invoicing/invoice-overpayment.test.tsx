// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

// A customer pays 1 300 € on an invoice of 1 234,08 € (Odoo records it and keeps the 65,92 € as the customer's credit).
const invoice = {
  id: "inv-9",
  type: "invoice",
  status: "issued",
  customerId: "cust-1",
  contactId: null,
  language: "fr",
  number: "FAC-2026-00090",
  date: "2026-12-01",
  dueDate: "2026-12-31",
  paymentTerms: { kind: "net", days: 30 },
  lines: [{ id: "l1", productId: null, ref: "R-1", label: "Article", unit: "pièce", quantityMilli: 1000, unitPriceCents: 102_840, discountBp: 0, vatRateBp: 2000 }],
  totalExclVatCents: 102_840,
  totalVatCents: 20_568,
  totalInclVatCents: 123_408,
  notes: "",
  salesRep: null,
  sourceId: null,
  customerPoNumber: null,
  history: [],
  createdAt: 0,
  updatedAt: 0
}
const row = (remainingCents: number, paymentState: string) => ({
  id: "inv-9",
  type: "invoice",
  number: "FAC-2026-00090",
  status: "issued",
  customerId: "cust-1",
  customerName: "Dupont SA",
  customerCode: "C-00012",
  date: "2026-12-01",
  dueDate: "2026-12-31",
  totalInclVatCents: 123_408,
  remainingCents,
  paymentState,
  daysOverdue: 0,
  dunning: null,
  correctsInvoiceId: null,
  language: "fr"
})

function stubBackground(payments: unknown[] = [], remaining = 123_408, extra: Record<string, unknown> = {}) {
  const acts: unknown[] = []
  const sendMessage = vi.fn(async ({ type, payload }: { type: string; payload: unknown }) => {
    if (type === "documents/act") {
      acts.push(payload)
      return { ok: true, data: { ok: true, id: "p1" } }
    }
    const data = { document: invoice, row: row(remaining, remaining === 0 ? "paid" : "unpaid"), customer: null, payments, creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { email: "a@x", name: "", role: "agent" }, reminders: [], seller: null, correctedInvoice: null, today: "2026-12-07", ...extra }
    return { ok: true, data }
  })
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return acts
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function showInvoice(lang: "fr" | "en" = "fr") {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <DocumentView id="inv-9" />
    </I18nextProvider>
  )
}

const record = (lang: "fr" | "en" = "fr") => fireEvent.click(screen.getByRole("button", { name: lang === "fr" ? "Enregistrer le règlement" : "Record the payment" }))

describe("an overpayment", () => {
  it("is said beside the form with how much is over, and recorded once the agent ticks to keep it as the customer's credit", async () => {
    const acts = stubBackground()
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "1300" } })
    expect((await screen.findByText(/de plus que le reste à payer/)).textContent).toMatch(/^65,92\s€ de plus que le reste à payer \(1\s234,08\s€\)\.$/)
    record()
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Cochez pour garder les 65,92\s€ en trop au crédit du client, ou corrigez le montant\.$/)
    expect(acts).toHaveLength(0)
    fireEvent.click(screen.getByLabelText(/^L'enregistrer : la facture est payée et le trop-perçu de 65,92\s€ reste au crédit du client$/))
    record()
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toMatchObject({ step: { action: "payment", amountCents: 130_000, overpaymentCents: 6_592 } })
  })

  it("asks the tick again when the amount is changed after it", async () => {
    const acts = stubBackground()
    showInvoice("en")
    fireEvent.change(await screen.findByLabelText("Amount (€)"), { target: { value: "1300" } })
    fireEvent.click(screen.getByLabelText("Record it: the invoice is paid and the €65.92 overpaid is kept as the customer's credit"))
    fireEvent.change(screen.getByLabelText("Amount (€)"), { target: { value: "1400" } })
    expect(screen.getByText("€165.92 more than what is left to pay (€1,234.08).")).toBeTruthy()
    record("en")
    expect((await screen.findByRole("alert")).textContent).toBe("Tick to keep the €165.92 overpaid as the customer's credit, or correct the amount.")
    expect(acts).toHaveLength(0)
  })

  it("leaves the paid invoice saying how much was overpaid and kept as the customer's credit, on its payment too", async () => {
    const paid = { id: "p1", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-05", amountCents: 130_000, overpaymentCents: 6_592, method: "transfer", reference: "VIR 77", createdAt: 1 }
    stubBackground([paid], 0, { customerCreditCents: 6_592 })
    showInvoice()
    const excess = await screen.findByText(/Trop-perçu/, { selector: '[data-comptoir="invoice-excess"]' })
    expect(excess.textContent).toMatch(/^Trop-perçu : 65,92\s€, gardés au crédit du client\.$/)
    expect(document.querySelector('[data-comptoir="payment-overpayment"]')!.textContent).toMatch(/^dont 65,92\s€ de trop-perçu$/)
  })
})

// The 65,92 € kept on another invoice of the customer's, used on this one as Odoo's "Outstanding credits — Add" does.
describe("the customer's credit on an open invoice", () => {
  it("is offered with its amount and applied to this invoice in one click", async () => {
    const acts = stubBackground([], 123_408, { customerCreditCents: 6_592 })
    showInvoice()
    const offer = await screen.findByText(/Crédit client disponible/)
    expect(offer.textContent).toMatch(/^Crédit client disponible : 65,92\s€ —$/)
    fireEvent.click(screen.getByRole("button", { name: "L'imputer sur cette facture" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toMatchObject({ id: "inv-9", step: { action: "apply-credit" } })
  })

  it("says it in English, and is not offered when the customer holds none or the invoice is paid", async () => {
    stubBackground([], 123_408, { customerCreditCents: 6_592 })
    showInvoice("en")
    expect((await screen.findByText(/Customer's credit available/)).textContent).toBe("Customer's credit available: €65.92 —")
    expect(screen.getByRole("button", { name: "Apply to this invoice" })).toBeTruthy()
    cleanup()
    stubBackground([], 123_408, { customerCreditCents: 0 })
    showInvoice("en")
    await screen.findByLabelText("Amount (€)")
    expect(screen.queryByRole("button", { name: "Apply to this invoice" })).toBeNull()
    cleanup()
    const paid = { id: "p1", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-05", amountCents: 123_408, method: "transfer", reference: "", createdAt: 1 }
    stubBackground([paid], 0, { customerCreditCents: 6_592 })
    showInvoice("en")
    await screen.findByText("Paid in full.")
    expect(screen.queryByRole("button", { name: "Apply to this invoice" })).toBeNull()
  })

  it("leaves the overpaid invoice saying its excess went to other invoices once the credit is applied", async () => {
    const paid = { id: "p1", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-05", amountCents: 130_000, overpaymentCents: 6_592, method: "transfer", reference: "VIR 77", createdAt: 1 }
    stubBackground([paid], 0, { customerCreditCents: 0 })
    showInvoice()
    const excess = await screen.findByText(/Trop-perçu/, { selector: '[data-comptoir="invoice-excess"]' })
    expect(excess.textContent).toMatch(/^Trop-perçu : 65,92\s€, imputé depuis sur d'autres factures du client\.$/)
    cleanup()
    stubBackground([paid], 0, { customerCreditCents: 2_000 })
    showInvoice("en")
    expect((await screen.findByText(/Overpaid/, { selector: '[data-comptoir="invoice-excess"]' })).textContent).toBe("Overpaid: €65.92, applied in part to the customer's other invoices: €20.00 of credit left.")
  })

  it("tells a payment of the customer's credit by its method and the invoice it came from", async () => {
    const applied = { id: "p2", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-07", amountCents: 6_592, method: "credit", reference: "FAC-2026-00010", createdAt: 2 }
    stubBackground([applied], 116_816)
    showInvoice()
    const paymentRow = await screen.findByText("Crédit client", { selector: '[data-comptoir="payment-row"] td' })
    expect(paymentRow.parentElement!.textContent).toMatch(/^07\/12\/202665,92\s€Crédit clientFAC-2026-00010$/)
    // Its history says a credit applied, not money received.
    expect(document.querySelector('[data-comptoir="history-payment"]')!.textContent).toMatch(/ · Crédit client de 65,92\s€ imputé le 07\/12\/2026 · réf\. FAC-2026-00010 · /)
  })
})

// The 65,92 € kept sent back to the customer by transfer, as Odoo's "Refund" of an outstanding credit.
describe("a refund of the customer's credit", () => {
  const paid = { id: "p1", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-05", amountCents: 130_000, overpaymentCents: 6_592, method: "transfer", reference: "VIR 77", createdAt: 1 }

  it("is offered on the overpaid invoice and recorded as a negative payment of the credit, by transfer unless told", async () => {
    const acts = stubBackground([paid], 0, { customerCreditCents: 6_592 })
    showInvoice()
    fireEvent.click(await screen.findByRole("button", { name: /^Rembourser 65,92\s€ au client$/ }))
    expect((screen.getByLabelText("Mode") as HTMLSelectElement).value).toBe("transfer")
    fireEvent.change(screen.getByLabelText("Référence"), { target: { value: "VIR RET 12" } })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le remboursement" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toEqual({ id: "inv-9", step: { action: "payment", date: "2026-12-07", amountCents: -6_592, method: "transfer", reference: "VIR RET 12", receivedBeforeInvoice: false } })
  })

  it("offers no more than the credit the customer still holds, and nothing once none is left", async () => {
    stubBackground([paid], 0, { customerCreditCents: 2_000 })
    showInvoice("en")
    expect(await screen.findByRole("button", { name: "Refund €20.00 to the customer" })).toBeTruthy()
    cleanup()
    stubBackground([paid], 0, { customerCreditCents: 0 })
    showInvoice("en")
    await screen.findByText(/Overpaid/, { selector: '[data-comptoir="invoice-excess"]' })
    expect(screen.queryByRole("button", { name: /^Refund/ })).toBeNull()
  })

  it("leaves the invoice paid, its history saying the overpayment was refunded", async () => {
    const refund = { id: "p2", invoiceId: "inv-9", customerId: "cust-1", date: "2026-12-07", amountCents: -6_592, method: "transfer", reference: "", createdAt: 2 }
    stubBackground([paid, refund], 0, { customerCreditCents: 0 })
    showInvoice()
    await screen.findByText("Soldée.")
    expect(document.querySelector('[data-comptoir="invoice-excess"]')).toBeNull()
    expect(screen.queryByRole("button", { name: /^Rembourser/ })).toBeNull()
    const said = document.querySelectorAll('[data-comptoir="history-payment"]')[1]!.textContent
    expect(said).toMatch(/ · Trop-perçu de 65,92\s€ remboursé le 07\/12\/2026 par virement · facture soldée/)
    cleanup()
    stubBackground([paid, refund], 0, { customerCreditCents: 0 })
    showInvoice("en")
    await screen.findByText("Paid in full.")
    expect(document.querySelectorAll('[data-comptoir="history-payment"]')[1]!.textContent).toMatch(/ · Overpayment of €65\.92 refunded on 7 Dec 2026 by bank transfer · invoice paid in full/)
  })
})
