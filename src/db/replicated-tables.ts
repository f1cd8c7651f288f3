import type { CallLog } from "~src/domain/calls/call-log.schema"
import type { CreditNote, Invoice, Order, PaymentRecord, Quote } from "~src/domain/documents/document.schema"
import type { TeamSettingsRow } from "~src/domain/documents/seller.schema"
import type { CustomerPricing } from "~src/domain/catalog/pricing"
import type { CallScript } from "~src/domain/scripts/script.schema"

/**
 * Server tables kept locally one IndexedDB record per row, under the same name: the Dexie table *is* the
 * replica (unlike customers, packed in segments, and products, kept under a unique `ref`). Small volumes
 * (calls, scripts, documents), so no packing. Any local write of them is replicated by the outbox middleware.
 */
export const PLAIN_TABLES = ["callLogs", "callScripts", "quotes", "orders", "invoices", "creditNotes", "payments", "teamSettings", "customerPrices"] as const
export type PlainTable = (typeof PLAIN_TABLES)[number]

export interface PlainRows {
  callLogs: CallLog
  callScripts: CallScript
  quotes: Quote
  orders: Order
  invoices: Invoice
  creditNotes: CreditNote
  payments: PaymentRecord
  teamSettings: TeamSettingsRow
  customerPrices: CustomerPricing
}

/** Dexie indexes of each plain table (the primary key is always `id`). */
export const PLAIN_TABLE_INDEXES: Record<PlainTable, string> = {
  // Dexie version 7's; version 12 adds `callId` (a call already logged is found by it). Left as it was: a past
  // version's schema changed here would not be upgraded on a base already past it.
  callLogs: "id, customerId, startedAt, callbackAt",
  callScripts: "id, purpose",
  quotes: "id, customerId, status, number, date",
  orders: "id, customerId, status, number, date",
  invoices: "id, customerId, status, number, date",
  creditNotes: "id, customerId, status, number, date",
  payments: "id, invoiceId, customerId",
  // One row, "seller": the identity on quotes and invoices (issue #10; Dexie version 8).
  teamSettings: "id",
  // A customer's discount and special prices, keyed by the customer's id (issue #10; Dexie version 11).
  customerPrices: "id"
}

const PLAIN = new Set<string>(PLAIN_TABLES)
export function isPlainTable(name: string): name is PlainTable {
  return PLAIN.has(name)
}

/** The server version a plain row was last seen at (a workflow table's change must name it). */
export interface RowVersion {
  /** `rowId(table, key)`. */
  id: string
  version: number
}
