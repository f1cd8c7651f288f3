// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { createI18n } from "~src/i18n"
import type { ComplaintView } from "~src/messaging/contract"

import { CaptureOrderButton } from "./capture-button"

/**
 * The page panel's answer to "Capture as order" on a complaint: what it asks for, in the mail's words, and the page
 * to open. The background's answer is given here (its reading is tested in complaint-ask.test.ts and
 * background/handlers/orders/complaint.test.ts).
 */
let complaint: ComplaintView | null = null
const sent: { type: string; payload: unknown }[] = []
vi.mock("~src/features/lookup-panel/page-messaging", () => ({
  sendFromPage: vi.fn(async (type: string, payload: unknown) => {
    sent.push({ type, payload })
    if (type === "workspace/open") return { ok: true }
    return { captureId: "cap", isOrder: false, decision: "not-order", act: "", customerCode: "C-00101", reason: "abîmées, faire un avoir", complaint }
  })
}))

/** A Gmail message open in the page. */
function openMessage(): void {
  const el = (tag: string, attrs: Record<string, string>, ...children: (Node | string)[]) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v)
    e.append(...children)
    return e
  }
  const sender = el("span", { class: "gD", email: "amelie@boulangerie.fr", name: "Amélie" }, "Amélie")
  const message = el("div", { class: "adn ads", "data-legacy-message-id": "m1" }, sender, el("div", { class: "a3s aiL" }, el("div", {}, "les chaises reçues sont abîmées")))
  document.body.replaceChildren(el("div", { role: "main" }, el("h2", { class: "hP" }, "Chaises"), message))
}

/** The agent's own click (the panel ignores scripted ones: `isTrusted`). */
function agentClick(button: HTMLElement): void {
  const key = Object.keys(button).find((k) => k.startsWith("__reactProps$"))!
  const props = (button as unknown as Record<string, { onClick: (e: unknown) => void }>)[key]!
  act(() => props.onClick({ nativeEvent: { isTrusted: true } }))
}

async function captured(lang: "fr" | "en"): Promise<void> {
  openMessage()
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <CaptureOrderButton />
    </I18nextProvider>
  )
  agentClick(await screen.findByRole("button"))
  await waitFor(() => expect(document.querySelector('[data-comptoir="not-an-order"]')).not.toBeNull())
}
/** The text shown, French non-breaking spaces read as spaces. */
const text = (name: string) => document.querySelector(`[data-comptoir="${name}"]`)?.textContent?.replace(/\u00a0/g, " ") ?? null

afterEach(() => {
  cleanup()
  document.body.replaceChildren()
  sent.length = 0
  complaint = null
})

describe("a complaint in the page's panel", () => {
  it("in French: the complaint, the invoice it names, the credit note asked for with the mail's words, and its invoice to open", async () => {
    complaint = {
      about: "les chaises reçues sont abîmées",
      invoices: ["F-2026-0142"],
      orders: [],
      asks: [{ kind: "credit-note", words: "merci de nous faire un avoir" }],
      open: { kind: "invoice", path: "invoices/inv-142", label: "F-2026-0142" }
    }
    await captured("fr")
    expect(text("complaint")).toContain("Réclamation « les chaises reçues sont abîmées »")
    expect(text("complaint-refs")).toBe("Concerne la facture F-2026-0142.")
    expect(text("complaint-asks")).toBe("Demande : un avoir (« merci de nous faire un avoir »).")
    const open = screen.getByRole("button", { name: "Ouvrir la facture F-2026-0142" })
    agentClick(open)
    await waitFor(() => expect(text("complaint-opened")).toBe("Ouvert dans l'espace de travail."))
    expect(sent.at(-1)).toEqual({ type: "workspace/open", payload: { path: "invoices/inv-142" } })
  })

  it("in English: two asks in one clause said together, the customer's page when no invoice is known", async () => {
    complaint = {
      about: "wrong paper delivered",
      invoices: [],
      orders: [],
      asks: [
        { kind: "collection", words: "please collect it and send the right one" },
        { kind: "replacement", words: "please collect it and send the right one" }
      ],
      open: { kind: "customer", path: "customers/c-7", label: "Harbour Light" }
    }
    await captured("en")
    expect(text("complaint-asks")).toBe("Asks for: the goods taken back and a replacement (“please collect it and send the right one”).")
    expect(screen.getByRole("button", { name: "Open Harbour Light's page" })).toBeTruthy()
  })

  it("two asks offered as a choice are said with “or”, and that the choice is ours, in French and in English", async () => {
    const words = "merci de nous rembourser ou de les livrer rapidement"
    complaint = {
      about: "il manque 2 cartons sur la commande CMD-2026-00012",
      invoices: [],
      orders: ["CMD-2026-00012"],
      asks: [
        { kind: "refund", words },
        { kind: "replacement", words, choice: true }
      ],
      open: null
    }
    await captured("fr")
    expect(text("complaint-asks")).toBe(`Demande : un remboursement ou un remplacement, à notre choix (« ${words} »).`)
    cleanup()
    await captured("en")
    expect(text("complaint-asks")).toBe(`Asks for: a refund or a replacement, whichever we choose (“${words}”).`)
  })

  it("a choice beside another ask: the choice said with “or”, the other ask after it", async () => {
    complaint = {
      about: "Three boxes arrived damaged",
      invoices: [],
      orders: [],
      asks: [
        { kind: "credit-note", words: "please credit us, or send new ones" },
        { kind: "replacement", words: "please credit us, or send new ones", choice: true },
        { kind: "callback", words: "Also call me back" }
      ],
      open: null
    }
    await captured("en")
    expect(text("complaint-asks")).toBe("Asks for: a credit note or a replacement, whichever we choose (“please credit us, or send new ones”); a call back (“Also call me back”).")
  })

  it("a complaint that asks nothing says so; with no customer nor invoice known, no page is offered", async () => {
    complaint = { about: "The toner you delivered is defective", invoices: [], orders: [], asks: [], open: null }
    await captured("en")
    expect(text("complaint-asks")).toBe("Asks for nothing stated in the mail.")
    expect(document.querySelector('[data-comptoir="complaint-open"]')).toBeNull()
  })

  it("a non-order that is no complaint shows no complaint and no asks line", async () => {
    complaint = null
    await captured("en")
    expect(document.querySelector('[data-comptoir="complaint"]')).toBeNull()
    expect(document.querySelector('[data-comptoir="complaint-asks"]')).toBeNull()
  })
})
