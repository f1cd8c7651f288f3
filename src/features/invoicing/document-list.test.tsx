// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { DocumentList, filtersFromPath } from "./document-list"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function showInvoices(language: "fr" | "en") {
  const sendMessage = vi.fn(async () => ({ ok: true, data: { rows: [], total: 0 } }))
  vi.stubGlobal("chrome", { runtime: { sendMessage } })
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <DocumentList kind="invoices" initial={filtersFromPath([])} />
    </I18nextProvider>
  )
  return sendMessage
}

const wordsOf = (input: HTMLElement) => document.getElementById(input.getAttribute("aria-describedby")!)!.textContent

describe("a workspace list's date filters", () => {
  it("write the days typed out in French beside the From and To inputs, and filter on the days themselves", async () => {
    const sendMessage = showInvoices("fr")
    const from = screen.getByLabelText("Du")
    const to = screen.getByLabelText("Au")
    expect(wordsOf(from)).toBe("")
    fireEvent.change(from, { target: { value: "2026-11-01" } })
    fireEvent.change(to, { target: { value: "2026-11-30" } })
    expect(wordsOf(from)).toBe("dimanche 1er novembre 2026")
    expect(wordsOf(to)).toBe("lundi 30 novembre 2026")
    await vi.waitFor(() => expect(sendMessage).toHaveBeenLastCalledWith(expect.objectContaining({ payload: expect.objectContaining({ from: "2026-11-01", to: "2026-11-30" }) })))
  })

  it("in English for the English interface", () => {
    showInvoices("en")
    const from = screen.getByLabelText("From")
    fireEvent.change(from, { target: { value: "2026-11-01" } })
    expect(wordsOf(from)).toBe("Sunday 1 November 2026")
  })
})

describe("the invoice list's status filter", () => {
  it("names the invoices credit notes settled beside Paid, in French and in English, and filters on them", async () => {
    const sendMessage = showInvoices("fr")
    const status = screen.getByLabelText("Statut") as HTMLSelectElement
    expect([...status.options].map((o) => o.textContent)).toContain("Soldée par avoir")
    fireEvent.change(status, { target: { value: [...status.options].find((o) => o.textContent === "Soldée par avoir")!.value } })
    await vi.waitFor(() => expect(sendMessage).toHaveBeenLastCalledWith(expect.objectContaining({ payload: expect.objectContaining({ status: "credited" }) })))
    cleanup()
    showInvoices("en")
    expect([...(screen.getByLabelText("Status") as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["Any", "Draft", "Issued", "Unpaid", "Paid", "Settled by credit note"])
  })
})
