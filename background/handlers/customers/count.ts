import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersCount = defineHandler("customers/count", async () => ({
  customers: await services.customers.count(),
  products: await services.products.count()
}))
