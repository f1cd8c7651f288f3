import { rowId, type RowState } from "../../src/domain/sync/merge"
import type { RowData } from "../../src/domain/sync/protocol"
import type { Queryable } from "../db/db"

/** The webhook event of a payment record that cancels another (`cancels`), instead of `payment.created`. */
export const PAYMENT_CANCELLED = "payment.cancelled"

/**
 * What an integrator (an accounting tool) needs to undo the payment on its side without reading our rows: the
 * payment cancelled as it was recorded (its amount positive, its method), where it was (invoice id and number,
 * customer code), why, by whom and when. Stripe and Odoo send a cancellation as its own event too: a receiver that
 * summed `payment.created` amounts would otherwise have to know that a negative one naming `cancels` is no refund.
 */
export interface PaymentCancellation {
  /** The payment cancelled. */
  paymentId: string
  invoiceId: string
  invoiceNumber: string | null
  customerId: string
  customerCode: string | null
  /** The cancelled payment's amount as recorded (a refund cancelled stays negative, as it was recorded). */
  amountCents: number
  method: string
  /** The day the cancelled payment was received. */
  paymentDate: string | null
  reason: string
  /** The e-mail of the user who cancelled it. */
  cancelledBy: string
  /** When the server took the cancellation (ISO 8601), and that day in Paris: the cancellation's date. */
  cancelledAt: string
  date: string
}

/**
 * The `cancellation` part of a `payment.cancelled` body, read inside the push's transaction: the cancelled payment,
 * its invoice and customer from this push's own rows first (`pending`: the payment may come in the same push), then
 * from the stored ones. The server already checked the cancellation (issue.ts `checkCancellationRow`), so the rows
 * exist; a field it cannot find is sent as null rather than failing the push.
 */
export async function paymentCancellation(tx: Queryable, teamId: string, cancellation: RowData, occurredAt: string, pending: ReadonlyMap<string, RowState>): Promise<PaymentCancellation> {
  const paymentId = String(cancellation.cancels)
  const invoiceId = String(cancellation.invoiceId)
  const customerId = String(cancellation.customerId)
  const wanted = [rowId("payments", paymentId), rowId("invoices", invoiceId), rowId("customers", customerId)]
  const found = new Map<string, RowData>()
  const missing = wanted.filter((id) => {
    const own = pending.get(id)
    if (own?.data && !own.deleted) found.set(id, own.data)
    return !own
  })
  if (missing.length > 0) {
    const stored = await tx.query<{ t: string; k: string; d: RowData }>(
      `SELECT table_name AS t, id AS k, data AS d FROM rows
       WHERE team_id = $1 AND NOT deleted AND ((table_name = 'payments' AND id = $2) OR (table_name = 'invoices' AND id = $3) OR (table_name = 'customers' AND id = $4))`,
      [teamId, paymentId, invoiceId, customerId]
    )
    for (const r of stored) if (missing.includes(rowId(r.t, r.k))) found.set(rowId(r.t, r.k), r.d)
  }
  const payment = found.get(wanted[0]!)
  const invoice = found.get(wanted[1]!)
  const customer = found.get(wanted[2]!)
  return {
    paymentId,
    invoiceId,
    invoiceNumber: typeof invoice?.number === "string" ? invoice.number : null,
    customerId,
    customerCode: typeof customer?.code === "string" ? customer.code : null,
    amountCents: payment ? Number(payment.amountCents) : -Number(cancellation.amountCents),
    method: String(payment?.method ?? cancellation.method),
    paymentDate: typeof payment?.date === "string" ? payment.date : null,
    reason: String(cancellation.cancelReason ?? ""),
    cancelledBy: String(cancellation.recordedBy ?? ""),
    cancelledAt: occurredAt,
    date: String(cancellation.date)
  }
}
