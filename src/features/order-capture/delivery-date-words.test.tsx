// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createI18n } from "~src/i18n"

import { DeliveryDateWords } from "./delivery-date-words"

afterEach(cleanup)

function show(language: "fr" | "en", value: string) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <label htmlFor="d">Date</label>
      <DeliveryDateWords value={value}>
        <input id="d" type="date" aria-describedby="c-order-deliveryDate-words" defaultValue={value} />
      </DeliveryDateWords>
    </I18nextProvider>
  )
  return screen.getByLabelText("Date")
}

describe("the order review's delivery date", () => {
  it("keeps the browser's date input and writes the day out beside it in the interface's language, which the input names", () => {
    const input = show("fr", "2026-12-10")
    expect(input.getAttribute("type")).toBe("date")
    expect(document.getElementById(input.getAttribute("aria-describedby")!)!.textContent).toBe("jeudi 10 décembre 2026")
  })

  it("writes it in English for the English interface, whatever the browser's order", () => {
    show("en", "2026-12-10")
    expect(screen.getByText("Thursday 10 December 2026")).toBeTruthy()
  })

  it("says nothing while there is no date", () => {
    show("en", "")
    expect(document.getElementById("c-order-deliveryDate-words")!.textContent).toBe("")
  })
})
