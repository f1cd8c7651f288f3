import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersRecent = defineHandler("customers/recent", async (req) => ({ customers: await services.customers.recent(req.limit) }))
