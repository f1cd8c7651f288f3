import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"

export const productsSearch = defineHandler("products/search", async (req) => ({
  products: await services.productSearch.search(req.query, req.limit)
}))
