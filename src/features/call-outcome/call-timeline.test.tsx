// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest"

import { createI18n } from "~src/i18n"

import { CallTimeline } from "./call-timeline"

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const appointmentLog = {
  id: "l1",
  direction: "outbound",
  startedAt: Date.UTC(2026, 11, 3, 9, 15),
  durationSeconds: 390,
  outcome: "appointment-set",
  notes: "",
  agent: "agent1@demo.comptoir.test",
  callbackAt: null,
  correctsId: null,
  appointment: { date: "2026-12-10", time: "14:30", salesRep: "Claire Martin", place: "Chez le client" }
}

async function timeline(language: "fr" | "en") {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { logs: [appointmentLog], total: 1 } })) } })
  const i18n = createI18n(language)
  render(<CallTimeline customerId="cu1" t={i18n.t} locale={language} initiallyOpen />)
  return (await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "call-log")).textContent
}

describe("a customer's call timeline", () => {
  it("gives an appointment's day in the French interface's way, not as an ISO date", async () => {
    const text = await timeline("fr")
    expect(text).toContain("Rendez-vous le 10/12/2026 à 14:30 avec Claire Martin, Chez le client")
    expect(text).not.toContain("2026-12-10")
  })

  it("and day first in the English interface", async () => {
    expect(await timeline("en")).toContain("Appointment 10 Dec 2026 14:30 with Claire Martin")
  })
})

const events = [
  { id: "pay:1", kind: "payment-recorded", at: Date.UTC(2026, 11, 4, 10), documentId: "inv1", documentType: "invoice", number: "FAC-2026-00012", amountCents: 123_450, mail: null },
  { id: "o1:mail", kind: "mail-captured", at: Date.UTC(2026, 11, 2, 8), documentId: "o1", documentType: "order", number: null, amountCents: 60_000, mail: { subject: "Commande gants S48", from: "achats@client.fr" } },
  { id: "q1:sent", kind: "quote-sent", at: Date.UTC(2026, 11, 1, 8), documentId: "q1", documentType: "quote", number: "DEV-2026-00003", amountCents: 99_999, mail: null }
]

async function cardTimeline(language: "fr" | "en", reply: (type: string) => unknown) {
  vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async (m: { type: string }) => reply(m.type)) } })
  const i18n = createI18n(language)
  const { container } = render(<CallTimeline customerId="cu1" t={i18n.t} locale={language} initiallyOpen documents />)
  await screen.findByText((_, el) => el?.getAttribute("data-state") === "done")
  return [...container.querySelectorAll("li")].map((li) => li.textContent ?? "")
}

const both = (type: string) => (type === "documents/timeline" ? { ok: true, data: { events, total: 3 } } : { ok: true, data: { logs: [appointmentLog], total: 1 } })

describe("the customer card's timeline", () => {
  it("tells the calls, the documents' steps and a mail captured as an order in one list, newest first", async () => {
    const entries = await cardTimeline("fr", both)
    expect(entries).toHaveLength(4)
    expect(entries[0]).toContain("Règlement enregistré")
    expect(entries[0]).toContain("Facture FAC-2026-00012 · 1\u202f234,50\u00a0€")
    expect(entries[1]).toContain("Rendez-vous le 10/12/2026")
    expect(entries[2]).toContain("Mail saisi en commande")
    expect(entries[2]).toContain("Devenu une commande en brouillon · 600,00\u00a0€")
    expect(entries[2]).toContain("« Commande gants S48 » · achats@client.fr")
    expect(entries[3]).toContain("Devis envoyé")
    expect(entries[3]).toContain("Devis DEV-2026-00003 · 999,99\u00a0€")
  })

  it("says each step in English for the English interface, with the amount as the English card writes it", async () => {
    const entries = await cardTimeline("en", both)
    expect(entries[0]).toContain("Payment recorded")
    expect(entries[0]).toContain("Invoice FAC-2026-00012 · €1,234.50")
    expect(entries[3]).toContain("Quote sent")
    expect(entries.join("\n")).not.toMatch(/undefined|card\.timeline/)
  })

  it("still shows the calls when the documents could not be read, and says so", async () => {
    const entries = await cardTimeline("en", (type) => (type === "documents/timeline" ? { ok: false, error: "base closed" } : { ok: true, data: { logs: [appointmentLog], total: 1 } }))
    expect(entries).toHaveLength(1)
    expect(screen.getByText("The documents could not be read: base closed")).toBeTruthy()
  })

  it("says there is nothing yet for a customer with neither calls nor documents", async () => {
    const entries = await cardTimeline("fr", (type) => (type === "documents/timeline" ? { ok: true, data: { events: [], total: 0 } } : { ok: true, data: { logs: [], total: 0 } }))
    expect(entries).toEqual([])
    expect(screen.getByText("Ni appel, ni document, ni mail saisi pour l'instant.")).toBeTruthy()
  })
})

describe("who logged each call, in the card's timeline", () => {
  it("is the agent's name when the team knows it, not their e-mail", async () => {
    vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { logs: [appointmentLog], total: 1, names: { "agent1@demo.comptoir.test": "Marc Lefèbvre" } } })) } })
    const i18n = createI18n("en")
    render(<CallTimeline customerId="cu1" t={i18n.t} locale="en" initiallyOpen />)
    const entry = await screen.findByText((_, el) => el?.getAttribute("data-comptoir") === "call-log")
    expect(entry.textContent).toContain("Marc Lefèbvre")
    expect(entry.textContent).not.toContain("agent1@demo.comptoir.test")
  })

  it("is the e-mail when no name is known (an account without a name, or offline)", async () => {
    expect(await timeline("en")).toContain("agent1@demo.comptoir.test")
  })
})

describe("the timeline after a call was logged from the card", () => {
  const older = { ...appointmentLog, id: "old", startedAt: Date.UTC(2026, 11, 1, 9), outcome: "no-answer", appointment: null }
  const logged = { ...appointmentLog, id: "new", startedAt: Date.UTC(2026, 11, 5, 9), outcome: "call-back", appointment: null, callbackAt: Date.UTC(2026, 11, 8, 9) }

  async function revealed(reducedMotion: boolean) {
    vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { logs: [logged, older], total: 2 } })) } })
    vi.stubGlobal("matchMedia", (query: string) => ({ matches: reducedMotion && query === "(prefers-reduced-motion: reduce)", media: query }))
    const scrolled: { id: string | undefined; options: unknown }[] = []
    const scrollIntoView = vi.fn(function (this: HTMLElement, options: unknown) {
      scrolled.push({ id: this.dataset.logId, options })
    })
    const before = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = scrollIntoView
    onTestFinished(() => {
      Element.prototype.scrollIntoView = before
    })
    const i18n = createI18n("en")
    render(<CallTimeline customerId="cu1" t={i18n.t} locale="en" initiallyOpen reveal="new" />)
    await screen.findAllByText((_, el) => el?.getAttribute("data-comptoir") === "call-log")
    await vi.waitFor(() => expect(scrolled).toHaveLength(1))
    return scrolled[0]!
  }

  it("brings the new entry into view, gliding, without moving a page where it already shows", async () => {
    expect(await revealed(false)).toEqual({ id: "new", options: { block: "nearest", behavior: "smooth" } })
    expect(document.querySelector('[data-comptoir="call-log"][data-log-id="new"]')?.hasAttribute("data-new")).toBe(true)
    expect(document.querySelector('[data-comptoir="call-log"][data-log-id="old"]')?.hasAttribute("data-new")).toBe(false)
  })

  it("jumps there without a glide for an agent who asked the system for less motion", async () => {
    expect(await revealed(true)).toEqual({ id: "new", options: { block: "nearest", behavior: "auto" } })
  })
})

describe("a customer's call timeline at a company of several contacts", () => {
  const contacts = [
    { id: "k1", firstName: "Amelia", lastName: "Ashworth" },
    { id: "k2", firstName: "Matthew", lastName: "Pickering" }
  ]
  const calls = [
    { ...appointmentLog, id: "l2", contactId: "k2", outcome: "call-back", appointment: null, callbackAt: Date.UTC(2026, 11, 8, 10) },
    { ...appointmentLog, id: "l3", contactId: null, outcome: "no-answer", appointment: null },
    { ...appointmentLog, id: "l4", contactId: "gone", outcome: "information-given", appointment: null }
  ]

  it("names the contact each call was with, and nobody for a call logged to the company alone or to a contact deleted since", async () => {
    vi.stubGlobal("chrome", { runtime: { sendMessage: vi.fn(async () => ({ ok: true, data: { logs: calls, total: 3 } })) } })
    const i18n = createI18n("en")
    const { container } = render(<CallTimeline customerId="cu1" t={i18n.t} locale="en" initiallyOpen contacts={contacts} />)
    await screen.findAllByText((_, el) => el?.getAttribute("data-comptoir") === "call-log")
    const who = [...container.querySelectorAll('[data-comptoir="call-log"]')].map((li) => li.querySelector('[data-comptoir="call-log-contact"]')?.textContent ?? null)
    expect(who).toEqual(["Matthew Pickering", null, null])
    expect(container.querySelector('[data-comptoir="call-log"]')!.textContent).toMatch(/^↗ .+\u00a0· Matthew Pickering/)
  })
})
