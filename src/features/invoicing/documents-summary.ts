import { sendFromPage } from "~src/features/lookup-panel/page-messaging"
import type { ResponseOf } from "~src/messaging/contract"

export type DocumentsSummary = ResponseOf<"documents/summary">

const inFlight = new Map<string, Promise<DocumentsSummary>>()

/**
 * A customer's documents summary, one request per customer at a time in this page: the dock's caller card and
 * the call script beside it both ask for it in the same render, and two identical reads of the base at the
 * moment a call is being set up competed with it for the CPU (issue #9). Only the request under way is shared,
 * nothing is kept after it: a card opened later reads the base again (a quote may have been issued since).
 */
export function documentsSummary(customerId: string): Promise<DocumentsSummary> {
  const pending = inFlight.get(customerId)
  if (pending) return pending
  const asked = sendFromPage("documents/summary", { customerId }).finally(() => inFlight.delete(customerId))
  inFlight.set(customerId, asked)
  return asked
}
