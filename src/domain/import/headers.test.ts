import { describe, expect, it } from "vitest"

import { autoMapCustomerHeaders, autoMapProductHeaders, CUSTOMER_FIELDS, missingCustomerFields, missingProductFields, PRODUCT_FIELDS } from "./headers"

describe("autoMapCustomerHeaders", () => {
  it("maps the documented template headers to their columns", () => {
    const { mapping, unmapped } = autoMapCustomerHeaders(CUSTOMER_FIELDS)
    expect(unmapped).toEqual([])
    CUSTOMER_FIELDS.forEach((field, i) => expect(mapping[field]).toBe(i))
  })

  it("maps French CRM and Excel headers whatever their case and accents", () => {
    const headers = ["Code client", "Société", "Prénom", "NOM", "Fonction", "Téléphone", "Portable", "E-mail", "Adresse", "CP", "Ville", "Pays", "Langue", "SIREN", "N° TVA", "Encours autorisé", "Délai de paiement", "Commercial", "Étiquettes"]
    const { mapping, unmapped } = autoMapCustomerHeaders(headers)
    expect(unmapped).toEqual([])
    expect(Object.keys(mapping)).toHaveLength(19)
    expect(mapping).toMatchObject({ code: 0, company: 1, contact_first_name: 2, contact_last_name: 3, phone: 5, mobile: 6, email: 7, vat_number: 14, credit_limit: 15 })
  })

  it.each([
    ["Raison sociale", "company"], ["raison  sociale", "company"], ["SOCIETE", "company"], ["Company name", "company"],
    ["First name", "contact_first_name"], ["Last Name", "contact_last_name"], ["Tél.", "phone"], ["tel", "phone"], ["Mobile", "mobile"],
    ["Courriel", "email"], ["Email", "email"], ["Code postal", "postal_code"], ["Plafond de crédit", "credit_limit"], ["n° tva intracommunautaire", "vat_number"],
    ["Délai paiement", "payment_terms_days"], ["Representant", "sales_rep"], ["Tags", "tags"], ["Language", "language"]
  ])("maps %j to %s", (header, field) => {
    expect(autoMapCustomerHeaders([header]).mapping).toEqual({ [field]: 0 })
  })

  it("leaves ambiguous and unknown headers for the user, with their column index", () => {
    const r = autoMapCustomerHeaders(["Code client", "Poste", "Encours", "Date de création", "", "Société"])
    expect(r.mapping).toEqual({ code: 0, company: 5 })
    expect(r.unmapped).toEqual(["Poste", "Encours", "Date de création"])
    expect(r.unmappedColumns).toEqual([{ index: 1, header: "Poste" }, { index: 2, header: "Encours" }, { index: 3, header: "Date de création" }, { index: 4, header: "" }])
  })

  it("gives a field to its first column and leaves a second one unmapped, except email and phone columns, which all go to the contact", () => {
    const r = autoMapCustomerHeaders(["Société", "Téléphone", "Tél.", "code", "Raison sociale"])
    expect(r.mapping).toEqual({ company: 0, phone: 1, code: 3 })
    expect(r.extra).toEqual([{ field: "phone", index: 2 }])
    expect(r.unmapped).toEqual(["Raison sociale"])
  })

  it("says which required fields the mapping lacks", () => {
    expect(missingCustomerFields({ code: 0 })).toEqual(["company"])
    expect(missingCustomerFields({ code: 0, company: 1 })).toEqual([])
  })
})

describe("autoMapProductHeaders", () => {
  it("maps the template and French catalog headers", () => {
    expect(autoMapProductHeaders(PRODUCT_FIELDS).unmapped).toEqual([])
    const r = autoMapProductHeaders(["Référence", "Désignation", "Désignation EN", "Unité", "Prix unitaire HT", "Taux TVA", "Stock"])
    expect(r.mapping).toEqual({ ref: 0, name_fr: 1, name_en: 2, unit: 3, unit_price: 4, vat_rate: 5 })
    expect(r.unmapped).toEqual(["Stock"])
  })

  it("needs a reference, a name in one language, a price and a VAT rate", () => {
    expect(missingProductFields({})).toEqual(["ref", "name_fr", "unit_price", "vat_rate"])
    expect(missingProductFields({ ref: 0, name_en: 1, unit_price: 2, vat_rate: 3 })).toEqual([])
  })
})
