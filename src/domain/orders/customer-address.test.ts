import { describe, expect, it } from "vitest"

import { customerDeliveryAddress } from "./customer-address"

const address = (label: string, line: string, postalCode: string, city: string, country = "FR") => ({ label, line, postalCode, city, country })

describe("the customer's own delivery address, for a mail that names none", () => {
  it("takes the address labelled for deliveries over the head office", () => {
    const c = { country: "FR", addresses: [address("Siège", "12 avenue Foch", "75116", "Paris"), address("Livraison – quai B", "ZI des Sablons, 4 rue Lavoisier", "77100", "Meaux")] }
    expect(customerDeliveryAddress(c)).toBe("ZI des Sablons, 4 rue Lavoisier, 77100 Meaux")
  })

  it("takes the first address when none is labelled, and names its country only when it is another one", () => {
    expect(customerDeliveryAddress({ country: "FR", addresses: [address("", "3 rue Mercière", "69002", "Lyon")] })).toBe("3 rue Mercière, 69002 Lyon")
    expect(customerDeliveryAddress({ country: "FR", addresses: [address("Warehouse", "Unit 4, Trafford Park", "M17 1SN", "Manchester", "GB")] })).toBe("Unit 4, Trafford Park, Manchester M17 1SN, GB")
  })

  it("proposes nothing for a customer without an address, or with only empty ones", () => {
    expect(customerDeliveryAddress({ country: "FR", addresses: [] })).toBeNull()
    expect(customerDeliveryAddress({ country: "FR", addresses: [address("Livraison", " ", "", "")] })).toBeNull()
  })
})
