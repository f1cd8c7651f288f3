// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

// A transfer of 100 € typed as 1 000 € on an invoice of 1 200 € (walk19): the agent cancels it, with a reason.
const invoice = {
  id: "inv-5",
  type: "invoice",
  status: "issued",
  customerId: "cust-1",
  contactId: null,
  language: "fr",
  number: "FAC-2026-00050",
  date: "2026-12-01",
  dueDate: "2026-12-31",
  paymentTerms: { kind: "net", days: 30 },
  lines: [{ id: "l1", productId: null, ref: "R-1", label: "Article", unit: "pièce", quantityMilli: 1000, unitPriceCents: 100_000, discountBp: 0, vatRateBp: 2000 }],
  totalExclVatCents: 100_000,
  totalVatCents: 20_000,
  totalInclVatCents: 120_000,
  notes: "",
  salesRep: null,
  sourceId: null,
  customerPoNumber: null,
  history: [],
  createdAt: 0,
  updatedAt: 0
}
const row = (remainingCents: number) => ({ id: "inv-5", type: "invoice", number: "FAC-2026-00050", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-01", dueDate: "2026-12-31", totalInclVatCents: 120_000, remainingCents, paymentState: remainingCents === 120_000 ? "unpaid" : "partly-paid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" })
const typedToday = Date.parse("2026-12-07T09:30:00Z")
const mistyped = { id: "p1", invoiceId: "inv-5", customerId: "cust-1", date: "2026-12-07", amountCents: 100_000, method: "transfer", reference: "VIR 118", createdAt: typedToday, recordedBy: "agent1@demo.comptoir.test" }
const cancellation = { id: "x1", invoiceId: "inv-5", customerId: "cust-1", date: "2026-12-07", amountCents: -100_000, method: "transfer", reference: "VIR 118", createdAt: typedToday + 60_000, recordedBy: "boss@demo.comptoir.test", cancels: "p1", cancelReason: "1 000 € tapés au lieu de 100 €" }
const names = { "agent1@demo.comptoir.test": "Alice Martin", "boss@demo.comptoir.test": "Bruno Chef" }

function stubBackground(payments: unknown[], remaining: number, me: { email: string; role: string }) {
  const acts: unknown[] = []
  const sendMessage = vi.fn(async ({ type, payload }: { type: string; payload: unknown }) => {
    if (type === "documents/act") {
      acts.push(payload)
      return { ok: true, data: { ok: true, id: "x1" } }
    }
    const data = { document: invoice, row: row(remaining), customer: null, payments, creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { name: "", ...me }, reminders: [], seller: null, correctedInvoice: null, names, today: "2026-12-07" }
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
      <DocumentView id="inv-5" />
    </I18nextProvider>
  )
}

/** The invoice's first payment line, once the page has read the invoice. */
const paymentRow = () =>
  vi.waitFor(() => {
    const found = document.querySelector<HTMLElement>('[data-comptoir="payment-row"]')
    if (!found) throw new Error("no payment line yet")
    return found
  })

describe("cancelling a payment from the invoice's payments table", () => {
  it("asks why before sending anything, then sends the cancellation of that payment with the reason", async () => {
    const acts = stubBackground([mistyped], 20_000, { email: "agent1@demo.comptoir.test", role: "agent" })
    showInvoice()
    fireEvent.click(await within(await paymentRow()).findByRole("button", { name: "Annuler" }))
    fireEvent.click(screen.getByRole("button", { name: "Annuler ce règlement" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Dites pourquoi ce règlement est annulé.")
    expect(acts).toEqual([])
    fireEvent.change(screen.getByLabelText("Motif de l'annulation"), { target: { value: "  1 000 € tapés au lieu de 100 €  " } })
    fireEvent.click(screen.getByRole("button", { name: "Annuler ce règlement" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toMatchObject({ id: "inv-5", step: { action: "cancel-payment", paymentId: "p1", reason: "1 000 € tapés au lieu de 100 €" } })
  })

  it("shows a cancelled payment struck through, saying when, by whom and why, with no Cancel; the total and what is left count it no more, and the history tells it", async () => {
    stubBackground([mistyped, cancellation], 120_000, { email: "boss@demo.comptoir.test", role: "manager" })
    showInvoice()
    const line = await paymentRow()
    expect(line.dataset.cancelled).toBe("true")
    expect(line.className).toContain("c-payment-cancelled")
    expect(document.querySelectorAll('[data-comptoir="payment-row"]')).toHaveLength(1)
    expect(document.querySelector('[data-comptoir="payment-cancelled"]')!.textContent).toBe("Annulé le 07/12/2026 par Bruno Chef — 1 000 € tapés au lieu de 100 €")
    expect(within(line).queryByRole("button", { name: "Annuler" })).toBeNull()
    expect(document.querySelector('[data-comptoir="payments-total"]')!.textContent).toMatch(/^0,00\s€$/)
    expect(document.querySelector('[data-comptoir="remaining"]')!.getAttribute("data-cents")).toBe("120000")
    const history = [...document.querySelectorAll<HTMLElement>('[data-comptoir="history-payment"]')]
    expect(history.map((h) => h.dataset.outcome)).toEqual(["partial", "cancelled"])
    expect(history[1]!.textContent).toMatch(/Règlement de 1\s000,00\s€ du 07\/12\/2026 par virement annulé : 1 000 € tapés au lieu de 100 € · réf\. VIR 118 · reste 1\s200,00\s€ à payer · Bruno Chef$/)
  })

  it("offers no Cancel to an agent on a payment another agent recorded", async () => {
    stubBackground([mistyped], 20_000, { email: "agent2@demo.comptoir.test", role: "agent" })
    showInvoice("en")
    const line = await paymentRow()
    expect(within(line).queryByRole("button", { name: "Cancel" })).toBeNull()
    expect(document.querySelector('[data-comptoir="payments-total"]')!.textContent).toBe("€1,000.00")
  })

  // A refund or a credit applied is no payment received: cancelling one is told as what it was, or the history says
  // a transfer received was taken back (the customer owing more) when the customer in fact holds their credit again.
  it("tells a cancelled refund as a refund cancelled and a cancelled credit as a credit cancelled, not as a payment received", async () => {
    const over = { ...mistyped, id: "p0", date: "2026-12-05", amountCents: 130_000, overpaymentCents: 10_000, createdAt: typedToday - 2 * 86_400_000 }
    const refund = { ...mistyped, id: "r1", date: "2026-12-06", amountCents: -10_000, reference: "", createdAt: typedToday - 86_400_000 }
    const undone = { ...cancellation, id: "x2", amountCents: 10_000, reference: "", cancels: "r1", cancelReason: "remboursement jamais parti" }
    stubBackground([over, refund, undone], 0, { email: "boss@demo.comptoir.test", role: "manager" })
    showInvoice()
    await paymentRow()
    const told = () => [...document.querySelectorAll<HTMLElement>('[data-comptoir="history-payment"]')].map((h) => h.textContent ?? "")
    expect(told()[2]).toMatch(/^.+ · Remboursement de 100,00\s€ du 06\/12\/2026 par virement annulé : remboursement jamais parti · /)
    cleanup()

    const credit = { ...mistyped, id: "c1", amountCents: 20_000, method: "credit", reference: "FAC-2026-00049" }
    const uncredited = { ...cancellation, id: "x3", amountCents: -20_000, method: "credit", reference: "FAC-2026-00049", cancels: "c1", cancelReason: "mauvaise facture" }
    stubBackground([credit, uncredited], 120_000, { email: "boss@demo.comptoir.test", role: "manager" })
    showInvoice("en")
    await paymentRow()
    expect(told()[1]).toMatch(/^.+ · Customer's credit of €200\.00 applied on 7 Dec 2026 cancelled: mauvaise facture · /)
  })
})
