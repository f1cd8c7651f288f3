// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { useForm } from "react-hook-form"
import { I18nextProvider, useTranslation } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { emptyLine, type QuoteFormValues } from "~src/domain/documents/quote-form"
import { createI18n } from "~src/i18n"

import { LineRow } from "./quote-line-row"

afterEach(cleanup)

const GLOVES = "Gants nitrile non poudrés taille M (boîte de 100)"

function OneLine() {
  const { t } = useTranslation()
  const form = useForm<QuoteFormValues>({ defaultValues: { lines: [{ ...emptyLine("l1"), ref: "GN-4410", label: GLOVES, unit: "mètre linéaire", unitPrice: "8,90" }] } as Partial<QuoteFormValues> })
  const line = form.watch("lines.0")
  return (
    <table>
      <tbody>
        <LineRow i={0} register={form.register} line={line} lang="fr" errors={undefined} netCents={890} money={(c) => `${c / 100} €`} t={t} onRemove={() => undefined} />
      </tbody>
    </table>
  )
}

describe("a quote line's description", () => {
  it("is a field that wraps a long product name instead of cutting it, under the form's same name, one line of text still", () => {
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <OneLine />
      </I18nextProvider>
    )
    const label = screen.getByLabelText("Désignation 1")
    // A textarea wraps its text (an input shows one line, cut at the column's width); it grows with it (see the e2e check).
    expect(label.tagName).toBe("TEXTAREA")
    expect(label.getAttribute("name")).toBe("lines.0.label")
    expect((label as HTMLTextAreaElement).value).toBe(GLOVES)
    // Enter does not start a second line.
    const enter = fireEvent.keyDown(label, { key: "Enter" })
    expect(enter).toBe(false)
  })

  it("and its unit, a field that wraps too: a long French unit is not cut at the unit column's width", () => {
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <OneLine />
      </I18nextProvider>
    )
    const unit = screen.getByLabelText("Unité 1")
    expect(unit.tagName).toBe("TEXTAREA")
    expect(unit.getAttribute("name")).toBe("lines.0.unit")
    expect((unit as HTMLTextAreaElement).value).toBe("mètre linéaire")
    expect(fireEvent.keyDown(unit, { key: "Enter" })).toBe(false)
  })
})
