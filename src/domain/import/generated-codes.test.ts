import { describe, expect, it } from "vitest"

import { createCustomerImporter } from "./customer-import"
import { codeFromCompany } from "./generated-codes"
import { parseCsv } from "./parse"

describe("codeFromCompany", () => {
  it.each([
    ["Dupont Industrie SAS", "DUPONT-INDUSTRIE"],
    ["L'Atelier du Bois", "L-ATELIER-DU-BOIS"],
    ["Société Générale de Transports Routiers", "GENERALE-DE"],
    ["Müller Maschinenbau GmbH", "MULLER-MASCHINENBAU"],
    ["SARL", "SARL"],
    ["***", "CLIENT"],
    ["Établissements Àbc", "ABC"]
  ])("makes %j into %j", (company, code) => {
    expect(codeFromCompany(company)).toBe(code)
  })
})

describe("codes made at import", () => {
  const run = (text: string) => {
    const { headers, rows } = parseCsv(text)
    const importer = createCustomerImporter({ mapping: { company: 0, contact_last_name: 1 }, codesFromCompany: true, defaultCountry: "FR", now: 0, newId: () => "x", headers })
    importer.addRows(rows)
    return importer.finish()
  }

  it("gives one code per company, the same for its contacts, unique across companies that fold alike, and the same on a second import", () => {
    const text = "company,last_name\nDupont SA,Martin\nDupont,Bernard\nDUPONT SAS,Petit\nDupont SA,Roux\n"
    const r = run(text)
    expect(r.customers.map((c) => [c.customer.code, c.customer.company, c.customer.contacts.map((p) => p.lastName)])).toEqual([
      ["DUPONT", "Dupont SA", ["Martin", "Roux"]],
      ["DUPONT-2", "Dupont", ["Bernard"]],
      ["DUPONT-3", "DUPONT SAS", ["Petit"]]
    ])
    expect(run(text).customers.map((c) => c.customer.code)).toEqual(["DUPONT", "DUPONT-2", "DUPONT-3"])
  })

  it("refuses a row without a company, since there is nothing to make its code from", () => {
    const r = run("company,last_name\n,Martin\n")
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[2, "missing_company"]])
  })
})
