import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersOpened = defineHandler("customers/opened", async (req) => {
  await services.customers.markOpened(req.customerId, Date.now())
  return { ok: true as const }
})
