// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { setInPlaceQuoteForm } from "~src/features/quotes/open-quote-form"
import { createI18n } from "~src/i18n"

import { CustomerCard } from "./customer-card"
import { testCustomer } from "./test-customer"

const customer = testCustomer()

/** A card on a page that draws the quote form in place (the softphone tab, the side panel); what it asks of it. */
function renderCard(props: { holdData?: boolean }) {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: false, error: "offline" })), getURL: (p: string) => `chrome-extension://x/${p}` } })
  const warm = vi.fn()
  setInPlaceQuoteForm(async () => true, warm)
  const card = (holdData?: boolean) => (
    <I18nextProvider i18n={createI18n("en")}>
      <CustomerCard customer={customer} agentCountry="FR" highlight quoteFrom={{ contactId: null, callId: "call-1" }} holdData={holdData} />
    </I18nextProvider>
  )
  const { rerender } = render(card(props.holdData))
  return { warm, release: () => rerender(card(false)) }
}

const newQuote = () => screen.getByRole("button", { name: "New quote" })

afterEach(() => {
  cleanup()
  setInPlaceQuoteForm(null)
  vi.unstubAllGlobals()
})

describe("the card's New quote and the quote editor of the page", () => {
  it("asks for the editor as soon as the pointer enters New quote, or the focus lands on it: the click is coming, with the new quote it would open", () => {
    const { warm } = renderCard({})
    const path = `quotes/new?customer=${customer.id}&call=call-1`
    warm.mockClear()
    fireEvent.pointerEnter(newQuote())
    expect(warm).toHaveBeenCalledWith("intent", path)
    warm.mockClear()
    fireEvent.focus(newQuote())
    expect(warm).toHaveBeenCalledWith("intent", path)
  })

  it("does not ask for it while the card's data is held for a call being set up; asks once the call lets it go", () => {
    const { warm, release } = renderCard({ holdData: true })
    expect(warm).not.toHaveBeenCalled()
    release()
    expect(warm).toHaveBeenCalledWith("card", undefined)
  })

  it("asks for it when a card shows with its data (a card of the page, an incoming call's caller)", () => {
    const { warm } = renderCard({})
    expect(warm).toHaveBeenCalledWith("card", undefined)
  })
})
