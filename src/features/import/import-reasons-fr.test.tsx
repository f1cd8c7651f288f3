// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createCustomerImporter } from "~src/domain/import/customer-import"
import { warningsCsv } from "~src/domain/import/export"
import { autoMapCustomerHeaders, autoMapProductHeaders } from "~src/domain/import/headers"
import { parseCsv } from "~src/domain/import/parse"
import { createProductImporter } from "~src/domain/import/product-import"
import { createI18n } from "~src/i18n"

import { ImportRejections } from "./import-rejections"
import { ImportWarnings } from "./import-warnings"
import { rejectionReason, rejectionText } from "./rejection-text"
import { warningReason } from "./warning-text"

afterEach(cleanup)

/** Words of the importer's English sentences: none may show in the French interface. */
const ENGLISH = /\b(is|was|were|the|of|for|left|ignored|kept|number|line|gave|no|user|team|extension|digits|disabled|account|too|short|not|valid|address|missing|rate|duplicate|must)\b/i

/** A French customers file that raises every warning the importer has, against a team where Paul Parti left. */
const CUSTOMERS = [
  "code;company;sales_rep;phone;siren;credit_limit;address;city;country",
  "C-001;Dupont SA;Claire Dubois;01 42 68 53 00 poste 12;73282932000074;5 000,00;1 rue de la Paix;Paris;FR",
  "C-001;Dupont SA;Jean Inconnu;12 34;;9 000,00;3 avenue Foch;Lyon;BE",
  "C-002;Martin SARL;Paul Parti;voir fiche;;;;;",
  "C-003;Roux SA;;06 12 34 56 78 | 020 7946 0018;;;;;"
].join("\r\n")

function customerWarnings() {
  const parsed = parseCsv(CUSTOMERS)
  let n = 0
  const importer = createCustomerImporter({
    mapping: autoMapCustomerHeaders(parsed.headers).mapping,
    defaultCountry: "FR",
    now: 0,
    newId: () => `id-${++n}`,
    columnCount: parsed.headers.length,
    headers: parsed.headers,
    salesReps: { active: ["Claire Dubois"], inactive: ["Paul Parti"] }
  })
  importer.addRows(parsed.rows)
  return importer.finish().warnings
}

describe("the import warnings, in the French interface", () => {
  it("say every kind of warning in French, the English sentence left to the hover only", () => {
    const warnings = customerWarnings()
    const kinds = new Set(warnings.map((w) => `${w.code}/${w.facts?.kind ?? ""}`))
    expect([...kinds].sort()).toEqual(
      ["extension_in_notes/", "ignored_value/address", "ignored_value/amount", "ignored_value/value", "invalid_phone/not_a_number", "invalid_phone/too_long", "invalid_phone/too_short", "siret_read_as_siren/", "unknown_sales_rep/disabled", "unknown_sales_rep/stranger"].sort()
    )
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <ImportWarnings warnings={warnings} fileName="clients.csv" />
      </I18nextProvider>
    )
    const reasons = within(screen.getByRole("table")).getAllByRole("row").slice(1).map((r) => r.querySelectorAll("td")[3]!)
    expect(reasons).toHaveLength(warnings.length)
    for (const cell of reasons) {
      expect(cell.textContent, cell.textContent!).not.toMatch(ENGLISH)
      expect(cell.getAttribute("title"), "the importer's sentence, for support").toMatch(ENGLISH)
    }
    const text = reasons.map((c) => c.textContent).join("\n")
    expect(text).toContain("Commercial laissé vide : aucun utilisateur actif de l'équipe (« Paul Parti » est un compte désactivé")
    expect(text).toContain("trop court pour un numéro de ce pays (Belgique)")
    expect(text).toMatch(/Valeur ignorée \(9\u202f000,00\s€ : la ligne 2 donne déjà 5\u202f000,00\s€ pour le code C-001\)/)
    expect(text).toContain("Poste gardé dans les notes (poste 12 du +33142685300")
    expect(text).toContain("ses 9 premiers, 732829320, ont été gardés comme SIREN")
  })

  it("write the downloadable warnings in the same French words", () => {
    const fr = createI18n("fr")
    const csv = warningsCsv(customerWarnings(), { bom: false }, (w) => warningReason(w, fr.t, "fr"))
    const reasons = csv.split("\r\n").slice(1).filter((l) => l !== "")
    expect(reasons.length).toBeGreaterThan(5)
    for (const line of reasons) expect(line.split(",").slice(4).join(","), line).not.toMatch(ENGLISH)
  })
})

describe("the rejected rows, in the French interface", () => {
  it("give each refusal in French: missing code, bad email, bad VAT rate, missing and duplicate product ref", () => {
    const fr = createI18n("fr").t
    const rejected = rejectedRows()
    expect(rejected.map((r) => r.code).sort()).toEqual(["duplicate_ref", "invalid_email", "invalid_vat_rate", "missing_code", "missing_ref"])
    for (const r of rejected) {
      const { title, detail } = rejectionText(r, fr, "fr")
      expect(`${title} (${detail})`).not.toMatch(ENGLISH)
      expect(rejectionReason(r, fr, "fr")).not.toMatch(ENGLISH)
    }
  })

  it("keep the importer's English sentence in each reason's hover, for support, as the warnings do", () => {
    const rejected = rejectedRows()
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <ImportRejections rejected={rejected} headers={["code", "company", "email"]} delimiter=";" fileName="clients.csv" />
      </I18nextProvider>
    )
    const reasons = within(screen.getByRole("table")).getAllByRole("row").slice(1).map((r) => r.querySelectorAll("td")[1]!)
    expect(reasons).toHaveLength(rejected.length)
    reasons.forEach((cell, i) => {
      expect(cell.textContent, cell.textContent!).not.toMatch(ENGLISH)
      expect(cell.getAttribute("title")).toBe(rejected[i]!.reason)
    })
    expect(reasons[1]!.getAttribute("title")).toMatch(ENGLISH)
  })
})

/** A customers file and a products file whose rows are refused for five different reasons. */
function rejectedRows() {
  const customers = parseCsv("code;company;email\r\n;Sans Code SA;a@b.fr\r\nC-9;Mail SA;jean@@lefevre\r\n")
  const ci = createCustomerImporter({ mapping: autoMapCustomerHeaders(customers.headers).mapping, defaultCountry: "FR", now: 0, newId: () => "x", headers: customers.headers })
  ci.addRows(customers.rows)
  const products = parseCsv("ref;name;unit_price;vat_rate\r\nP-1;Pain;1,20;33\r\n;Sans ref;2,00;20\r\nP-2;Croissant;1,10;5,5\r\nP-2;Croissant bis;1,10;5,5\r\n")
  const pi = createProductImporter({ mapping: autoMapProductHeaders(products.headers).mapping, now: 0, newId: () => "y" })
  pi.addRows(products.rows)
  return [...ci.finish().rejected, ...pi.finish().rejected]
}
