// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"

import { doc, ID, stubChrome, view } from "./document-view-test-kit"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe("the customer's order number on a document's page", () => {
  it("is typed on a draft order made from a quote, which has none, and saved for its invoice to carry", async () => {
    const sendMessage = stubChrome(doc({ sourceId: "quote-1" }))
    view("en")
    expect((await screen.findByText("Customer's order no.")).nextElementSibling?.textContent).toBe("None yet")
    fireEvent.click(screen.getByRole("button", { name: "Add the customer's order no." }))
    fireEvent.change(screen.getByLabelText("Customer's order no."), { target: { value: "PO-2026-118" } })
    fireEvent.click(screen.getByRole("button", { name: "Save" }))
    await vi.waitFor(() => expect(sendMessage.mock.calls.map(([m]) => m).find((m) => m.type === "documents/act")).toMatchObject({ payload: { id: ID, step: { action: "po-number", poNumber: "PO-2026-118" } } }))
  })

  it("is changed on a draft in French, from the number it has", async () => {
    stubChrome(doc({ language: "fr", customerPoNumber: "BC-0458" }))
    view("fr")
    expect((await screen.findByText("BC-0458")).previousElementSibling?.textContent).toBe("N° de commande client")
    fireEvent.click(screen.getByRole("button", { name: "Modifier" }))
    expect((screen.getByLabelText("N° de commande client") as HTMLInputElement).value).toBe("BC-0458")
  })

  it("is added to a confirmed order when the buyer's PO follows a confirmation by phone", async () => {
    const sendMessage = stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012" }))
    view("en")
    fireEvent.click(await screen.findByRole("button", { name: "Add the customer's order no." }))
    fireEvent.change(screen.getByLabelText("Customer's order no."), { target: { value: "PO-77120" } })
    fireEvent.click(screen.getByRole("button", { name: "Save" }))
    await vi.waitFor(() => expect(sendMessage.mock.calls.map(([m]) => m).find((m) => m.type === "documents/act")).toMatchObject({ payload: { id: ID, step: { action: "po-number", poNumber: "PO-77120" } } }))
  })

  it("reads as text once the order is invoiced or the invoice issued, and is not offered where there is none", async () => {
    stubChrome(doc({ type: "invoice", status: "issued", number: "FAC-2026-00031", dueDate: "2027-01-02", customerPoNumber: "NH-4471" }))
    view("en")
    expect((await screen.findByText("NH-4471")).previousElementSibling?.textContent).toBe("Customer's order no.")
    expect(document.querySelector('[data-comptoir="po-number-edit"]')).toBeNull()
    cleanup()
    stubChrome(doc({ status: "invoiced", number: "CMD-2026-00012" }))
    view("en")
    await screen.findByText("CMD-2026-00012")
    expect(screen.queryByText("Customer's order no.")).toBeNull()
  })

  it("is told in the order's history from what to what, as the team server keeps it, in English and in French", async () => {
    const at = Date.parse("2026-12-03T09:00:00Z")
    const history = [
      { status: "confirmed", at, by: "agent1@demo.comptoir.test" },
      { status: "po-number", at: at + 60_000, by: "agent1@demo.comptoir.test", from: null, to: "PO-4411" },
      { status: "po-number", at: at + 120_000, by: "agent2@demo.comptoir.test", from: "PO-4411", to: "PO-4412" },
      { status: "po-number", at: at + 180_000, by: "agent2@demo.comptoir.test", from: "PO-4412", to: null },
      // Logged by an extension from before the entry kept the numbers: said as it was.
      { status: "po-number", at: at + 240_000, by: "agent2@demo.comptoir.test" }
    ]
    const told = () => [...document.querySelectorAll('[data-comptoir="history-entry"]')].slice(1).map((e) => e.textContent!.replace(/^.*? · (.*) · .*$/, "$1"))
    stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012", customerPoNumber: null, history }))
    view("en")
    await screen.findByText("CMD-2026-00012")
    expect(told()).toEqual(["Customer's order no.: (none) → PO-4411", "Customer's order no.: PO-4411 → PO-4412", "Customer's order no.: PO-4412 → (none)", "Customer's order no. added or changed"])
    cleanup()
    stubChrome(doc({ status: "confirmed", number: "CMD-2026-00012", customerPoNumber: null, history }))
    view("fr")
    await screen.findByText("CMD-2026-00012")
    expect(told()).toEqual(["N° de commande client : (aucun) → PO-4411", "N° de commande client : PO-4411 → PO-4412", "N° de commande client : PO-4412 → (aucun)", "N° de commande du client ajouté ou modifié"])
  })
})
