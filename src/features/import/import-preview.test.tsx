// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { autoMapCustomerHeaders, autoMapProductHeaders } from "~src/domain/import/headers"
import { parseCsv } from "~src/domain/import/parse"
import { createI18n } from "~src/i18n"

import { ImportPreview } from "./import-preview"
import { previewFile } from "./run-import"

afterEach(cleanup)

const CUSTOMERS = ["code;company;credit_limit", "C-001;Boulangerie Lemoine;15000", "C-002;Garage Fabre;2500,50"].join("\r\n")
const PRODUCTS = ["ref;name_fr;name_en;unit;unit_price;vat_rate", "P-1;Ramette A4;A4 ream;u;1234,5;20"].join("\r\n")

function show(kind: "customers" | "products", text: string, language: "fr" | "en") {
  const { headers } = parseCsv(text)
  const mapping = kind === "customers" ? autoMapCustomerHeaders(headers).mapping : autoMapProductHeaders(headers).mapping
  const preview = previewFile(kind, text, { ...mapping }, "FR", headers.length)
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ImportPreview preview={preview} />
    </I18nextProvider>
  )
}

// Intl's French grouping is a narrow no-break space; what matters here is what a reader sees.
const spaced = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ")

describe("the import's preview", () => {
  it("writes credit limits as French money in the French interface", () => {
    const { container } = show("customers", CUSTOMERS, "fr")
    expect(screen.getByText("Boulangerie Lemoine")).toBeTruthy()
    const text = spaced(container.textContent)
    expect(text).toContain("15 000,00 €")
    expect(text).toContain("2 500,50 €")
    expect(text).not.toContain("15000.00")
  })

  it("writes credit limits and prices as English money in the English interface", () => {
    expect(spaced(show("customers", CUSTOMERS, "en").container.textContent)).toContain("€15,000.00")
    cleanup()
    const text = spaced(show("products", PRODUCTS, "en").container.textContent)
    expect(text).toContain("€1,234.50")
    expect(text).not.toContain("1234.50")
  })

  it("writes a product's price as French money in the French interface", () => {
    expect(spaced(show("products", PRODUCTS, "fr").container.textContent)).toContain("1 234,50 €")
  })
})
