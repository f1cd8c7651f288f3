import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const searchQuery = defineHandler("search/query", async (req) => services.customerSearch.search(req.query, req.limit))
