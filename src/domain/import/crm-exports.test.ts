import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

import { createCustomerImporter } from "./customer-import"
import { decodeCsvBytes } from "./decode"
import { autoMapCustomerHeaders, familyOf, missingCustomerFields, type CustomerField } from "./headers"
import { parseCsv } from "./parse"

/* The contact exports of the CRMs French SMEs use, as files (tests/fixtures/csv/crm/), imported as a user would. */

const fixture = (name: string): string =>
  decodeCsvBytes(new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/crm/${name}`, import.meta.url)))).text

function importFile(name: string) {
  const parsed = parseCsv(fixture(name))
  const auto = autoMapCustomerHeaders(parsed.headers)
  const codesFromCompany = auto.mapping.code === undefined
  let n = 0
  const importer = createCustomerImporter({
    mapping: auto.mapping, extraColumns: auto.extra, codesFromCompany, headers: parsed.headers, defaultCountry: "FR", now: 0, newId: () => `id-${++n}`, columnCount: parsed.headers.length
  })
  importer.addRows(parsed.rows)
  return { auto, headers: parsed.headers, result: importer.finish() }
}

/** Field → header name, to read the mapping in the test's words. */
function mapped(name: string): Partial<Record<CustomerField, string>> {
  const { auto, headers } = importFile(name)
  return Object.fromEntries(Object.entries(auto.mapping).map(([f, i]) => [f, headers[i!]]))
}

describe("CRM contact exports", () => {
  it("maps a HubSpot export: names, title, company, phone and mobile, address, owner; no code column", () => {
    expect(mapped("hubspot-contacts.csv")).toEqual({
      contact_first_name: "First Name", contact_last_name: "Last Name", email: "Email", phone: "Phone Number", mobile: "Mobile Phone Number", contact_role: "Job Title",
      company: "Company Name", address: "Street Address", city: "City", postal_code: "Postal Code", country: "Country/Region", sales_rep: "Contact owner"
    })
    const { result } = importFile("hubspot-contacts.csv")
    expect(result.rejected).toEqual([])
    expect(result.customers.map((c) => [c.customer.code, c.customer.company, c.customer.contacts.length])).toEqual([["ATELIER-MOREAU", "Atelier Moreau", 2], ["BAKER-SONS", "Baker & Sons Ltd", 1]])
    // The UK row's national numbers are read in its own country.
    expect(result.customers[1]!.customer.contacts[0]!.phones).toEqual(["+442079460018", "+447400123456"])
  })

  it("maps a Salesforce export, its Account Number as the code", () => {
    expect(mapped("salesforce-contacts.csv")).toMatchObject({ code: "Account Number", company: "Account Name", contact_role: "Title", mobile: "Mobile", address: "Mailing Street", postal_code: "Mailing Zip/Postal Code", city: "Mailing City", country: "Mailing Country", sales_rep: "Contact Owner" })
    const { result } = importFile("salesforce-contacts.csv")
    expect(result.rejected).toEqual([])
    expect(result.customers[1]!.customer).toMatchObject({ code: "CL-01088", country: "US", contacts: [{ phones: ["+17185550134", "+19175550177"] }] })
  })

  it("maps a Pipedrive export, with its several email and phone columns on the one contact", () => {
    expect(mapped("pipedrive-people.csv")).toEqual({
      contact_first_name: "Person - First name", contact_last_name: "Person - Last name", company: "Person - Organization", email: "Person - Email - Work", phone: "Person - Phone - Work",
      mobile: "Person - Phone - Mobile", tags: "Person - Labels", sales_rep: "Person - Owner"
    })
    const { result, auto, headers } = importFile("pipedrive-people.csv")
    expect(auto.extra.map((x) => [x.field, headers[x.index]])).toEqual([["email", "Person - Email - Home"], ["phone", "Person - Phone - Home"]])
    expect(auto.unmapped).toEqual(["Person - Name"])
    expect(result.customers[0]!.customer.contacts[0]).toMatchObject({ emails: ["julie@petit-traiteur.fr", "julie.petit@gmail.com"], phones: ["+33478123456", "+33645678901"] })
  })

  it("maps a Zoho export, its secondary email and other phone included, and leaves the contact id alone", () => {
    const { result, auto, headers } = importFile("zoho-contacts.csv")
    expect(auto.mapping.code).toBeUndefined()
    expect(auto.unmapped).toEqual(["Contact Id"])
    expect(auto.extra.map((x) => headers[x.index])).toEqual(["Secondary Email", "Other Phone"])
    expect(result.rejected).toEqual([])
    expect(result.customers[0]!.customer.contacts[0]).toMatchObject({ emails: ["sophie@garnier-menuiserie.fr", "compta@garnier-menuiserie.fr"], phones: ["+33240123456", "+33240123457", "+33622334455"] })
    expect(result.customers[1]!.customer).toMatchObject({ code: "MULLER-MASCHINENBAU", country: "DE", contacts: [{ lastName: "Müller", phones: ["+49891234567", "+4915123456789"] }] })
  })

  it("maps an Odoo export: Related Company, Reference as the code, Job Position, Tax ID, Salesperson", () => {
    expect(mapped("odoo-contacts.csv")).toEqual({
      company: "Related Company", code: "Reference", contact_role: "Job Position", email: "Email", phone: "Phone", mobile: "Mobile", address: "Street", postal_code: "Zip", city: "City",
      country: "Country", tags: "Tags", sales_rep: "Salesperson", vat_number: "Tax ID"
    })
    const { result } = importFile("odoo-contacts.csv")
    expect(result.rejected).toEqual([])
    expect(result.customers).toHaveLength(1)
    expect(result.customers[0]!.customer.contacts.map((c) => c.role)).toEqual(["Acheteuse", "Magasinier"])
  })

  it("maps a Sellsy export: Référence, Raison sociale, Portable, SIRET read as SIREN", () => {
    expect(mapped("sellsy-clients.csv")).toMatchObject({ code: "Référence", company: "Raison sociale", mobile: "Portable", siren: "SIRET", vat_number: "N° de TVA intracom", tags: "Smart-tags" })
    const { result } = importFile("sellsy-clients.csv")
    expect(result.rejected).toEqual([])
    expect(result.customers[0]!.customer).toMatchObject({ code: "CLI-0042", siren: "443061841" })
  })

  it("maps an Axonaut export and makes one code for the company's two contacts", () => {
    expect(mapped("axonaut-contacts.csv")).toMatchObject({ company: "Nom de l'entreprise", phone: "Téléphone fixe", mobile: "Téléphone portable", siren: "SIRET", vat_number: "Numéro de TVA intracommunautaire" })
    const { result } = importFile("axonaut-contacts.csv")
    expect(result.customers.map((c) => [c.customer.code, c.customer.contacts.length])).toEqual([["IMPRIMERIE-VASSEUR", 2]])
  })

  it("maps a generic CRM export (first_name, email_work, phone_1_number…), keeps the contact with a bad phone and reads national numbers in the row's country", () => {
    const { result, auto, headers } = importFile("generic-crm-export.csv")
    expect(Object.fromEntries(Object.entries(auto.mapping).map(([f, i]) => [f, headers[i!]]))).toEqual({
      contact_first_name: "first_name", contact_last_name: "last_name", contact_role: "title", company: "company_name", email: "email_work", phone: "phone_1_number", country: "country", tags: "tags"
    })
    expect(auto.extra.map((x) => [x.field, headers[x.index]])).toEqual([["email", "email_home"], ["phone", "phone_2_number"]])
    expect(result.rejected).toEqual([])
    expect(result.customers.map((c) => [c.customer.code, c.customer.country, c.customer.contacts.map((p) => p.phones)])).toEqual([
      ["COOPER-HARDWARE", "US", [["+14155550132"], ["+14155550199"]]],
      ["HUGHES-LOGISTICS", "GB", [["+442079460321", "+447848123456"]]],
      ["FABRE-CONSEIL", "FR", [["+33142685377", "+33612345699"]]]
    ])
    expect(result.warnings).toEqual([{ line: 2, code: "invalid_phone", column: "phone_2_number", value: "(415) 555-01", message: 'phone "(415) 555-01" was left out: too short for a US number (kept as written in the customer\'s notes)', facts: { kind: "too_short", country: "US" } }])
  })
})

describe("familyOf", () => {
  it.each([
    ["email_work", "email"], ["email_2", "email"], ["Email 2", "email"], ["E-mail (pro)", "email"], ["courriel_perso", "email"], ["Person - Email - Other", "email"],
    ["phone_1_number", "phone"], ["phone_2", "phone"], ["Phone (Work)", "phone"], ["tel", "phone"], ["tel2", "phone"], ["tel_fixe", "phone"], ["telephone_bureau", "phone"],
    ["mobile", "mobile"], ["mobile_2", "mobile"], ["mobile_pro", "mobile"], ["Person - Phone - Mobile", "mobile"], ["phone_mobile", "mobile"], ["portable_perso", "mobile"]
  ])("reads %j as a %s column", (header, field) => {
    expect(familyOf(header)).toBe(field)
  })

  it.each(["email_opt_out", "phone_1_type", "email_verified", "telecopie", "mobile_app_user", "television", "phone_country"])("leaves %j alone", (header) => {
    expect(familyOf(header)).toBeNull()
  })
})

describe("missingCustomerFields", () => {
  it("does not ask for a code column when codes are made from the company names", () => {
    expect(missingCustomerFields({ company: 0 })).toEqual(["code"])
    expect(missingCustomerFields({ company: 0 }, { codesFromCompany: true })).toEqual([])
    expect(missingCustomerFields({}, { codesFromCompany: true })).toEqual(["company"])
  })
})
