import type { PaymentRecord } from "../../src/domain/documents/document.schema"
import { checkCredit, checkCreditApplied, checkCreditTakenBack, confirmCheck, creditedByInvoice, customerRisk, mayOverride, PO_NUMBER_STEP, type CreditNoteDoc, type InvoiceDoc, type OrderDoc } from "../../src/domain/documents/flow"
import { customerCreditOf } from "../../src/domain/documents/customer-credit"
import { dueDate, type PaymentTerms } from "../../src/domain/documents/payment-terms"
import { takeCancellation } from "../../src/domain/documents/payment-cancel"
import { invoiceBalance } from "../../src/domain/documents/payments"
import type { RiskReason } from "../../src/domain/documents/risk"
import { FRENCH_VAT_RATES_BP, totalsMismatch, type TotalsLine } from "../../src/domain/documents/totals"
import { formatDocumentNumber, NUMBERED_FROM, type DocumentType } from "../../src/domain/documents/workflow"
import { checkSellerForIssue, teamRiskSettings } from "../../src/domain/documents/seller.schema"
import { rowId, type MergeResult, type RowState } from "../../src/domain/sync/merge"
import type { RowData } from "../../src/domain/sync/protocol"
import type { Queryable } from "../db/db"

/** Fields that may still change once a document left draft: its status and the record of who moved it. */
const AFTER_ISSUE: Record<DocumentType, ReadonlySet<string>> = {
  // A quote re-sent after it expired gets a new validity date (and is checked again like a first sending).
  quote: new Set(["status", "history", "updatedAt", "validUntil"]),
  // The override is part of the record of the confirmation: given on the draft, never rewritten afterwards.
  order: new Set(["status", "history", "updatedAt"]),
  invoice: new Set(["status", "history", "updatedAt"]),
  "credit-note": new Set(["status", "history", "updatedAt"])
}

/** Today in France, where the numbering year and the invoice date are read. */
// Built once: a DateTimeFormat with a time zone costs ~0.2 ms to make, and every issuing push asks the date
// (36 ms of a 50-agent burst's server profile, bench/quote.bench.ts).
const PARIS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })

export function todayInParis(now = Date.now()): string {
  return PARIS_DATE.format(new Date(now))
}

/**
 * The server's part in a document's life, after the workflow merge accepted the write (same transaction, under
 * the team row lock the push took first):
 * - once out of draft, only the status and its history change (an issued invoice is corrected by a credit note);
 * - a number is never written by a client;
 * - when the document reaches the status that numbers it (quote sent, order confirmed, invoice or credit note
 *   issued), the totals are recomputed from the lines and a mismatch refused, the date becomes today's, an
 *   invoice's due date follows from its terms, and the next number of the team, type and year is taken.
 * A refusal is a conflict like the others: the device keeps its version and shows it with the reason.
 */
export async function applyDocumentRules(
  tx: Queryable,
  teamId: string,
  type: DocumentType,
  before: RowState | undefined,
  result: MergeResult,
  now = Date.now(),
  actor: Actor | null = null,
  pending?: ReadonlyMap<string, RowState>,
  allocate?: NumberAllocator
): Promise<MergeResult> {
  if (result.kind !== "write" || result.deleted || !result.data) return result
  const data = result.data
  const prev = before && !before.deleted && before.data ? before.data : null
  const prevStatus = prev ? String(prev.status) : null

  if (type === "order" && actor && canonical(prev?.riskOverride ?? null) !== canonical(data.riskOverride ?? null) && data.riskOverride) {
    const refused = await checkOverrideAuthor(tx, actor, data.riskOverride as { by: string })
    if (refused) return refused
  }

  if (prev && prevStatus !== "draft") {
    const poChanged = type === "order" && canonical(prev.customerPoNumber ?? null) !== canonical(data.customerPoNumber ?? null)
    if (poChanged) {
      const refused = checkConfirmedOrderPo(prev, data)
      if (refused) return refused
    }
    const changed = Object.keys({ ...prev, ...data }).filter((k) => !AFTER_ISSUE[type].has(k) && !(poChanged && k === "customerPoNumber") && canonical(prev[k]) !== canonical(data[k]))
    if (changed.length) {
      const fix = type === "invoice" ? "; a credit note corrects an issued invoice" : ""
      return conflict("illegal-transition", `a ${prevStatus} ${type} cannot be edited (${changed.slice(0, 5).join(", ")})${fix}`)
    }
    // The history is a record: entries are added, never rewritten.
    const before = Array.isArray(prev.history) ? prev.history : []
    const after = Array.isArray(data.history) ? data.history : []
    if (after.length < before.length || before.some((h, i) => canonical(h) !== canonical(after[i]))) {
      return conflict("illegal-transition", `the history of a ${prevStatus} ${type} can only grow`)
    }
    if (data.validUntil !== prev.validUntil && !(type === "quote" && prevStatus === "expired" && data.status === "sent")) {
      return conflict("illegal-transition", "only a quote re-sent after it expired gets a new validity date")
    }
    // Expired is a matter of date, not of a job having run: a sent quote past its date cannot be accepted.
    if (type === "quote" && prevStatus === "sent" && data.status === "accepted" && typeof data.validUntil === "string" && data.validUntil < todayInParis(now)) {
      return conflict("illegal-transition", `the quote expired on ${data.validUntil}: re-send it with a new validity date before it is accepted`)
    }
    if (type === "quote" && prevStatus === "expired" && data.status === "sent" && typeof data.validUntil === "string" && data.validUntil < todayInParis(now)) {
      return conflict("invalid", `the quote is valid until ${data.validUntil}, before today: give it a new validity date`)
    }
    return result
  }

  const issuing = data.status === NUMBERED_FROM[type]
  if (!issuing) {
    if (data.number !== null && data.number !== undefined) return conflict("invalid", "document numbers are given by the server when the document is issued")
    return result
  }

  const lines = (data.lines as { quantityMilli: number; unitPriceCents: number; discountBp: number; vatRateBp: number }[]).map(
    (l): TotalsLine => ({ quantityMilli: l.quantityMilli, unitPriceCents: l.unitPriceCents, discountBp: l.discountBp, vatRateBp: l.vatRateBp })
  )
  // What the totals cannot tell: a rate France does not have, or a negative line outside a credit note.
  const badRate = lines.find((l) => !(FRENCH_VAT_RATES_BP as readonly number[]).includes(l.vatRateBp))
  if (badRate) return conflict("invalid", `the VAT rate ${badRate.vatRateBp / 100} % is not a French rate (20, 10, 5.5, 2.1 or 0 %)`)
  if (type !== "credit-note" && lines.some((l) => l.quantityMilli <= 0)) return conflict("invalid", `a ${type} has positive quantities only: a credit note corrects an invoice`)
  if (type === "credit-note" && lines.some((l) => l.quantityMilli >= 0)) return conflict("invalid", "a credit note's quantities are negative")
  let wrong: string[]
  try {
    wrong = totalsMismatch(lines, { totalExclVatCents: Number(data.totalExclVatCents), totalVatCents: Number(data.totalVatCents), totalInclVatCents: Number(data.totalInclVatCents) })
  } catch (e) {
    return conflict("invalid", `the lines cannot be totalled: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (wrong.length) return conflict("invalid", `the totals do not match the lines (${wrong.join("; ")}): recompute them before issuing`)

  const sellerCheck = checkSellerForIssue(type, await teamSellerRow(tx, teamId, pending), todayInParis(now))
  if (!sellerCheck.ok) return conflict("invalid", sellerCheck.message)

  const today = todayInParis(now)
  if (actor && type === "order") {
    const refused = await checkOrderRisk(tx, teamId, data, today, pending)
    if (refused) return refused
  }
  if (actor && type === "credit-note") {
    const refused = await checkCreditNote(tx, teamId, data, pending)
    if (refused) return refused
  }
  const issued: RowData = { ...data, date: today }
  if (type === "quote" && typeof data.validUntil === "string" && data.validUntil < today) return conflict("invalid", `the quote is valid until ${data.validUntil}, before today: give it a new validity date`)
  if (type === "invoice") issued.dueDate = dueDate(today, data.paymentTerms as PaymentTerms)

  const year = Number(today.slice(0, 4))
  issued.number = await (allocate ?? takeNextNumber)(tx, teamId, type, year)
  return { kind: "write", deleted: false, data: issued }
}

/**
 * Gives the document its number. The default takes the next one at once (the caller holds the team row lock);
 * the push that locks last (server/sync/sync-service.ts) passes one that leaves the number to its single
 * locked statement, so the counter row is locked only between that statement and the commit.
 */
export type NumberAllocator = (tx: Queryable, teamId: string, type: DocumentType, year: number) => Promise<string | null>

export const takeNextNumber: NumberAllocator = async (tx, teamId, type, year) => {
  const [seq] = await tx.query<{ last: number }>(
    `INSERT INTO document_numbers (team_id, doc_type, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (team_id, doc_type, year) DO UPDATE SET last = document_numbers.last + 1
     RETURNING last`,
    [teamId, type, year]
  )
  return formatDocumentNumber(type, year, seq!.last)
}

/** `DEV-2026-` for a quote of 2026: what the locked statement puts before the sequence it takes. */
export function documentNumberPrefix(type: DocumentType, year: number): string {
  return formatDocumentNumber(type, year, 1).replace(/0*1$/, "")
}

/** Who pushes: the server's own checks of a manager's override need the role and the user. */
export interface Actor {
  userId: string
  role: string
}

/** A table's rows of one customer as the push sees them: the stored ones, overlaid with this push's own writes. */
async function customerRows(tx: Queryable, teamId: string, customerId: string, tables: readonly string[], pending?: ReadonlyMap<string, RowState>): Promise<Map<string, RowData[]>> {
  const stored = await tx.query<{ t: string; k: string; d: RowData }>(
    `SELECT table_name AS t, id AS k, data AS d FROM rows
     WHERE team_id = $1 AND table_name = ANY($2::text[]) AND NOT deleted AND data->>'customerId' = $3`,
    [teamId, tables, customerId]
  )
  const byKey = new Map<string, { t: string; d: RowData | null }>()
  for (const r of stored) byKey.set(`${r.t}\u0000${r.k}`, { t: r.t, d: r.d })
  for (const [id, state] of pending ?? []) {
    const t = id.slice(0, id.indexOf("\u0000"))
    if (!tables.includes(t)) continue
    if (state.deleted || !state.data) byKey.delete(id)
    else if (state.data.customerId === customerId) byKey.set(id, { t, d: state.data })
  }
  const out = new Map<string, RowData[]>(tables.map((t) => [t, []]))
  for (const v of byKey.values()) if (v.d) out.get(v.t)!.push(v.d)
  return out
}

/** The row that holds the team's seller identity. */
export const SELLER = { table: "teamSettings", key: "seller" } as const

/**
 * The team's settings row as this push sees it: from the rows the push read or writes (the push reads this row
 * with its own when it carries a document, and a manager may change it in the same push), else read here.
 */
async function teamSettingsRow(tx: Queryable, teamId: string, pending?: ReadonlyMap<string, RowState>): Promise<RowData | null> {
  const own = pending?.get(rowId(SELLER.table, SELLER.key))
  if (own) return own.deleted || !own.data ? null : own.data
  const [row] = await tx.query<{ d: RowData }>(`SELECT data AS d FROM rows WHERE team_id = $1 AND table_name = $2 AND id = $3 AND NOT deleted`, [teamId, SELLER.table, SELLER.key])
  return row?.d ?? null
}

/** The team's seller identity, from its settings row. */
async function teamSellerRow(tx: Queryable, teamId: string, pending?: ReadonlyMap<string, RowState>): Promise<unknown> {
  return (await teamSettingsRow(tx, teamId, pending))?.seller ?? null
}

/**
 * The buyer's PO often follows an order confirmed by phone: a confirmed order takes it (flow.ts `withCustomerPo`), in
 * the same write as its history entry, so the log says who and when. Once invoiced the invoice carries the number
 * the buyer's accounts payable match, and the order's is frozen with it.
 */
function checkConfirmedOrderPo(prev: RowData, data: RowData): MergeResult | null {
  if (prev.status !== "confirmed" || data.status !== "confirmed") {
    return conflict("illegal-transition", prev.status === "invoiced" ? "the customer's order number of an invoiced order cannot change: its invoice carries it" : `the customer's order number of a ${String(prev.status)} order cannot change`)
  }
  const before = Array.isArray(prev.history) ? prev.history.length : 0
  const added = Array.isArray(data.history) ? (data.history.slice(before) as { status?: unknown; from?: unknown; to?: unknown }[]) : []
  const entries = added.filter((h) => h.status === PO_NUMBER_STEP)
  if (!entries.length) return conflict("invalid", "a confirmed order's customer order number changes with an entry in its history")
  // The entries say from what to what (an extension from before they did says neither): the record must be true, so
  // they chain from the number the server kept to the one pushed (several when it changed twice while offline).
  const told = entries.filter((h) => h.from !== undefined || h.to !== undefined)
  if (told.length) {
    const said = (v: unknown) => (v === null || v === undefined ? "(none)" : String(v))
    const steps = told.map((h) => [h.from ?? null, h.to ?? null] as const)
    const chained = steps.every(([from], i) => from === (i === 0 ? (prev.customerPoNumber ?? null) : steps[i - 1]![1]))
    const first = steps[0]!
    const last = steps[steps.length - 1]!
    if (!chained || last[1] !== (data.customerPoNumber ?? null)) {
      return conflict("invalid", `the history says the customer's order number changed from ${said(first[0])} to ${said(last[1])}, but it changed from ${said(prev.customerPoNumber)} to ${said(data.customerPoNumber)}`)
    }
  }
  return null
}

/** The override names its author: it must be the manager or admin who pushes it. */
async function checkOverrideAuthor(tx: Queryable, actor: Actor, override: { by: string }): Promise<MergeResult | null> {
  if (!mayOverride(actor.role)) return conflict("forbidden", "only a manager or an admin may override a customer's risk block")
  const [user] = await tx.query<{ email: string }>("SELECT email FROM users WHERE user_id = $1", [actor.userId])
  if (!user || user.email.toLowerCase() !== String(override.by).toLowerCase()) return conflict("forbidden", "a risk override names the manager who gives it")
  return null
}

/**
 * Confirming an order for a customer over its credit limit (this order included) or with invoices overdue
 * beyond the team's threshold (its settings row, 30 days by default) needs a manager's override: the same rule the
 * workspace applies, on the rows the server holds, so a device with an old view or a hand-made push cannot get
 * round it.
 */
async function checkOrderRisk(tx: Queryable, teamId: string, order: RowData, today: string, pending?: ReadonlyMap<string, RowState>): Promise<MergeResult | null> {
  const customerId = String(order.customerId)
  const [customer] = await tx.query<{ d: RowData }>(`SELECT data AS d FROM rows WHERE team_id = $1 AND table_name = 'customers' AND id = $2 AND NOT deleted`, [teamId, customerId])
  const rows = await customerRows(tx, teamId, customerId, ["invoices", "orders", "creditNotes", "payments"], pending)
  const settings = teamRiskSettings(await teamSettingsRow(tx, teamId, pending))
  const risk = customerRisk({
    creditLimitCents: customer?.d.creditLimitCents === undefined || customer.d.creditLimitCents === null ? null : Number(customer.d.creditLimitCents),
    invoices: rows.get("invoices") as unknown as InvoiceDoc[],
    orders: (rows.get("orders") as unknown as OrderDoc[]).filter((o) => o.id !== order.id),
    creditNotes: rows.get("creditNotes") as unknown as CreditNoteDoc[],
    payments: rows.get("payments") as unknown as PaymentRecord[],
    today
  }, settings)
  const check = confirmCheck(risk, { totalInclVatCents: Number(order.totalInclVatCents), riskOverride: (order.riskOverride ?? null) as OrderDoc["riskOverride"] })
  if (check.allowed) return null
  return conflict("forbidden", `confirming this order needs a manager's override: ${check.reasons.map(reasonInWords).join("; ")}`)
}

function reasonInWords(r: RiskReason): string {
  const eur = (c: number) => `${(c / 100).toFixed(2)} €`
  switch (r.code) {
    case "over-limit":
      return `outstanding ${eur(r.outstandingCents)} over the credit limit of ${eur(r.limitCents)}`
    case "overdue-beyond-threshold":
      return `${eur(r.overdueCents)} overdue, the oldest by ${r.days} days (invoices overdue more than ${r.thresholdDays} days)`
    default:
      return r.code
  }
}

/** A credit note corrects an issued invoice of the same customer and never takes back more than it. */
async function checkCreditNote(tx: Queryable, teamId: string, cn: RowData, pending?: ReadonlyMap<string, RowState>): Promise<MergeResult | null> {
  const rows = await customerRows(tx, teamId, String(cn.customerId), ["invoices", "creditNotes"], pending)
  const invoice = (rows.get("invoices") as unknown as InvoiceDoc[]).find((i) => i.id === cn.correctsInvoiceId)
  if (!invoice || invoice.status !== "issued") return conflict("invalid", "a credit note corrects an issued invoice of the same customer")
  // Line by line (what each invoice line has left after the credit notes issued before this one) and in amount.
  // Credit notes are pushed under the team's lock taken first (sync-service.ts): two agents crediting the same
  // invoice at once are checked one after the other, the second against the first.
  const others = (rows.get("creditNotes") as unknown as CreditNoteDoc[]).filter((c) => c.id !== cn.id)
  const refused = checkCredit(invoice, others, cn as unknown as CreditNoteDoc)
  return refused ? conflict("invalid", refused.message) : null
}

/**
 * A payment is recorded against an issued invoice of the same customer, for at most what is left to pay (a
 * negative payment corrects an earlier one), or more when the device says by how much (`overpaymentCents`, the
 * customer's credit): that figure must be the excess the payment makes here, so an overpayment acknowledged against
 * a balance another agent's payment has since lowered is refused, not kept as a larger credit nobody saw.
 * Payments are append-only: the merge made sure this one is new.
 */
export async function applyPaymentRules(tx: Queryable, teamId: string, result: MergeResult, pending?: ReadonlyMap<string, RowState>, actor?: Actor): Promise<MergeResult> {
  if (result.kind !== "write" || result.deleted || !result.data) return result
  const p = result.data
  // The history says who recorded it: the one who pushes it, not a name a device chose (older ones send none).
  if (actor && p.recordedBy !== undefined) {
    const [user] = await tx.query<{ email: string }>("SELECT email FROM users WHERE user_id = $1", [actor.userId])
    if (!user || user.email.toLowerCase() !== String(p.recordedBy).toLowerCase()) return conflict("forbidden", "a payment names who recorded it: the user who pushes it")
  }
  const rows = await customerRows(tx, teamId, String(p.customerId), ["invoices", "creditNotes", "payments"], pending)
  if (p.cancels !== undefined && p.cancels !== null) return checkCancellationRow(tx, teamId, result, rows, actor)
  const invoice = (rows.get("invoices") as unknown as InvoiceDoc[]).find((i) => i.id === p.invoiceId)
  if (!invoice || invoice.status !== "issued") return conflict("invalid", "a payment is recorded against an issued invoice of the same customer")
  const payments = (rows.get("payments") as unknown as PaymentRecord[]).filter((x) => x.invoiceId === invoice.id && x.id !== p.id)
  const balance = invoiceBalance(invoice.totalInclVatCents, payments, creditedByInvoice(rows.get("creditNotes") as unknown as CreditNoteDoc[]).get(invoice.id) ?? 0)
  if (p.method === "credit" || Number(p.amountCents) < 0) {
    // The customer's credit applied to this invoice, or taken back from its excess by a negative payment (a refund):
    // counted here from the server's own rows (this payment left out), under the team's lock that payments take
    // first, so two agents spending one credit twice are told apart.
    const mine = { invoices: rows.get("invoices") as unknown as InvoiceDoc[], payments: rows.get("payments") as unknown as PaymentRecord[], creditNotes: rows.get("creditNotes") as unknown as CreditNoteDoc[] }
    const available = customerCreditOf(mine, String(p.id))
    const refused = p.method === "credit" ? checkCreditApplied(Number(p.amountCents), balance.remainingCents, available) : checkCreditTakenBack(Number(p.amountCents), balance.excessCents, available)
    if (refused) return conflict("invalid", `${invoice.number}: ${refused.message}`)
  }
  const excess = Math.max(0, Number(p.amountCents) - balance.remainingCents)
  const acknowledged = p.overpaymentCents === undefined || p.overpaymentCents === null ? 0 : Number(p.overpaymentCents)
  if (excess > 0 && acknowledged !== excess) {
    const said = acknowledged > 0 ? ` (the device said ${(acknowledged / 100).toFixed(2)} € over)` : ""
    return conflict("invalid", `${invoice.number} has ${(balance.remainingCents / 100).toFixed(2)} € left to pay; this payment is ${(Number(p.amountCents) / 100).toFixed(2)} €, ${(excess / 100).toFixed(2)} € over it, not recorded as an overpayment${said}`)
  }
  if (excess === 0 && acknowledged !== 0) return conflict("invalid", `${invoice.number} has ${(balance.remainingCents / 100).toFixed(2)} € left to pay: this payment is not over it, yet says ${(acknowledged / 100).toFixed(2)} € over`)
  return result
}

/**
 * A payment record that cancels another (payment-cancel.ts): the domain's rule on the server's own rows of the
 * customer, this record left out. Who may is judged from the pusher's role and e-mail, and the day the cancelled
 * payment was recorded from when the server stored it: a device's clock is data, it does not make a payment "today's".
 * The cancellation is stored dated the day the server takes it (`takeCancellation`).
 */
async function checkCancellationRow(tx: Queryable, teamId: string, result: MergeResult & { kind: "write" }, rows: Map<string, RowData[]>, actor?: Actor): Promise<MergeResult> {
  const p = result.data as unknown as PaymentRecord
  if (!actor || p.recordedBy === undefined) return conflict("invalid", "a cancellation names who cancels it: the user who pushes it")
  const payments = (rows.get("payments") as unknown as PaymentRecord[]).filter((x) => x.id !== p.id)
  const [stored] = await tx.query<{ at: string }>(`SELECT (extract(epoch FROM updated_at) * 1000)::bigint AS at FROM rows WHERE team_id = $1 AND table_name = 'payments' AND id = $2`, [teamId, p.cancels])
  const recordedAt = stored ? Number(stored.at) : Date.now()
  const mine = { invoices: rows.get("invoices") as unknown as InvoiceDoc[], payments: payments.map((x) => (x.id === p.cancels ? { ...x, createdAt: recordedAt } : x)), creditNotes: rows.get("creditNotes") as unknown as CreditNoteDoc[] }
  // Dated the server's day in Paris, whatever the device wrote (an offline cancellation pushed after midnight).
  const taken = takeCancellation(p, mine, { email: p.recordedBy, role: actor.role }, todayInParis())
  if (taken.ok) return { ...result, data: { ...result.data, date: taken.value.date } }
  const number = mine.invoices.find((i) => i.id === p.invoiceId)?.number
  return conflict(taken.code === "payment-cancel-forbidden" ? "forbidden" : "invalid", `${number ? `${number}: ` : ""}${taken.message}`)
}

function conflict(reason: "invalid" | "illegal-transition" | "forbidden", message: string): MergeResult {
  return { kind: "conflict", reason, message }
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so two equal values can print differently. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(v) ?? "undefined"
}
