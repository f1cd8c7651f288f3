import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersGet = defineHandler("customers/get", async (req) => ({ customers: await services.customers.getMany(req.ids) }))
