import type { Customer } from "../customers/customer.schema"
import type { PaymentRecord, SalesDocument } from "./document.schema"
import { assessRisk, DEFAULT_RISK_SETTINGS, type CustomerRisk, type RiskSettings } from "./risk"

type Doc<T extends SalesDocument["type"]> = Extract<SalesDocument, { type: T }>

/**
 * A customer's risk from the documents this device holds: issued invoices with their payments and the credit
 * notes that correct them, and confirmed orders not yet invoiced. Drafts count for nothing (not owed yet).
 */
export function customerRisk(
  customer: Pick<Customer, "creditLimitCents">,
  docs: { invoices: readonly Doc<"invoice">[]; creditNotes: readonly Doc<"credit-note">[]; orders: readonly Doc<"order">[]; payments: readonly PaymentRecord[] },
  today: string,
  settings: RiskSettings = DEFAULT_RISK_SETTINGS
): CustomerRisk {
  const paymentsOf = new Map<string, PaymentRecord[]>()
  for (const p of docs.payments) paymentsOf.set(p.invoiceId, [...(paymentsOf.get(p.invoiceId) ?? []), p])
  const credited = new Map<string, number>()
  for (const cn of docs.creditNotes) if (cn.status === "issued") credited.set(cn.correctsInvoiceId, (credited.get(cn.correctsInvoiceId) ?? 0) + Math.abs(cn.totalInclVatCents))
  return assessRisk(
    {
      creditLimitCents: customer.creditLimitCents,
      invoices: docs.invoices
        .filter((i) => i.status === "issued")
        .map((i) => ({
          issueDate: i.date,
          dueDate: i.dueDate,
          totalInclVatCents: i.totalInclVatCents,
          payments: (paymentsOf.get(i.id) ?? []).map((p) => ({ date: p.date, amountCents: p.amountCents, method: p.method })),
          creditedCents: credited.get(i.id) ?? 0
        })),
      openOrders: docs.orders.filter((o) => o.status === "confirmed").map((o) => ({ totalInclVatCents: o.totalInclVatCents })),
      today
    },
    settings
  )
}

/** Today as a calendar date in France, where the documents are dated. */
export function todayInFrance(now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now))
}
