import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const customersList = defineHandler("customers/list", async (req) => services.customerSearch.alphabetical(req.offset, req.limit))
