// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DocumentView } from "./document-view"

const invoice = {
  id: "inv-1",
  type: "invoice",
  status: "issued",
  customerId: "cust-1",
  contactId: null,
  language: "fr",
  number: "FAC-2026-00020",
  date: "2026-12-01",
  dueDate: "2026-12-31",
  paymentTerms: { kind: "net", days: 30 },
  lines: [{ id: "l1", productId: null, ref: "R-1", label: "Article", unit: "pièce", quantityMilli: 1000, unitPriceCents: 5000, discountBp: 0, vatRateBp: 2000 }],
  totalExclVatCents: 5000,
  totalVatCents: 1000,
  totalInclVatCents: 6000,
  notes: "",
  salesRep: null,
  sourceId: null,
  customerPoNumber: null,
  history: [],
  createdAt: 0,
  updatedAt: 0
}
const row = { id: "inv-1", type: "invoice", number: "FAC-2026-00020", status: "issued", customerId: "cust-1", customerName: "Dupont SA", customerCode: "C-00012", date: "2026-12-01", dueDate: "2026-12-31", totalInclVatCents: 6000, remainingCents: 6000, paymentState: "unpaid", daysOverdue: 0, dunning: null, correctsInvoiceId: null, language: "fr" }

/** The invoice as the background answers for it, France's today in `state` (the test moves it on), the steps asked. */
function stubBackground(state: { today: string; refuse?: boolean; payments?: unknown[] }) {
  const acts: unknown[] = []
  const sendMessage = vi.fn(async ({ type, payload }: { type: string; payload: unknown }) => {
    if (type === "documents/act") {
      acts.push(payload)
      return { ok: true, data: state.refuse ? { ok: false, code: "payment-over-remaining", message: "The payment is more than what is left to pay" } : { ok: true, id: "p1" } }
    }
    const data = { document: invoice, row, customer: null, payments: state.payments ?? [], creditNotes: [], derived: [], source: null, risk: null, confirm: null, me: { email: "a@x", name: "", role: "agent" }, reminders: [], seller: null, correctedInvoice: null, today: state.today }
    return { ok: true, data }
  })
  vi.stubGlobal("chrome", { runtime: { sendMessage, getURL: (p: string) => `chrome-extension://x/${p}` } })
  return acts
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** The invoice's page in French, as the workspace shows it. */
function showInvoice() {
  render(
    <I18nextProvider i18n={createI18n("fr")}>
      <DocumentView id="inv-1" />
    </I18nextProvider>
  )
}

const dateField = () => document.querySelector<HTMLInputElement>('[data-comptoir="payment-date"]')!

describe("the payment form's date", () => {
  it("is France's today when the page has stayed open past midnight, not the day the page opened", async () => {
    const state = { today: "2026-12-03" }
    stubBackground(state)
    showInvoice()
    await screen.findByLabelText("Montant (€)")
    expect(dateField().value).toBe("2026-12-03")
    state.today = "2026-12-04"
    await vi.waitFor(() => expect(dateField().value).toBe("2026-12-04"), { timeout: 5000 })
  })

  it("keeps a day the agent chose while the page reads again, then is today again once the payment is recorded", async () => {
    const state = { today: "2026-12-03" }
    const acts = stubBackground(state)
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-12-02" } })
    state.today = "2026-12-04"
    await new Promise((r) => setTimeout(r, 3200))
    expect(dateField().value).toBe("2026-12-02")
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toMatchObject({ step: { action: "payment", date: "2026-12-02", amountCents: 2000 } })
    await vi.waitFor(() => expect(dateField().value).toBe("2026-12-04"))
  })
})

describe("the payment form", () => {
  it("keeps what the agent typed when the payment is refused, so nothing has to be typed again", async () => {
    const state = { today: "2026-12-03", refuse: true }
    const acts = stubBackground(state)
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-12-02" } })
    fireEvent.change(screen.getByLabelText("Référence"), { target: { value: "VIR 2026-118" } })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    await screen.findByRole("alert")
    expect(screen.getByLabelText<HTMLInputElement>("Montant (€)").value).toBe("20")
    expect(screen.getByLabelText<HTMLInputElement>("Référence").value).toBe("VIR 2026-118")
    expect(dateField().value).toBe("2026-12-02")
  })
})

describe("the payment form's checks", () => {
  // The walk of 7 Dec (branch walk14): 675,05 € typed against 625,05 € left said only « Plus que le reste à payer. »,
  // at the top of the page; a cheque dated 15/01/2026 on an invoice of 15/09/2026 was recorded without a word.
  it("says beside the form how much is over what is left, naming what is left, and sends nothing until told to keep it", async () => {
    const acts = stubBackground({ today: "2026-12-03" })
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "60,01" } })
    expect(document.querySelector('[data-comptoir="payment-over"]')!.textContent).toMatch(/^0,01\s€ de plus que le reste à payer \(60,00\s€\)\./)
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    const said = await screen.findByRole("alert")
    expect(said.textContent).toMatch(/^Cochez pour garder les 0,01\s€ en trop au crédit du client, ou corrigez le montant\.$/)
    expect(said.closest('[data-comptoir="payment-form"]')).not.toBeNull()
    expect(acts).toHaveLength(0)
  })

  it("refuses a day before the invoice's own date, saying both days, and sends nothing", async () => {
    const acts = stubBackground({ today: "2026-12-03" })
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-01-12" } })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Ce règlement serait daté du 12/01/2026, avant la facture du 01/12/2026 : vérifiez le jour et le mois, ou cochez « Reçu avant la facture » pour un acompte.")
    expect(acts).toHaveLength(0)
  })

  it("records a deposit received before the invoice once the agent ticks that it came first, on that day", async () => {
    // A pro forma paid before the invoice was made is real money on a real day: refusing it would leave the invoice
    // owing what the customer has paid.
    const acts = stubBackground({ today: "2026-12-03" })
    showInvoice()
    expect(document.querySelector('[data-comptoir="payment-before-invoice"]')).toBeNull()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-11-20" } })
    fireEvent.click(screen.getByLabelText("Reçu avant la facture du 01/12/2026 (acompte, pro forma réglée)"))
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    await vi.waitFor(() => expect(acts).toHaveLength(1))
    expect(acts[0]).toMatchObject({ step: { action: "payment", date: "2026-11-20", amountCents: 2000, receivedBeforeInvoice: true } })
  })

  it("asks the tick again when the day is changed after it", async () => {
    const acts = stubBackground({ today: "2026-12-03" })
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-11-20" } })
    fireEvent.click(screen.getByLabelText("Reçu avant la facture du 01/12/2026 (acompte, pro forma réglée)"))
    fireEvent.change(dateField(), { target: { value: "2026-01-12" } })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Ce règlement serait daté du 12\/01\/2026, avant la facture/)
    expect(acts).toHaveLength(0)
  })

  it("refuses a day still to come, saying today, and sends nothing", async () => {
    const acts = stubBackground({ today: "2026-12-03" })
    showInvoice()
    fireEvent.change(await screen.findByLabelText("Montant (€)"), { target: { value: "20" } })
    fireEvent.change(dateField(), { target: { value: "2026-12-04" } })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le règlement" }))
    expect((await screen.findByRole("alert")).textContent).toBe("Ce règlement serait daté du 04/12/2026, après aujourd'hui (03/12/2026) : vérifiez le jour et le mois.")
    expect(acts).toHaveLength(0)
  })
})

describe("the payments recorded", () => {
  it("are listed by the day the money came, not in the order they were typed", async () => {
    // The walk of 7 Dec: a cheque of 15/01 and a transfer of today, typed after the seeded 16/11 one, read
    // « 15/01/2026, 07/12/2026, 16/11/2026 ».
    const pay = (id: string, date: string, createdAt: number) => ({ id, invoiceId: "inv-1", customerId: "cust-1", date, amountCents: 1000, method: "transfer", reference: id, createdAt })
    stubBackground({ today: "2026-12-07", payments: [pay("typed-first", "2026-12-02", 5), pay("typed-today", "2026-12-07", 9), pay("seeded", "2026-11-16", 1)] })
    showInvoice()
    await screen.findByText("seeded")
    expect([...document.querySelectorAll('[data-comptoir="payment-row"] td:nth-child(4)')].map((td) => td.textContent)).toEqual(["seeded", "typed-first", "typed-today"])
  })


  it("are a table with its column names, so the agent reads which figure is the amount and which the reference", async () => {
    // The walk of 6 Dec (branch walk10fr): "06/12/2026 | 49,16 € | Virement | VIR 2026-118" under "Règlements", unnamed.
    const paid = { id: "p1", invoiceId: "inv-1", customerId: "cust-1", date: "2026-12-02", amountCents: 2000, method: "transfer", reference: "VIR 2026-118", createdAt: 0 }
    stubBackground({ today: "2026-12-03", payments: [paid] })
    showInvoice()
    const rowEl = await screen.findByText("VIR 2026-118")
    const table = rowEl.closest("table")!
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Date", "Montant", "Mode", "Référence", ""])
    // The last column holds each payment's actions (its "Annuler"), named for screen readers.
    expect(table.querySelector("thead th:last-child")!.getAttribute("aria-label")).toBe("Actions")
    expect(rowEl.closest("tr")!.textContent).toMatch(/^02\/12\/2026\s*20,00\s€\s*Virement\s*VIR 2026-118$/)
  })
})
