import { CallLog } from "../calls/call-log.schema"
import type { Customer, Product } from "../customers/customer.schema"
import { CreditNote, Invoice, Order, PaymentRecord, Quote, type DocumentLine, type SalesDocument } from "../documents/document.schema"
import { addDaysIso, dueDate, termsFromDays } from "../documents/payment-terms"
import { computeTotals } from "../documents/totals"
import { customerVatRegime, defaultVatRateBp } from "../documents/vat-regime"
import { formatDocumentNumber, type DocumentType } from "../documents/workflow"
import { intBetween, pick, seededRandom } from "./random"

export interface DemoDocuments {
  documents: SalesDocument[]
  payments: PaymentRecord[]
  /** The last number used per type and year, for the server's numbering to go on from. */
  lastNumbers: { type: DocumentType; year: number; last: number }[]
  /** The customer put over its credit limit on purpose. */
  overLimitCustomerId: string
  callLogs: CallLog[]
}

/** The demo's accepted quote for the customer over its credit limit. */
export const OVER_LIMIT_QUOTE_ID = "demo-quote-over-limit"

const OUTCOMES = ["order-taken", "quote-requested", "appointment-set", "call-back", "information-given", "not-interested", "no-answer", "voicemail"] as const

/**
 * A year of a sales desk's paperwork for the demo team: quotes in every status, orders, invoices paid on time,
 * paid late, partly paid and overdue (7 to 50 days), and one customer over its credit limit; numbered in date
 * order as the server would have numbered them, totals from the same code that issues real ones.
 */
export function generateDemoDocuments(customers: readonly Customer[], products: readonly Product[], today: string, seed = 7): DemoDocuments {
  const rnd = seededRandom(seed)
  const docs: SalesDocument[] = []
  const payments: PaymentRecord[] = []
  const callLogs: CallLog[] = []
  let n = 0
  const id = (p: string) => `demo-${p}-${String(++n).padStart(5, "0")}`
  const ts = (iso: string) => Date.parse(`${iso}T09:00:00Z`)

  const withLimit = customers.filter((c) => c.creditLimitCents !== null && c.contacts.length > 0)
  const active = withLimit.slice(0, 60)
  const overLimit = active[0]!

  const lines = (c: Customer, count: number): DocumentLine[] =>
    Array.from({ length: count }, () => {
      const p = pick(rnd, products)
      return {
        id: id("line"),
        productId: p.id,
        ref: p.ref,
        label: c.language === "en" ? p.nameEn : p.nameFr,
        unit: p.unit,
        quantityMilli: intBetween(rnd, 1, 40) * 1000,
        unitPriceCents: p.unitPriceCents,
        discountBp: pick(rnd, [0, 0, 0, 500, 1000]),
        // A UK or US customer's goods are exported: 0 %, the documents print the export mention (vat-regime.ts).
        vatRateBp: defaultVatRateBp(customerVatRegime(c), p.vatRateBp)
      }
    })

  const base = (c: Customer, date: string, ls: DocumentLine[], status: string) => {
    const t = computeTotals(ls)
    return {
      id: "",
      customerId: c.id,
      contactId: c.contacts[0]?.id ?? null,
      language: c.language,
      number: null as string | null,
      date,
      lines: ls,
      totalExclVatCents: t.totalExclVatCents,
      totalVatCents: t.totalVatCents,
      totalInclVatCents: t.totalInclVatCents,
      notes: "",
      salesRep: c.salesRep,
      sourceId: null as string | null,
      history: [{ status, at: ts(date), by: "agent1@demo.comptoir.test" }],
      createdAt: ts(date),
      updatedAt: ts(date)
    }
  }

  for (const c of active) {
    const terms = termsFromDays(c.paymentTermsDays)
    // Quotes: one recent in each status now and then.
    const qDate = addDaysIso(today, -intBetween(rnd, 1, 40))
    const qStatus = pick(rnd, ["draft", "sent", "sent", "accepted", "refused"] as const)
    const quote = Quote.parse({ ...base(c, qDate, lines(c, intBetween(rnd, 1, 5)), qStatus), id: id("quote"), type: "quote", status: qStatus, validUntil: addDaysIso(qDate, 30), paymentTerms: terms })
    docs.push(quote)

    // Invoices over the year: most paid, some late, some overdue today.
    const count = c.id === overLimit.id ? 3 : intBetween(rnd, 1, 4)
    for (let i = 0; i < count; i++) {
      const iDate = addDaysIso(today, -intBetween(rnd, 20, 330))
      const ls = lines(c, intBetween(rnd, 1, 6))
      const order = Order.parse({ ...base(c, addDaysIso(iDate, -3), ls, "invoiced"), id: id("order"), type: "order", status: "invoiced", paymentTerms: terms, customerPoNumber: `PO-${intBetween(rnd, 10000, 99999)}` })
      const inv = Invoice.parse({ ...base(c, iDate, ls, "issued"), id: id("invoice"), type: "invoice", status: "issued", paymentTerms: terms, dueDate: dueDate(iDate, terms), sourceId: order.id, customerPoNumber: order.customerPoNumber })
      docs.push(order, inv)
      const due = inv.dueDate
      const fate = c.id === overLimit.id ? "overdue" : due >= today ? pick(rnd, ["open", "paid"] as const) : pick(rnd, ["paid", "paid", "paid-late", "partly", "overdue"] as const)
      const pay = (date: string, amount: number) =>
        payments.push(PaymentRecord.parse({ id: id("payment"), invoiceId: inv.id, customerId: c.id, date, amountCents: amount, method: pick(rnd, ["transfer", "transfer", "cheque", "card"] as const), createdAt: ts(date), recordedBy: "agent1@demo.comptoir.test" }))
      // Paid up to 10 days early, but never before the invoice itself (on-receipt terms: the due date is its date).
      if (fate === "paid") pay(minIso(maxIso(addDaysIso(due, -intBetween(rnd, 0, 10)), iDate), today), inv.totalInclVatCents)
      if (fate === "paid-late") pay(minIso(addDaysIso(due, intBetween(rnd, 5, 40)), today), inv.totalInclVatCents)
      if (fate === "partly") pay(minIso(addDaysIso(due, 2), today), Math.round(inv.totalInclVatCents / 2))
    }
    // An order confirmed but not invoiced yet now and then (it counts in the outstanding).
    if (rnd() < 0.25 || c.id === overLimit.id) {
      const ls = lines(c, intBetween(rnd, 1, 4))
      docs.push(Order.parse({ ...base(c, addDaysIso(today, -intBetween(rnd, 1, 10)), ls, "confirmed"), id: id("order"), type: "order", status: "confirmed", paymentTerms: terms }))
    }
    // The calls that went with it, from yesterday back: a call placed later today would show in the future to an
    // agent who starts the demo in the morning.
    for (let k = 0; k < intBetween(rnd, 1, 4); k++) {
      const day = addDaysIso(today, -intBetween(rnd, 1, 30))
      const outcome = pick(rnd, OUTCOMES)
      const reached = !["no-answer", "voicemail"].includes(outcome)
      callLogs.push(CallLog.parse({
        id: id("call"),
        direction: pick(rnd, ["outbound", "outbound", "inbound"]),
        number: c.contacts[0]?.phones[0] ?? null,
        customerId: c.id,
        contactId: c.contacts[0]?.id ?? null,
        outcome,
        notes: reached ? pick(rnd, c.language === "en" ? ["Asked for prices on gloves", "Wants delivery next week", "Will send PO by email"] : ["Demande de prix sur les gants", "Souhaite une livraison la semaine prochaine", "Envoie le bon de commande par mail"]) : "",
        callbackAt: outcome === "call-back" ? ts(day) + 2 * 86_400_000 : null,
        startedAt: ts(day) + intBetween(rnd, 0, 8 * 3600) * 1000,
        durationSeconds: reached ? intBetween(rnd, 40, 900) : intBetween(rnd, 0, 30),
        appointment:
          outcome === "appointment-set"
            ? { date: addDaysIso(day, 7), time: "10:00", salesRep: "Claire Dubois", place: c.addresses[0]?.city || (c.language === "en" ? "At the customer's" : "Chez le client") }
            : null,
        agent: pick(rnd, ["agent1@demo.comptoir.test", "agent2@demo.comptoir.test"]),
        createdAt: ts(day)
      }))
    }
  }

  // A credit note for one invoice that had a wrong quantity.
  const corrected = docs.find((d): d is Extract<SalesDocument, { type: "invoice" }> => d.type === "invoice" && d.customerId !== overLimit.id)
  if (corrected) {
    const l = { ...corrected.lines[0]!, id: id("line"), quantityMilli: -1000, invoiceLineId: corrected.lines[0]!.id }
    docs.push(CreditNote.parse({ ...base(customers.find((c) => c.id === corrected.customerId)!, addDaysIso(corrected.date, 5), [l], "issued"), id: id("credit"), type: "credit-note", status: "issued", correctsInvoiceId: corrected.id }))
  }

  // An accepted quote for the customer over its limit, fixed (no draw from the generator): turned into an order,
  // its confirmation is blocked until a manager overrides (the quote-to-cash walkthrough and its e2e test).
  const blockedLines: DocumentLine[] = products.slice(0, 2).map((p, i) => ({
    id: `demo-quote-over-limit-l${i + 1}`,
    productId: p.id,
    ref: p.ref,
    label: overLimit.language === "en" ? p.nameEn : p.nameFr,
    unit: p.unit,
    quantityMilli: (i + 2) * 5000,
    unitPriceCents: p.unitPriceCents,
    discountBp: 0,
    vatRateBp: defaultVatRateBp(customerVatRegime(overLimit), p.vatRateBp)
  }))
  const acceptedOn = addDaysIso(today, -2)
  docs.push(Quote.parse({ ...base(overLimit, acceptedOn, blockedLines, "accepted"), id: OVER_LIMIT_QUOTE_ID, type: "quote", status: "accepted", validUntil: addDaysIso(acceptedOn, 30), paymentTerms: termsFromDays(overLimit.paymentTermsDays) }))

  // Numbers in date order per type and year, as the server hands them out.
  const last = new Map<string, { type: DocumentType; year: number; last: number }>()
  for (const d of [...docs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (d.status === "draft") continue
    const year = Number(d.date.slice(0, 4))
    const key = `${d.type}:${year}`
    const entry = last.get(key) ?? { type: d.type, year, last: 0 }
    entry.last++
    last.set(key, entry)
    d.number = formatDocumentNumber(d.type, year, entry.last)
  }
  return { documents: docs, payments, lastNumbers: [...last.values()], overLimitCustomerId: overLimit.id, callLogs }
}

function minIso(a: string, b: string): string {
  return a < b ? a : b
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b
}
