import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

import { Customer } from "../customers/customer.schema"
import { createCustomerImporter, previewCustomers, type CustomerImportOptions } from "./customer-import"
import { decodeCsvBytes } from "./decode"
import { autoMapCustomerHeaders } from "./headers"
import { parseCsv } from "./parse"

const NOW = Date.UTC(2026, 10, 15)
const HEADER = "code,company,contact_first_name,contact_last_name,contact_role,email,phone,mobile,address,postal_code,city,country,language,siren,vat_number,credit_limit,payment_terms_days,sales_rep,tags"

function run(text: string, overrides: Partial<CustomerImportOptions> = {}, chunk = 1000) {
  const parsed = parseCsv(text)
  const { mapping } = autoMapCustomerHeaders(parsed.headers)
  let n = 0
  const importer = createCustomerImporter({ mapping, defaultCountry: "FR", now: NOW, newId: () => `id-${++n}`, columnCount: parsed.headers.length, headers: parsed.headers, ...overrides })
  for (let i = 0; i < parsed.rows.length; i += chunk) importer.addRows(parsed.rows.slice(i, i + chunk))
  return importer.finish()
}

/** A template file from rows of named values. */
function csv(...rows: Record<string, string>[]): string {
  const fields = HEADER.split(",")
  return [HEADER, ...rows.map((r) => fields.map((f) => (r[f] ?? "").includes(",") ? `"${r[f]}"` : (r[f] ?? "")).join(","))].join("\n")
}

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/csv/${name}`, import.meta.url)))

describe("customer import", () => {
  it("turns a template row into a stored customer", () => {
    const r = run(csv({ code: "C-001", company: "Dupont SA", contact_first_name: "Jean", contact_last_name: "Dupont", contact_role: "Gérant", email: "Jean.Dupont@dupont.fr", phone: "01 42 68 53 00", mobile: "06 12 34 56 78", address: "1 rue A", postal_code: "75001", city: "Paris", country: "France", siren: "443 061 841", vat_number: "FR64443061841", credit_limit: "10 000,00 €", payment_terms_days: "30 jours", sales_rep: "Claire Dubois", tags: "vip|grossiste" }))
    expect(r.rejected).toEqual([])
    expect(r.customers).toHaveLength(1)
    const { customer, given, lines } = r.customers[0]!
    expect(customer).toEqual({
      id: "id-1", code: "C-001", company: "Dupont SA", siren: "443061841", vatNumber: "FR64443061841",
      addresses: [{ label: "", line: "1 rue A", postalCode: "75001", city: "Paris", country: "FR" }],
      country: "FR", language: "fr", creditLimitCents: 1_000_000, paymentTermsDays: 30, salesRep: "Claire Dubois", tags: ["vip", "grossiste"], notes: "",
      contacts: [{ id: "id-2", firstName: "Jean", lastName: "Dupont", role: "Gérant", phones: ["+33142685300", "+33612345678"], emails: ["jean.dupont@dupont.fr"] }],
      createdAt: NOW, updatedAt: NOW
    })
    expect(Customer.safeParse(customer).success).toBe(true)
    expect(lines).toEqual([2])
    expect([...given].sort()).toEqual(["address", "city", "code", "company", "contact_first_name", "contact_last_name", "contact_role", "country", "credit_limit", "email", "mobile", "payment_terms_days", "phone", "postal_code", "sales_rep", "siren", "tags", "vat_number"].sort())
  })

  it("reads a sales rep written as a team member's e-mail (a CRM's owner column) as that member, whatever its case", () => {
    const team = {
      active: ["Claire Dubois", "Marc Lefèbvre"],
      inactive: ["Paul Girard"],
      people: [
        { name: "Claire Dubois", email: "manager@demo.comptoir.test" },
        { name: "Marc Lefèbvre", email: "agent1@demo.comptoir.test" }
      ]
    }
    const r = run(
      csv(
        { code: "C-001", company: "Dupont SA", sales_rep: "manager@demo.comptoir.test" },
        { code: "C-002", company: "Martin SARL", sales_rep: " Agent1@Demo.Comptoir.test " },
        { code: "C-003", company: "Petit & Fils", sales_rep: "someone@elsewhere.test" }
      ),
      { salesReps: team }
    )
    expect(r.customers.map((c) => [c.customer.code, c.customer.salesRep])).toEqual([
      ["C-001", "Claire Dubois"],
      ["C-002", "Marc Lefèbvre"],
      ["C-003", null]
    ])
    expect(r.warnings.map((w) => [w.line, w.value])).toEqual([[4, "someone@elsewhere.test"]])
  })

  it("keeps a row whose sales rep is no active user of the team, with no rep, and warns with the line, column and name", () => {
    const team = { active: ["Claire Dubois", "Marc Lefèbvre"], inactive: ["Paul Girard"] }
    const r = run(
      csv(
        { code: "C-001", company: "Dupont SA", sales_rep: "marc lefebvre" },
        { code: "C-002", company: "Martin SARL", sales_rep: "Jean Inconnu" },
        { code: "C-003", company: "Petit & Fils", sales_rep: "Paul Girard" },
        { code: "C-004", company: "Roux SAS" }
      ),
      { salesReps: team }
    )
    expect(r.rejected).toEqual([])
    expect(r.customers.map((c) => [c.customer.code, c.customer.salesRep, c.given.has("sales_rep")])).toEqual([
      ["C-001", "Marc Lefèbvre", true],
      ["C-002", null, false],
      ["C-003", null, false],
      ["C-004", null, false]
    ])
    expect(r.warnings.map((w) => [w.line, w.code, w.column, w.value, w.message])).toEqual([
      [3, "unknown_sales_rep", "sales_rep", "Jean Inconnu", 'sales rep "Jean Inconnu" is no user of the team: left empty (a customer already stored keeps its rep)'],
      [4, "unknown_sales_rep", "sales_rep", "Paul Girard", 'sales rep "Paul Girard" is a disabled account: left empty (a customer already stored keeps its rep)']
    ])
  })

  it("takes any sales rep as written when no team is known (not signed in)", () => {
    const r = run(csv({ code: "C-002", company: "Martin SARL", sales_rep: "Jean Inconnu" }))
    expect(r.customers[0]!.customer.salesRep).toBe("Jean Inconnu")
    expect(r.warnings).toEqual([])
  })

  it("groups rows sharing a code into one customer with several contacts, company fields from the first row with a value", () => {
    const r = run(
      csv(
        { code: "C-001", company: "Dupont SA", contact_first_name: "Jean", contact_last_name: "Dupont", email: "jean@dupont.fr", tags: "vip" },
        { code: "C-002", company: "Martin SARL", contact_first_name: "Eva", email: "eva@martin.fr" },
        { code: "c-001", company: "", contact_first_name: "Léa", contact_last_name: "Roux", email: "lea@dupont.fr", credit_limit: "5000", tags: "export" },
        { code: "C-001", company: "DUPONT  SA", contact_first_name: "Jean", contact_last_name: "Dupont", phone: "01 42 68 53 00", credit_limit: "9000" }
      )
    )
    expect(r.rejected).toEqual([])
    expect(r.customers.map((c) => c.customer.code)).toEqual(["C-001", "C-002"])
    const dupont = r.customers[0]!
    expect(dupont.lines).toEqual([2, 4, 5])
    expect(dupont.customer.company).toBe("Dupont SA")
    expect(dupont.customer.creditLimitCents).toBe(500_000)
    expect(dupont.customer.tags).toEqual(["vip", "export"])
    expect(dupont.customer.contacts.map((c) => [c.firstName, c.lastName, c.emails, c.phones])).toEqual([
      ["Jean", "Dupont", ["jean@dupont.fr"], ["+33142685300"]],
      ["Léa", "Roux", ["lea@dupont.fr"], []]
    ])
    expect(r.warnings).toEqual([{ line: 5, code: "ignored_value", message: 'credit_limit "9000.00" ignored: line 4 gave "5000.00" for code C-001', facts: { kind: "amount", ignored: 9000, kept: 5000, firstLine: 4, code: "C-001" } }])
    expect(r.stats).toEqual({ rows: 4, acceptedRows: 4, rejectedRows: 0, customers: 2, contacts: 3, warnings: 1 })
  })

  it("refuses a row whose company differs from the one its code already has, instead of merging it", () => {
    const r = run(csv({ code: "C-001", company: "Dupont SA", email: "a@dupont.fr" }, { code: "C-001", company: "Durand SA", email: "b@durand.fr" }))
    expect(r.customers[0]!.customer.contacts).toHaveLength(1)
    expect(r.rejected).toMatchObject([{ line: 3, code: "conflicting_company", reason: 'company "Durand SA" differs from "Dupont SA" given on line 2 for code C-001; rows sharing a code are one customer' }])
  })

  it("refuses a row whose SIREN or VAT number differs from its code's", () => {
    const r = run(csv({ code: "C-1", company: "A", siren: "443061841" }, { code: "C-1", company: "A", siren: "552100554" }, { code: "C-1", vat_number: "FR96552100554", company: "A" }, { code: "C-1", vat_number: "FR89380129866" }))
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[3, "conflicting_siren"], [5, "conflicting_vat_number"]])
  })

  it("keeps the same phone on two different customers apart", () => {
    const r = run(csv({ code: "C-1", company: "A", contact_last_name: "X", phone: "01 42 68 53 00" }, { code: "C-2", company: "B", contact_last_name: "Y", phone: "+33142685300" }))
    expect(r.customers.map((c) => c.customer.contacts[0]!.phones)).toEqual([["+33142685300"], ["+33142685300"]])
  })

  it.each([
    [{ code: "", company: "A" }, "missing_code", "the customer code is empty"],
    [{ code: "C-1", company: "A", email: "jean@" }, "invalid_email", 'email "jean@" is not an address'],
    [{ code: "C-1", company: "A", country: "Atlantide" }, "unknown_country", 'country "Atlantide" is unknown'],
    [{ code: "C-1", company: "A", language: "klingon" }, "invalid_language", 'language "klingon" is not supported'],
    [{ code: "C-1", company: "A", siren: "443061842" }, "invalid_siren", "wrong check digit"],
    [{ code: "C-1", company: "A", vat_number: "FR00443061841" }, "invalid_vat_number", "wrong key"],
    [{ code: "C-1", company: "A", siren: "443061841", vat_number: "FR96552100554" }, "vat_siren_mismatch", "does not contain SIREN 443061841"],
    [{ code: "C-1", company: "A", credit_limit: "dix mille" }, "invalid_credit_limit", 'credit limit: "dix mille" is not an amount'],
    [{ code: "C-1", company: "A", credit_limit: "-5" }, "invalid_credit_limit", "negative"],
    [{ code: "C-1", company: "A", payment_terms_days: "400" }, "invalid_payment_terms", "from 0 to 365"],
    [{ code: "C-1", company: "A", tags: "x".repeat(61) }, "invalid_tags", "longer than 60"],
    [{ code: "C-1", company: "A".repeat(201) }, "too_long", "longer than 200"],
    [{ code: "C".repeat(41), company: "A" }, "too_long", "longer than 40"]
  ])("refuses %j with %s", (row, code, reason) => {
    const r = run(csv(row as Record<string, string>))
    expect(r.customers).toEqual([])
    expect(r.rejected).toHaveLength(1)
    expect(r.rejected[0]!.line).toBe(2)
    expect(r.rejected[0]!.code).toBe(code)
    expect(r.rejected[0]!.reason).toContain(reason)
  })

  it("keeps a contact whose phone does not parse, without that number, and warns with the line, column, value and why", () => {
    const r = run(csv({ code: "C-1", company: "A", contact_last_name: "Martin", email: "m@a.fr", phone: "12 34", mobile: "06 12 34 56 78" }))
    expect(r.rejected).toEqual([])
    expect(r.customers[0]!.customer.contacts).toMatchObject([{ lastName: "Martin", emails: ["m@a.fr"], phones: ["+33612345678"] }])
    expect(r.warnings).toEqual([{ line: 2, code: "invalid_phone", column: "phone", value: "12 34", message: 'phone "12 34" was left out: too short for a French number (kept as written in the customer\'s notes)', facts: { kind: "too_short", country: "FR" } }])
  })

  it("adds no empty contact when a row's only contact value was a number left out", () => {
    const r = run(csv({ code: "C-1", company: "A", phone: "12 34" }))
    expect(r.customers[0]!.customer.contacts).toEqual([])
    expect(r.warnings).toHaveLength(1)
  })

  it("keeps an unreadable phone value as written in the customer's notes, naming the contact, so the agent still sees it", () => {
    const r = run(
      csv(
        { code: "C-1", company: "A", contact_first_name: "Léa", contact_last_name: "Martin", phone: "12 34", mobile: "06 12 34 56 78" },
        { code: "C-1", company: "A", contact_last_name: "Durand", phone: "voir standard <b>" },
        { code: "C-2", company: "B", phone: "+44 20 7946" }
      )
    )
    expect(r.customers.map((c) => [c.customer.code, c.customer.notes])).toEqual([
      ["C-1", "Unreadable phone: 12 34 (Léa Martin)\nUnreadable phone: voir standard <b> (Durand)"],
      ["C-2", "Unreadable phone: +44 20 7946"]
    ])
    expect(r.warnings.map((w) => w.value)).toEqual(["12 34", "voir standard <b>", "+44 20 7946"])
  })

  it("writes an unreadable value once in the notes when the same row comes twice", () => {
    const row = { code: "C-1", company: "A", contact_last_name: "Martin", phone: "12 34" }
    const r = run(csv(row, row))
    expect(r.customers[0]!.customer.notes).toBe("Unreadable phone: 12 34 (Martin)")
  })

  it("names the number's own country in the warning, not the default one", () => {
    const r = run(csv({ code: "C-1", company: "A", contact_last_name: "Smith", phone: "+44 20 7946", mobile: "06 12 34 56 78 | 07700 900" }, { code: "C-2", company: "B", country: "GB", mobile: "06 12 34 56 78" }))
    expect(r.rejected).toEqual([])
    expect(r.warnings.map((w) => [w.line, w.column, w.value, w.message.split(": ")[1]!.replace(" (kept as written in the customer's notes)", "")])).toEqual([
      [2, "phone", "+44 20 7946", "too short for a UK number"],
      [2, "mobile", "07700 900", "too short for a French number"],
      [3, "mobile", "06 12 34 56 78", "not a valid UK number (add its country code, +44…, if it is not a UK number)"]
    ])
    expect(r.customers[0]!.customer.contacts[0]!.phones).toEqual(["+33612345678"])
  })

  it("reads national numbers with the row's country column", () => {
    const r = run(csv({ code: "C-1", company: "A", contact_last_name: "Smith", country: "US", phone: "(212) 555-0143" }, { code: "C-2", company: "B", contact_last_name: "Jones", country: "Royaume-Uni", phone: "020 7946 0018" }))
    expect(r.warnings).toEqual([])
    expect(r.customers.map((c) => c.customer.contacts[0]!.phones)).toEqual([["+12125550143"], ["+442079460018"]])
  })

  it("lists every problem of a row, not only the first", () => {
    const r = run(csv({ code: "C-1", company: "A", email: "x@", siren: "12", country: "Mars" }))
    expect(r.rejected[0]!.issues.map((i) => i.code)).toEqual(["unknown_country", "invalid_siren", "invalid_email"])
    expect(r.rejected[0]!.reason).toBe(r.rejected[0]!.issues.map((i) => i.message).join("; "))
  })

  it("refuses, at the end, the rows of a code that never gets a company name", () => {
    const r = run(csv({ code: "C-9", contact_last_name: "Seul" }, { code: "C-8", contact_last_name: "Avant" }, { code: "C-8", company: "Après SA" }))
    expect(r.customers.map((c) => c.customer.company)).toEqual(["Après SA"])
    expect(r.customers[0]!.customer.contacts.map((c) => c.lastName)).toEqual(["Avant"])
    expect(r.rejected).toMatchObject([{ line: 2, code: "missing_company", reason: "no row with code C-9 gives the company name" }])
    expect(r.stats).toMatchObject({ rows: 3, acceptedRows: 2, rejectedRows: 1, customers: 1, contacts: 1 })
  })

  it("refuses a row shifted by an unquoted separator", () => {
    const r = run(`${HEADER}\nC-1,Dupont, Fils,Jean,Dupont,Gérant,jean@dupont.fr${",".repeat(13)}`)
    expect(r.rejected).toMatchObject([{ line: 2, code: "too_many_cells", reason: expect.stringContaining("20 values for 19 columns") }])
  })

  it("refuses a row whose quoting is broken, with the parser's explanation", () => {
    const r = run(`${HEADER}\nC-1,"Dupont SA\nC-2,Martin`)
    expect(r.rejected[0]).toMatchObject({ line: 2, code: "unterminated_quote" })
  })

  it("derives the language from the country when the file does not give it", () => {
    const r = run(csv({ code: "C-1", company: "A", country: "Belgique" }, { code: "C-2", company: "B", country: "UK" }, { code: "C-3", company: "C" }, { code: "C-4", company: "D", country: "UK", language: "français" }))
    expect(r.customers.map((c) => [c.customer.country, c.customer.language])).toEqual([["BE", "fr"], ["GB", "en"], ["FR", "fr"], ["GB", "fr"]])
    expect(r.customers.map((c) => c.given.has("language"))).toEqual([false, false, false, true])
  })

  it("reads national phone numbers in the default country from the settings", () => {
    const r = run(csv({ code: "C-1", company: "A", phone: "020 7946 0018" }), { defaultCountry: "GB" })
    expect(r.customers[0]!.customer).toMatchObject({ country: "GB", language: "en", contacts: [{ phones: ["+442079460018"] }] })
  })

  it("keeps phone extensions in the customer's notes", () => {
    const r = run(csv({ code: "C-1", company: "A", contact_first_name: "Jean", contact_last_name: "Dupont", phone: "01 42 68 53 00 poste 12" }))
    expect(r.customers[0]!.customer.contacts[0]!.phones).toEqual(["+33142685300"])
    expect(r.customers[0]!.customer.notes).toBe("Extension 12 for +33142685300 (Jean Dupont)")
    expect(r.warnings).toMatchObject([{ line: 2, code: "extension_in_notes" }])
  })

  it("reads placeholders such as NC or - as empty optional values", () => {
    const r = run(csv({ code: "C-1", company: "A", email: "NC", phone: "-", siren: "n/a", credit_limit: "néant" }))
    expect(r.rejected).toEqual([])
    expect(r.customers[0]!.customer).toMatchObject({ siren: null, creditLimitCents: null, contacts: [] })
  })

  it("gives the same result whatever the chunk size", () => {
    const text = new TextDecoder().decode(fixture("customers-with-errors.csv"))
    const strip = (r: ReturnType<typeof run>) => ({ ...r, customers: r.customers.map((c) => ({ ...c, given: [...c.given] })) })
    expect(strip(run(text, {}, 1))).toEqual(strip(run(text, {}, 1000)))
  })

  it("reports each error of the fixture file on its line", () => {
    const r = run(new TextDecoder().decode(fixture("customers-with-errors.csv")))
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([
      [3, "missing_code"],
      [4, "invalid_email"],
      [6, "unknown_country"],
      [7, "invalid_language"],
      [8, "invalid_siren"],
      [9, "invalid_vat_number"],
      [10, "invalid_credit_limit"],
      [11, "invalid_payment_terms"],
      [12, "conflicting_company"],
      [15, "too_many_cells"],
      [17, "missing_company"]
    ])
    expect(r.customers.map((c) => [c.customer.code, c.customer.company, c.lines])).toEqual([
      ["C-001", "Dupont SA", [2]],
      ["C-003", "Mauvais Tel", [5]],
      ["C-010", "Multi Ligne SA", [13]],
      ["C-012", "Valide SARL", [16]]
    ])
    expect(r.warnings).toEqual([{ line: 5, code: "invalid_phone", message: 'phone "12 34" was left out: too short for a French number (kept as written in the customer\'s notes)', column: "phone", value: "12 34", facts: { kind: "too_short", country: "FR" } }])
    expect(r.stats).toEqual({ rows: 15, acceptedRows: 4, rejectedRows: 11, customers: 4, contacts: 4, warnings: 1 })
  })

  it("imports the Excel Windows-1252 semicolon fixture", () => {
    const { text, encoding } = decodeCsvBytes(fixture("excel-fr-windows1252.csv"))
    expect(encoding).toBe("windows-1252")
    const parsed = parseCsv(text)
    const auto = autoMapCustomerHeaders(parsed.headers)
    expect(auto.unmapped).toEqual(["Remarque"])
    const importer = createCustomerImporter({ mapping: auto.mapping, defaultCountry: "FR", now: NOW, newId: () => crypto.randomUUID(), columnCount: parsed.headers.length })
    importer.addRows(parsed.rows)
    const r = importer.finish()
    expect(r.rejected).toEqual([])
    expect(r.customers.map(({ customer: c }) => [c.code, c.company, c.country, c.creditLimitCents, c.paymentTermsDays, c.contacts.length])).toEqual([
      ["CLI0001", "Boulangerie Lefèvre & Fils", "FR", 1_000_000, 30, 2],
      ["CLI0002", "Cœur de Loire SARL", "FR", 250_000, 45, 1],
      ["CLI0003", "Fromagerie Ménard", "FR", null, 0, 1],
      ["CLI0004", "Transports Évrard", "BE", 100_050, 60, 1]
    ])
    const coeur = r.customers[1]!.customer
    expect(coeur.addresses[0]).toEqual({ label: "", line: "3 quai de la Loire\nBâtiment B", postalCode: "49000", city: "Angers", country: "FR" })
    expect(coeur.contacts[0]).toMatchObject({ firstName: "Thérèse", lastName: "Garçon", phones: ["+33241881234", "+33781223344"] })
    expect(r.customers[0]!.customer.notes).toBe("Extension 12 for +33142685301 (François Bérard)")
    expect(r.customers[3]!.customer.contacts[0]!.phones).toEqual(["+3225123456"])
    expect(r.customers[3]!.lines).toEqual([8])
    for (const { customer } of r.customers) expect(Customer.safeParse(customer).success).toBe(true)
  })

  it("previews the first rows as they will be stored", () => {
    const text = csv(...Array.from({ length: 30 }, (_, i) => ({ code: `C-${i}`, company: `Société ${i}`, email: i === 3 ? "bad" : `c${i}@x.fr` })))
    const parsed = parseCsv(text)
    const p = previewCustomers(parsed.rows, { mapping: autoMapCustomerHeaders(parsed.headers).mapping, defaultCountry: "FR", now: NOW, newId: () => "x" }, 10)
    expect(p.customers).toHaveLength(9)
    expect(p.rejected.map((r) => r.line)).toEqual([5])
  })

  it("needs the code and company columns mapped", () => {
    expect(() => createCustomerImporter({ mapping: { code: 0 }, defaultCountry: "FR", now: NOW, newId: () => "x" })).toThrow(/code and company/)
  })
})
