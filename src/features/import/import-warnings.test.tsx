// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createCustomerImporter } from "~src/domain/import/customer-import"
import { autoMapCustomerHeaders } from "~src/domain/import/headers"
import { parseCsv } from "~src/domain/import/parse"
import { createI18n } from "~src/i18n"

import { ImportWarnings } from "./import-warnings"

afterEach(cleanup)

/** A customer file as a French team writes it, imported against the team's users (Jean Inconnu is none of them). */
function importedWarnings() {
  const parsed = parseCsv("code;societe;commercial\r\nC-001;Dupont SA;Claire Dubois\r\nC-002;Martin SARL;Jean Inconnu\r\n")
  const { mapping } = autoMapCustomerHeaders(parsed.headers)
  let n = 0
  const importer = createCustomerImporter({
    mapping,
    defaultCountry: "FR",
    now: Date.UTC(2026, 11, 6),
    newId: () => `id-${++n}`,
    columnCount: parsed.headers.length,
    headers: parsed.headers,
    salesReps: { active: ["Claire Dubois"], inactive: [] }
  })
  importer.addRows(parsed.rows)
  return importer.finish().warnings
}

function showWarnings(language: "fr" | "en") {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ImportWarnings warnings={importedWarnings()} fileName="clients.csv" />
    </I18nextProvider>
  )
  const rows = within(screen.getByRole("table")).getAllByRole("row")
  return rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent))
}

describe("an imported row whose sales rep is no user of the team", () => {
  it("shows the user, in French, the file's line, the column and the rep name left empty", () => {
    const [header, row, ...others] = showWarnings("fr")
    expect(others).toEqual([])
    expect(header).toEqual(["Ligne", "Colonne", "Valeur", "Motif"])
    expect(row?.slice(0, 3)).toEqual(["3", "commercial", "Jean Inconnu"])
    expect(row?.[3]).toMatch(/^Commercial laissé vide : aucun utilisateur actif de l'équipe/)
    expect(screen.getByText(/^1 avertissement/)).toBeTruthy()
  })

  it("shows the same in English", () => {
    const [header, row] = showWarnings("en")
    expect(header?.slice(0, 3)).toEqual(["Line", "Column", "Value"])
    expect(row?.slice(0, 3)).toEqual(["3", "commercial", "Jean Inconnu"])
    expect(row?.[3]).toMatch(/^Sales rep left empty: no active user of the team/)
    expect(row?.[3]).toContain('"Jean Inconnu"')
  })
})
