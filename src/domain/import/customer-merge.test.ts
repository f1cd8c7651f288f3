import { describe, expect, it } from "vitest"

import type { Customer } from "../customers/customer.schema"
import { createCustomerImporter } from "./customer-import"
import { mergeCustomer, type ImportedCustomer } from "./customer-merge"
import { autoMapCustomerHeaders } from "./headers"
import { parseCsv } from "./parse"

const T0 = Date.UTC(2025, 0, 1)
const T1 = Date.UTC(2026, 10, 15)

const stored: Customer = {
  id: "cust-1",
  code: "C-001",
  company: "Dupont SA",
  siren: "443061841",
  vatNumber: "FR64443061841",
  addresses: [{ label: "Siège", line: "1 rue A", postalCode: "75001", city: "Paris", country: "FR" }],
  country: "FR",
  language: "fr",
  creditLimitCents: 1_000_000,
  paymentTermsDays: 30,
  salesRep: "Claire Dubois",
  tags: ["vip"],
  notes: "Préfère être appelé le matin",
  contacts: [
    { id: "k-1", firstName: "Jean", lastName: "Dupont", role: "Gérant", phones: ["+33142685300"], emails: ["jean@dupont.fr"] },
    { id: "k-2", firstName: "Léa", lastName: "Roux", role: "", phones: [], emails: [] }
  ],
  createdAt: T0,
  updatedAt: T0
}

function imported(text: string): ImportedCustomer {
  const parsed = parseCsv(text)
  let n = 0
  const importer = createCustomerImporter({ mapping: autoMapCustomerHeaders(parsed.headers).mapping, defaultCountry: "FR", now: T1, newId: () => `new-${++n}`, columnCount: parsed.headers.length })
  importer.addRows(parsed.rows)
  const r = importer.finish()
  expect(r.rejected).toEqual([])
  return r.customers[0]!
}

describe("mergeCustomer", () => {
  it("keeps the stored id, code and creation date and updates only the fields the file gave", () => {
    const inc = imported("code;company;credit_limit;city\nc-001;Dupont SA (Paris);25 000;Lyon\n")
    const merged = mergeCustomer(stored, inc, T1)
    expect(merged).toEqual({
      ...stored,
      company: "Dupont SA (Paris)",
      creditLimitCents: 2_500_000,
      addresses: [{ label: "Siège", line: "1 rue A", postalCode: "75001", city: "Lyon", country: "FR" }],
      updatedAt: T1
    })
  })

  it("does not let a default country or a derived language overwrite the stored ones", () => {
    const british = { ...stored, country: "GB", language: "en" as const }
    const merged = mergeCustomer(british, imported("code,company\nC-001,Dupont SA\n"), T1)
    expect([merged.country, merged.language]).toEqual(["GB", "en"])
  })

  it("merges contacts by email or by full name, keeps their ids, and never deletes a stored contact", () => {
    const inc = imported(
      "code;company;prénom;nom;fonction;email;téléphone\n" +
        "C-001;Dupont SA;Jean;Dupont;Président;JEAN@dupont.fr;06 12 34 56 78\n" +
        "C-001;Dupont SA;Lea;ROUX;Comptable;lea@dupont.fr;\n" +
        "C-001;Dupont SA;Hugo;Petit;;hugo@dupont.fr;01 42 68 53 09\n"
    )
    const merged = mergeCustomer(stored, inc, T1)
    expect(merged.contacts).toEqual([
      { id: "k-1", firstName: "Jean", lastName: "Dupont", role: "Président", phones: ["+33142685300", "+33612345678"], emails: ["jean@dupont.fr"] },
      { id: "k-2", firstName: "Lea", lastName: "ROUX", role: "Comptable", phones: [], emails: ["lea@dupont.fr"] },
      { id: "new-4", firstName: "Hugo", lastName: "Petit", role: "", phones: ["+33142685309"], emails: ["hugo@dupont.fr"] }
    ])
  })

  it("keeps two namesakes with different emails apart", () => {
    const withMarie = { ...stored, contacts: [{ id: "k-9", firstName: "Marie", lastName: "Martin", role: "", phones: [], emails: ["marie@a.fr"] }] }
    const merged = mergeCustomer(withMarie, imported("code,company,first name,last name,email\nC-001,Dupont SA,Marie,Martin,marie.martin@b.fr\n"), T1)
    expect(merged.contacts.map((c) => c.emails)).toEqual([["marie@a.fr"], ["marie.martin@b.fr"]])
  })

  it("appends the import's notes to the stored ones", () => {
    const merged = mergeCustomer(stored, imported("code,company,last name,phone\nC-001,Dupont SA,Dupont,01 42 68 53 00 poste 7\n"), T1)
    expect(merged.notes).toBe("Préfère être appelé le matin\nExtension 7 for +33142685300 (Dupont)")
  })

  it("returns the imported customer as a new record when nothing is stored", () => {
    const inc = imported("code,company,city\nC-002,Martin SARL,Nantes\n")
    const merged = mergeCustomer(undefined, inc, T1)
    expect(merged).toEqual({ ...inc.customer, updatedAt: T1 })
    expect(merged).not.toBe(inc.customer)
  })

  it("treats a plain customer as giving every field", () => {
    const merged = mergeCustomer(stored, { ...stored, id: "other", createdAt: T1, creditLimitCents: null, tags: [], contacts: [] }, T1)
    expect(merged).toMatchObject({ id: "cust-1", createdAt: T0, creditLimitCents: null, tags: [], contacts: stored.contacts })
  })

  it("does not modify the stored customer", () => {
    const before = structuredClone(stored)
    mergeCustomer(stored, imported("code;company;prénom;nom;téléphone;étiquettes\nC-001;Dupont SA;Jean;Dupont;06 12 34 56 78;export\n"), T1)
    expect(stored).toEqual(before)
  })
})
