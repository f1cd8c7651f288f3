import { daysBetween } from "./payment-terms"
import { appliedCreditCents, daysOverdue, invoiceBalance, type Payment } from "./payments"

export interface RiskInvoice {
  issueDate: string
  dueDate: string
  totalInclVatCents: number
  payments: readonly Payment[]
  creditedCents?: number
}

export interface RiskOrder {
  /** Confirmed and not yet invoiced. */
  totalInclVatCents: number
}

export interface RiskSettings {
  /** Outstanding at or above this share of the credit limit (basis points) → watch. */
  watchAtLimitShareBp: number
  /** An invoice overdue more than this many days → blocked. */
  blockOverdueDays: number
  /** Average days late over 12 months above this → watch. */
  watchAverageDaysLate: number
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = { watchAtLimitShareBp: 8000, blockOverdueDays: 30, watchAverageDaysLate: 15 }

export type RiskReason =
  | { code: "over-limit"; outstandingCents: number; limitCents: number }
  | { code: "near-limit"; outstandingCents: number; limitCents: number }
  | { code: "overdue-beyond-threshold"; overdueCents: number; days: number; thresholdDays: number }
  | { code: "overdue"; overdueCents: number; days: number }
  | { code: "late-payer"; averageDaysLate: number }
  | { code: "no-limit" }
  | { code: "customer-credit"; creditCents: number }

export interface CustomerRisk {
  level: "ok" | "watch" | "blocked"
  reasons: RiskReason[]
  /**
   * Unpaid invoices + confirmed orders not yet invoiced − the customer's credit (never below 0): what they owe and have
   * on order, net of the money of theirs we hold, as their account's balance reads (Odoo's "total receivable").
   */
  outstandingCents: number
  /** Received beyond their invoices (overpayments, credit notes on paid invoices): theirs, to refund or use. */
  creditCents: number
  unpaidInvoicesCents: number
  openOrdersCents: number
  overdueCents: number
  /** The oldest overdue invoice's days past due. */
  maxDaysOverdue: number
  overdueInvoices: number
  /** Over invoices paid in the last 12 months; null without such invoices. */
  averageDaysLate: number | null
  creditLimitCents: number | null
  /** What can still be ordered before the limit; null without a limit. */
  headroomCents: number | null
}

/**
 * The customer's risk as a sales assistant weighs it before confirming an order: what they owe and have on
 * order against their credit limit, what is overdue and for how long, and how late they usually pay. The
 * reasons come in the order they matter; the UI says them in the agent's language.
 */
export function assessRisk(
  input: { creditLimitCents: number | null; invoices: readonly RiskInvoice[]; openOrders: readonly RiskOrder[]; today: string },
  settings: RiskSettings = DEFAULT_RISK_SETTINGS
): CustomerRisk {
  let unpaid = 0
  let overdue = 0
  let maxDays = 0
  let overdueCount = 0
  let lateSum = 0
  let lateCount = 0
  let credit = 0
  for (const inv of input.invoices) {
    const bal = invoiceBalance(inv.totalInclVatCents, inv.payments, inv.creditedCents ?? 0)
    unpaid += bal.remainingCents
    // Received beyond this invoice, less the credit applied to it (which came from another invoice's excess).
    credit += bal.excessCents - appliedCreditCents(inv.payments)
    if (bal.remainingCents > 0) {
      const days = daysOverdue(inv.dueDate, input.today)
      if (days > 0) {
        overdue += bal.remainingCents
        overdueCount++
        maxDays = Math.max(maxDays, days)
      }
    } else if (bal.paidOn !== null && daysBetween(bal.paidOn, input.today) <= 365) {
      lateSum += Math.max(0, daysBetween(inv.dueDate, bal.paidOn))
      lateCount++
    }
  }
  credit = Math.max(0, credit)
  const openOrders = input.openOrders.reduce((s, o) => s + o.totalInclVatCents, 0)
  // The credit is money of the customer's we hold: their account's balance is what they owe net of it, and so is
  // our exposure (Odoo's credit limit check reads the same net receivable). A credit beyond what they owe adds no
  // headroom: it is theirs to be refunded, not a licence to order more. Overdue invoices stay overdue until the
  // credit is applied to one: it is not, by itself.
  const outstanding = Math.max(0, unpaid + openOrders - credit)
  const limit = input.creditLimitCents
  const averageDaysLate = lateCount ? Math.round((lateSum / lateCount) * 10) / 10 : null

  const blocked: RiskReason[] = []
  const watch: RiskReason[] = []
  if (limit !== null) {
    if (outstanding > limit) blocked.push({ code: "over-limit", outstandingCents: outstanding, limitCents: limit })
    else if (limit > 0 && outstanding * 10_000 >= limit * settings.watchAtLimitShareBp) watch.push({ code: "near-limit", outstandingCents: outstanding, limitCents: limit })
  }
  if (maxDays > settings.blockOverdueDays) blocked.push({ code: "overdue-beyond-threshold", overdueCents: overdue, days: maxDays, thresholdDays: settings.blockOverdueDays })
  else if (maxDays > 0) watch.push({ code: "overdue", overdueCents: overdue, days: maxDays })
  if (averageDaysLate !== null && averageDaysLate > settings.watchAverageDaysLate) watch.push({ code: "late-payer", averageDaysLate })
  const info: RiskReason[] = limit === null ? [{ code: "no-limit" }] : []
  if (credit > 0) info.push({ code: "customer-credit", creditCents: credit })

  return {
    level: blocked.length ? "blocked" : watch.length ? "watch" : "ok",
    reasons: [...blocked, ...watch, ...info],
    outstandingCents: outstanding,
    creditCents: credit,
    unpaidInvoicesCents: unpaid,
    openOrdersCents: openOrders,
    overdueCents: overdue,
    maxDaysOverdue: maxDays,
    overdueInvoices: overdueCount,
    averageDaysLate,
    creditLimitCents: limit,
    headroomCents: limit === null ? null : limit - outstanding
  }
}

/**
 * Confirming an order for a blocked customer (or one this order would put over the limit) needs a manager's
 * override, logged with who and why.
 */
export function orderNeedsOverride(risk: CustomerRisk, orderInclVatCents: number): { needed: boolean; reasons: RiskReason[] } {
  const reasons: RiskReason[] = risk.reasons.filter((r) => r.code === "overdue-beyond-threshold")
  // The outstanding said is the one this order makes (a draft order is not in the customer's open orders): a
  // customer already over the limit was shown without it, the manager overriding saw less than the exposure.
  const withOrder = risk.outstandingCents + orderInclVatCents
  const alreadyOver = risk.reasons.some((r) => r.code === "over-limit")
  if (risk.creditLimitCents !== null && (alreadyOver || withOrder > risk.creditLimitCents)) {
    reasons.unshift({ code: "over-limit", outstandingCents: withOrder, limitCents: risk.creditLimitCents })
  }
  return { needed: reasons.length > 0, reasons }
}
