import { describe, expect, it } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import type { OrderMail } from "~src/domain/orders/types"

import { ExtractorCache } from "./extractor-cache"

const gloves: Product = { id: "GN-4410", ref: "GN-4410", nameFr: "Gants nitrile taille M (boîte de 100)", nameEn: "Nitrile gloves size M (box of 100)", unit: "boîte", unitPriceCents: 100, vatRateBp: 2000, createdAt: 0, updatedAt: 0 }
const garage: Customer = {
  id: "C-4", code: "C-4", company: "Garage Chevalier", siren: null, vatNumber: null, addresses: [], country: "FR", language: "fr", creditLimitCents: null, paymentTermsDays: null,
  salesRep: null, tags: [], notes: "", contacts: [{ id: "C-4-1", firstName: "Rémi", lastName: "Chevalier", role: "", phones: [], emails: ["garage.chevalier@orange.fr"] }], createdAt: 0, updatedAt: 0
}

describe("the order extractor's cache", () => {
  it("builds the extractor once for the same team domains, and again when another team's agent signs in", async () => {
    let loads = 0
    const cache = new ExtractorCache(async () => {
      loads++
      return { customers: [], products: [], memory: {} }
    })
    const first = await cache.get(["comptoir-fournitures.fr"])
    expect(await cache.get(["comptoir-fournitures.fr"])).toBe(first)
    expect(loads).toBe(1)
    expect(await cache.get(["autre-equipe.fr"])).not.toBe(first)
    expect(loads).toBe(2)
  })

  it("gives the extractor the team's domain, so a colleague's note passing on a customer's order is read as that order", async () => {
    const cache = new ExtractorCache(async () => ({ customers: [garage], products: [gloves], memory: {} }))
    const extractor = await cache.get(["comptoir-fournitures.fr"])
    const text = "Marc, peux-tu saisir : Garage Chevalier, 3 boîtes de gants nitrile M pour jeudi. Merci"
    const mail: OrderMail = { from: { address: "claire@comptoir-fournitures.fr", name: "Claire" }, to: ["marc@comptoir-fournitures.fr"], subject: "commande garage", date: "2026-03-10T09:00:00", text, htmlText: "", attachments: [] }
    const order = extractor.extract(mail)
    expect(order.is_order).toBe(true)
    expect(order.customer_code).toBe("C-4")
    expect(order.lines).toEqual([{ ref: "GN-4410", quantity: 3, unit: "boîte" }])
  })
})
