import { withOverride } from "~src/domain/documents/flow"
import { newId } from "~src/domain/ids"
import { draftOrderFromReview, learnFromReview, reviewRisk } from "~src/domain/orders/review"
import { loadCapture, markConfirmed } from "~src/features/order-capture/capture-store"
import type { ParsedRequestOf, ResponseOf } from "~src/messaging/contract"
import { defineHandler } from "~src/messaging/handler"

import { documentsChanged, services } from "../../services"
import { readSession, runSync, teamNames } from "../../sync"
import { documents, me, riskSettings, today } from "../documents/shared"

import { pricingInputs } from "./price"

/**
 * The agent confirmed the review: a draft order (replicated to the team), linked to the message, and what they
 * corrected remembered for that customer. A customer whose risk blocks the order needs a manager's override with
 * its reason (`override`), logged on the order as the invoicing view logs it; the server checks who gave it.
 */
export const ordersConfirm = defineHandler("orders/confirm", (req) => {
  // One confirmation at a time: two arriving together (two review tabs) would both find the capture unconfirmed.
  const run = confirming.then(() => confirmCapture(req))
  confirming = run.catch(() => undefined)
  return run
})

let confirming: Promise<unknown> = Promise.resolve()

async function confirmCapture(req: ParsedRequestOf<"orders/confirm">): Promise<ResponseOf<"orders/confirm">> {
  const capture = await loadCapture(req.captureId)
  if (capture === null) return { ok: false, error: "capture-expired" }
  // Already stored (the review opened again by Back, a reload or a second tab): that order, not a second one.
  if (capture.confirmed !== undefined) return { ok: true, ...capture.confirmed }
  const review = req.review
  const now = Date.now()
  // Read as `orders/price` reads them for the review's figures: the order takes the prices the agent was shown.
  const inputs = await pricingInputs(review.customerCode, review.lines.map((l) => l.ref), now)
  if (inputs === null) return { ok: false, error: "unknown-customer" }
  const { customer } = inputs
  const session = await readSession().catch(() => null)
  const draft = draftOrderFromReview({
    id: newId(),
    lineIds: review.lines.map(() => newId()),
    reviewed: review,
    ...inputs,
    message: { messageId: capture.messageId, subject: capture.subject, from: capture.from.address },
    now,
    by: session?.user.email ?? "local"
  })
  if (!draft.ok) return draft.error === "unknown-product" ? { ok: false, error: draft.error, ref: draft.ref } : { ok: false, error: draft.error }
  // A blocked customer: the manager's override, as the invoicing view asks it before confirming an order.
  let order = draft.order
  const { check } = reviewRisk(customer, await documents.byCustomer(customer.id), order, today(), await riskSettings())
  if (!check.allowed) {
    if (req.override === undefined) return { ok: false, error: "needs-override", reasons: check.reasons, overriders: await teamNames.overriders(session) }
    const who = await me()
    const overridden = withOverride(order, who, req.override, now)
    if (!overridden.ok) return { ok: false, error: overridden.code }
    order = overridden.value
  }
  await services.orders.put(order)
  documentsChanged()
  await markConfirmed(capture.id, { orderId: order.id, customerId: customer.id })
  const memory = await services.orderMemories.get(customer.code)
  // What the proposal got wrong is learnt against what the extractor said for this customer.
  const proposal = capture.proposal.customer_code === customer.code ? capture.proposal : { ...capture.proposal, lines: [] }
  await services.orderMemories.put(customer.code, learnFromReview(memory, proposal, review), now)
  services.orderExtractor.invalidate()
  void runSync(true).catch(() => undefined)
  return { ok: true, orderId: order.id, customerId: customer.id }
}
