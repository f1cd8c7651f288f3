import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const ordersByCustomer = defineHandler("orders/by-customer", async (req) => {
  const orders = await services.orders.byCustomer(req.customerId)
  return { orders: orders.sort((a, b) => b.createdAt - a.createdAt).slice(0, 500) }
})
