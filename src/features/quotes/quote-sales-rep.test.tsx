// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { emptyLine, newQuoteValues, quoteFromValues, type Quote, type QuoteFormValues } from "~src/domain/documents/quote-form"

import { type Answer, quoteContext, renderQuoteEditor } from "./quote-editor-test-kit"

const customer = Customer.parse({ ...generateCustomers({ count: 1, seed: 3 }).map(({ writtenPhones: _w, ...c }) => c)[0], salesRep: "Sophie Martin" })
const TEAM = { teamMembers: ["Sophie Martin", "Claire Martin", "Bruno Petit"], inactiveMembers: ["Paul Girard"] }

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A stored draft of the customer's (one typed line), its rep `salesRep`. */
const draftBy = (salesRep: string): Quote => {
  const line = { ...emptyLine("l1"), label: "Audit", unitPrice: "100" }
  return quoteFromValues({ ...newQuoteValues(customer, { today: "2026-12-03", validityDays: 30, agentName: "Claire Martin" }), lines: [line], salesRep }, { id: "q-draft", date: "2026-12-03", now: 1 })
}

/** The quote form (a new quote, or the stored draft), the team answering as `team` says; what is saved is kept. */
function showQuote(ui: "fr" | "en", open: { draft?: Quote; team?: Partial<typeof TEAM> } = {}) {
  const saved: { values: QuoteFormValues | null } = { values: null }
  const team = { ...TEAM, ...open.team }
  const answer: Answer = (type, payload) => {
    if (type === "quotes/context") return { ...quoteContext(customer), ...team }
    if (type === "team/reps") return { active: team.teamMembers, inactive: team.inactiveMembers }
    if (type === "pricing/get") return { pricing: null, mayEdit: false }
    if (type === "quotes/get") return { quote: open.draft ?? null, customer, seller: null, refusal: null }
    if (type === "quotes/save") {
      saved.values = payload.values as QuoteFormValues
      return { ok: true, quote: quoteFromValues(saved.values, { id: String(payload.id), date: "2026-12-03", now: 1 }) }
    }
    return undefined
  }
  renderQuoteEditor(ui, customer, answer, { quoteId: open.draft?.id })
  return saved
}

const optionsOf = (select: HTMLElement) => within(select).getAllByRole("option").map((o) => o.textContent)

describe("the quote form's sales rep", () => {
  it("is picked among the team's active users, never typed, and starts as the customer's rep", async () => {
    showQuote("en")
    const rep = (await screen.findByLabelText("Sales rep")) as HTMLSelectElement
    expect(rep.tagName).toBe("SELECT")
    expect(rep.value).toBe("Sophie Martin")
    expect(optionsOf(rep)).toEqual(["— nobody —", "Bruno Petit", "Claire Martin", "Sophie Martin"])
  })

  it("keeps a disabled user already on a draft, shown as inactive with a note, and saves the draft with that rep untouched", async () => {
    const saved = showQuote("en", { draft: draftBy("Paul Girard") })
    const rep = (await screen.findByLabelText(/^Sales rep/)) as HTMLSelectElement
    expect(rep.value).toBe("Paul Girard")
    expect(rep.selectedOptions[0]!.textContent).toBe("Paul Girard (inactive)")
    expect(document.querySelector('[data-comptoir="sales-rep-inactive"]')!.textContent).toBe("Paul Girard's account is disabled: kept here until you pick an active member.")
    fireEvent.change(screen.getByLabelText("Notes on the quote"), { target: { value: "Delivery on Monday" } })
    await screen.findByRole("button", { name: "Save draft and download PDF" })
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }))
    await vi.waitFor(() => expect(saved.values?.salesRep).toBe("Paul Girard"))
  })

  it("says so in French, and the agent can hand the draft to an active user", async () => {
    const saved = showQuote("fr", { draft: draftBy("Paul Girard") })
    const rep = (await screen.findByLabelText(/^Commercial/)) as HTMLSelectElement
    expect(rep.selectedOptions[0]!.textContent).toBe("Paul Girard (compte désactivé)")
    fireEvent.change(rep, { target: { value: "Bruno Petit" } })
    // A change the form knows of: its buttons now save the draft first.
    await screen.findByRole("button", { name: "Enregistrer le brouillon et télécharger le PDF" })
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le brouillon" }))
    await vi.waitFor(() => expect(saved.values?.salesRep).toBe("Bruno Petit"))
  })

  it("is typed as before when no team is known (not signed in)", async () => {
    showQuote("en", { team: { teamMembers: [], inactiveMembers: [] } })
    const rep = (await screen.findByLabelText(/^Sales rep/)) as HTMLInputElement
    expect(rep.tagName).toBe("INPUT")
  })
})
