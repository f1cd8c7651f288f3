import { assessRisk } from "~src/domain/documents/risk"
import { riskInputOf } from "~src/domain/orders/review"
import { loadCapture } from "~src/features/order-capture/capture-store"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

/** The review form's data: the proposal, its customer and their risk from the local documents, the products it names. */
export const ordersCapture = defineHandler("orders/capture", async (req) => {
  const capture = await loadCapture(req.captureId)
  if (capture === null) return { capture: null, customer: null, risk: null, products: [] }
  const code = capture.proposal.customer_code
  const customer = code === null ? null : ((await services.customers.getByCodes([code])).get(code.toUpperCase()) ?? null)
  const refs = capture.proposal.lines.map((l) => l.ref)
  const products = [...(await services.products.getByRefs(refs)).values()]
  let risk = null
  if (customer !== null) {
    const db = services.db
    const [invoices, orders, payments] = await Promise.all([
      db.invoices.where("customerId").equals(customer.id).toArray(),
      services.orders.byCustomer(customer.id),
      db.payments.where("customerId").equals(customer.id).toArray()
    ])
    risk = assessRisk(riskInputOf(customer, { invoices, orders, payments }, new Date().toISOString().slice(0, 10)))
  }
  return { capture, customer, risk, products }
})
