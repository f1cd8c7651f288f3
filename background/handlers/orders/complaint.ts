import { complaintOf } from "~src/domain/orders/complaint-ask"
import type { ComplaintView } from "~src/messaging/contract"

import { services } from "../../services"
import { documents } from "../documents/shared"

/**
 * A non-order's complaint as the page's panel shows it: what it asks for, and one click to act on it. The invoice the
 * mail names opens only when the base holds exactly one invoice of that number, and it is the sender's customer's when
 * the sender is known: a wrong invoice opened is worse than the customer's page. Without either, no page is offered.
 */
export async function complaintView(reason: string, mail: { subject: string; text: string; htmlText: string }, customerCode: string | null): Promise<ComplaintView | null> {
  const complaint = complaintOf(reason, mail)
  if (complaint === null) return null
  const customer = customerCode === null ? null : ((await services.customers.getByCodes([customerCode])).get(customerCode.toUpperCase()) ?? null)
  const named = (await Promise.all(complaint.invoices.map((n) => documents.invoicesNumbered(n)))).flat()
  const invoices = [...new Map(named.map((i) => [i.id, i])).values()]
  const invoice = invoices.length === 1 && (customer === null || invoices[0]!.customerId === customer.id) ? invoices[0]! : null
  const open =
    invoice !== null
      ? { kind: "invoice" as const, path: `invoices/${encodeURIComponent(invoice.id)}`, label: invoice.number ?? "" }
      : customer !== null
        ? { kind: "customer" as const, path: `customers/${encodeURIComponent(customer.id)}`, label: customer.company }
        : null
  return { ...complaint, open }
}
