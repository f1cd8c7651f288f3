import { describe, expect, it } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"

import { contactOfCall, placedHeading } from "./call-heading"

const SWITCHBOARD = "+33144319244"
/** Société X: three contacts reached on one switchboard, Luc on his own line too. */
const societeX = Customer.parse({
  id: "c-x", code: "C-X", company: "Société X", country: "FR", language: "fr", createdAt: 1, updatedAt: 1,
  contacts: [
    { id: "p-marie", firstName: "Marie", lastName: "Dupont", phones: [SWITCHBOARD] },
    { id: "p-luc", firstName: "Luc", lastName: "Bernard", phones: [SWITCHBOARD, "+33155550000"] },
    { id: "p-ines", firstName: "Inès", lastName: "Roux", phones: [SWITCHBOARD] }
  ]
})
const without = (id: string) => Customer.parse({ ...societeX, contacts: societeX.contacts.filter((p) => p.id !== id) })

describe("whom a call made again is headed with and logged to", () => {
  it("names the contact the previous call was placed to on a switchboard three contacts share", () => {
    expect(contactOfCall(societeX, SWITCHBOARD, "p-marie")).toBe("p-marie")
    expect(placedHeading(societeX, SWITCHBOARD, "p-marie")).toEqual({ contact: "Marie Dupont", company: "Société X" })
  })

  it("names the company alone when the previous call named no contact on that switchboard", () => {
    expect(contactOfCall(societeX, SWITCHBOARD, null)).toBeNull()
    expect(placedHeading(societeX, SWITCHBOARD, null)).toEqual({ contact: null, company: "Société X" })
  })

  it("falls back to the company alone when the contact called before was deleted since", () => {
    const marieGone = without("p-marie")
    expect(contactOfCall(marieGone, SWITCHBOARD, "p-marie")).toBeNull()
    expect(placedHeading(marieGone, SWITCHBOARD, "p-marie")).toEqual({ contact: null, company: "Société X" })
  })

  it("falls back to the number's only contact when the contact called before was deleted and one contact is left on it", () => {
    const onlyLuc = Customer.parse({ ...societeX, contacts: societeX.contacts.filter((p) => p.id === "p-luc") })
    expect(contactOfCall(onlyLuc, SWITCHBOARD, "p-marie")).toBe("p-luc")
    expect(placedHeading(onlyLuc, SWITCHBOARD, "p-marie")).toEqual({ contact: "Luc Bernard", company: "Société X" })
  })

  it("does not log a call to a contact who no longer holds the number, though still the customer's", () => {
    const lucMoved = Customer.parse({
      ...societeX,
      contacts: societeX.contacts.map((p) => (p.id === "p-luc" ? { ...p, phones: ["+33155550000"] } : p))
    })
    expect(contactOfCall(lucMoved, SWITCHBOARD, "p-luc")).toBeNull()
    expect(placedHeading(lucMoved, SWITCHBOARD, "p-luc")).toEqual({ contact: null, company: "Société X" })
  })

  it("keeps the contact named when the customer's record is not at hand to check it against", () => {
    expect(contactOfCall(null, SWITCHBOARD, "p-marie")).toBe("p-marie")
  })
})
