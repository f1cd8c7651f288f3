import { CallLog } from "../calls/call-log.schema"
import type { Customer, Product } from "../customers/customer.schema"
import { CreditNote, Invoice, Order, PaymentRecord, Quote, type DocumentLine, type SalesDocument } from "../documents/document.schema"
import { DEFAULT_DUNNING_SCHEDULE, type DunningLevel } from "../documents/dunning"
import { recordPayment, REMINDER_PREFIX, type CreditNoteDoc, type InvoiceDoc, type Outcome } from "../documents/flow"
import { formatCents } from "../documents/money"
import { cancelPayment } from "../documents/payment-cancel"
import { addDaysIso, daysBetween, dueDate, termsFromDays } from "../documents/payment-terms"
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
type DemoOutcome = (typeof OUTCOMES)[number]

/**
 * What the agent wrote after each kind of call, in the customer's language: the note says what the outcome says.
 * Nobody answered: no note; a voicemail: only that a message was left (no conversation to report).
 */
const NOTES: Record<DemoOutcome, { fr: readonly string[]; en: readonly string[] } | { fr: string; en: string }> = {
  "order-taken": {
    fr: ["Commande de 10 ramettes A4, livraison vendredi", "Commande confirmée au téléphone, le bon de commande suit par mail", "Renouvelle sa commande habituelle de toner"],
    en: ["Ordered 10 reams of A4, delivery on Friday", "Order confirmed on the phone, the PO follows by email", "Repeat order of the usual toner"]
  },
  "quote-requested": {
    fr: ["Demande un devis pour 4 chaises de bureau", "Veut un devis pour le contrat de maintenance annuel", "Devis demandé pour des bureaux, à envoyer cette semaine"],
    en: ["Asked for a quote for 4 office chairs", "Wants a quote for the annual maintenance contract", "Quote requested for desks, to send this week"]
  },
  "appointment-set": {
    fr: ["Rendez-vous pris pour présenter la gamme mobilier", "Rendez-vous pour voir le réaménagement de ses bureaux", "Rendez-vous pris : veut voir les échantillons"],
    en: ["Meeting booked to show the furniture range", "Meeting booked to look at the office refit", "Meeting booked: wants to see samples"]
  },
  "call-back": {
    fr: ["En réunion, rappeler dans deux jours", "Doit voir avec son associé, rappeler dans deux jours", "Budget pas encore validé, rappeler dans deux jours"],
    en: ["In a meeting, call back in two days", "Has to check with a partner, call back in two days", "Budget not approved yet, call back in two days"]
  },
  "information-given": {
    fr: ["Renseigné sur les délais de livraison", "Questions sur sa dernière facture, explications données", "Renseigné sur la disponibilité du toner TN-2420"],
    en: ["Told about delivery times", "Questions about the last invoice, explained", "Told about stock of the TN-2420 toner"]
  },
  "not-interested": {
    fr: ["Pas de besoin pour le moment, déjà équipé", "Pas intéressé : sous contrat avec un autre fournisseur", "Pas de besoin cette année, budget gelé"],
    en: ["No need at the moment, already equipped", "Not interested: under contract with another supplier", "No need this year, budget frozen"]
  },
  "no-answer": { fr: "", en: "" },
  voicemail: { fr: "Message laissé sur le répondeur", en: "Left a voicemail" }
}

/**
 * How late the demo's unpaid invoices are, in turn, and the reminders already sent for each: a team's list spread
 * over the levels (friendly at 7 days, firm at 15, formal notice at 30), most reminders sent on time, a few due today,
 * and now and then one left to go well past the formal notice with nothing sent.
 */
const LATENESS: ReadonlyArray<readonly [days: number, sent: readonly DunningLevel[]]> = [
  [9, ["friendly"]],
  [34, ["friendly", "firm"]],
  [18, ["friendly"]],
  [3, []],
  [52, ["friendly", "firm", "formal-notice"]],
  [12, []],
  [26, ["friendly", "firm"]],
  [118, []],
  [41, ["friendly", "firm", "formal-notice"]],
  [21, ["friendly"]],
  [8, []],
  [31, ["friendly", "firm"]],
  [16, ["friendly"]],
  [75, ["friendly", "firm", "formal-notice"]],
  [11, ["friendly"]],
  [23, ["friendly", "firm"]],
  [5, []],
  [44, ["friendly"]],
  [38, ["friendly", "firm", "formal-notice"]],
  [14, ["friendly"]]
]
const REMINDED_BY: Record<DunningLevel, readonly string[]> = {
  friendly: ["agent1@demo.comptoir.test", "agent2@demo.comptoir.test"],
  firm: ["agent1@demo.comptoir.test", "agent2@demo.comptoir.test"],
  // A formal notice goes out under the manager's name.
  "formal-notice": ["manager@demo.comptoir.test"]
}

/**
 * A year of a sales desk's paperwork for the demo team: quotes in every status, orders, invoices paid on time,
 * paid late, partly paid and overdue (3 to 118 days, reminders sent as LATENESS says), and one customer over its
 * credit limit; numbered in date order as the server would have numbered them, totals from the same code that issues real ones.
 */
export function generateDemoDocuments(customers: readonly Customer[], products: readonly Product[], today: string, seed = 7): DemoDocuments {
  const rnd = seededRandom(seed)
  const docs: SalesDocument[] = []
  const payments: PaymentRecord[] = []
  const callLogs: CallLog[] = []
  let n = 0
  let lateCount = 0
  const id = (p: string) => `demo-${p}-${String(++n).padStart(5, "0")}`
  const ts = (iso: string) => Date.parse(`${iso}T09:00:00Z`)

  const withLimit = customers.filter((c) => c.creditLimitCents !== null && c.contacts.length > 0)
  const active = withLimit.slice(0, 60)
  const overLimit = active[0]!

  // The demo's paperwork is drawn from its taxed products, as it was before the catalog had a 0 % one: the same
  // seed gives the same documents, whose figures other tests and specs check.
  const taxed = products.filter((p) => p.vatRateBp !== 0)
  const lines = (c: Customer, count: number): DocumentLine[] =>
    Array.from({ length: count }, () => {
      const p = pick(rnd, taxed)
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
      let iDate = addDaysIso(today, -intBetween(rnd, 20, 330))
      const ls = lines(c, intBetween(rnd, 1, 6))
      const poNumber = `PO-${intBetween(rnd, 10000, 99999)}`
      const fate = c.id === overLimit.id ? "overdue" : dueDate(iDate, terms) >= today ? pick(rnd, ["open", "paid"] as const) : pick(rnd, ["paid", "paid", "paid-late", "partly", "overdue"] as const)
      // Still owed past its due date: dated so that it is as late as the next entry of LATENESS, with its reminders.
      const late = fate === "overdue" || fate === "partly" ? LATENESS[lateCount++ % LATENESS.length]! : null
      if (late) iDate = addDaysIso(today, -(late[0] + daysBetween(iDate, dueDate(iDate, terms))))
      const order = Order.parse({ ...base(c, addDaysIso(iDate, -3), ls, "invoiced"), id: id("order"), type: "order", status: "invoiced", paymentTerms: terms, customerPoNumber: poNumber })
      let inv = Invoice.parse({ ...base(c, iDate, ls, "issued"), id: id("invoice"), type: "invoice", status: "issued", paymentTerms: terms, dueDate: dueDate(iDate, terms), sourceId: order.id, customerPoNumber: order.customerPoNumber })
      const due = inv.dueDate
      if (late) inv = withSentReminders(inv, late[1], today, lateCount)
      docs.push(order, inv)
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
        notes: noteFor(rnd, outcome, c.language),
        callbackAt: outcome === "call-back" ? ts(day) + 2 * 86_400_000 : null,
        startedAt: ts(day) + intBetween(rnd, 0, 8 * 3600) * 1000,
        durationSeconds: reached ? intBetween(rnd, 40, 900) : intBetween(rnd, 0, 30),
        appointment:
          outcome === "appointment-set"
            ? { date: addDaysIso(day, 7), time: "10:00", salesRep: c.salesRep ?? "Claire Dubois", place: c.addresses[0]?.city || (c.language === "en" ? "At the customer's" : "Chez le client") }
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

  typeOneTransferWrong(docs, payments, customers, overLimit.id, today)

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

/**
 * One transfer typed wrong and cancelled (payment-cancel.ts), as the payments list shows it: on a French customer's
 * invoice of 1 000 to 5 000 € paid in full by transfer, the agent first typed the amount a digit short (115,60 € for
 * 1 156,00 €: the invoice seemed part paid), cancelled it minutes later saying why, and recorded the right transfer.
 * A digit short, not one too many: a figure over what is left is stopped by the form until the agent ticks it as an
 * overpayment, so the typo that gets through is the one under it. Built by the functions a device records and cancels
 * with, on the day it happened, so it passes the rules the server checks them with (a refusal here is a bug: thrown).
 * The invoice's own transfer becomes the right one (same id, day and amount): its balance and every figure from it
 * stay, and nothing is drawn from the generator, so the other documents are the same as before.
 */
function typeOneTransferWrong(docs: SalesDocument[], payments: PaymentRecord[], customers: readonly Customer[], overLimitId: string, today: string): void {
  const french = new Set(customers.filter((c) => c.country === "FR" && c.id !== overLimitId).map((c) => c.id))
  const corrected = new Set(docs.flatMap((d) => (d.type === "credit-note" && d.correctsInvoiceId ? [d.correctsInvoiceId] : [])))
  const invoices = docs.filter((d): d is InvoiceDoc => d.type === "invoice")
  const total = (p: PaymentRecord) => invoices.find((i) => i.id === p.invoiceId)!.totalInclVatCents
  // Paid before today: the three records are timed that morning, never later than the demo is started.
  const at = payments.findIndex(
    (p) =>
      french.has(p.customerId) && !corrected.has(p.invoiceId) && payments.filter((x) => x.invoiceId === p.invoiceId).length === 1 && p.method === "transfer" &&
      p.amountCents === total(p) && p.amountCents >= 100_000 && p.amountCents < 500_000 && p.amountCents % 10 === 0 && p.date < today
  )
  // A demo of a few customers may have none (the seed's `customers` option): nothing to show then.
  if (at < 0) return
  const paid = payments[at]!
  const invoice = invoices.find((i) => i.id === paid.invoiceId)!
  const by = paid.recordedBy ?? "agent1@demo.comptoir.test"
  const minutes = (n: number) => paid.createdAt + n * 60_000
  const entry = { date: paid.date, method: "transfer" as const, reference: paid.reference, by, today: paid.date }
  const typed = must(recordPayment(invoice, [], 0, { ...entry, id: `${paid.id}-typed-wrong`, amountCents: paid.amountCents / 10, now: minutes(0) }))
  const mine = {
    invoices: invoices.filter((i) => i.customerId === invoice.customerId),
    creditNotes: docs.filter((d): d is CreditNoteDoc => d.type === "credit-note" && d.customerId === invoice.customerId),
    payments: [...payments.filter((p) => p.customerId === invoice.customerId && p !== paid), typed]
  }
  const reason = `Montant mal saisi : ${formatCents(paid.amountCents, "fr")} et non ${formatCents(typed.amountCents, "fr")}`
  const cancel = must(cancelPayment(mine, { id: `${paid.id}-cancel`, paymentId: typed.id, reason, now: minutes(4), today: paid.date, by: { email: by, role: "agent" } }))
  const right = must(recordPayment(invoice, [typed, cancel], 0, { ...entry, id: paid.id, amountCents: paid.amountCents, now: minutes(6) }))
  payments.splice(at, 1, typed, cancel, right)
}

function must<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`demo payment typed wrong: ${outcome.message}`)
  return outcome.value
}

/** The note for a call with this outcome (one draw for a conversation, none otherwise, as before notes matched). */
function noteFor(rnd: () => number, outcome: DemoOutcome, language: "fr" | "en"): string {
  const notes = NOTES[outcome][language]
  return typeof notes === "string" ? notes : pick(rnd, notes)
}

/**
 * The invoice with these reminders logged in its history, as the dunning screen logs them: each level on the day
 * the lateness reached it, or up to two days after (a reminder is sent on a working morning, not at midnight).
 */
function withSentReminders<T extends { dueDate: string; history: { status: string; at: number; by: string }[]; updatedAt: number }>(inv: T, sent: readonly DunningLevel[], today: string, k: number): T {
  const history = [...inv.history]
  for (const [j, level] of sent.entries()) {
    const reachedOn = addDaysIso(inv.dueDate, DEFAULT_DUNNING_SCHEDULE[level])
    // By yesterday at the latest: a reminder logged "today at 10:00" would be in the future at 8.
    const day = minIso(addDaysIso(reachedOn, (k + j) % 3), addDaysIso(today, -1))
    const by = REMINDED_BY[level][(k + j) % REMINDED_BY[level].length]!
    history.push({ status: `${REMINDER_PREFIX}${level}`, at: Date.parse(`${day}T09:00:00Z`), by })
  }
  return { ...inv, history, updatedAt: history[history.length - 1]!.at }
}

function minIso(a: string, b: string): string {
  return a < b ? a : b
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b
}
