// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { createI18n } from "~src/i18n"

import { QuoteEditor } from "./quote-form"

const customer = Customer.parse(generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0])

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A new quote for a customer on 3 Dec 2026, the team's quotes valid 30 days: until 2 Jan 2027. */
function showNewQuote(language: "fr" | "en", team: { customerRep?: string | null; members?: string[] } = {}) {
  const forCustomer = "customerRep" in team ? { ...customer, salesRep: team.customerRep ?? null } : customer
  const answers: Record<string, unknown> = {
    "quotes/context": { customer: forCustomer, agentName: "Claire Martin", teamMembers: team.members ?? ["Claire Martin"], today: "2026-12-03", validityDays: 30, sellerProblems: [], risk: null },
    "pricing/get": { pricing: null, mayEdit: false }
  }
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async ({ type }: { type: string }) => (type in answers ? { ok: true, data: answers[type] } : { ok: false, error: "not in this test" })) } })
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <QuoteEditor quoteId={null} customerId={customer.id} contactId={null} callId={null} />
    </I18nextProvider>
  )
}

const wordsOf = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby")!)!.textContent

describe("the quote form's validity date", () => {
  it("is written out in French beside its input, and follows the day the agent picks", async () => {
    showNewQuote("fr")
    const input = (await screen.findByLabelText("Valable jusqu'au")) as HTMLInputElement
    expect(input.type).toBe("date")
    expect(input.name).toBe("validUntil")
    expect(input.value).toBe("2027-01-02")
    expect(wordsOf(input)).toBe("samedi 2 janvier 2027")
    fireEvent.change(input, { target: { value: "2027-01-15" } })
    await vi.waitFor(() => expect(wordsOf(input)).toBe("vendredi 15 janvier 2027"))
  })

  it("in English for the English interface, and not at all once the date is cleared", async () => {
    showNewQuote("en")
    const input = await screen.findByLabelText("Valid until")
    expect(wordsOf(input)).toBe("Saturday 2 January 2027")
    fireEvent.change(input, { target: { value: "" } })
    await vi.waitFor(() => expect(wordsOf(input)).toBe(""))
  })
})

describe("the quote form's sales rep", () => {
  it("starts as the customer's own rep when that rep is on the team, not as the agent who opens the form", async () => {
    showNewQuote("en", { customerRep: "Sophie Martin", members: ["Claire Martin", "Sophie Martin"] })
    expect(((await screen.findByLabelText("Sales rep")) as HTMLInputElement).value).toBe("Sophie Martin")
  })

  it("starts as the agent when the customer's rep is no one on the team, or the customer has none", async () => {
    showNewQuote("en", { customerRep: "James Carter", members: ["Claire Martin", "Sophie Martin"] })
    expect(((await screen.findByLabelText("Sales rep")) as HTMLInputElement).value).toBe("Claire Martin")
    cleanup()
    showNewQuote("en", { customerRep: null, members: ["Claire Martin", "Sophie Martin"] })
    expect(((await screen.findByLabelText("Sales rep")) as HTMLInputElement).value).toBe("Claire Martin")
  })
})

describe("the PDF button of a quote never saved", () => {
  it("says it saves the draft first", async () => {
    showNewQuote("en")
    expect((await screen.findByText(/download PDF/i, { selector: '[data-comptoir="quote-pdf"]' })).textContent).toBe("Save draft and download PDF")
  })
})

describe("the reply and copy buttons of a quote never saved", () => {
  const labels = async () => {
    const insert = await screen.findByText(/./, { selector: '[data-comptoir="insert-into-reply"]' })
    return { insert: insert.textContent, copy: document.querySelector('[data-comptoir="quote-copy"]')!.textContent }
  }

  it("say they save the draft first, as the PDF button does", async () => {
    showNewQuote("en")
    expect(await labels()).toEqual({ insert: "Save draft and insert into reply", copy: "Save draft and copy as text" })
  })

  it("say it in French for the French interface", async () => {
    showNewQuote("fr")
    expect(await labels()).toEqual({ insert: "Enregistrer le brouillon et insérer dans la réponse", copy: "Enregistrer le brouillon et copier le texte" })
  })
})
