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

/** One line of a quote in `lang`; `stored` hears the unit the form keeps. */
function OneLine({ lang = "fr", unit = "mètre linéaire", quantity = "1", stored }: { lang?: "fr" | "en"; unit?: string; quantity?: string; stored?: (unit: string) => void }) {
  const { t } = useTranslation()
  const form = useForm<QuoteFormValues>({ defaultValues: { lines: [{ ...emptyLine("l1"), ref: "GN-4410", label: GLOVES, unit, quantity, unitPrice: "8,90" }] } as Partial<QuoteFormValues> })
  const line = form.watch("lines.0")
  return (
    <table>
      <tbody>
        <LineRow
          i={0}
          register={form.register}
          line={line}
          lang={lang}
          errors={undefined}
          netCents={890}
          money={(c) => `${c / 100} €`}
          t={t}
          onRemove={() => undefined}
          onUnit={(u) => {
            form.setValue("lines.0.unit", u)
            stored?.(u)
          }}
        />
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

describe("a quote line's unit", () => {
  it("reads in the quote's language, agreeing with the quantity, while the form keeps the catalog's word", () => {
    const kept: string[] = []
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <OneLine lang="en" unit="boîte" quantity="10" stored={(u) => kept.push(u)} />
      </I18nextProvider>
    )
    const unit = screen.getByLabelText("Unit 1") as HTMLTextAreaElement
    expect(unit.value).toBe("boxes")
    // The agent types a unit in their words: the catalog's word is stored, the PDF prints it in the quote's language.
    fireEvent.focus(unit)
    fireEvent.change(unit, { target: { value: "cartons" } })
    expect(unit.value).toBe("cartons")
    expect(kept.at(-1)).toBe("carton")
    fireEvent.change(unit, { target: { value: "box" } })
    expect(kept.at(-1)).toBe("boîte")
    fireEvent.blur(unit)
    expect(unit.value).toBe("boxes")
  })

  it("reads in French on a French quote: 10 boîtes", () => {
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <OneLine lang="fr" unit="boîte" quantity="10" />
      </I18nextProvider>
    )
    expect((screen.getByLabelText("Unit 1") as HTMLTextAreaElement).value).toBe("boîtes")
  })
})
