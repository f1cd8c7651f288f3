// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { useState } from "react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createI18n } from "~src/i18n"

import { DateInput } from "./date-input"

afterEach(cleanup)

/** A controlled date input, as the payment form and the list filters have, under a label of its own. */
function Controlled({ initial }: { initial: string }) {
  const [day, setDay] = useState(initial)
  return (
    <>
      <label htmlFor="d">Date</label>
      <DateInput id="d" name="date" data-comptoir="payment-date" value={day} day={day} onChange={(e) => setDay(e.target.value)} />
    </>
  )
}

function show(language: "fr" | "en", value: string) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <Controlled initial={value} />
    </I18nextProvider>
  )
  return screen.getByLabelText("Date") as HTMLInputElement
}

const wordsOf = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby")!)!.textContent

describe("a date input with its day written out", () => {
  it("keeps the browser's date input, its name and value, and writes the day out in French, which the input names", () => {
    const input = show("fr", "2026-12-10")
    expect(input.type).toBe("date")
    expect(input.name).toBe("date")
    expect(input.value).toBe("2026-12-10")
    expect(wordsOf(input)).toBe("jeudi 10 décembre 2026")
  })

  it("writes it in English for the English interface, whatever the browser's order", () => {
    show("en", "2026-12-10")
    expect(screen.getByText("Thursday 10 December 2026")).toBeTruthy()
  })

  it("follows the day typed, and says nothing once it is cleared", () => {
    const input = show("en", "2026-12-10")
    fireEvent.change(input, { target: { value: "2027-01-04" } })
    expect(wordsOf(input)).toBe("Monday 4 January 2027")
    fireEvent.change(input, { target: { value: "" } })
    expect(wordsOf(input)).toBe("")
  })

  it("says nothing for a day that does not exist", () => {
    render(
      <I18nextProvider i18n={createI18n("fr")}>
        <DateInput aria-label="Date" day="2026-02-30" readOnly />
      </I18nextProvider>
    )
    expect(wordsOf(screen.getByLabelText("Date"))).toBe("")
  })

  it("names its words after the input's data-comptoir, and keeps a description the input already had", () => {
    render(
      <I18nextProvider i18n={createI18n("en")}>
        <span id="hint">Hint</span>
        <DateInput aria-label="Date" aria-describedby="hint" data-comptoir="quote-valid-until" day="2026-12-10" readOnly />
      </I18nextProvider>
    )
    const input = screen.getByLabelText("Date")
    expect(input.getAttribute("aria-describedby")!.split(" ")[0]).toBe("hint")
    expect(document.querySelector('[data-comptoir="quote-valid-until-words"]')!.textContent).toBe("Thursday 10 December 2026")
  })
})
