import { checkPaymentTerms, MAX_NET_DAYS, termsFromDays } from "../documents/payment-terms"
import { parseSiren, parseVatNumber } from "../import/fields"

/** A customer row as the sync sees it (the record already passed the schema). */
type Row = Readonly<Record<string, unknown>>

export interface CustomerChangeProblem {
  reason: "invalid" | "forbidden"
  message: string
}

/** Credit limits are a manager's decision, as the risk override is (`mayOverride`); without a team, the user's own base. */
export function mayEditCreditLimit(role: string | null): boolean {
  return role === null || role === "manager" || role === "admin"
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The team's rules on a customer write, beyond the schema, run by the server on every push (through the merge):
 * only values that change are judged, so a row stored before a rule existed still syncs its other fields.
 * - a SIREN has a valid Luhn key, and a French VAT number its key (as the import requires);
 * - on an existing customer, payment terms beyond the French cap (60 days net, L441-10) are refused, and the
 *   credit limit is changed by a manager or an admin only (as the risk override is). A new row is not judged on
 *   these two: a CSV import creates customers with its own terms and limits (the import reads up to 365 days).
 * `role` null: a device replaying its own outbox (the server decides the role).
 */
export function customerChangeProblem(prev: Row | null, next: Row, role: string | null): CustomerChangeProblem | null {
  const changed = (k: string) => !same(prev?.[k], next[k])
  if (changed("siren") && typeof next.siren === "string") {
    const r = parseSiren(next.siren)
    if (!r.ok || r.value.siren !== next.siren) return { reason: "invalid", message: `SIREN ${next.siren} has a wrong check digit (Luhn)` }
  }
  if (changed("vatNumber") && typeof next.vatNumber === "string") {
    const r = parseVatNumber(next.vatNumber)
    if (!r.ok || r.value !== next.vatNumber) return { reason: "invalid", message: r.ok ? `VAT number ${next.vatNumber} is not written as stored` : r.message }
  }
  if (prev === null) return null
  if (changed("paymentTermsDays") && typeof next.paymentTermsDays === "number" && !checkPaymentTerms(termsFromDays(next.paymentTermsDays)).ok) {
    return { reason: "invalid", message: `payment terms of ${next.paymentTermsDays} days are over the French cap of ${MAX_NET_DAYS} days (Code de commerce L441-10)` }
  }
  if (role !== null && changed("creditLimitCents") && !mayEditCreditLimit(role)) {
    return { reason: "forbidden", message: `only a manager or an admin may change a customer's credit limit (${role === "agent" ? "an" : "a"} ${role} may not)` }
  }
  return null
}
