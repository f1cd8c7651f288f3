import { customerRisk, mayOverride } from "~src/domain/documents/flow"
import { loadCapture } from "~src/features/order-capture/capture-store"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { documents, me, riskSettings, today } from "../documents/shared"

/**
 * The review form's data: the proposal, its customer (or the one the agent picked) and their risk, the products
 * it names. The risk is the invoicing views' own (`customerRisk`: credit notes, payments, confirmed orders).
 */
export const ordersCapture = defineHandler("orders/capture", async (req) => {
  const capture = await loadCapture(req.captureId)
  const who = await me()
  if (capture === null) return { capture: null, customer: null, risk: null, products: [], mayOverride: mayOverride(who.role) }
  const code = req.customerCode ?? capture.proposal.customer_code
  const customer = code === null ? null : ((await services.customers.getByCodes([code])).get(code.toUpperCase()) ?? null)
  const refs = capture.proposal.lines.map((l) => l.ref)
  const products = [...(await services.products.getByRefs(refs)).values()]
  let risk = null
  if (customer !== null) {
    const mine = await documents.byCustomer(customer.id)
    risk = customerRisk({ creditLimitCents: customer.creditLimitCents, invoices: mine.invoices, orders: mine.orders, creditNotes: mine.creditNotes, payments: mine.payments, today: today() }, await riskSettings())
  }
  return { capture, customer, risk, products, mayOverride: mayOverride(who.role) }
})
