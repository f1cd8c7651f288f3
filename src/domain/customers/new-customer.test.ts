import { describe, expect, it } from "vitest"

import { customerFromForm, newCustomerCode, newCustomerSchema, type NewCustomerValues } from "./new-customer"

const values = (over: Partial<NewCustomerValues> = {}): NewCustomerValues => ({ company: "Bistrot Lumière", contactName: "Marie Claire Dupont", phone: "+33 6 12 34 56 78", email: "Marie@Bistrot.example", language: "fr", ...over })
const env = { id: "019a0000-0000-7000-8000-00000abc1234", contactId: "ct-1", agentCountry: "FR", now: 1_000 }

describe("a new customer typed by the agent", () => {
  it("becomes a customer with one contact holding the caller's number in E.164 and the email", () => {
    const c = customerFromForm(values(), env)
    expect(c).toMatchObject({
      id: env.id,
      code: "N-0ABC1234",
      company: "Bistrot Lumière",
      country: "FR",
      language: "fr",
      contacts: [{ id: "ct-1", firstName: "Marie", lastName: "Claire Dupont", phones: ["+33612345678"], emails: ["marie@bistrot.example"] }],
      createdAt: 1_000,
      updatedAt: 1_000
    })
  })

  it("reads a national number in the agent's country, and takes the country of an international one", () => {
    expect(customerFromForm(values({ phone: "06 12 34 56 78" }), env).contacts[0]!.phones).toEqual(["+33612345678"])
    const uk = customerFromForm(values({ phone: "+44 20 7946 0958", language: "en" }), env)
    expect(uk).toMatchObject({ country: "GB", language: "en", contacts: [{ phones: ["+442079460958"] }] })
  })

  it("has no contact name or email when none was typed", () => {
    const c = customerFromForm(values({ contactName: "  ", email: "" }), env)
    expect(c.contacts[0]).toMatchObject({ firstName: "", lastName: "", emails: [] })
  })

  it("says in words what is missing or wrong, field by field", () => {
    const r = newCustomerSchema("FR").safeParse(values({ company: " ", phone: "12", email: "not-an-email" }))
    expect(r.success).toBe(false)
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))
    expect(byField).toEqual({ company: "customers.errors.company", phone: "customers.errors.phone", email: "customers.errors.email" })
  })

  it("refuses to build a customer from values the form would refuse", () => {
    expect(() => customerFromForm(values({ phone: "" }), env)).toThrow()
  })

  it("gives each new customer its own code from its id", () => {
    expect(newCustomerCode("019a0000-0000-7000-8000-00000abc1234")).not.toBe(newCustomerCode("019a0000-0000-7000-8000-00000abc1235"))
  })
})
