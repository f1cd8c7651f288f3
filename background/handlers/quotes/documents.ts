import { ReplicatedRepository } from "~src/db/replicated-repository"
import type { Customer } from "~src/domain/customers/customer.schema"
import { customerRisk, type CreditNoteDoc, type InvoiceDoc, type OrderDoc } from "~src/domain/documents/flow"
import type { PaymentRecord } from "~src/domain/documents/document.schema"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import type { Quote } from "~src/domain/documents/quote-form"
import { SellerIdentitySchema, sellerProblems, type Seller } from "~src/domain/documents/seller.schema"
import type { RiskView } from "~src/messaging/contract"

import { services } from "../../services"
import { riskSettings } from "../documents/shared"

/** The replicated document tables, opened once per service-worker life. */
export const documentsDb = {
  quotes: new ReplicatedRepository(services.db, "quotes"),
  orders: new ReplicatedRepository(services.db, "orders"),
  invoices: new ReplicatedRepository(services.db, "invoices"),
  creditNotes: new ReplicatedRepository(services.db, "creditNotes"),
  payments: new ReplicatedRepository(services.db, "payments"),
  teamSettings: new ReplicatedRepository(services.db, "teamSettings")
}

export const DEFAULT_VALIDITY_DAYS = 30

export async function getCustomer(id: string): Promise<Customer | null> {
  return (await services.customers.getMany([id]))[0] ?? null
}

export async function getQuote(id: string): Promise<Quote | null> {
  return ((await documentsDb.quotes.get(id)) as Quote | undefined) ?? null
}

/** The team's seller identity and quote validity; null seller when none was ever saved. */
export async function teamSettings(): Promise<{ raw: unknown; seller: Seller | null; validityDays: number }> {
  const row = (await documentsDb.teamSettings.get("seller")) as { seller?: unknown; quoteValidityDays?: number } | undefined
  const parsed = SellerIdentitySchema.safeParse(row?.seller)
  return { raw: row?.seller ?? null, seller: parsed.success ? parsed.data : null, validityDays: row?.quoteValidityDays ?? DEFAULT_VALIDITY_DAYS }
}

export async function sellerGaps(): Promise<string[]> {
  const s = await teamSettings()
  return s.raw === null ? ["the seller identity has not been filled in"] : sellerProblems(s.raw)
}

export async function riskOf(customer: Customer): Promise<RiskView> {
  const [invoices, creditNotes, orders, payments, settings] = await Promise.all([
    documentsDb.invoices.byCustomer(customer.id),
    documentsDb.creditNotes.byCustomer(customer.id),
    documentsDb.orders.byCustomer(customer.id),
    documentsDb.payments.byCustomer(customer.id),
    riskSettings()
  ])
  const r = customerRisk({
    creditLimitCents: customer.creditLimitCents,
    invoices: invoices as InvoiceDoc[],
    creditNotes: creditNotes as CreditNoteDoc[],
    orders: orders as OrderDoc[],
    payments: payments as PaymentRecord[],
    today: todayInFrance()
  }, settings)
  return { level: r.level, reasons: r.reasons, outstandingCents: r.outstandingCents, overdueCents: r.overdueCents, creditLimitCents: r.creditLimitCents }
}
