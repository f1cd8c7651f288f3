// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it } from "vitest"

import { createI18n } from "~src/i18n"

import { WebmailTabName } from "./webmail-tab-name"

afterEach(cleanup)

function tab(language: "fr" | "en", company: string | undefined, count: number) {
  const { container } = render(
    <I18nextProvider i18n={createI18n(language)}>
      <WebmailTabName company={company} count={count} />
    </I18nextProvider>
  )
  const name = container.querySelector('[data-comptoir="tab-name"]')
  return { text: container.textContent, tooltip: name?.getAttribute("title") ?? null, more: container.querySelector('[data-comptoir="tab-more"]')?.textContent ?? null }
}

describe("the webmail tab's name", () => {
  it("names the first customer and says how many others a mail naming three has, in the tooltip in words", () => {
    expect(tab("fr", "Dupont SA", 3)).toEqual({ text: "Dupont SA+2", tooltip: "Dupont SA et 2 autres clients", more: "+2" })
    expect(tab("en", "Dupont SA", 2).tooltip).toBe("Dupont SA and 1 other customer")
  })

  it("is the company alone when it is the only card, and nothing when no card has a company", () => {
    expect(tab("en", "Dupont SA", 1)).toEqual({ text: "Dupont SA", tooltip: "Dupont SA", more: null })
    expect(tab("en", undefined, 1).text).toBe("")
  })
})
