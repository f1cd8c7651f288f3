import { describe, expect, it } from "vitest"

import { CreditNote, Invoice, Order, PaymentRecord, Quote } from "./document.schema"
import { checkCredit, confirmCheck, creditableByLine, creditNoteFor, creditedByInvoice, customerRisk, invoiceFromOrder, invoicesFollowingPo, orderFromQuote, recordPayment, remindersOf, transition, withCustomerPo, withOverride, withReminder } from "./flow"
import { invoiceBalance } from "./payments"
import { computeTotals } from "./totals"

const lines = [
  { id: "a", productId: "p1", ref: "GANT-01", label: "Gants", unit: "u", quantityMilli: 10_000, unitPriceCents: 1250, discountBp: 0, vatRateBp: 2000 },
  { id: "b", productId: "p2", ref: "CAS-02", label: "Casque", unit: "u", quantityMilli: 2000, unitPriceCents: 3999, discountBp: 1000, vatRateBp: 2000 }
]
const t = computeTotals(lines)
const base = {
  customerId: "c1",
  language: "fr" as const,
  date: "2026-11-01",
  lines,
  totalExclVatCents: t.totalExclVatCents,
  totalVatCents: t.totalVatCents,
  totalInclVatCents: t.totalInclVatCents,
  createdAt: 1,
  updatedAt: 1
}
const issuedCredit = (id: string, creditLines: { id: string; label: string; quantityMilli: number; unitPriceCents: number; discountBp: number; vatRateBp: number }[]) => {
  const tt = computeTotals(creditLines)
  return CreditNote.parse({ ...base, id, type: "credit-note", status: "issued", number: `AV-${id}`, correctsInvoiceId: "i1", lines: creditLines, totalExclVatCents: tt.totalExclVatCents, totalVatCents: tt.totalVatCents, totalInclVatCents: tt.totalInclVatCents })
}
const ctx = (id: string) => ({ id, now: 1_000, by: "agent1@demo.comptoir.test", today: "2026-12-02" })

const quote = (status: "sent" | "accepted", validUntil = "2026-12-31") => Quote.parse({ ...base, id: "q1", type: "quote", status, number: "DEV-2026-00001", validUntil, paymentTerms: { kind: "net", days: 30 } })
const order = (status: "draft" | "confirmed" | "invoiced" | "cancelled") => Order.parse({ ...base, id: "o1", type: "order", status, paymentTerms: { kind: "end-of-month", days: 45 } })
const invoice = () => Invoice.parse({ ...base, id: "i1", type: "invoice", status: "issued", number: "FAC-2026-00009", dueDate: "2026-12-01", paymentTerms: { kind: "net", days: 30 } })

describe("quote to cash", () => {
  it("turns an accepted quote into a draft order with the same lines and the quote as its source", () => {
    const r = orderFromQuote(quote("accepted"), ctx("o9"))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ type: "order", status: "draft", sourceId: "q1", customerId: "c1", number: null, totalInclVatCents: t.totalInclVatCents })
    expect(r.value.lines.map((l) => [l.ref, l.quantityMilli, l.unitPriceCents])).toEqual(lines.map((l) => [l.ref, l.quantityMilli, l.unitPriceCents]))
  })

  it("refuses an order from a quote that is only sent, or that expired by date, and says its status", () => {
    expect(orderFromQuote(quote("sent"), ctx("o9"))).toMatchObject({ ok: false, code: "quote-not-accepted", params: { status: "sent" } })
    expect(orderFromQuote({ ...quote("sent"), validUntil: "2026-11-30" }, ctx("o9"))).toMatchObject({ ok: false, params: { status: "expired" } })
  })

  it("invoices a confirmed order with the due date its terms give (45 days end of month)", () => {
    const r = invoiceFromOrder(order("confirmed"), ctx("i9"))
    expect(r.ok && r.value).toMatchObject({ type: "invoice", status: "draft", sourceId: "o1", dueDate: "2027-01-31" })
    expect(invoiceFromOrder(order("draft"), ctx("i9"))).toMatchObject({ ok: false, code: "order-not-confirmed" })
  })

  it("carries the customer's order number from the order to its invoice, which the buyer matches it on", () => {
    const r = invoiceFromOrder({ ...order("confirmed"), customerPoNumber: "NH-4471" }, ctx("i9"))
    expect(r.ok && r.value.customerPoNumber).toBe("NH-4471")
    const none = invoiceFromOrder(order("confirmed"), ctx("i9"))
    expect(none.ok && none.value.customerPoNumber).toBeNull()
  })

  it("takes the customer's order number typed on a draft order (a quote's order has none), which its invoice then carries", () => {
    const typed = withCustomerPo(order("draft"), "  PO-2026-118 ", 2_000)
    expect(typed.ok && typed.value).toMatchObject({ customerPoNumber: "PO-2026-118", updatedAt: 2_000 })
    if (!typed.ok) return
    const invoiced = invoiceFromOrder({ ...typed.value, status: "confirmed" }, ctx("i9"))
    expect(invoiced.ok && invoiced.value.customerPoNumber).toBe("PO-2026-118")
    const cleared = withCustomerPo(typed.value, " ", 3_000)
    expect(cleared.ok && cleared.value.customerPoNumber).toBeNull()
  })

  it("takes it on a draft invoice too, but not once the invoice is issued, which the server freezes", () => {
    const draftInvoice = { ...invoice(), status: "draft" as const, number: null }
    expect(withCustomerPo(draftInvoice, "NH-4471", 2_000)).toMatchObject({ ok: true, value: { customerPoNumber: "NH-4471" } })
    expect(withCustomerPo(invoice(), "NH-4471", 2_000)).toMatchObject({ ok: false, code: "po-not-draft", params: { status: "issued" } })
    expect(withCustomerPo(order("draft"), "x".repeat(61), 2_000)).toMatchObject({ ok: false, code: "po-too-long" })
  })

  it("takes the customer's order number sent after the order was confirmed by phone, and logs who added it, when, and from what to what", () => {
    const confirmed = { ...order("confirmed"), history: [{ status: "confirmed", at: 1_000, by: "agent1@x" }] }
    const typed = withCustomerPo(confirmed, "PO-77120", 2_000, "agent2@x")
    expect(typed).toMatchObject({ ok: true, value: { customerPoNumber: "PO-77120", status: "confirmed", updatedAt: 2_000 } })
    expect(typed.ok && typed.value.history).toEqual([...confirmed.history, { status: "po-number", at: 2_000, by: "agent2@x", from: null, to: "PO-77120" }])
    // Typing the same number again changes nothing, and logs nothing.
    if (!typed.ok) return
    expect(withCustomerPo(typed.value, "PO-77120", 3_000, "agent2@x")).toEqual({ ok: true, value: typed.value })
    // A corrected number, then one cleared: each entry keeps the number it replaced.
    const corrected = withCustomerPo(typed.value, " PO-77121 ", 3_000, "agent1@x")
    if (!corrected.ok) throw new Error(corrected.message)
    const cleared = withCustomerPo(corrected.value, "", 4_000, "agent1@x")
    expect(cleared.ok && cleared.value.history.slice(1)).toEqual([
      { status: "po-number", at: 2_000, by: "agent2@x", from: null, to: "PO-77120" },
      { status: "po-number", at: 3_000, by: "agent1@x", from: "PO-77120", to: "PO-77121" },
      { status: "po-number", at: 4_000, by: "agent1@x", from: "PO-77121", to: null }
    ])
    // The record as stored and synced (its schema) keeps both numbers.
    expect(cleared.ok && Order.parse(cleared.value).history).toEqual(cleared.ok && cleared.value.history)
  })

  it("carries the number added to a confirmed order onto the draft invoice already made from it, not onto one typed otherwise", () => {
    const confirmed = order("confirmed")
    const made = invoiceFromOrder(confirmed, ctx("i9"))
    if (!made.ok) throw new Error(made.message)
    const typedOnInvoice = { ...made.value, id: "i10", customerPoNumber: "TYPED-1" }
    const issued = { ...made.value, id: "i11", status: "issued" as const }
    const typed = withCustomerPo(confirmed, "PO-77120", 2_000, "agent2@x")
    if (!typed.ok) throw new Error(typed.message)
    expect(invoicesFollowingPo(confirmed, typed.value, [made.value, typedOnInvoice, issued], 2_000)).toEqual([{ ...made.value, customerPoNumber: "PO-77120", updatedAt: 2_000 }])
  })

  it("refuses the customer's order number on an invoiced order, saying its invoice carries it", () => {
    expect(withCustomerPo(order("invoiced"), "PO-77120", 2_000, "agent2@x")).toMatchObject({ ok: false, code: "po-invoiced", message: expect.stringContaining("its invoice carries") })
    expect(withCustomerPo(order("cancelled"), "PO-77120", 2_000, "agent2@x")).toMatchObject({ ok: false, code: "po-not-draft" })
  })

  it("leaves the order's capture line (the mail's subject, sender and webmail id) off its invoice, which the customer reads; the delivery address stays", () => {
    for (const captured of ["Saisie depuis le mail «\u00a0Commande BC-2026-0458\u00a0» (celine.mercier@cave-vallee-paris.fr, roundcube:1)", "Captured from the mail “Purchase order IM-55120” (matthew.pickering@ingram-motors.co.uk, roundcube:2)"]) {
      const fromMail = { ...order("confirmed"), sourceId: "mail:roundcube:1", notes: `${captured}\nAdresse de livraison\u00a0: ZA du Plateau, 26500 Bourg-lès-Valence` }
      const r = invoiceFromOrder(fromMail, ctx("i9"))
      expect(r.ok && r.value.notes).toBe("Adresse de livraison\u00a0: ZA du Plateau, 26500 Bourg-lès-Valence")
    }
    // An order of a quote keeps its notes whole.
    const typed = invoiceFromOrder({ ...order("confirmed"), sourceId: "q1", notes: "Livraison par le quai 3" }, ctx("i9"))
    expect(typed.ok && typed.value.notes).toBe("Livraison par le quai 3")
  })

  it("moves documents only along the workflow and names what is allowed when it refuses", () => {
    const confirmed = transition(order("draft"), "confirmed", "a@x", 5)
    expect(confirmed.ok && confirmed.value.history.at(-1)).toEqual({ status: "confirmed", at: 5, by: "a@x" })
    const back = transition(invoice(), "draft", "a@x", 5)
    expect(back).toMatchObject({ ok: false, code: "illegal-transition" })
    expect(!back.ok && back.message).toBe("an invoice cannot go from issued to draft (allowed: none)")
  })

  it("records a sent quote past its date as expired before re-sending it", () => {
    const r = transition({ ...quote("sent"), validUntil: "2026-11-30" }, "sent", "a@x", 5, "2026-12-02")
    expect(r.ok && r.value.history.slice(-2).map((h) => h.status)).toEqual(["expired", "sent"])
  })

  it("credits a whole invoice with negative quantities, or part of one line", () => {
    const full = creditNoteFor(invoice(), "full", [], ctx("cn1"))
    expect(full.ok && full.value.totalInclVatCents).toBe(-t.totalInclVatCents)
    const part = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 2000 }], [], ctx("cn2"))
    expect(part.ok && part.value.lines.map((l) => l.quantityMilli)).toEqual([-2000])
    expect(part.ok && part.value.totalInclVatCents).toBe(-3000)
    expect(creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 11_000 }], [], ctx("cn3"))).toMatchObject({ ok: false, code: "credit-quantity" })
  })

  it("refuses a credit note that would take back more than the invoice with the earlier ones", () => {
    // An older credit note, made before credit lines had to be lines of the invoice: it counts in amount only.
    const gesture = [{ id: "g1", label: "Geste commercial", quantityMilli: -1000, unitPriceCents: 2500, discountBp: 0, vatRateBp: 2000 }]
    const earlier = issuedCredit("cn-old", gesture)
    expect(creditNoteFor(invoice(), "full", [earlier], ctx("cn4"))).toMatchObject({ ok: false, code: "credit-over-invoice" })
  })

  it("refuses a credit note that credits more rolls than the invoice has left to credit", () => {
    const first = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 1000 }], [], ctx("cn7"))
    const issued = first.ok ? [{ ...first.value, status: "issued" as const }] : []
    expect(issued[0]!.lines[0]!.invoiceLineId).toBe("a")
    expect(creditableByLine(invoice(), issued).get("a")).toBe(9000)
    const again = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 10_000 }], issued, ctx("cn8"))
    expect(again).toMatchObject({ ok: false, code: "credit-quantity", params: { label: "Gants", max: 9, asked: 10 } })
    expect(creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 9000 }], issued, ctx("cn8")).ok).toBe(true)
  })

  it("counts only issued credit notes of this invoice, and a draft one takes nothing back yet", () => {
    const draft = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 10_000 }], [], ctx("cn9"))
    const other = { ...issuedCredit("cn-x", [{ ...lines[0]!, id: "x1", quantityMilli: -10_000 }]), correctsInvoiceId: "i2" }
    expect(creditableByLine(invoice(), [...(draft.ok ? [draft.value] : []), other]).get("a")).toBe(10_000)
  })

  it("matches an older credit line that does not name its invoice line on its ref, label, price, discount and VAT rate", () => {
    const older = issuedCredit("cn-old", [{ ...lines[1]!, id: "o1", quantityMilli: -2000 }])
    const left = creditableByLine(invoice(), [older])
    expect([left.get("a"), left.get("b")]).toEqual([10_000, 0])
    // The fully credited line is not credited again; "full" credits what is left of the others.
    expect(creditNoteFor(invoice(), [{ lineId: "b", quantityMilli: 1000 }], [older], ctx("cn10"))).toMatchObject({ ok: false, code: "credit-line-credited" })
    const rest = creditNoteFor(invoice(), "full", [older], ctx("cn11"))
    expect(rest.ok && rest.value.lines.map((l) => [l.invoiceLineId, l.quantityMilli])).toEqual([["a", -10_000]])
  })

  it("checks a credit note being issued against the credit notes issued since it was made (the server's check)", () => {
    const a = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 6000 }], [], ctx("cn12"))
    const b = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 6000 }], [], ctx("cn13"))
    if (!a.ok || !b.ok) throw new Error("both drafts are made")
    expect(checkCredit(invoice(), [{ ...a.value, status: "issued" }], b.value)).toMatchObject({ code: "credit-quantity", message: 'only 4 of "Gants" are left to credit on FAC-2026-00009 (10 invoiced), not 6' })
    expect(checkCredit(invoice(), [a.value], b.value)).toBeNull()
    // A line naming an invoice line but priced otherwise is not a line of the invoice.
    const dearer = { ...b.value, lines: b.value.lines.map((l) => ({ ...l, unitPriceCents: 99_999 })) }
    expect(checkCredit(invoice(), [], dearer)).toMatchObject({ code: "credit-unknown-line" })
  })

  it("makes an invoice paid when partial payments cover it, and refuses paying more than is left", () => {
    const inv = invoice()
    const first = recordPayment(inv, [], 0, { id: "p1", date: "2026-12-01", amountCents: 10_000, method: "transfer", reference: "VIR 1", now: 1, by: "agent1@demo.comptoir.test" })
    expect(first.ok).toBe(true)
    // Who recorded it, as a status change says who made it.
    expect(first.ok && first.value.recordedBy).toBe("agent1@demo.comptoir.test")
    const paid = first.ok ? [first.value] : []
    expect(invoiceBalance(inv.totalInclVatCents, paid).state).toBe("partly-paid")
    const rest = recordPayment(inv, paid, 0, { id: "p2", date: "2026-12-02", amountCents: inv.totalInclVatCents - 10_000, method: "cheque", reference: "", now: 2, by: "a@x" })
    const all = rest.ok ? [...paid, rest.value] : paid
    expect(invoiceBalance(inv.totalInclVatCents, all)).toMatchObject({ state: "paid", remainingCents: 0, paidOn: "2026-12-02" })
    expect(recordPayment(inv, all, 0, { id: "p3", date: "2026-12-02", amountCents: 1, method: "cash", reference: "", now: 3, by: "a@x" })).toMatchObject({ ok: false, code: "payment-over-balance" })
  })

  it("records an overpayment once the agent says how much is over, keeping the excess as the customer's credit", () => {
    // A customer pays 1 300 € on an invoice of 1 234,08 €: the money came, the invoice is paid, 65,92 € are theirs.
    const inv = { ...invoice(), totalInclVatCents: 123_408 }
    const pay = (overpaymentCents?: number) =>
      recordPayment(inv, [], 0, { id: "p1", date: "2026-12-01", amountCents: 130_000, method: "transfer", reference: "VIR 77", now: 1, by: "a@x", ...(overpaymentCents ? { overpaymentCents } : {}) })
    expect(pay()).toMatchObject({ ok: false, code: "payment-over-balance", params: { remainingCents: 123_408, excessCents: 6_592 } })
    // An acknowledgement of another figure (made before another agent's payment lowered the balance) does not hold.
    expect(pay(5_000)).toMatchObject({ ok: false, code: "payment-over-balance" })
    const r = pay(6_592)
    expect(r).toMatchObject({ ok: true, value: { amountCents: 130_000, overpaymentCents: 6_592 } })
    const recorded = r.ok ? [r.value] : []
    expect(invoiceBalance(inv.totalInclVatCents, recorded)).toMatchObject({ state: "paid", remainingCents: 0, excessCents: 6_592 })
    // Nothing over, yet an excess said: refused rather than kept as a credit that is not there.
    expect(recordPayment(inv, [], 0, { id: "p2", date: "2026-12-01", amountCents: 100_000, method: "transfer", reference: "", now: 1, by: "a@x", overpaymentCents: 6_592 })).toMatchObject({
      ok: false,
      code: "payment-not-over"
    })
    const risk = customerRisk({ creditLimitCents: 1_000_000, invoices: [inv], orders: [], creditNotes: [], payments: recorded, today: "2026-12-02" })
    expect(risk).toMatchObject({ creditCents: 6_592, outstandingCents: 0, reasons: [{ code: "customer-credit", creditCents: 6_592 }] })
  })

  it("refuses a payment dated before the invoice, or on a day still to come", () => {
    const inv = invoice()
    const pay = (date: string) => recordPayment(inv, [], 0, { id: "p9", date, amountCents: 100, method: "cheque", reference: "", now: 1, by: "a@x", today: "2026-12-07" })
    expect(pay("2026-01-15")).toMatchObject({ ok: false, code: "payment-before-invoice", params: { invoiceDate: inv.date } })
    expect(pay("2026-12-08")).toMatchObject({ ok: false, code: "payment-in-future", params: { today: "2026-12-07" } })
    expect(pay(inv.date).ok).toBe(true)
    expect(pay("2026-12-07").ok).toBe(true)
  })

  it("records a payment received before its invoice when the agent says it came first (a deposit, a paid pro forma)", () => {
    const inv = invoice()
    const r = recordPayment(inv, [], 0, { id: "p9", date: "2026-01-15", amountCents: 100, method: "transfer", reference: "", now: 1, by: "a@x", today: "2026-12-07", receivedBeforeInvoice: true })
    expect(r).toMatchObject({ ok: true, value: { date: "2026-01-15", amountCents: 100 } })
  })

  it("counts a credit note against what the customer owes", () => {
    const cn = creditNoteFor(invoice(), [{ lineId: "a", quantityMilli: 2000 }], [], ctx("cn5"))
    const issued = cn.ok ? { ...cn.value, status: "issued" as const } : null
    expect(creditedByInvoice(issued ? [issued] : []).get("i1")).toBe(3000)
  })

  it("leaves an overdue invoice its credit note took back entirely out of the customer's outstanding and overdue", () => {
    const late = { ...invoice(), dueDate: "2026-10-01" }
    const cn = creditNoteFor(late, "full", [], ctx("cn6"))
    const issued = cn.ok ? [{ ...cn.value, status: "issued" as const }] : []
    const risk = customerRisk({ creditLimitCents: 1_000_000, invoices: [late], orders: [], creditNotes: issued, payments: [], today: "2026-12-02" })
    expect(risk).toMatchObject({ level: "ok", outstandingCents: 0, overdueCents: 0, overdueInvoices: 0, averageDaysLate: null })
  })
})

describe("the manager's override", () => {
  const overdueInvoice = { ...invoice(), dueDate: "2026-10-01" }
  const risk = customerRisk({ creditLimitCents: 1_000_000, invoices: [overdueInvoice], orders: [], creditNotes: [], payments: [], today: "2026-12-02" })

  it("blocks confirming an order for a customer with an invoice overdue beyond the threshold", () => {
    expect(risk.level).toBe("blocked")
    expect(confirmCheck(risk, { totalInclVatCents: 100, riskOverride: null })).toMatchObject({ allowed: false, needsOverride: true, reasons: [{ code: "overdue-beyond-threshold", days: 62 }] })
  })

  it("blocks an order that would put the customer over its limit, even when nothing is overdue", () => {
    const fresh = customerRisk({ creditLimitCents: 50_000, invoices: [], orders: [], creditNotes: [], payments: [], today: "2026-12-02" })
    expect(confirmCheck(fresh, { totalInclVatCents: 60_000, riskOverride: null })).toMatchObject({ allowed: false, reasons: [{ code: "over-limit", outstandingCents: 60_000, limitCents: 50_000 }] })
    expect(confirmCheck(fresh, { totalInclVatCents: 40_000, riskOverride: null })).toMatchObject({ allowed: true, needsOverride: false })
  })

  it("lets a manager override with a reason, logged with who and why; an agent cannot", () => {
    expect(withOverride(order("draft"), { email: "agent1@x", role: "agent" }, "good customer", 7)).toMatchObject({ ok: false, code: "override-not-manager" })
    expect(withOverride(order("draft"), { email: "boss@x", role: "manager" }, "  ", 7)).toMatchObject({ ok: false, code: "override-reason" })
    const r = withOverride(order("draft"), { email: "boss@x", role: "manager" }, "Paid by cheque on site", 7)
    expect(r.ok && r.value.riskOverride).toEqual({ by: "boss@x", reason: "Paid by cheque on site", at: 7 })
    expect(r.ok && confirmCheck(risk, r.value).allowed).toBe(true)
  })
})

describe("a customer's risk from the documents on this device", () => {
  const inv = (id: string, status: "draft" | "issued", dueDate: string, total: number) => ({ ...invoice(), id, status, dueDate, number: status === "issued" ? `FAC-${id}` : null, totalInclVatCents: total })
  const ord = (id: string, status: "draft" | "confirmed" | "invoiced", total: number) => ({ ...order("draft"), id, status, totalInclVatCents: total })
  const pay = (invoiceId: string, amountCents: number) => PaymentRecord.parse({ id: `p-${invoiceId}`, invoiceId, customerId: "c1", date: "2026-11-01", amountCents, method: "transfer", createdAt: 0 })

  it("counts issued invoices less their payments and credit notes, and confirmed orders, never drafts", () => {
    const credit = { ...invoice(), id: "cn1", type: "credit-note" as const, status: "issued" as const, correctsInvoiceId: "i2", totalInclVatCents: -20_000 }
    const { dueDate: _d, paymentTerms: _p, ...creditNote } = credit
    const r = customerRisk({
      creditLimitCents: 1_000_000,
      invoices: [inv("i1", "issued", "2026-12-31", 100_000), inv("i2", "issued", "2026-12-31", 50_000), inv("i3", "draft", "2026-12-31", 999_999)],
      creditNotes: [creditNote],
      orders: [ord("o1", "confirmed", 70_000), ord("o2", "draft", 999_999), ord("o3", "invoiced", 999_999)],
      payments: [pay("i1", 40_000)],
      today: "2026-12-02"
    })
    expect(r.unpaidInvoicesCents).toBe(60_000 + 30_000)
    expect(r.openOrdersCents).toBe(70_000)
    expect(r.outstandingCents).toBe(160_000)
    expect(r.level).toBe("ok")
  })

  it("blocks a customer whose unpaid invoice is 45 days late, and says how much and how late", () => {
    const r = customerRisk({ creditLimitCents: null, invoices: [inv("i1", "issued", "2026-10-18", 12_000)], creditNotes: [], orders: [], payments: [], today: "2026-12-02" })
    expect(r.level).toBe("blocked")
    expect(r.reasons[0]).toEqual({ code: "overdue-beyond-threshold", overdueCents: 12_000, days: 45, thresholdDays: 30 })
  })
})

describe("reminders", () => {
  it("logs each reminder in the invoice's history and reads them back for the dunning schedule", () => {
    const r = withReminder(invoice(), "friendly", "agent1@x", Date.parse("2026-12-02T10:00:00Z"))
    expect(r.ok && remindersOf(r.value)).toEqual([{ level: "friendly", at: "2026-12-02", by: "agent1@x" }])
  })

  it("dates a reminder sent just after midnight in France on France's day, as the invoice's days overdue are counted", () => {
    // 00:30 in Paris on 3 December is still 2 December in UTC.
    const r = withReminder(invoice(), "friendly", "agent1@x", Date.parse("2026-12-02T23:30:00Z"))
    expect(r.ok && remindersOf(r.value)).toEqual([{ level: "friendly", at: "2026-12-03", by: "agent1@x" }])
  })

  it("a payment record keeps its method and reference", () => {
    expect(PaymentRecord.parse({ id: "p", invoiceId: "i", customerId: "c", date: "2026-12-01", amountCents: 5, method: "cheque", reference: "CHQ 123", createdAt: 1 }).reference).toBe("CHQ 123")
  })
})
