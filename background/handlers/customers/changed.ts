import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersChanged = defineHandler("customers/changed", async () => {
  services.customerSearch.invalidate()
  services.productSearch.invalidate()
  return { ok: true as const }
})
