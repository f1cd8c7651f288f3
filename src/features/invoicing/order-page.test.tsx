// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { DEMO_SELLER } from "~src/domain/demo/demo-seller"
import { testCustomer } from "~src/features/customer-card/test-customer"

import { doc, stubChrome, view } from "./document-view-test-kit"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const blocked = { allowed: false, needsOverride: true, reasons: [{ code: "over-limit", outstandingCents: 1_234_500, limitCents: 1_000_000 }] }
const overriders = [
  { email: "manager@demo.comptoir.test", name: "Claire Dubois" },
  { email: "admin@demo.comptoir.test", name: "Paul Martin" }
]

describe("an order's page", () => {
  it("tells an agent whose confirmation is blocked which of the team's managers can override it, in the agent's language", async () => {
    stubChrome(doc({}), { confirm: blocked, overriders })
    view("en")
    expect((await screen.findByText(/^Ask .* to override/)).textContent).toBe("Ask Claire Dubois or Paul Martin to override: only a manager or an admin can.")
    cleanup()
    stubChrome(doc({}), { confirm: blocked, overriders })
    view("fr")
    expect((await screen.findByText(/^Demandez une dérogation/)).textContent).toBe("Demandez une dérogation à Claire Dubois ou Paul Martin : seul un responsable ou un administrateur le peut.")
  })

  it("says when a draft order gets its number, in French agreeing with « commande »", async () => {
    stubChrome(doc({}), { confirm: blocked })
    view("fr")
    expect((await screen.findByText(/^\(brouillon/)).textContent).toBe("(brouillon, numérotée à la confirmation)")
    cleanup()
    stubChrome(doc({}), { confirm: blocked })
    view("en")
    expect((await screen.findByText(/^\(draft/)).textContent).toBe("(draft, numbered when confirmed)")
  })

  it("still says a manager can when the team's managers are not known (offline, no server)", async () => {
    stubChrome(doc({}), { confirm: blocked })
    view("en")
    expect((await screen.findByText(/^Ask a manager/)).textContent).toBe("Ask a manager to override: only a manager or an admin can.")
  })

  it("copies the order confirmation as text in the customer's language, with the customer's order number, as a quote's page does", async () => {
    stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012", customerPoNumber: "IM-55120" }), { customer: testCustomer(), seller: DEMO_SELLER })
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } })
    view("fr")
    fireEvent.click(await screen.findByRole("button", { name: "Copier le texte" }))
    await screen.findByText("Copié dans le presse-papiers.")
    expect(writeText.mock.calls[0]).toEqual([expect.stringContaining("Please find below our order confirmation CMD-2026-00012 of 2 December 2026, your order no. IM-55120.")])
    expect(screen.getByRole("button", { name: "Télécharger le PDF" })).toBeTruthy()
    expect(screen.getByRole("button", { name: "Insérer dans la réponse" })).toBeTruthy()
  })

  it("says why there is no PDF while the team's seller identity is not filled in", async () => {
    stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012" }), { customer: testCustomer() })
    view("en")
    fireEvent.click(await screen.findByRole("button", { name: "Download PDF" }))
    expect((await screen.findByRole("status")).textContent).toMatch(/^The team's seller identity is not filled in/)
  })
})
