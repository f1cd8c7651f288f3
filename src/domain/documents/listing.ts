import type { Customer } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import type { PaymentRecord } from "./document.schema"
import { nextReminder, type DunningLevel, type DunningSchedule } from "./dunning"
import { creditedByInvoice, remindersOf, type AnyDoc, type CreditNoteDoc, type InvoiceDoc } from "./flow"
import { daysOverdue, invoiceBalance, type InvoiceBalance } from "./payments"
import { effectiveQuoteStatus } from "./workflow"

/** One line of a workspace list: what the agent scans, with the money already worked out. */
export interface DocumentRow {
  id: string
  type: AnyDoc["type"]
  number: string | null
  /** The status as the agent sees it: a sent quote past its date is expired. */
  status: string
  customerId: string
  customerName: string
  customerCode: string
  date: string
  dueDate: string | null
  totalInclVatCents: number
  /** Invoices: what is left to pay (payments and credit notes deducted). */
  remainingCents: number | null
  /** From what was paid: "credited" when credit notes took back all that was not (see `invoiceBalance`). */
  paymentState: InvoiceBalance["state"] | null
  daysOverdue: number
  /**
   * Invoices past due: the next reminder in order, the level lateness reached, the level that may be sent at once
   * instead and the levels that would skip (see `nextReminder`), those sent.
   */
  dunning: { due: DunningLevel | null; reached: DunningLevel | null; direct: DunningLevel | null; skips: DunningLevel[]; sent: { level: DunningLevel; at: string; by: string }[] } | null
  /** Credit notes: the invoice they correct. */
  correctsInvoiceId: string | null
  language: "fr" | "en"
}

export interface RowContext {
  today: string
  customers: ReadonlyMap<string, Pick<Customer, "company" | "code">>
  payments: readonly PaymentRecord[]
  creditNotes: readonly CreditNoteDoc[]
  schedule: DunningSchedule
}

export function toRows(docs: readonly AnyDoc[], ctx: RowContext): DocumentRow[] {
  const credited = creditedByInvoice(ctx.creditNotes)
  const paymentsOf = new Map<string, PaymentRecord[]>()
  for (const p of ctx.payments) paymentsOf.set(p.invoiceId, [...(paymentsOf.get(p.invoiceId) ?? []), p])
  return docs.map((d) => {
    const c = ctx.customers.get(d.customerId)
    const row: DocumentRow = {
      id: d.id,
      type: d.type,
      number: d.number,
      status: d.type === "quote" ? effectiveQuoteStatus(d.status, d.validUntil, ctx.today) : d.status,
      customerId: d.customerId,
      customerName: c?.company ?? "",
      customerCode: c?.code ?? "",
      date: d.date,
      dueDate: d.type === "invoice" ? d.dueDate : d.type === "quote" ? d.validUntil : null,
      totalInclVatCents: d.totalInclVatCents,
      remainingCents: null,
      paymentState: null,
      daysOverdue: 0,
      dunning: null,
      correctsInvoiceId: d.type === "credit-note" ? d.correctsInvoiceId : null,
      language: d.language
    }
    if (d.type === "invoice" && d.status === "issued") {
      const bal = invoiceBalance(d.totalInclVatCents, paymentsOf.get(d.id) ?? [], credited.get(d.id) ?? 0)
      row.remainingCents = bal.remainingCents
      row.paymentState = bal.state
      row.daysOverdue = bal.remainingCents > 0 ? daysOverdue(d.dueDate, ctx.today) : 0
      if (row.daysOverdue > 0) {
        const sent = remindersOf(d)
        const step = nextReminder({ dueDate: d.dueDate, remainingCents: bal.remainingCents, reminders: sent }, ctx.today, ctx.schedule)
        row.dunning = { due: step.due, reached: step.reached, direct: step.direct, skips: step.skips, sent }
      }
    }
    return row
  })
}

export interface RowFilter {
  status?: string | undefined
  customerId?: string | undefined
  from?: string | undefined
  to?: string | undefined
  overdue?: boolean | undefined
  query?: string | undefined
}

/**
 * The list's filters: all must hold; the search matches the number, the customer's name or code (accents folded),
 * each term typed (split at spaces) found whole.
 */
export function filterRows(rows: readonly DocumentRow[], f: RowFilter): DocumentRow[] {
  // Each term as typed is found whole: "DEV-2026-00050" is that number, not a quote of a customer whose code is C-00050.
  const words = f.query ? f.query.split(/\s+/).map(foldText).filter(Boolean) : []
  return rows.filter((r) => {
    if (f.status && !statusMatches(r, f.status)) return false
    if (f.customerId && r.customerId !== f.customerId) return false
    if (f.from && r.date < f.from) return false
    if (f.to && r.date > f.to) return false
    if (f.overdue && r.daysOverdue <= 0) return false
    if (words.length) {
      const hay = foldText(`${r.number ?? ""} ${r.customerName} ${r.customerCode}`)
      if (!words.every((w) => hay.includes(w))) return false
    }
    return true
  })
}

/**
 * An invoice's payment states are statuses of the list too. "paid" is what the customer paid in full; "credited"
 * (settled by credit note) has its own entry rather than hiding under Paid: nothing was received, and the agent
 * checking the bank wants them apart, as Odoo keeps "Reversed" apart from "Paid". "unpaid": anything left to pay.
 */
function statusMatches(r: DocumentRow, status: string): boolean {
  if (status === "paid" || status === "credited") return r.paymentState === status
  if (status === "unpaid") return r.remainingCents !== null && r.remainingCents > 0
  return r.status === status
}

/** Newest first; the dunning list puts the latest-paid first instead (the most overdue). */
export function sortRows(rows: DocumentRow[], by: "date" | "overdue"): DocumentRow[] {
  return by === "overdue"
    ? rows.sort((a, b) => b.daysOverdue - a.daysOverdue || (b.remainingCents ?? 0) - (a.remainingCents ?? 0))
    : rows.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : (b.number ?? "").localeCompare(a.number ?? "")))
}

/** The card's documents block: what is open for this customer, counted and summed. */
export interface DocumentsSummary {
  openQuotes: { count: number; cents: number }
  openOrders: { count: number; cents: number }
  unpaidInvoices: { count: number; cents: number }
  overdueInvoices: {
    count: number
    cents: number
    maxDays: number
    /** The most overdue one (the payment reminder script's facts); null when none is. */
    mostOverdue?: { number: string; remainingCents: number; dueDate: string; daysOverdue: number } | null
  }
}

export function summarize(rows: readonly DocumentRow[]): DocumentsSummary {
  const s: DocumentsSummary = { openQuotes: { count: 0, cents: 0 }, openOrders: { count: 0, cents: 0 }, unpaidInvoices: { count: 0, cents: 0 }, overdueInvoices: { count: 0, cents: 0, maxDays: 0, mostOverdue: null } }
  for (const r of rows) {
    if (r.type === "quote" && (r.status === "draft" || r.status === "sent")) add(s.openQuotes, r.totalInclVatCents)
    if (r.type === "order" && (r.status === "draft" || r.status === "confirmed")) add(s.openOrders, r.totalInclVatCents)
    if (r.type === "invoice" && r.remainingCents !== null && r.remainingCents > 0) {
      add(s.unpaidInvoices, r.remainingCents)
      if (r.daysOverdue > 0) {
        add(s.overdueInvoices, r.remainingCents)
        s.overdueInvoices.maxDays = Math.max(s.overdueInvoices.maxDays, r.daysOverdue)
        const most = s.overdueInvoices.mostOverdue
        if (r.number && r.dueDate && (!most || r.daysOverdue > most.daysOverdue)) {
          s.overdueInvoices.mostOverdue = { number: r.number, remainingCents: r.remainingCents, dueDate: r.dueDate, daysOverdue: r.daysOverdue }
        }
      }
    }
  }
  return s
}

function add(bucket: { count: number; cents: number }, cents: number): void {
  bucket.count++
  bucket.cents += cents
}

export type { InvoiceDoc }
