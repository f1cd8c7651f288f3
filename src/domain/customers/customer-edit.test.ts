import { describe, expect, it } from "vitest"

import { Customer } from "./customer.schema"
import { customerEditSchema, customerFromEdit, emptyContact, rebaseEdit, valuesFromCustomer, type CustomerEditValues } from "./customer-edit"

const stored = Customer.parse({
  id: "cust-1",
  code: "N-0ABC1234",
  company: "Bistrot Lumière",
  country: "FR",
  language: "fr",
  creditLimitCents: 500_000,
  paymentTermsDays: 90,
  salesRep: "Paul",
  notes: "Opens in Lyon",
  contacts: [{ id: "ct-1", firstName: "Marie", lastName: "Dupont", phones: ["+33612345678"], emails: ["marie@bistrot.example"] }],
  createdAt: 1_000,
  updatedAt: 1_000
})
const env = { agentCountry: "FR", newId: () => "ct-new", now: 2_000, mayEditCreditLimit: true }
const edit = (over: Partial<CustomerEditValues> = {}): CustomerEditValues => ({ ...valuesFromCustomer(stored, "fr"), ...over })
const problems = (v: CustomerEditValues) => {
  const r = customerEditSchema({ agentCountry: "FR", stored }).safeParse(v)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]))
}

describe("the customer editor", () => {
  it("gives back the stored customer unchanged when nothing was edited but the time", () => {
    expect(customerFromEdit(edit(), stored, env)).toEqual({ ...stored, updatedAt: 2_000 })
  })

  it("keeps the id, code, creation time and each contact's id, and gives an added contact a new id", () => {
    const v = edit()
    v.contacts.push({ ...emptyContact(), firstName: "Luc", lastName: "Martin", role: "Chef", phones: [{ number: "06 98 76 54 32" }, { number: "" }], emails: "Luc@Bistrot.example; compta@bistrot.example" })
    const c = customerFromEdit(v, stored, env)
    expect(c).toMatchObject({ id: "cust-1", code: "N-0ABC1234", createdAt: 1_000, salesRep: "Paul", notes: "Opens in Lyon" })
    expect(c.contacts).toEqual([
      stored.contacts[0],
      { id: "ct-new", firstName: "Luc", lastName: "Martin", role: "Chef", phones: ["+33698765432"], emails: ["luc@bistrot.example", "compta@bistrot.example"] }
    ])
  })

  it("changes the sales rep and the notes as typed, and an emptied sales rep means nobody", () => {
    const c = customerFromEdit(edit({ salesRep: "  Claire Martin ", notes: "Livraison par le quai, avant 11 h.\nFermé le lundi." }), stored, env)
    expect(c).toMatchObject({ salesRep: "Claire Martin", notes: "Livraison par le quai, avant 11 h.\nFermé le lundi." })
    expect(customerFromEdit(edit({ salesRep: "" }), stored, env).salesRep).toBeNull()
    expect(problems(edit({ salesRep: "x".repeat(121) }))).toEqual({ salesRep: "customers.errors.tooLong" })
  })

  it("reads a national number in the customer's country, so a British customer's 020 number is British", () => {
    const v = edit({ country: "gb" })
    v.contacts[0]!.phones = [{ number: "020 7946 0958" }, { number: "+33 6 12 34 56 78" }, { number: "+33612345678" }]
    const c = customerFromEdit(v, stored, env)
    expect(c.country).toBe("GB")
    expect(c.contacts[0]!.phones).toEqual(["+442079460958", "+33612345678"])
  })

  it("accepts a SIREN with its Luhn key (a SIRET gives its SIREN) and the French VAT number made of it", () => {
    const c = customerFromEdit(edit({ siren: "732 829 320 00074", vatNumber: "fr 44 732829320" }), stored, env)
    expect(c).toMatchObject({ siren: "732829320", vatNumber: "FR44732829320" })
  })

  it("refuses a SIREN with a wrong check digit, a French VAT number with a wrong key, and one naming another SIREN", () => {
    expect(problems(edit({ siren: "732829321" }))).toEqual({ siren: "customers.errors.siren" })
    expect(problems(edit({ siren: "73282932" }))).toEqual({ siren: "customers.errors.siren" })
    expect(problems(edit({ vatNumber: "FR45732829320" }))).toEqual({ vatNumber: "customers.errors.vatNumber" })
    expect(problems(edit({ siren: "552081317", vatNumber: "FR44732829320" }))).toEqual({ vatNumber: "customers.errors.vatNotSiren" })
  })

  it("caps new payment terms at 60 days (L441-10) but keeps stored ones it did not change", () => {
    expect(problems(edit({ paymentTermsDays: "61" }))).toEqual({ paymentTermsDays: "customers.errors.paymentTermsCap" })
    expect(problems(edit({ paymentTermsDays: "30 jours" }))).toEqual({ paymentTermsDays: "customers.errors.paymentTerms" })
    expect(problems(edit({ paymentTermsDays: "90" }))).toEqual({})
    expect(customerFromEdit(edit({ paymentTermsDays: "60" }), stored, env).paymentTermsDays).toBe(60)
    expect(customerFromEdit(edit({ paymentTermsDays: "0" }), stored, env).paymentTermsDays).toBe(0)
    expect(customerFromEdit(edit({ paymentTermsDays: "" }), stored, env).paymentTermsDays).toBeNull()
  })

  it("reads the credit limit in euros as typed, but only from someone who may set it", () => {
    expect(customerFromEdit(edit({ creditLimit: "25 000,50" }), stored, env).creditLimitCents).toBe(2_500_050)
    expect(customerFromEdit(edit({ creditLimit: "" }), stored, env).creditLimitCents).toBeNull()
    expect(customerFromEdit(edit({ creditLimit: "1" }), stored, { ...env, mayEditCreditLimit: false }).creditLimitCents).toBe(500_000)
    expect(problems(edit({ creditLimit: "beaucoup" }))).toEqual({ creditLimit: "customers.errors.creditLimit" })
  })

  it("says which contact's phone or email is wrong, and refuses a contact left empty", () => {
    const v = edit()
    v.contacts[0]!.phones.push({ number: "12" })
    v.contacts.push({ ...emptyContact(), emails: "not an address" }, emptyContact())
    expect(problems(v)).toEqual({ "contacts.0.phones.1.number": "customers.errors.phone", "contacts.1.emails": "customers.errors.email", "contacts.2.firstName": "customers.errors.emptyContact" })
  })

  it("reads tags separated by commas, once each, and drops addresses left empty", () => {
    const c = customerFromEdit(edit({ tags: "VIP, export,vip, ", addresses: [{ label: "Siège", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "fr" }, { label: "", line: "", postalCode: "", city: "", country: "FR" }] }), stored, env)
    expect(c.tags).toEqual(["VIP", "export"])
    expect(c.addresses).toEqual([{ label: "Siège", line: "3 rue Mercière", postalCode: "69002", city: "Lyon", country: "FR" }])
  })

  it("requires the company's name and a two-letter country", () => {
    expect(problems(edit({ company: "  ", country: "France" }))).toEqual({ company: "customers.errors.company", country: "customers.errors.country" })
  })

  it("keeps a change another device synced meanwhile to a field the agent left alone", () => {
    const original = edit()
    const typed = edit({ company: "Bistrot Lumière SARL" })
    const meanwhile = { ...stored, tags: ["export"], company: "Bistrot L." }
    const c = customerFromEdit(rebaseEdit(typed, original, meanwhile), meanwhile, env)
    expect(c).toMatchObject({ company: "Bistrot Lumière SARL", tags: ["export"] })
  })
})
