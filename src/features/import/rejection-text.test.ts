import { describe, expect, it } from "vitest"

import { createCustomerImporter } from "~src/domain/import/customer-import"
import { rejectedRowsCsv } from "~src/domain/import/export"
import { autoMapCustomerHeaders } from "~src/domain/import/headers"
import { parseCsv } from "~src/domain/import/parse"
import { createI18n } from "~src/i18n"

import { rejectionReason, rejectionText } from "./rejection-text"

/** A French customers file with three bad rows, as a manager exports it from Excel (semicolons). */
const FILE = [
  "code;company;contact_first_name;contact_last_name;email;phone;siren;credit_limit",
  "U4-001;Boulangerie Martin;Claire;Martin;claire@boulangerie-martin.fr;01 42 68 53 00;;5 000,00",
  "U4-003;Garage Lefèvre;Jean;Lefèvre;jean@@lefevre;01 42 68 53 02;;",
  "U4-004;Imprimerie Noël;Sophie;Noël;sophie@noel.fr;01 42 68 53 03;123456789;",
  "U4-005;Fromagerie Blanc;Luc;Blanc;luc@blanc.fr;01 42 68 53 04;123456789;dix mille"
].join("\n")

function rejected() {
  const parsed = parseCsv(FILE)
  const importer = createCustomerImporter({ mapping: autoMapCustomerHeaders(parsed.headers).mapping, defaultCountry: "FR", now: 0, newId: () => crypto.randomUUID(), columnCount: parsed.headers.length, headers: parsed.headers })
  importer.addRows(parsed.rows)
  return { headers: parsed.headers, rows: importer.finish().rejected }
}

describe("a rejected row's reason", () => {
  const fr = createI18n("fr").t
  const en = createI18n("en").t

  it("is said in French in the French interface, each issue named with the value as written, no English sentence", () => {
    const [mail, siren, two] = rejected().rows
    expect(rejectionText(mail!, fr, "fr")).toEqual({ title: "Adresse e-mail invalide", detail: "« jean@@lefevre »" })
    expect(rejectionText(two!, fr, "fr")).toEqual({ title: "SIREN invalide", detail: "« 123456789 » ; Encours autorisé invalide : « dix mille »" })
    expect(rejectionReason(two!, fr, "fr")).toBe("SIREN invalide : « 123456789 » ; Encours autorisé invalide : « dix mille »")
    for (const r of [mail, siren, two]) expect(rejectionReason(r!, fr, "fr")).not.toMatch(/\b(is not|has a|wrong|check digit|amount)\b/)
  })

  it("keeps the importer's English sentence in the English interface", () => {
    const [mail] = rejected().rows
    expect(rejectionText(mail!, en, "en")).toEqual({ title: "Invalid email address", detail: 'email "jean@@lefevre" is not an address' })
  })

  it("goes into the downloadable rows in the same words, with the file's own separator", () => {
    const { headers, rows } = rejected()
    const text = rejectedRowsCsv(rows, headers, { delimiter: ";", bom: false }, (r) => rejectionReason(r, fr, "fr"))
    expect(text.split("\r\n")[1]).toBe("3;invalid_email;Adresse e-mail invalide : « jean@@lefevre »;U4-003;Garage Lefèvre;Jean;Lefèvre;jean@@lefevre;01 42 68 53 02;;")
  })
})
